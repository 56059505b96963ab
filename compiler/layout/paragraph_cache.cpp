#include "layout/paragraph_cache.h"

namespace reportc::layout {

// The entry's body for `input`: its own (read back when written out) when the input is the same,
// else a new one.
ParagraphCache::Body& ParagraphCache::entry(const ParagraphKey& key, const inl::ParagraphInput& input) {
    Entry& e = m_entries[key];
    if (!e.body && e.size) read_back(e);
    if (e.body && e.body->input.same_apart_from_width(input, m_encoded)) {
        // The same paragraph, moved in its file (text inserted above it, in a later build of a
        // resident compiler): what it kept is moved with it.
        if (Body& b = *e.body; b.input.span() != input.span) {
            b.input.rebase(b.item_diags, input.span);
            for (auto& set : b.sets) b.input.rebase(set.diags, input.span);
            b.input.set_span(input.span);
        }
        return *e.body;
    }
    if (e.body) count(-ptrdiff_t(e.body->counted));
    e = Entry{};
    e.body = std::make_unique<Body>();
    e.body->input = PackedInput(input, m_settings);
    return *e.body;
}

// The entry's items, built when first needed; they are dropped once the paragraph is set (see
// set()), so a long document does not hold every paragraph's items at once.
const inl::PreparedItems& ParagraphCache::items(Body& b, const inl::ParagraphInput& input, const ParagraphKey& key, bool held) {
    if (b.items) {
        ++m_counts.item_reuses;
        return b.items;
    }
    Diagnostics diags;
    b.items = inl::Typesetter(m_fonts, m_hyphenator, diags).prepare(input);
    b.item_diags = diags.all();
    ++m_counts.item_builds;
    if (held) {
        bound_held_items();
        m_held.push_back(key);
    }
    return b.items;
}

void ParagraphCache::bound_held_items() {
    constexpr size_t kHeldItems = 4096;
    while (m_held.size() >= kHeldItems) {
        if (auto it = m_entries.find(m_held.front()); it != m_entries.end() && it->second.body) it->second.body->items.reset();
        m_held.pop_front();
    }
}

const inl::ParagraphLayout& ParagraphCache::set(const ParagraphKey& key, const inl::ParagraphInput& input, Diagnostics& diags) {
    if (!key.node.assigned()) {
        inl::Typesetter(m_fonts, m_hyphenator, diags).set(input, nullptr, m_set);
        return m_set;
    }
    if (m_release) release_last_used(key);
    Body& b = entry(key, input);
    for (const auto& s : b.sets)
        if (s.width == input.width) {
            ++m_counts.set_reuses;
            for (const auto& d : b.item_diags) diags.add(d);
            for (const auto& d : s.diags) diags.add(d);
            s.layout.unpack(m_set);
            if (m_release) m_last_used = key;
            else settle(key, false);
            return m_set;
        }
    Diagnostics set_diags;
    const auto& prepared = items(b, input, key, false);  // dropped once set
    inl::Typesetter(m_fonts, m_hyphenator, set_diags).set(input, prepared, m_set);
    for (const auto& d : b.item_diags) diags.add(d);
    for (const auto& d : set_diags.all()) diags.add(d);
    ++m_counts.sets;
    if (m_release) {  // the setting is not kept; the items serve the paragraph's next calls
        m_last_used = key;
        return m_set;
    }
    b.sets.push_back(SetAt{input.width, PackedLayout(m_set), set_diags.all()});
    b.items.reset();
    settle(key, true);
    return m_set;
}

// A paragraph is often set several times in a row (a trial for its tied last words, the measures
// a balanced heading tries): its entry goes only once another paragraph is asked for.
void ParagraphCache::release_last_used(const ParagraphKey& next) {
    if (!m_last_used || *m_last_used == next) return;
    forget(*m_last_used);
    m_last_used.reset();
}

void ParagraphCache::adopt(ParagraphCache&& other) {
    other.count(-ptrdiff_t(other.m_held_bytes));  // what is adopted is counted again here
    for (const ParagraphKey& key : other.m_in_memory)  // in the order they were set
        if (auto it = other.m_entries.find(key); it != other.m_entries.end() && it->second.body) it->second.body->queued = false;
    for (auto& [key, entry] : other.m_entries) {
        // Written to another store, its place means nothing here: the paragraph is set again.
        if (!entry.body && (!entry.size || other.m_spill != m_spill)) continue;
        const uint32_t sets = entry.body ? uint32_t(entry.body->sets.size()) : entry.sets;
        if (!m_entries.try_emplace(key, std::move(entry)).second) continue;
        m_counts.adopted += sets;
        if (Entry& mine = m_entries.at(key); mine.body) {
            count(ptrdiff_t(mine.body->counted));
            mine.body->queued = m_spill != nullptr;
            if (m_spill) m_in_memory.push_back(key);
        }
    }
    other.m_entries.clear();
    other.m_in_memory.clear();
    bound_held_bytes();
}

ParagraphCache::~ParagraphCache() { spill_to(nullptr); }

void ParagraphCache::spill_to(ParagraphSpill* spill) {
    const size_t held = m_held_bytes;
    count(-ptrdiff_t(held));
    if (m_spill) m_spill->caches.fetch_sub(1, std::memory_order_relaxed);
    m_spill = spill;
    if (m_spill) m_spill->caches.fetch_add(1, std::memory_order_relaxed);
    count(ptrdiff_t(held));
}

void ParagraphCache::count(ptrdiff_t delta) {
    m_held_bytes += size_t(delta);
    if (!m_spill) return;
    if (delta >= 0) m_spill->held.fetch_add(size_t(delta), std::memory_order_relaxed);
    else m_spill->held.fetch_sub(size_t(-delta), std::memory_order_relaxed);
}

std::pair<Length, Length> ParagraphCache::content_widths(const ParagraphKey& key, const inl::ParagraphInput& input) {
    Diagnostics quiet;  // what building the items finds is reported when the paragraph is set
    inl::Typesetter typesetter(m_fonts, m_hyphenator, quiet);
    if (!key.node.assigned()) return typesetter.content_widths(input);
    Body& b = entry(key, input);
    const bool known = b.content_widths.has_value();
    if (!known) b.content_widths = typesetter.content_widths(input, items(b, input, key, true));
    const auto widths = *b.content_widths;
    settle(key, !known);
    return widths;
}

std::ostream& operator<<(std::ostream& os, const ParagraphKey& k) {
    return os << k.node << "/" << int(k.part);
}

}  // namespace reportc::layout
