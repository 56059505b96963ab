#pragma once
// Parsing of property values written in layouts: lengths with units, colours, booleans.
#include <optional>
#include <string>
#include <string_view>

#include "base/geometry.h"
#include "base/length.h"

namespace reportc::style {

// "12pt", "4.5mm", "1cm", "0.5in", "1.2em" (em relative to `em`), "0". nullopt if malformed.
std::optional<Length> parse_length(std::string_view text, Length em);
std::optional<Color> parse_color(std::string_view text);  // "#1f4e79", "#fff"
std::optional<bool> parse_bool(std::string_view text);    // "true" / "false"
std::optional<double> parse_number(std::string_view text);

}  // namespace reportc::style
