#pragma once
// OpenType features a layout turns on or off for a font family
// (<font-family font-features="liga onum -kern">): the tags the OpenType feature registry
// defines for them (https://learn.microsoft.com/typography/opentype/spec/featurelist), a
// leading '-' to turn one off. Read by the input module, applied by the text module's shaper.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reportc {

struct FontFeature {
    uint32_t tag = 0;  // four letters, the first in the high byte (OpenType's Tag)
    bool on = true;
    bool operator==(const FontFeature&) const = default;
};

constexpr uint32_t feature_tag(const char (&s)[5]) {
    return uint32_t(uint8_t(s[0])) << 24 | uint32_t(uint8_t(s[1])) << 16 | uint32_t(uint8_t(s[2])) << 8 | uint8_t(s[3]);
}

// The tags a layout may name: ligatures (liga, dlig), figures (onum, lnum, tnum, pnum), small
// capitals (smcp, c2sc) and kerning (kern).
const std::vector<std::string_view>& known_font_features();

// "liga" or "-liga"; nullopt for anything else.
std::optional<FontFeature> parse_font_feature(std::string_view word);

std::string to_string(const FontFeature& feature);  // "liga", "-kern"

}  // namespace reportc
