#include "layout/paragraph_cache.h"

namespace reportc::layout {
namespace {

bool same_apart_from_width(const inl::ParagraphInput& a, const inl::ParagraphInput& b) {
    inl::ParagraphInput b_at_a = b;  // cheap next to building items; compared field by field
    b_at_a.width = a.width;
    return a == b_at_a;
}

}  // namespace

ParagraphCache::Entry& ParagraphCache::entry(const ParagraphKey& key, const inl::ParagraphInput& input) {
    Entry& e = m_entries[key];
    if (e.items && same_apart_from_width(e.input, input)) {
        ++m_counts.item_reuses;
        return e;
    }
    Diagnostics diags;
    e = Entry{};
    e.input = input;
    e.items = inl::Typesetter(m_fonts, m_hyphenator, diags).prepare(input);
    e.item_diags = diags.all();
    ++m_counts.item_builds;
    return e;
}

const inl::ParagraphLayout& ParagraphCache::set(const ParagraphKey& key, const inl::ParagraphInput& input, Diagnostics& diags) {
    if (!key.node.assigned()) {
        m_uncached = inl::Typesetter(m_fonts, m_hyphenator, diags).set(input);
        return m_uncached;
    }
    Entry& e = entry(key, input);
    for (const auto& d : e.item_diags) diags.add(d);
    for (const auto& s : e.sets)
        if (s.width == input.width) {
            ++m_counts.set_reuses;
            for (const auto& d : s.diags) diags.add(d);
            return s.layout;
        }
    Diagnostics set_diags;
    SetAt at{input.width, inl::Typesetter(m_fonts, m_hyphenator, set_diags).set(input, e.items), {}};
    at.diags = set_diags.all();
    for (const auto& d : at.diags) diags.add(d);
    ++m_counts.sets;
    e.sets.push_back(std::move(at));
    return e.sets.back().layout;
}

std::pair<Length, Length> ParagraphCache::content_widths(const ParagraphKey& key, const inl::ParagraphInput& input) {
    Diagnostics quiet;  // what building the items finds is reported when the paragraph is set
    inl::Typesetter typesetter(m_fonts, m_hyphenator, quiet);
    if (!key.node.assigned()) return typesetter.content_widths(input);
    return typesetter.content_widths(input, entry(key, input).items);
}

std::ostream& operator<<(std::ostream& os, const ParagraphKey& k) {
    return os << k.node << "/" << int(k.part);
}

}  // namespace reportc::layout
