#include "style/values.h"

#include <charconv>
#include <cmath>

namespace reportc::style {

std::optional<double> parse_number(std::string_view text) {
    if (text.empty()) return std::nullopt;
    double value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
    return value;
}

std::optional<Length> parse_length(std::string_view text, Length em) {
    if (text == "0") return Length::zero();
    size_t unit_at = text.size();
    while (unit_at > 0 && std::isalpha(static_cast<unsigned char>(text[unit_at - 1]))) --unit_at;
    auto number = parse_number(text.substr(0, unit_at));
    if (!number) return std::nullopt;
    std::string_view unit = text.substr(unit_at);
    double pt = 0;
    if (unit == "pt") pt = *number;
    else if (unit == "mm") pt = *number * 72.0 / 25.4;
    else if (unit == "cm") pt = *number * 10 * 72.0 / 25.4;
    else if (unit == "in") pt = *number * 72;
    else if (unit == "em") pt = *number * em.pt();
    else return std::nullopt;
    // Checked in double before rounding to scaled points: 1e308pt must not overflow the integer.
    if (!std::isfinite(pt) || std::fabs(pt) > kMaxLengthPt) return std::nullopt;
    if (unit == "em") return em.scaled(*number);
    return Length::from_pt(pt);
}

std::optional<Color> parse_color(std::string_view text) {
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    if (text.size() != 7 && text.size() != 4) return std::nullopt;
    if (text[0] != '#') return std::nullopt;
    int v[6];
    for (size_t i = 1; i < text.size(); ++i)
        if ((v[i - 1] = hex(text[i])) < 0) return std::nullopt;
    if (text.size() == 4) return Color{uint8_t(v[0] * 17), uint8_t(v[1] * 17), uint8_t(v[2] * 17)};
    return Color{uint8_t(v[0] * 16 + v[1]), uint8_t(v[2] * 16 + v[3]), uint8_t(v[4] * 16 + v[5])};
}

std::optional<bool> parse_bool(std::string_view text) {
    if (text == "true") return true;
    if (text == "false") return false;
    return std::nullopt;
}

}  // namespace reportc::style
