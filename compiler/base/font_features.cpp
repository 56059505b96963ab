#include "base/font_features.h"

#include <algorithm>

namespace reportc {

const std::vector<std::string_view>& known_font_features() {
    static const std::vector<std::string_view> tags = {"liga", "dlig", "onum", "lnum", "tnum", "pnum", "smcp", "c2sc", "kern"};
    return tags;
}

std::optional<FontFeature> parse_font_feature(std::string_view word) {
    const bool off = !word.empty() && word.front() == '-';
    if (off) word.remove_prefix(1);
    const auto& tags = known_font_features();
    if (std::find(tags.begin(), tags.end(), word) == tags.end()) return std::nullopt;
    const uint32_t tag = uint32_t(uint8_t(word[0])) << 24 | uint32_t(uint8_t(word[1])) << 16 | uint32_t(uint8_t(word[2])) << 8 |
                         uint8_t(word[3]);
    return FontFeature{tag, !off};
}

std::string to_string(const FontFeature& feature) {
    std::string s = feature.on ? "" : "-";
    for (int shift = 24; shift >= 0; shift -= 8) s += char((feature.tag >> shift) & 0xFF);
    return s;
}

}  // namespace reportc
