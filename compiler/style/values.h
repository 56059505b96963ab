#pragma once
// Parsing of property values written in layouts: lengths with units, colours, booleans.
#include <optional>
#include <string>
#include <string_view>

#include "base/geometry.h"
#include "base/length.h"

namespace reportc::style {

// The largest length a layout or source may write, as TeX's \maxdimen (about 16384pt, The
// TeXbook, chapter 10): far above any page, and sums of many such lengths stay far inside the
// 64-bit scaled-point range.
inline constexpr double kMaxLengthPt = 16383.99998;

// "12pt", "4.5mm", "1cm", "0.5in", "1.2em" (em relative to `em`), "0". nullopt if malformed or
// larger in magnitude than kMaxLengthPt.
std::optional<Length> parse_length(std::string_view text, Length em);
std::optional<Color> parse_color(std::string_view text);  // "#1f4e79", "#fff"
std::optional<bool> parse_bool(std::string_view text);    // "true" / "false"
std::optional<double> parse_number(std::string_view text);

}  // namespace reportc::style
