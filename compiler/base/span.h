#pragma once
#include <compare>
#include <cstdint>
#include <ostream>

namespace reportc {

// A byte range in a source file known to the SourceManager (file ids start at 1; 0 = none).
struct Span {
    uint32_t file = 0;
    uint32_t begin = 0;
    uint32_t end = 0;

    bool valid() const { return file != 0; }
    auto operator<=>(const Span&) const = default;
};

std::ostream& operator<<(std::ostream& os, Span s);

}  // namespace reportc
