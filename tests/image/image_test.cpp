// The image module: every PNG and JPEG variant decoded to 8-bit samples, and every kind of bad
// file rejected with what was found (the process never aborts).
#include <gtest/gtest.h>

#include <sstream>

#include "image/image.h"
#include "image_files.h"

using namespace reportc;
using namespace reportc::test;

namespace {

image::Image accepted(const std::string& bytes) {
    auto result = image::decode(bytes);
    if (auto* r = std::get_if<image::Rejected>(&result)) ADD_FAILURE() << "rejected: " << r->found;
    return std::get_if<image::Image>(&result) ? std::get<image::Image>(result) : image::Image{};
}

std::string rejected(const std::string& bytes) {
    auto result = image::decode(bytes);
    if (auto* r = std::get_if<image::Rejected>(&result)) return r->found;
    return "accepted";
}

std::string printed(const image::Image& i) {
    std::ostringstream os;
    os << i;
    return os.str();
}

}  // namespace

TEST(image_Png, EveryColourTypeBecomesEightBitSamples) {
    struct Case { PngKind kind; const char* printed; size_t samples; };
    const Case cases[] = {
        {PngKind::Gray, "png 8x6 gray", 48},
        {PngKind::GrayAlpha, "png 8x6 gray alpha", 48},
        {PngKind::Rgb, "png 8x6 rgb", 144},
        {PngKind::Rgba, "png 8x6 rgb alpha", 144},
        {PngKind::Palette, "png 8x6 rgb", 144},
        {PngKind::PaletteTrns, "png 8x6 rgb alpha", 144},
        {PngKind::Gray16, "png 8x6 gray", 48},
        {PngKind::Rgb16, "png 8x6 rgb", 144},
    };
    for (const auto& c : cases) {
        auto i = accepted(make_png({c.kind}));
        EXPECT_EQ(printed(i), c.printed) << int(c.kind);
        EXPECT_EQ(i.samples.size(), c.samples) << int(c.kind);
        EXPECT_TRUE(i.alpha.empty() || i.alpha.size() == 48u) << int(c.kind);
        EXPECT_FALSE(i.jpeg) << int(c.kind);
    }
}

TEST(image_Png, SamplesAlphaAndPaletteValues) {
    auto rgba = accepted(make_png({PngKind::Rgba}));
    // Pixel (7, 5): red 255 along x, green 255 along y, blue 64, alpha 255 on odd columns.
    const size_t p = 5 * 8 + 7;
    EXPECT_EQ(rgba.samples[p * 3], 255);
    EXPECT_EQ(rgba.samples[p * 3 + 1], 255);
    EXPECT_EQ(rgba.samples[p * 3 + 2], 64);
    EXPECT_EQ(rgba.alpha[p], 255);
    EXPECT_EQ(rgba.alpha[0], 128);
    auto pal = accepted(make_png({PngKind::PaletteTrns}));
    // Pixel (1, 0) has index 1: green, alpha 128 from tRNS.
    EXPECT_EQ(pal.samples[3], 0);
    EXPECT_EQ(pal.samples[4], 255);
    EXPECT_EQ(pal.alpha[1], 128);
    auto g16 = accepted(make_png({PngKind::Gray16}));
    EXPECT_EQ(g16.samples[7], 255);  // 0xffff -> 0xff: the top byte, not half the image
}

TEST(image_Png, InterlacedDecodesLikeSequential) {
    auto plain = accepted(make_png({PngKind::Rgb, 13, 11}));
    auto adam7 = accepted(make_png({PngKind::Rgb, 13, 11, true}));
    EXPECT_EQ(plain.samples, adam7.samples);
    EXPECT_EQ(printed(adam7), "png 13x11 rgb");
}

TEST(image_Png, ResolutionFromPhys) {
    auto i = accepted(make_png({PngKind::Rgb, 8, 6, false, 300}));
    ASSERT_TRUE(i.resolution);
    EXPECT_NEAR(i.resolution->x, 300, 0.01);
    EXPECT_FALSE(accepted(make_png({PngKind::Rgb})).resolution);
}

TEST(image_Jpeg, BaselineAndProgressiveInEveryColourSpace) {
    struct Case { JpegKind kind; bool progressive; const char* printed; size_t samples; };
    const Case cases[] = {
        {JpegKind::Gray, false, "jpeg 16x8 gray", 128},
        {JpegKind::Rgb, false, "jpeg 16x8 rgb", 384},
        {JpegKind::Cmyk, false, "jpeg 16x8 cmyk", 512},
        {JpegKind::Gray, true, "jpeg 16x8 gray", 128},
        {JpegKind::Rgb, true, "jpeg 16x8 rgb", 384},
        {JpegKind::Cmyk, true, "jpeg 16x8 cmyk", 512},
    };
    for (const auto& c : cases) {
        const std::string bytes = make_jpeg({c.kind, 16, 8, c.progressive});
        auto i = accepted(bytes);
        EXPECT_EQ(printed(i), c.printed) << int(c.kind) << c.progressive;
        EXPECT_EQ(i.samples.size(), c.samples);
        ASSERT_TRUE(i.jpeg);
        EXPECT_EQ(*i.jpeg, bytes);  // embedded as they are
    }
}

TEST(image_Jpeg, ResolutionFromJfif) {
    auto i = accepted(make_jpeg({JpegKind::Rgb, 16, 8, false, 150}));
    ASSERT_TRUE(i.resolution);
    EXPECT_EQ(i.resolution->x, 150);
    EXPECT_EQ(printed(i), "jpeg 16x8 rgb 150x150dpi");
}

TEST(image_Bad, EmptyFile) { EXPECT_EQ(rejected(""), "an empty file"); }

TEST(image_Bad, TextFileNamedPng) {
    EXPECT_EQ(rejected("hello, world\n"), "a file starting with 'hello, w'");
    EXPECT_EQ(rejected(std::string("GIF89a\x01\x00", 8)), "a file starting with bytes 47 49 46 38 39 61 01 00");
}

TEST(image_Bad, TruncatedPng) {
    const std::string png = make_png({PngKind::Rgb, 64, 64});
    EXPECT_EQ(rejected(truncated(png, png.size() / 2)), "a damaged PNG (the file ends early)");
    EXPECT_EQ(rejected(truncated(png, 8)), "a damaged PNG (the file ends early)");
}

TEST(image_Bad, PngWithBadCrc) {
    EXPECT_EQ(rejected(with_bad_crc(make_png({PngKind::Rgb}))), "a damaged PNG (IHDR: CRC error)");
}

TEST(image_Bad, PngWithCorruptData) {
    EXPECT_EQ(rejected(with_corrupt_data(make_png({PngKind::Rgb, 64, 64}))).substr(0, 15), "a damaged PNG (");
}

TEST(image_Bad, HugeDimensionsInTheHeader) {
    EXPECT_EQ(rejected(png_claiming(20000, 20000)), "an image of 20000x20000 pixels (over 100 megapixels)");
    EXPECT_EQ(rejected(png_claiming(0, 10)), "a damaged PNG (Invalid IHDR data)");
}

TEST(image_Bad, TruncatedAndDamagedJpeg) {
    const std::string jpeg = make_jpeg({JpegKind::Rgb, 64, 64});
    EXPECT_EQ(rejected(truncated(jpeg, jpeg.size() / 2)), "a damaged JPEG (Premature end of JPEG file)");
    EXPECT_EQ(rejected(truncated(jpeg, 3)).substr(0, 16), "a damaged JPEG (");
    std::string garbage = jpeg;
    for (size_t i = garbage.size() / 2; i < garbage.size() - 2; ++i) garbage[i] = char(0xff);
    EXPECT_EQ(rejected(garbage).substr(0, 16), "a damaged JPEG (");
}

TEST(image_Bad, HugeJpegHeader) {
    std::string jpeg = make_jpeg({JpegKind::Gray, 16, 8});
    // The SOF0 frame header: FF C0, length, precision, height, width (ITU T.81 §B.2.2).
    const size_t sof = jpeg.find("\xff\xc0");
    ASSERT_NE(sof, std::string::npos);
    jpeg[sof + 5] = char(0xea), jpeg[sof + 6] = char(0x60);  // 60000
    jpeg[sof + 7] = char(0xea), jpeg[sof + 8] = char(0x60);
    EXPECT_EQ(rejected(jpeg), "an image of 60000x60000 pixels (over 100 megapixels)");
}
