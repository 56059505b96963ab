#pragma once
// Where bytes that need not stay in memory go until they are used again (issue 16: memory that
// does not grow with the body): the paragraph cache's entries beyond its budget
// (layout/paragraph_cache_spill.h) and the pages' deflated content streams until the PDF is
// saved (pdf/pdf_page_stream.h). A store keeps byte strings and gives them back; it knows nothing
// of what they are. Neither layout nor pdf does file I/O: the driver gives a store backed by an
// unnamed temporary file (driver/spill_file.h). Every call may come from several threads at once.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace reportc {

class ByteStore {
public:
    struct Place {
        uint64_t offset = 0;
        uint32_t size = 0;  // 0: nowhere (nothing stored is empty)
    };
    virtual ~ByteStore() = default;
    // Where `bytes` (not empty) are kept, or nullopt when they cannot be: the caller keeps them.
    virtual std::optional<Place> append(std::string_view bytes) = 0;
    // The bytes kept at `place` into `out`; false when they cannot be read back.
    virtual bool read(Place place, std::string& out) = 0;
};

}  // namespace reportc
