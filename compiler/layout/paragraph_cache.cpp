#include "layout/paragraph_cache.h"

namespace reportc::layout {
ParagraphCache::Entry& ParagraphCache::entry(const ParagraphKey& key, const inl::ParagraphInput& input) {
    if (m_on_miss && !m_entries.contains(key)) m_on_miss(key);
    Entry& e = m_entries[key];
    if (e.valid && e.input.same_apart_from_width(input, m_encoded)) return e;
    e = Entry{};
    e.valid = true;
    e.input = PackedInput(input, m_settings);
    return e;
}

// The entry's items, built when first needed; they are dropped once the paragraph is set (see
// set()), so a long document does not hold every paragraph's items at once.
const inl::PreparedItems& ParagraphCache::items(Entry& e, const inl::ParagraphInput& input, const ParagraphKey& key, bool held) {
    if (e.items) {
        ++m_counts.item_reuses;
        return e.items;
    }
    Diagnostics diags;
    e.items = inl::Typesetter(m_fonts, m_hyphenator, diags).prepare(input);
    e.item_diags = diags.all();
    ++m_counts.item_builds;
    if (held) {
        bound_held_items();
        m_held.push_back(key);
    }
    return e.items;
}

void ParagraphCache::bound_held_items() {
    constexpr size_t kHeldItems = 4096;
    while (m_held.size() >= kHeldItems) {
        if (auto it = m_entries.find(m_held.front()); it != m_entries.end()) it->second.items.reset();
        m_held.pop_front();
    }
}

const inl::ParagraphLayout& ParagraphCache::set(const ParagraphKey& key, const inl::ParagraphInput& input, Diagnostics& diags) {
    if (!key.node.assigned()) {
        m_set = inl::Typesetter(m_fonts, m_hyphenator, diags).set(input);
        return m_set;
    }
    Entry& e = entry(key, input);
    for (const auto& s : e.sets)
        if (s.width == input.width) {
            ++m_counts.set_reuses;
            for (const auto& d : e.item_diags) diags.add(d);
            for (const auto& d : s.diags) diags.add(d);
            s.layout.unpack(m_set);
            if (m_release) m_entries.erase(key);
            return m_set;
        }
    Diagnostics set_diags;
    const auto& prepared = items(e, input, key, false);  // dropped once set
    m_set = inl::Typesetter(m_fonts, m_hyphenator, set_diags).set(input, prepared);
    for (const auto& d : e.item_diags) diags.add(d);
    for (const auto& d : set_diags.all()) diags.add(d);
    ++m_counts.sets;
    if (m_release) {
        m_entries.erase(key);
        return m_set;
    }
    e.sets.push_back(SetAt{input.width, PackedLayout(m_set), set_diags.all()});
    e.items.reset();
    return m_set;
}

void ParagraphCache::adopt(ParagraphCache&& other) {
    for (auto& [key, entry] : other.m_entries) {
        const size_t sets = entry.sets.size();
        if (m_entries.try_emplace(key, std::move(entry)).second) m_counts.adopted += sets;
    }
    other.m_entries.clear();
}

std::pair<Length, Length> ParagraphCache::content_widths(const ParagraphKey& key, const inl::ParagraphInput& input) {
    Diagnostics quiet;  // what building the items finds is reported when the paragraph is set
    inl::Typesetter typesetter(m_fonts, m_hyphenator, quiet);
    if (!key.node.assigned()) return typesetter.content_widths(input);
    Entry& e = entry(key, input);
    if (!e.content_widths) e.content_widths = typesetter.content_widths(input, items(e, input, key, true));
    return *e.content_widths;
}

std::ostream& operator<<(std::ostream& os, const ParagraphKey& k) {
    return os << k.node << "/" << int(k.part);
}

}  // namespace reportc::layout
