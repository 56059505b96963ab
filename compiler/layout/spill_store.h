#pragma once
// Where the paragraph cache puts the entries beyond its byte budget (paragraph_cache.h, issue 16:
// memory that does not grow with the body). A store keeps byte strings and gives them back; it
// knows nothing of paragraphs. Layout does no file I/O: the driver gives a store backed by an
// unnamed temporary file (driver/spill_file.h), tests the one in memory below. Every call may
// come from several threads at once (paragraphs set ahead, driver/ahead.h, share one store).
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "base/byte_store.h"

namespace reportc::layout {

// The store is base's (the PDF writer keeps the pages' content streams in the same kind).
using SpillStore = ByteStore;

class MemorySpillStore final : public SpillStore {
public:
    std::optional<Place> append(std::string_view bytes) override;
    bool read(Place place, std::string& out) override;
    size_t size() const;
    void fail_appends(bool on) { m_fail = on; }  // for tests: a full disk

private:
    mutable std::mutex m_mutex;
    std::string m_bytes;
    bool m_fail = false;
};

}  // namespace reportc::layout
