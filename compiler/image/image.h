#pragma once
// Image files decoded and checked by our own code (libpng, libjpeg-turbo) before anything else
// sees them: libharu 2.3.0 aborts the whole process on a corrupt PNG and embeds a broken JPEG as
// it is (docs/libharu-notes.md §L17), so only what this module accepted reaches the PDF writer.
#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <variant>
#include <vector>

namespace reportc::image {

enum class Format { Png, Jpeg };
enum class ColorSpace { Gray, Rgb, Cmyk };

// Dots per inch, as the file states it (PNG pHYs in metres, JPEG JFIF density in inches or cm).
struct Resolution {
    double x = 0, y = 0;
};

// A decoded, checked image: 8-bit samples, interleaved, row after row without padding.
struct Image {
    Format format = Format::Png;
    uint32_t width = 0, height = 0;  // pixels
    std::optional<Resolution> resolution;
    ColorSpace color = ColorSpace::Rgb;
    std::vector<uint8_t> samples;  // width * height * components(color)
    std::vector<uint8_t> alpha;    // width * height, or empty: opaque
    // A JPEG's own bytes, embedded as they are (DCT) once they decoded cleanly; empty for a PNG.
    std::shared_ptr<const std::string> jpeg;
    // CMYK JPEG samples are stored inverted (as Adobe applications write them, with an APP14
    // marker): the PDF needs a Decode array and the preview inverts them back.
    bool inverted_cmyk = false;
};

int components(ColorSpace c);

// The largest image accepted: a bigger one is almost certainly a mistake (a scan at print
// resolution) or a forged header, and would take gigabytes to decode.
constexpr uint64_t kMaxPixels = 100'000'000;

// What decode found instead of an image: the "found …" of a diagnostic.
struct Rejected {
    std::string found;
};

// Decodes a PNG or JPEG by its content (not its name). A file that is neither, empty,
// truncated, corrupt or over kMaxPixels is rejected with what was found.
std::variant<Image, Rejected> decode(const std::string& bytes);

std::variant<Image, Rejected> decode_png(const std::string& bytes);
std::variant<Image, Rejected> decode_jpeg(const std::string& bytes);

// "png 20x10 rgb alpha 72dpi"
std::ostream& operator<<(std::ostream& os, const Image& image);

}  // namespace reportc::image
