#include "linebreak/kp_measures.h"

namespace reportc::linebreak::kp {

Paragraph prepare(const std::vector<Item>& items) {
    const size_t n = items.size();
    Paragraph p{items, n, {}, {}, {}, {}, {}, {}};
    p.width.assign(n + 1, 0);
    p.stretch.assign(n + 1, 0);
    p.shrink.assign(n + 1, 0);
    for (size_t i = 0; i < n; ++i) {
        const Item& item = items[i];
        const bool glue = item.kind == ItemKind::Glue;
        p.width[i + 1] = p.width[i] + (item.kind == ItemKind::Penalty ? 0 : item.width.sp);
        p.stretch[i + 1] = p.stretch[i] + (glue ? item.stretch.sp : 0);
        p.shrink[i + 1] = p.shrink[i] + (glue ? item.shrink.sp : 0);
    }
    p.expandable.assign(n + 1, 0);
    p.last_box.assign(n + 1, kNone);
    for (size_t i = 0; i < n; ++i) {
        const bool box = items[i].kind == ItemKind::Box;
        p.expandable[i + 1] = p.expandable[i] + (box && items[i].expandable ? items[i].width.sp : 0);
        p.last_box[i + 1] = box ? i : p.last_box[i];
    }
    p.keep.assign(n + 1, n);
    for (size_t i = n; i-- > 0;)
        p.keep[i] = items[i].kind == ItemKind::Box || is_forced(items[i]) ? i : p.keep[i + 1];
    // The caller should end the paragraph with a forced break; if only discardable items follow
    // the last forced break they are dropped, and if boxes follow it (or there is none) the end
    // of the list is a forced break of its own (p.last = n).
    for (size_t i = n; i-- > 0 && items[i].kind != ItemKind::Box;) {
        if (is_forced(items[i])) {
            p.last = i;
            break;
        }
    }
    return p;
}

std::optional<Break> breakpoint(const Paragraph& p, size_t i, bool hyphenate, int tie_penalty) {
    if (i == p.items.size()) return Break{Length::zero(), -kInfinitePenalty, false, true, true};
    const Item& item = p.items[i];
    switch (item.kind) {
    case ItemKind::Box:
        return std::nullopt;
    case ItemKind::Glue:
        if (i > 0 && p.items[i - 1].kind == ItemKind::Box) return Break{};
        return std::nullopt;
    case ItemKind::Penalty: {
        if (item.tie && tie_penalty < kInfinitePenalty) return Break{item.width, tie_penalty, item.flagged, false, false};
        if (item.penalty >= kInfinitePenalty) return std::nullopt;
        const bool forced = item.penalty <= -kInfinitePenalty;
        if (!forced && item.hyphenation && !hyphenate) return std::nullopt;
        return Break{item.width, item.penalty, item.flagged, forced, i == p.last};
    }
    }
    return std::nullopt;
}

}  // namespace reportc::linebreak::kp
