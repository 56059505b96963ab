#include "pages/paginate.h"

namespace reportc::pages {

using layout::kForceBreak;
using layout::kNoBreak;
using layout::VBox;
using layout::VGlue;
using layout::VPenalty;

// A greedy page builder in the manner of TeX's (The TeXbook, ch. 15): fill the page, remember
// the last legal breakpoint, and when the next box does not fit, break there. Legal
// breakpoints are penalties below kNoBreak and glue that directly follows a box.
PageBreaks break_pages(const std::vector<layout::VItem>& items, Length body_height) {
    PageBreaks result;
    size_t i = 0;
    const size_t n = items.size();
    auto skip_discardable = [&](size_t k) {
        while (k < n && !std::holds_alternative<VBox>(items[k])) ++k;
        return k;
    };
    i = skip_discardable(0);
    while (i < n) {
        result.starts.push_back(i);
        Length cursor;
        size_t last_break = 0;  // 0 = none (a page never breaks before its first item)
        bool has_box = false;
        size_t k = i;
        size_t next = n;
        for (; k < n; ++k) {
            const auto& item = items[k];
            if (const auto* box = std::get_if<VBox>(&item)) {
                if (has_box && cursor + box->height > body_height) {
                    if (last_break == 0) {
                        last_break = k;  // nothing legal on this page: break before this box
                        ++result.forced_overflows;
                    }
                    next = last_break;
                    break;
                }
                cursor += box->height;
                has_box = true;
            } else if (const auto* glue = std::get_if<VGlue>(&item)) {
                if (k > i && std::holds_alternative<VBox>(items[k - 1])) last_break = k;
                cursor += glue->height;
            } else if (const auto* pen = std::get_if<VPenalty>(&item)) {
                if (pen->cost <= kForceBreak && has_box) {
                    next = k;
                    break;
                }
                if (pen->cost < kNoBreak) last_break = k;
            }
        }
        if (next <= i) next = i + 1;  // always make progress
        i = skip_discardable(next);
    }
    return result;
}

}  // namespace reportc::pages
