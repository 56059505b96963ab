#pragma once
// Image files made by the tests themselves, with libpng and libjpeg: every variant the image
// module must read, and the damaged files it must reject.
#include <cstdint>
#include <string>

namespace reportc::test {

enum class PngKind { Gray, GrayAlpha, Rgb, Rgba, Palette, PaletteTrns, Gray16, Rgb16 };

struct PngOptions {
    PngKind kind = PngKind::Rgb;
    uint32_t width = 8, height = 6;
    bool interlaced = false;
    uint32_t dpi = 0;  // 0: no pHYs chunk
};

// A gradient, so that each pixel differs (red grows along x, green along y).
std::string make_png(const PngOptions& options);

enum class JpegKind { Gray, Rgb, Cmyk };

struct JpegOptions {
    JpegKind kind = JpegKind::Rgb;
    uint32_t width = 16, height = 8;
    bool progressive = false;
    uint16_t dpi = 0;  // 0: JFIF density unit 0 (aspect ratio only)
};

std::string make_jpeg(const JpegOptions& options);

// Damaged files.
std::string truncated(const std::string& file, size_t keep);
std::string with_bad_crc(const std::string& png);             // IHDR's CRC broken
std::string with_corrupt_data(const std::string& png);        // IDAT's compressed bytes broken, CRC fixed up
std::string png_claiming(uint32_t width, uint32_t height);    // a valid IHDR for a huge image, one tiny IDAT

}  // namespace reportc::test
