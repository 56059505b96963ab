// A cheap look at a font's table directory before libharu parses it: libharu 2.3.0 dies
// with SIGFPE on unitsPerEm = 0 and returns NULL without an error for truncated files
// (docs/libharu-notes.md §L12), and it only reads TrueType outlines.
#include <cstdint>
#include <string>

#include "pdf/pdf_fonts.h"

namespace reportc::pdf {

namespace {

uint32_t be32(const unsigned char* p) { return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | p[3]; }
uint16_t be16(const unsigned char* p) { return uint16_t(p[0] << 8 | p[1]); }

}  // namespace

std::optional<std::string> font_file_problem(const std::string& bytes) {
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    const size_t size = bytes.size();

    if (size < 12) return "it is too short to be a font (" + std::to_string(size) + " bytes)";
    const uint32_t version = be32(data);
    if (version == 0x4F54544F) return std::string("it is an OpenType font with CFF outlines, which libharu cannot embed");
    if (version == 0x74746366) return std::string("it is a font collection (.ttc), which is not supported");
    if (version != 0x00010000 && version != 0x74727565) return std::string("it is not a TrueType font");

    const uint16_t tables = be16(data + 4);
    if (12 + size_t(tables) * 16 > size) return "its table directory is truncated (" + std::to_string(size) + " bytes)";
    bool has_head = false;
    for (uint16_t i = 0; i < tables; ++i) {
        const unsigned char* entry = data + 12 + size_t(i) * 16;
        const std::string tag(reinterpret_cast<const char*>(entry), 4);
        const uint64_t offset = be32(entry + 8), length = be32(entry + 12);
        if (offset + length > size)
            return "it is truncated: table '" + tag + "' ends at byte " + std::to_string(offset + length) + " of " +
                   std::to_string(size);
        if (tag == "head") {
            if (length < 54) return std::string("its 'head' table is too short");
            has_head = true;
            if (be16(data + offset + 18) == 0) return std::string("its unitsPerEm is 0");
        }
    }
    if (!has_head) return std::string("it has no 'head' table");
    return std::nullopt;
}

}  // namespace reportc::pdf
