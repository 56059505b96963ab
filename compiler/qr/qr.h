#pragma once
// QR codes (ISO/IEC 18004): text -> the symbol's square of dark and light modules, and the dark
// modules merged into few rectangles for drawing. Depends on nothing else of reportc.
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace reportc::qr {

// Error correction: the share of the symbol that may be damaged and still read (about 7, 15, 25
// and 30 %).
enum class Level { L, M, Q, H };

// The symbol without its quiet zone: `size` x `size` modules, row by row from the top left.
struct Matrix {
    int version = 0;  // 1 to 40; size = 17 + 4 * version
    int size = 0;
    std::vector<uint8_t> dark;  // size * size, 1 for a dark module

    bool at(int x, int y) const { return dark[static_cast<size_t>(y) * size + x] != 0; }
};

// Why a text could not be encoded, as a diagnostic's message ("expected …, found …").
struct EncodeError {
    std::string message;
};

// The smallest symbol that holds `data` at `level`, every byte in byte mode (UTF-8 stays as it
// is: readers take byte-mode data as UTF-8 when it is valid UTF-8). Empty data, or data longer
// than the largest symbol (version 40) holds at that level, is an error.
std::variant<Matrix, EncodeError> encode(std::string_view data, Level level);

// The most bytes a version 40 symbol holds in byte mode at `level` (ISO/IEC 18004 table 7).
size_t max_bytes(Level level);

// "L", "M", "Q", "H".
const char* level_name(Level level);

// A rectangle of dark modules, in modules from the symbol's top left.
struct ModuleRect {
    int x = 0, y = 0, width = 0, height = 0;
    bool operator==(const ModuleRect&) const = default;
};

// The dark modules as rectangles that neither overlap nor leave a dark module out: each row's
// runs of adjacent dark modules, a run extended downwards while the next row has the same run.
std::vector<ModuleRect> dark_rectangles(const Matrix& m);

}  // namespace reportc::qr
