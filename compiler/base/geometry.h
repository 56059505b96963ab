#pragma once
#include <compare>
#include <cstdint>
#include <ostream>

#include "base/length.h"

namespace reportc {

struct Point {
    Length x, y;
    auto operator<=>(const Point&) const = default;
};

struct Size {
    Length width, height;
    auto operator<=>(const Size&) const = default;
};

// Top-left origin, y grows downwards (the layout's view; the PDF writer flips).
struct Rect {
    Length x, y, width, height;
    auto operator<=>(const Rect&) const = default;
};

struct Color {
    uint8_t r = 0, g = 0, b = 0;
    auto operator<=>(const Color&) const = default;
};

std::ostream& operator<<(std::ostream& os, Point p);
std::ostream& operator<<(std::ostream& os, Rect r);
std::ostream& operator<<(std::ostream& os, Color c);

}  // namespace reportc
