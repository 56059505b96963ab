#include "layout/paragraph_cache_spill.h"

namespace reportc::layout {
namespace {

// Settings looked back at by value before a new one is pinned: a document has a few, and an
// entry mostly has its neighbour's. One seen longer ago is pinned again, which costs a pointer.
constexpr size_t kSettingsLookedBack = 16;

}  // namespace

template <class T>
uint32_t SpillPins::Table<T>::add(const std::shared_ptr<const T>& p) {
    if (!p) return kNone;
    if (auto it = index.find(p.get()); it != index.end()) return it->second;
    const auto i = uint32_t(items.size());
    items.push_back(p);
    index.emplace(p.get(), i);
    return i;
}

uint32_t SpillPins::pin(const Settings& s, bool (*same)(const inl::ParagraphInput&, const inl::ParagraphInput&)) {
    std::lock_guard lock(m_mutex);
    if (!s) return kNone;
    if (auto it = m_settings.index.find(s.get()); it != m_settings.index.end()) return it->second;
    const size_t n = m_settings.items.size();
    for (size_t back = 1; back <= std::min(n, kSettingsLookedBack); ++back)
        if (same(*m_settings.items[n - back], *s)) return uint32_t(n - back);
    return m_settings.add(s);
}

uint32_t SpillPins::pin(const Image& i) {
    std::lock_guard lock(m_mutex);
    return m_images.add(i);
}

uint32_t SpillPins::pin(const Extras& x) {
    std::lock_guard lock(m_mutex);
    return m_extras.add(x);
}

SpillPins::Settings SpillPins::settings(uint32_t i) const {
    std::lock_guard lock(m_mutex);
    return m_settings.at(i);
}

SpillPins::Image SpillPins::image(uint32_t i) const {
    std::lock_guard lock(m_mutex);
    return m_images.at(i);
}

SpillPins::Extras SpillPins::extras(uint32_t i) const {
    std::lock_guard lock(m_mutex);
    return m_extras.at(i);
}

}  // namespace reportc::layout
