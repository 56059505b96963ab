#include "image_files.h"

#include <cstdio>
#include <jpeglib.h>
#include <png.h>
#include <zlib.h>

#include <stdexcept>
#include <vector>

namespace reportc::test {
namespace {

void append(png_structp png, png_bytep data, png_size_t n) {
    static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<const char*>(data), n);
}
void flush(png_structp) {}

int color_type(PngKind k) {
    switch (k) {
        case PngKind::Gray: case PngKind::Gray16: return PNG_COLOR_TYPE_GRAY;
        case PngKind::GrayAlpha: return PNG_COLOR_TYPE_GRAY_ALPHA;
        case PngKind::Rgb: case PngKind::Rgb16: return PNG_COLOR_TYPE_RGB;
        case PngKind::Rgba: return PNG_COLOR_TYPE_RGB_ALPHA;
        case PngKind::Palette: case PngKind::PaletteTrns: return PNG_COLOR_TYPE_PALETTE;
    }
    return PNG_COLOR_TYPE_RGB;
}

int channels(PngKind k) {
    switch (k) {
        case PngKind::Gray: case PngKind::Gray16: case PngKind::Palette: case PngKind::PaletteTrns: return 1;
        case PngKind::GrayAlpha: return 2;
        case PngKind::Rgb: case PngKind::Rgb16: return 3;
        case PngKind::Rgba: return 4;
    }
    return 3;
}

uint32_t crc_of(const std::string& s, size_t from, size_t n) {
    return uint32_t(crc32(0, reinterpret_cast<const Bytef*>(s.data() + from), uInt(n)));
}

void put_u32(std::string& s, size_t at, uint32_t v) {
    for (int i = 0; i < 4; ++i) s[at + i] = char((v >> (24 - 8 * i)) & 0xff);
}
uint32_t get_u32(const std::string& s, size_t at) {
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v = (v << 8) | uint8_t(s[at + i]);
    return v;
}

// The offset of the first chunk of `type` (its length field).
size_t find_chunk(const std::string& png, const char* type) {
    size_t at = 8;
    while (at + 8 <= png.size()) {
        if (png.compare(at + 4, 4, type) == 0) return at;
        at += 12 + get_u32(png, at);
    }
    throw std::runtime_error(std::string("no chunk ") + type);
}

}  // namespace

std::string make_png(const PngOptions& o) {
    std::string out;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png_create_info_struct(png);
    png_set_write_fn(png, &out, append, flush);
    const bool sixteen = o.kind == PngKind::Gray16 || o.kind == PngKind::Rgb16;
    png_set_IHDR(png, info, o.width, o.height, sixteen ? 16 : 8, color_type(o.kind),
                 o.interlaced ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (color_type(o.kind) == PNG_COLOR_TYPE_PALETTE) {
        png_color palette[4] = {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {255, 255, 0}};
        png_set_PLTE(png, info, palette, 4);
        if (o.kind == PngKind::PaletteTrns) {
            png_byte trns[4] = {255, 128, 0, 255};
            png_set_tRNS(png, info, trns, 4, nullptr);
        }
    }
    if (o.dpi) png_set_pHYs(png, info, uint32_t(o.dpi / 0.0254 + 0.5), uint32_t(o.dpi / 0.0254 + 0.5), PNG_RESOLUTION_METER);
    png_write_info(png, info);
    const int n = channels(o.kind);
    const int bytes = sixteen ? 2 : 1;
    std::vector<uint8_t> row(size_t(o.width) * n * bytes);
    const int passes = png_set_interlace_handling(png);
    for (int pass = 0; pass < passes; ++pass)
        for (uint32_t y = 0; y < o.height; ++y) {
            for (uint32_t x = 0; x < o.width; ++x)
                for (int c = 0; c < n; ++c) {
                    uint8_t v = color_type(o.kind) == PNG_COLOR_TYPE_PALETTE ? uint8_t((x + y) % 4)
                                : c == 0 ? uint8_t(x * 255 / std::max<uint32_t>(1, o.width - 1))
                                : c == 1 ? uint8_t(y * 255 / std::max<uint32_t>(1, o.height - 1))
                                         : uint8_t(c == n - 1 && (n == 2 || n == 4) ? 128 + (x % 2) * 127 : 64);
                    for (int b = 0; b < bytes; ++b) row[(size_t(x) * n + c) * bytes + b] = v;
                }
            png_write_row(png, row.data());
        }
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return out;
}

std::string make_jpeg(const JpegOptions& o) {
    jpeg_compress_struct cinfo{};
    jpeg_error_mgr err;
    cinfo.err = jpeg_std_error(&err);
    jpeg_create_compress(&cinfo);
    unsigned char* buffer = nullptr;
    unsigned long size = 0;
    jpeg_mem_dest(&cinfo, &buffer, &size);
    cinfo.image_width = o.width;
    cinfo.image_height = o.height;
    cinfo.input_components = o.kind == JpegKind::Gray ? 1 : o.kind == JpegKind::Rgb ? 3 : 4;
    cinfo.in_color_space = o.kind == JpegKind::Gray ? JCS_GRAYSCALE : o.kind == JpegKind::Rgb ? JCS_RGB : JCS_CMYK;
    jpeg_set_defaults(&cinfo);
    jpeg_set_quality(&cinfo, 90, TRUE);
    if (o.progressive) jpeg_simple_progression(&cinfo);
    if (o.dpi) {
        cinfo.density_unit = 1;
        cinfo.X_density = cinfo.Y_density = o.dpi;
    }
    jpeg_start_compress(&cinfo, TRUE);
    std::vector<uint8_t> row(size_t(o.width) * cinfo.input_components);
    while (cinfo.next_scanline < cinfo.image_height) {
        const uint32_t y = cinfo.next_scanline;
        for (uint32_t x = 0; x < o.width; ++x)
            for (int c = 0; c < cinfo.input_components; ++c)
                row[size_t(x) * cinfo.input_components + c] = uint8_t(c == 0 ? x * 255 / std::max<uint32_t>(1, o.width - 1)
                                                                       : c == 1 ? y * 255 / std::max<uint32_t>(1, o.height - 1) : 64);
        JSAMPROW p = row.data();
        jpeg_write_scanlines(&cinfo, &p, 1);
    }
    jpeg_finish_compress(&cinfo);
    std::string out(reinterpret_cast<const char*>(buffer), size);
    jpeg_destroy_compress(&cinfo);
    free(buffer);
    return out;
}

std::string truncated(const std::string& file, size_t keep) { return file.substr(0, keep); }

std::string with_bad_crc(const std::string& png) {
    std::string out = png;
    const size_t ihdr = find_chunk(out, "IHDR");
    out[ihdr + 8 + 13] ^= 0x5a;  // the first byte of IHDR's CRC
    return out;
}

std::string with_corrupt_data(const std::string& png) {
    std::string out = png;
    const size_t idat = find_chunk(out, "IDAT");
    const uint32_t n = get_u32(out, idat);
    for (size_t i = 2; i < n; ++i) out[idat + 8 + i] = char(0xff);  // past the zlib header: invalid deflate data
    put_u32(out, idat + 8 + n, crc_of(out, idat + 4, n + 4));
    return out;
}

std::string png_claiming(uint32_t width, uint32_t height) {
    std::string out = make_png({PngKind::Gray, 1, 1});
    const size_t ihdr = find_chunk(out, "IHDR");
    put_u32(out, ihdr + 8, width);
    put_u32(out, ihdr + 12, height);
    put_u32(out, ihdr + 8 + 13, crc_of(out, ihdr + 4, 17));
    return out;
}

}  // namespace reportc::test
