#include "layout/spill_store.h"

namespace reportc::layout {

std::optional<SpillStore::Place> MemorySpillStore::append(std::string_view bytes) {
    std::lock_guard lock(m_mutex);
    if (m_fail || bytes.empty() || bytes.size() > UINT32_MAX) return std::nullopt;
    const Place place{m_bytes.size(), uint32_t(bytes.size())};
    m_bytes.append(bytes);
    return place;
}

bool MemorySpillStore::read(Place place, std::string& out) {
    std::lock_guard lock(m_mutex);
    if (place.size == 0 || place.offset > m_bytes.size() || m_bytes.size() - place.offset < place.size) return false;
    out.assign(m_bytes, place.offset, place.size);
    return true;
}

size_t MemorySpillStore::size() const {
    std::lock_guard lock(m_mutex);
    return m_bytes.size();
}

}  // namespace reportc::layout
