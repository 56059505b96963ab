#include "pages/paginate.h"

namespace reportc::pages {

using layout::kForceBreak;
using layout::kNoBreak;
using layout::VBox;
using layout::VGlue;
using layout::VItem;
using layout::VPenalty;

namespace {

constexpr size_t kNone = size_t(-1);

size_t skip_discardable(const std::vector<VItem>& items, size_t k) {
    while (k < items.size() && !std::holds_alternative<VBox>(items[k])) ++k;
    return k;
}

// A repeated copy of a header row: drawn as it is, never split again.
VBox header_copy(const VBox& row) {
    VBox copy = row;
    copy.splittable.reset();
    copy.repeat_header.reset();
    copy.outline.clear();
    copy.section_mark.reset();
    copy.page_master.clear();
    for (auto it = copy.items.begin(); it != copy.items.end();)
        it = std::holds_alternative<frame::AnchorItem>(*it) ? copy.items.erase(it) : it + 1;
    return copy;
}

// The boxes to repeat at the top of a page that `first` continues a table on, if any: the
// header rows, unless they would take half the page; none when the header is only the table's
// top rule (zero height) and `first` is the rest of a split row, which draws its own.
const std::vector<VBox>* repeated_header(const VBox& first, Length page_height) {
    if (!first.repeat_header) return nullptr;
    const auto& header = *first.repeat_header;
    Length header_height;
    for (const auto& h : header) header_height += h.height;
    if (header_height >= page_height / 2) return nullptr;
    if (header_height == Length{} && first.splittable && first.splittable->continues()) return nullptr;
    return &header;
}

ForcedBreak overflow(const VBox& box, size_t page, Length room, Length body) {
    ForcedBreak f;
    f.kind = ForcedBreak::Kind::Overflow;
    f.page = page;
    f.source = box.source;
    f.what = box.kind;
    f.height = box.height;
    f.room = room;
    f.body = body;
    return f;
}

// A break made between `before` (the last box of page `page`) and `after`.
ForcedBreak no_legal_break(const VBox& before, const VBox& after, size_t page) {
    ForcedBreak f;
    f.page = page;
    f.source = after.source;
    f.what = after.kind;
    f.inside = after.source.valid() && before.source == after.source;
    return f;
}

}  // namespace

// A greedy page builder in the manner of TeX's (The TeXbook, ch. 15): fill the page, remember
// the last legal breakpoint, and when the next box does not fit, break there. Legal
// breakpoints are penalties below kNoBreak and glue that directly follows a box. A table row
// that does not fit is split between lines of its cells when enough of it fits; a page that
// continues a table starts with the table's header rows again.
PageBreaks break_pages(std::vector<VItem> items, const std::function<Length(const std::string&)>& body_height,
                       const std::string& first_master) {
    PageBreaks result;
    const size_t n = items.size();
    std::string master = first_master;
    size_t i = skip_discardable(items, 0);
    while (i < n) {
        if (const auto& first = std::get<VBox>(items[i]); !first.page_master.empty()) master = first.page_master;
        const Length height = body_height(master);
        PageContent page;
        page.master = master;
        Length cursor;
        bool has_box = false;
        // Boxes move into the page; source[i] remembers where each came from, so a break moved
        // back to an earlier breakpoint can return them to the list (kNone: made here).
        std::vector<size_t> source;
        auto place = [&](VBox box, size_t from) {
            Length h = box.height;
            page.boxes.push_back({std::move(box), cursor});
            source.push_back(from);
            cursor += h;
        };
        // A page that continues a table repeats its header rows, or at least its top rule.
        if (const auto* header = repeated_header(std::get<VBox>(items[i]), height); header && !result.pages.empty())
            for (const auto& h : *header) place(header_copy(h), kNone);
        size_t last_item = kNone, last_placed = 0;
        const size_t splits_before = result.split_rows;
        size_t next = n;
        for (size_t k = i; k < n; ++k) {
            if (auto* box = std::get_if<VBox>(&items[k])) {
                if (has_box && !box->page_master.empty() && box->page_master != master) {
                    next = k;
                    break;
                }
                if (cursor + box->height <= height) {
                    place(std::move(*box), k);
                    has_box = true;
                    continue;
                }
                // Rows shorter than a quarter page move whole to the next page; taller ones
                // (and bands of spanned rows) split so pages are not left half empty.
                if (box->splittable && (box->height > height / 4 || !has_box)) {
                    // Split the row: at least two lines of its busiest cell on each side, or
                    // anything that fits when the row starts the page.
                    Length room = height - cursor;
                    auto cut = box->splittable->cut(room, 2);
                    if (!cut && !has_box) cut = box->splittable->cut(room, 1);
                    if (cut) {
                        auto [stays, rest] = box->splittable->split(*box, *cut);
                        rest.source = box->source;
                        rest.kind = box->kind;
                        place(std::move(stays), kNone);
                        items[k] = std::move(rest);
                        ++result.split_rows;
                        next = k;
                        break;
                    }
                }
                if (!has_box) {
                    // Taller than a whole page and not splittable: it stands alone and overflows.
                    result.forced.push_back(overflow(*box, result.pages.size() + 1, height - cursor, height));
                    place(std::move(*box), k);
                    next = k + 1;
                    break;
                }
                if (last_item != kNone) {
                    for (size_t b = last_placed; b < page.boxes.size(); ++b)
                        if (source[b] != kNone) items[source[b]] = std::move(page.boxes[b].box);
                    page.boxes.resize(last_placed);
                    next = last_item;
                } else {
                    // Nothing legal on this page: break before this box.
                    result.forced.push_back(no_legal_break(page.boxes.back().box, *box, result.pages.size() + 1));
                    next = k;
                }
                break;
            } else if (const auto* glue = std::get_if<VGlue>(&items[k])) {
                if (has_box && k > i && std::holds_alternative<VBox>(items[k - 1])) {
                    last_item = k;
                    last_placed = page.boxes.size();
                }
                cursor += glue->height;
            } else if (const auto* pen = std::get_if<VPenalty>(&items[k])) {
                if (pen->cost <= kForceBreak && has_box) {
                    next = k;
                    break;
                }
                if (pen->cost < kNoBreak && has_box) {
                    last_item = k;
                    last_placed = page.boxes.size();
                }
            }
        }
        result.pages.push_back(std::move(page));
        // Always make progress: a page that split its first row continues with the row's rest.
        if (next <= i && result.split_rows == splits_before) next = i + 1;
        i = skip_discardable(items, next);
    }
    return result;
}

namespace {

// "712pt", "650.5pt": to a tenth of a point, enough to compare a box with its page.
std::string points(Length l) {
    int64_t tenths = (l.sp * 10 + Length::kSpPerPt / 2) / Length::kSpPerPt;
    std::string out = std::to_string(tenths / 10);
    if (tenths % 10) out.append(".").append(std::to_string(tenths % 10));
    return out.append("pt");
}

const char* noun(layout::BoxKind kind) {
    switch (kind) {
    case layout::BoxKind::ParagraphLine: return "paragraph";
    case layout::BoxKind::TableRow: return "table row";
    case layout::BoxKind::Chart: return "chart";
    case layout::BoxKind::Diagram: return "diagram";
    case layout::BoxKind::Other: break;
    }
    return nullptr;
}

}  // namespace

std::string describe(const ForcedBreak& f) {
    const char* what = f.source.valid() ? noun(f.what) : nullptr;
    const std::string page = "page " + std::to_string(f.page);
    if (f.kind == ForcedBreak::Kind::Overflow) {
        const std::string subject = !what                                     ? std::string("a box")
                                    : f.what == layout::BoxKind::ParagraphLine ? std::string("a line of this paragraph")
                                                                               : std::string("this ") + what;
        const std::string limit = f.room < f.body ? "the room left below the table's repeated header" : "the page body";
        return subject + " is taller than " + limit + " (" + points(f.height) + " > " + points(f.room) + ") and overflows " + page;
    }
    const std::string pages = "between pages " + std::to_string(f.page) + " and " + std::to_string(f.page + 1);
    if (!what) return "a page break had to be made " + pages + ", where keep or widow/orphan rules forbid one";
    if (f.inside)
        return std::string("a page break had to be made inside this ") + what + ", " + pages +
               ", where its widow/orphan or keep rules forbid one";
    return std::string("a page break had to be made before this ") + what + ", " + pages + ", where a keep rule forbids one";
}

void warn_forced_breaks(const std::vector<ForcedBreak>& forced, Diagnostics& diags) {
    for (const auto& f : forced) diags.warning(f.source, describe(f));
}

}  // namespace reportc::pages
