// The page builder, after TeX's (The TeXbook ch. 15; tex.web §980–1028). Boxes are added to
// the page while they fit; every legal breakpoint on the way is priced, badness of the page
// plus the breakpoint's penalty, and when the next box does not fit the page ends at the
// cheapest one (the later on a tie), not merely at the last. Footnotes are insertions: each
// takes its height from the page its mark falls on; one that does not fit continues on the
// next page. A box that can be cut (a band of table rows) offers its cut as one more breakpoint.
#include <algorithm>
#include <limits>
#include <map>
#include <optional>

#include "pages/note_placer.h"
#include "pages/paginate.h"

namespace reportc::pages {

using layout::kForceBreak;
using layout::kNoBreak;
using layout::VBox;
using layout::VGlue;
using layout::VItem;
using layout::VPenalty;

namespace {

constexpr int kInfBad = 10000;            // TeX's inf_bad: a page too loose to weigh
constexpr int64_t kDeplorable = 100000;   // the cost of breaking there anyway (tex.web §974)
constexpr int64_t kNoCandidate = std::numeric_limits<int64_t>::max();
constexpr size_t kNone = size_t(-1);

}  // namespace

int badness(Length t, Length s) {
    // tex.web §108, in scaled points as TeX's: r approximates 297^3 (t/s)^3 / 2^18 ≈ 100 (t/s)^3.
    if (t.sp <= 0) return 0;
    if (s.sp <= 0) return kInfBad;
    int64_t r;
    if (t.sp <= 7230584) r = t.sp * 297 / s.sp;
    else if (s.sp >= 1663497) r = t.sp / (s.sp / 297);
    else r = t.sp;
    if (r > 1290) return kInfBad;
    return int((r * r * r + 0400000) / 01000000);
}

namespace {

size_t skip_discardable(const std::vector<VItem>& items, size_t k) {
    while (k < items.size() && !std::holds_alternative<VBox>(items[k])) ++k;
    return k;
}

// A repeated copy of a header row: drawn as it is, never split again, calling no footnote.
VBox header_copy(const VBox& row) {
    VBox copy = row;
    copy.drop_extras();
    copy.set_page_master("");
    for (auto it = copy.items.begin(); it != copy.items.end();)
        it = std::holds_alternative<frame::AnchorItem>(*it) ? copy.items.erase(it) : it + 1;
    return copy;
}

// The boxes to repeat at the top of a page that `first` continues a table on, if any: the
// header rows, unless they would take half the page; none when the header is only the table's
// top rule (zero height) and `first` is the rest of a split row, which draws its own.
const std::vector<VBox>* repeated_header(const VBox& first, Length page_height) {
    if (!first.repeat_header()) return nullptr;
    const auto& header = *first.repeat_header();
    Length header_height;
    for (const auto& h : header) header_height += h.height;
    if (header_height >= page_height / 2) return nullptr;
    if (header_height == Length{} && first.splittable() && first.splittable()->continues()) return nullptr;
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

// One page being filled from the vertical list.
class PageFill {
public:
    // `number`: the page's, from 1.
    PageFill(std::vector<VItem>& items, const PageRules& rules, const std::string& master, size_t number, PageBreaks& result)
        : m_items(items), m_rules(rules), m_body(rules.body_height(master)), m_notes_placer(rules, m_body), m_number(number),
          m_result(result) {
        m_page.master = master;
    }

    // Fills the page from items[i], after the notes `carried` from the page before, into `out`;
    // returns where the next page starts and leaves in `carried` the notes that continue there.
    size_t fill(size_t i, std::vector<NotePiece>& carried, PageContent& out) {
        for (const auto& piece : carried) m_notes_placer.carry(m_notes, piece);
        const size_t n = m_items.size();
        if (i < n)
            if (const auto* header = repeated_header(std::get<VBox>(m_items[i]), m_body); header && m_number > 1)
                for (const auto& h : *header) place(header_copy(h), kNone);
        const size_t splits_before = m_result.split_rows;
        size_t next = n;
        for (size_t k = i; k < n; ++k) {
            if (auto* box = std::get_if<VBox>(&m_items[k])) {
                if (m_has_box && !box->page_master().empty() && box->page_master() != m_page.master) {
                    next = k;
                    break;
                }
                if (take(*box, k)) continue;
                next = overfull(k);
                break;
            }
            if (const auto* glue = std::get_if<VGlue>(&m_items[k])) {
                if (m_has_box && k > i && std::holds_alternative<VBox>(m_items[k - 1])) consider(k, 0);
                m_cursor += glue->height;
            } else if (const auto& pen = std::get<VPenalty>(m_items[k]); m_has_box) {
                if (pen.cost <= kForceBreak) {
                    next = k;
                    break;
                }
                if (pen.cost < kNoBreak) consider(k, pen.cost);
            }
        }
        m_page.notes = std::move(m_notes.on_page);
        carried = std::move(m_notes.held);
        out = std::move(m_page);
        // Always make progress: a page that split its first row continues with the row's rest.
        if (i < n && next <= i && m_result.split_rows == splits_before) next = i + 1;
        return skip_discardable(m_items, next);
    }

private:
    // The cheapest legal break so far: where the next page starts, and the page as it was there.
    struct Candidate {
        size_t at = kNone;
        int64_t cost = kNoCandidate;
        size_t boxes = 0;
        Notes notes;
    };

    Length goal() const { return m_body - m_notes.height; }

    int64_t cost_here(int penalty) const {
        const int b = badness(goal() - m_cursor, m_rules.ragged_bottom);
        return b < kInfBad ? int64_t(b) + penalty : kDeplorable;
    }

    // A legal breakpoint at items[k] with `penalty`: kept when no dearer than the best so far.
    void consider(size_t k, int penalty) {
        if (m_cursor > goal()) return;
        const int64_t c = cost_here(penalty);
        if (c <= m_best.cost) m_best = {k, c, m_page.boxes.size(), m_notes};
    }

    void place(VBox box, size_t from) {
        Length h = box.height;
        m_page.boxes.push_back({std::move(box), m_cursor});
        m_source.push_back(from);
        m_cursor += h;
    }

    // The notes `box` calls, their marks ending `total` below the body's top.
    bool add_notes(const VBox& box, Length total, bool must) {
        for (const auto& mark : box.inserts())
            if (!m_notes_placer.add(m_notes, {mark.note, 0, mark.note->lines.size()}, total, must)) return false;
        return true;
    }

    // Places items[k] when it fits with its notes.
    bool take(VBox& box, size_t k) {
        if (m_cursor + box.height > goal()) return false;
        Notes before = m_notes;
        if (!add_notes(box, m_cursor + box.height, !m_has_box)) {
            m_notes = std::move(before);
            return false;
        }
        place(std::move(box), k);
        m_has_box = true;
        return true;
    }

    // items[k] does not fit: cut it, let it overflow a page of its own, or end the page at the
    // best break. Returns where the next page starts.
    size_t overfull(size_t k) {
        VBox& box = std::get<VBox>(m_items[k]);
        if (cut(box)) {
            m_items[k] = std::move(*m_rest);
            return k;
        }
        if (!m_has_box) {
            // Taller than a whole page and not cut: it stands alone and overflows.
            m_result.forced.push_back(overflow(box, m_number, goal() - m_cursor, m_body));
            add_notes(box, m_cursor + box.height, true);
            place(std::move(box), k);
            return k + 1;
        }
        if (m_best.at != kNone) return back_to_best();
        // Nothing legal on this page: break before this box.
        m_result.forced.push_back(no_legal_break(m_page.boxes.back().box, box, m_number));
        return k;
    }

    // Rows shorter than a quarter page move whole to the next page; taller ones (and bands of
    // spanned rows) are cut so pages are not left half empty: at least two lines on each side of
    // every cell the cut goes through, or anything that fits when the row starts the page. A cut
    // whose notes do not fit under it moves up until they do. The cut is taken when it costs no more than
    // the best break before the box.
    bool cut(const VBox& box) {
        if (!box.splittable() || !(box.height > m_body / 4 || !m_has_box)) return false;
        if (box.whole && m_has_box) return false;  // a kept block moves whole to the next page
        Length room = goal() - m_cursor;
        std::optional<Length> first;
        for (int attempt = 0; attempt < 16 && room > Length{}; ++attempt) {
            auto at = box.splittable()->cut(room, 2);
            if (!at && !m_has_box) at = box.splittable()->cut(room, 1);
            if (!at) break;
            if (!first) first = at;
            if (cut_at(box, *at, false)) return true;
            Length notes_need = m_notes.on_page.empty() ? m_rules.note_skip : Length{};
            for (const auto& mark : box.inserts())
                if (mark.y < *at) notes_need += m_rules.note_gap + NotePiece{mark.note, 0, mark.note->lines.size()}.height();
            room = min(*at - Length{1}, goal() - m_cursor - notes_need);
        }
        // A row that starts the page is cut where it fits, its notes held for the next page.
        return first && !m_has_box && cut_at(box, *first, true);
    }

    bool cut_at(const VBox& box, Length at, bool must) {
        auto [stays, rest] = box.splittable()->split(box, at);
        std::vector<layout::InsertionMark> above, below;
        for (const auto& mark : box.inserts()) {
            if (mark.y < at) above.push_back(mark);
            else below.push_back({mark.note, max(Length{}, mark.y - at)});
        }
        stays.set_inserts(std::move(above));
        rest.set_inserts(std::move(below));
        Notes before = m_notes;
        if (!add_notes(stays, m_cursor + stays.height, must) || m_cursor + stays.height > goal() ||
            (m_best.at != kNone && badness(goal() - m_cursor - stays.height, m_rules.ragged_bottom) > m_best.cost)) {
            m_notes = std::move(before);
            return false;
        }
        rest.source = box.source;
        rest.kind = box.kind;
        place(std::move(stays), kNone);
        m_rest = std::move(rest);
        ++m_result.split_rows;
        return true;
    }

    // Ends the page at the best break: the boxes after it go back to the list.
    size_t back_to_best() {
        for (size_t b = m_best.boxes; b < m_page.boxes.size(); ++b)
            if (m_source[b] != kNone) m_items[m_source[b]] = std::move(m_page.boxes[b].box);
        m_page.boxes.resize(m_best.boxes);
        m_notes = std::move(m_best.notes);
        return m_best.at;
    }

    std::vector<VItem>& m_items;
    const PageRules& m_rules;
    const Length m_body;
    NotePlacer m_notes_placer;
    const size_t m_number;
    PageBreaks& m_result;
    PageContent m_page;
    std::vector<size_t> m_source;  // the item each placed box came from (kNone: made here)
    Length m_cursor;               // the body's height so far
    bool m_has_box = false;        // a box of the list is on the page (not only a repeated header)
    Notes m_notes;
    Candidate m_best;
    std::optional<VBox> m_rest;    // the rest of a box cut at the page's end
};

}  // namespace

PageBuilder::PageBuilder(const PageRules& rules, std::string first_master) : m_rules(rules), m_master(std::move(first_master)) {
    // Each master's body height asked once (the rules may report an unknown master).
    m_rules.body_height = [heights = std::map<std::string, Length>(), ask = rules.body_height](const std::string& name) mutable {
        auto it = heights.find(name);
        if (it == heights.end()) it = heights.emplace(name, ask(name)).first;
        return it->second;
    };
}

std::vector<PageContent> PageBuilder::add(std::vector<VItem> items) {
    if (m_items.empty()) m_items = std::move(items);
    else m_items.insert(m_items.end(), std::make_move_iterator(items.begin()), std::make_move_iterator(items.end()));
    std::vector<PageContent> pages;
    m_next = skip_discardable(m_items, m_next);
    while (m_next < m_items.size() && decided()) pages.push_back(fill_one());
    // What is left starts the next page: the list before it is released.
    m_items.erase(m_items.begin(), m_items.begin() + std::ptrdiff_t(m_next));
    m_next = 0;
    // The list of a long block came with its buffer: not kept for the rest of the pass.
    layout::release_spare_items(m_items);
    return pages;
}

std::vector<PageContent> PageBuilder::finish() {
    std::vector<PageContent> pages;
    m_next = skip_discardable(m_items, m_next);
    while (m_next < m_items.size() || !m_carried.empty()) pages.push_back(fill_one());
    m_items.clear();
    m_next = 0;
    return pages;
}

// The page from m_next ends inside the list already given: at the latest at the first box that
// takes the material past the page's body height (a page ends at the first box that does not
// fit, and notes and a repeated header only make the room smaller), so no later item can
// change it.
bool PageBuilder::decided() {
    const Length body = m_rules.body_height(master_at(m_next));
    Length height;
    for (size_t k = m_next; k < m_items.size(); ++k) {
        if (const auto* box = std::get_if<VBox>(&m_items[k])) {
            height += box->height;
            if (height > body) return true;
        } else if (const auto* glue = std::get_if<VGlue>(&m_items[k])) {
            height += glue->height;
        }
    }
    return false;
}

const std::string& PageBuilder::master_at(size_t i) const {
    if (i < m_items.size())
        if (const auto& first = std::get<VBox>(m_items[i]); !first.page_master().empty()) return first.page_master();
    return m_master;
}

PageContent PageBuilder::fill_one() {
    m_master = master_at(m_next);
    PageContent page;
    m_next = PageFill(m_items, m_rules, m_master, ++m_pages, m_result).fill(m_next, m_carried, page);
    return page;
}

PageBreaks break_pages(std::vector<VItem> items, const PageRules& rules, const std::string& first_master) {
    PageBuilder builder(rules, first_master);
    PageBreaks result;
    result.pages = builder.add(std::move(items));
    for (auto& page : builder.finish()) result.pages.push_back(std::move(page));
    result.forced = builder.forced();
    result.split_rows = builder.split_rows();
    return result;
}

PageBreaks break_pages(std::vector<VItem> items, const std::function<Length(const std::string&)>& body_height,
                       const std::string& first_master) {
    PageRules rules;
    rules.body_height = body_height;
    return break_pages(std::move(items), rules, first_master);
}

}  // namespace reportc::pages
