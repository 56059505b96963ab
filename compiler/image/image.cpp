#include "image/image.h"

#include <cstring>

namespace reportc::image {
namespace {

bool starts_with(const std::string& bytes, const char* magic, size_t n) {
    return bytes.size() >= n && std::memcmp(bytes.data(), magic, n) == 0;
}

// What a file that is neither PNG nor JPEG starts with, for the message: its first bytes, as
// text when they are printable (a text file named .png), else in hex.
std::string describe_start(const std::string& bytes) {
    const size_t n = std::min<size_t>(bytes.size(), 8);
    bool printable = true;
    for (size_t i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c < 0x20 || c > 0x7e) printable = false;
    }
    if (printable) return "a file starting with '" + bytes.substr(0, n) + "'";
    static const char* digits = "0123456789abcdef";
    std::string hex;
    for (size_t i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (i) hex += ' ';
        hex += digits[c >> 4];
        hex += digits[c & 15];
    }
    return "a file starting with bytes " + hex;
}

}  // namespace

int components(ColorSpace c) {
    switch (c) {
        case ColorSpace::Gray: return 1;
        case ColorSpace::Rgb: return 3;
        case ColorSpace::Cmyk: return 4;
    }
    return 3;
}

std::variant<Image, Rejected> decode(const std::string& bytes) {
    if (bytes.empty()) return Rejected{"an empty file"};
    // The signatures: PNG's eight bytes (PNG specification §5.2), JPEG's start-of-image marker
    // followed by the first marker's 0xFF (ITU T.81 §B.1.1.3).
    if (starts_with(bytes, "\x89PNG\r\n\x1a\n", 8)) return decode_png(bytes);
    if (starts_with(bytes, "\xff\xd8\xff", 3)) return decode_jpeg(bytes);
    return Rejected{describe_start(bytes)};
}

std::ostream& operator<<(std::ostream& os, const Image& image) {
    static const char* spaces[] = {"gray", "rgb", "cmyk"};
    os << (image.format == Format::Png ? "png " : "jpeg ") << image.width << "x" << image.height << " "
       << spaces[int(image.color)];
    if (!image.alpha.empty()) os << " alpha";
    if (image.resolution) os << " " << image.resolution->x << "x" << image.resolution->y << "dpi";
    return os;
}

}  // namespace reportc::image
