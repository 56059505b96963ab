#include "layout/keeps.h"

namespace reportc::layout {
namespace {

size_t first_box(const std::vector<VItem>& items, size_t from) {
    for (size_t k = from; k < items.size(); ++k)
        if (std::holds_alternative<VBox>(items[k])) return k;
    return items.size();
}

size_t last_box(const std::vector<VItem>& items, size_t from) {
    for (size_t k = items.size(); k-- > from;)
        if (std::holds_alternative<VBox>(items[k])) return k;
    return items.size();
}

// The last item before `at` other than glue forbids a break (a kept-with-next heading).
bool follows_keep(const std::vector<VItem>& items, size_t at) {
    for (size_t k = at; k-- > 0;) {
        if (std::holds_alternative<VGlue>(items[k])) continue;
        const auto* p = std::get_if<VPenalty>(&items[k]);
        return p && p->cost >= kNoBreak;
    }
    return false;
}

// No legal breakpoint between the first and the last box: penalties forbid, and glue after a
// box (a breakpoint) gets a forbidding penalty before it. Forced breaks stay.
void keep_together(std::vector<VItem>& items, size_t first, size_t last) {
    std::vector<VItem> kept;
    kept.reserve(last - first + 8);
    for (size_t k = first; k <= last; ++k) {
        VItem& item = items[k];
        if (auto* box = std::get_if<VBox>(&item)) box->whole = true;
        else if (auto* pen = std::get_if<VPenalty>(&item); pen && pen->cost > kForceBreak) pen->cost = kNoBreak;
        else if (std::holds_alternative<VGlue>(item) && std::holds_alternative<VBox>(kept.back())) kept.push_back(VPenalty{kNoBreak});
        kept.push_back(std::move(item));
    }
    items.erase(items.begin() + std::ptrdiff_t(first), items.begin() + std::ptrdiff_t(last + 1));
    items.insert(items.begin() + std::ptrdiff_t(first), std::make_move_iterator(kept.begin()), std::make_move_iterator(kept.end()));
}

}  // namespace

style::BlockKeeps merge_keeps(style::BlockKeeps from_style, const doc::Keeps& attributes) {
    if (attributes.together) from_style.together = *attributes.together;
    if (attributes.with_next) from_style.with_next = *attributes.with_next;
    if (attributes.break_before) from_style.break_before = *attributes.break_before;
    if (attributes.break_after) from_style.break_after = *attributes.break_after;
    return from_style;
}

Length natural_height(const std::vector<VItem>& items, size_t from, size_t to) {
    Length h;
    bool started = false;
    Length pending;  // glue counts only once a box follows it
    for (size_t k = from; k < to; ++k) {
        if (const auto* box = std::get_if<VBox>(&items[k])) {
            if (started) h += pending;
            h += box->height;
            pending = Length{};
            started = true;
        } else if (const auto* glue = std::get_if<VGlue>(&items[k])) {
            pending += glue->height;
        }
    }
    return h;
}

void apply_keeps(std::vector<VItem>& items, size_t start, const style::BlockKeeps& keeps, Length page_body) {
    const size_t first = first_box(items, start);
    if (first == items.size()) return;
    if (keeps.together) {
        const size_t last = last_box(items, start);
        if (natural_height(items, first, last + 1) <= page_body) keep_together(items, first, last);
    }
    if (keeps.with_next) items.insert(items.begin() + std::ptrdiff_t(last_box(items, start) + 1), VPenalty{kNoBreak});
    if (keeps.break_after) items.push_back(VPenalty{kForceBreak});
    // Not after a kept-with-next heading: the heading goes to the new page with the block.
    if (keeps.break_before && !follows_keep(items, start)) items.insert(items.begin() + std::ptrdiff_t(start), VPenalty{kForceBreak});
}

void keep_space_at_top(std::vector<VItem>& items, Length space, Span source) {
    VBox strut;
    strut.source = source;
    items.push_back(std::move(strut));
    items.push_back(VPenalty{kNoBreak});
    items.push_back(VGlue{space});
}

style::BlockKeeps style_keeps(const doc::Paragraph& p, const style::Stylesheet& styles) {
    const auto* s = styles.paragraph(p.style);
    return s ? style::BlockKeeps{s->keep_together, false, s->page_break_before, s->page_break_after} : style::BlockKeeps{};
}

style::BlockKeeps style_keeps(const doc::List& l, const style::Stylesheet& styles) {
    const auto* s = styles.paragraph(l.style);
    return s ? style::BlockKeeps{s->keep_together, s->keep_with_next, s->page_break_before, s->page_break_after} : style::BlockKeeps{};
}

style::BlockKeeps style_keeps(const doc::Table& t, const style::Stylesheet& styles) {
    const auto* s = styles.table(doc::style_of(t));
    style::BlockKeeps keeps = s ? s->keeps : style::BlockKeeps{};
    size_t body_rows = 0;
    for (const auto& row : doc::rows_of(t)) body_rows += row.kind == doc::TableRow::Kind::Body;
    if (body_rows < size_t(styles.settings().keep_tables_under_rows)) keeps.together = true;
    return keeps;
}

style::BlockKeeps style_keeps(const doc::Frame& f, const style::Stylesheet& styles) {
    const auto* s = styles.box(f.style);
    return s ? s->keeps : style::BlockKeeps{};
}

void invite_break(const style::ParagraphStyle& style, std::vector<VItem>& out) {
    if (style.break_penalty == 0) return;
    auto at = out.end();
    while (at != out.begin() && std::holds_alternative<VGlue>(*(at - 1))) --at;
    if (at == out.begin() || !std::holds_alternative<VBox>(*(at - 1))) return;
    out.insert(at, VPenalty{style.break_penalty});
}

bool follows_kept_heading(const std::vector<VItem>& out) {
    for (auto it = out.rbegin(); it != out.rend(); ++it) {
        if (std::holds_alternative<VGlue>(*it)) continue;
        const auto* p = std::get_if<VPenalty>(&*it);
        return p && p->cost >= kNoBreak;
    }
    return false;
}

void stamp_master(std::vector<VItem>& out, size_t start, const std::string& master) {
    for (size_t k = start; k < out.size(); ++k)
        if (auto* box = std::get_if<VBox>(&out[k]); box && box->page_master().empty()) box->set_page_master(master);
}

void LineHold::after(const style::ParagraphStyle& style, const std::vector<VItem>& out) {
    if (style.keep_with_next_lines <= 0) return;
    size_t from = out.size();
    while (from > 0 && !std::holds_alternative<VBox>(out[from - 1])) --from;
    m_hold = Hold{from, style.keep_with_next_lines};
}

void LineHold::close(std::vector<VItem>& out) {
    if (!m_hold) return;
    size_t k = m_hold->from;
    for (; k < out.size() && m_hold->lines > 0; ++k) {
        if (std::holds_alternative<VBox>(out[k])) {
            if (--m_hold->lines == 0) break;
        } else if (auto* p = std::get_if<VPenalty>(&out[k])) {
            if (p->cost <= kForceBreak) m_hold->lines = 0;
            else p->cost = kNoBreak;
        } else if (k > 0 && std::holds_alternative<VBox>(out[k - 1])) {
            // What the glue leads to decides: nothing yet (wait for the next block), a forced
            // break (the hold ends there), or more material (close this break).
            size_t next = k;
            while (next < out.size() && std::holds_alternative<VGlue>(out[next])) ++next;
            if (next == out.size()) break;
            if (const auto* p = std::get_if<VPenalty>(&out[next]); p && p->cost <= kForceBreak) {
                m_hold->lines = 0;
                break;
            }
            out.insert(out.begin() + std::ptrdiff_t(k), VPenalty{kNoBreak});
            ++k;
        }
    }
    if (m_hold->lines <= 0) m_hold.reset();
    else m_hold->from = k;
}

std::optional<size_t> LineHold::from() const {
    if (!m_hold) return std::nullopt;
    return m_hold->from;
}

void LineHold::dropped(size_t n) {
    if (m_hold) m_hold->from -= n;
}

}  // namespace reportc::layout
