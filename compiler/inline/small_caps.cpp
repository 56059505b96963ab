#include "inline/small_caps.h"

#include <algorithm>

#include "base/utf8.h"
#include "text/case_mapping.h"

namespace reportc::inl {
namespace {

constexpr double kSmallCapsDefault = 0.75, kSmallCapsMin = 0.7, kSmallCapsMax = 0.8;

// The capital of a lower-case letter of Basic Latin and Latin-1 (ß and letters of other
// scripts stay as they are, at the run's size); 0 for anything else.
char32_t small_capital(char32_t c) {
    if (c >= 'a' && c <= 'z') return c - 32;
    if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 32;
    if (c == 0xFF) return 0x178;
    return 0;
}

}  // namespace

double small_caps_scale(const text::FontFace& face) {
    if (face.cap_height() <= 0 || face.x_height() <= 0) return kSmallCapsDefault;
    return std::clamp(double(face.x_height()) / face.cap_height(), kSmallCapsMin, kSmallCapsMax);
}

std::vector<std::pair<bool, std::string>> small_caps_stretches(std::string_view text) {
    std::vector<std::pair<bool, std::string>> out;
    for (size_t pos = 0; pos < text.size();) {
        size_t start = pos;
        auto cp = utf8::decode(text, pos);
        char32_t capital = cp ? small_capital(*cp) : 0;
        const bool small = capital != 0;
        if (out.empty() || out.back().first != small) out.push_back({small, {}});
        if (small) utf8::append(out.back().second, capital);
        else out.back().second.append(text.substr(start, pos - start));
    }
    return out;
}

bool all_lower_case_replaced(std::string_view text, const Kerning& kerning) {
    const std::string upper = text::upper_case(text);
    const std::span<const GlyphSub> subs = kerning.substitutions();
    size_t next_sub = 0, index = 0;
    for (size_t pos = 0, upper_pos = 0; pos < text.size(); ++index) {
        const size_t start = pos, upper_start = upper_pos;
        utf8::decode(text, pos);
        utf8::decode(upper, upper_pos);
        while (next_sub < subs.size() && subs[next_sub].at + subs[next_sub].count <= index) ++next_sub;
        const bool replaced = next_sub < subs.size() && !subs[next_sub].open && subs[next_sub].at <= index;
        if (!replaced && text.substr(start, pos - start) != std::string_view(upper).substr(upper_start, upper_pos - upper_start))
            return false;
    }
    return true;
}

}  // namespace reportc::inl
