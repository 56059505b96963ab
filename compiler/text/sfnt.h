#pragma once
// Private to the text module: a bounds-checked reader for the TrueType tables that libharu
// 2.3.0 itself parses. We read them ourselves (not through FreeType) because the questions are
// about libharu's view of the file: which tables it dereferences without checks, how it
// truncates widths, and which glyphs its one-level composite walk loses.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace reportc::text::sfnt {

struct Info {
    int units_per_em = 0;
    int num_glyphs = 0;
    int hhea_ascender = 0, hhea_descender = 0;  // font units
    int typo_ascender = 0, typo_descender = 0;  // font units, 0 when OS/2 is too short
    int cap_height = 0, x_height = 0;           // font units, 0 when OS/2 is older than v2
    std::vector<int> milli_advance;             // per glyph: floor(adv * 1000 / upem)
    // Per glyph: 0 if 2.3.0's subset breaks it, 2 for a composite it keeps (libharu adds a
    // composite's parts only for a glyph reached through a character), 1 otherwise.
    std::vector<uint8_t> renderable;
};

// Validates `data` (the whole file) and fills `info`; false with a message naming `path`.
bool parse(std::span<const uint8_t> data, const std::string& path, Info& info, std::string& error);

}  // namespace reportc::text::sfnt
