// PNG through libpng's simplified-free "low-level" reader, with its errors caught: libpng
// reports an error by calling the error function and then longjmp-ing to png_jmpbuf (libpng
// manual, "Setting up error handling"); a function that returns instead makes libpng abort(),
// which is exactly how libharu 2.3.0 dies on a corrupt file (docs/libharu-notes.md §L17).
#include <png.h>

#include <csetjmp>
#include <cstring>

#include "image/image.h"

namespace reportc::image {
namespace {

struct Reader {
    const std::string& bytes;
    size_t at = 0;
    std::string error;  // the first error libpng reported
};

void read_bytes(png_structp png, png_bytep out, png_size_t n) {
    auto* r = static_cast<Reader*>(png_get_io_ptr(png));
    if (r->bytes.size() - r->at < n) png_error(png, "the file ends early");
    std::memcpy(out, r->bytes.data() + r->at, n);
    r->at += n;
}

[[noreturn]] void on_error(png_structp png, png_const_charp message) {
    auto* r = static_cast<Reader*>(png_get_error_ptr(png));
    if (r->error.empty()) r->error = message;
    png_longjmp(png, 1);
}

// Warnings (a bad CRC in an ancillary chunk, an unknown chunk) leave the image intact.
void on_warning(png_structp, png_const_charp) {}

// The pixel rows as 8-bit grey, grey+alpha, RGB or RGBA, interlacing undone.
void set_transforms(png_structp png, png_infop info) {
    png_set_expand(png);    // palette -> RGB, grey below 8 bits -> 8, tRNS -> alpha
    png_set_strip_16(png);  // 16-bit samples -> 8 (the PDF writer and the preview take 8)
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
}

std::optional<Resolution> resolution(png_structp png, png_infop info) {
    png_uint_32 x = 0, y = 0;
    int unit = 0;
    if (!png_get_pHYs(png, info, &x, &y, &unit) || unit != PNG_RESOLUTION_METER || x == 0 || y == 0) return std::nullopt;
    return Resolution{x * 0.0254, y * 0.0254};
}

// Splits interleaved rows into colour samples and an alpha plane.
void split_alpha(const std::vector<uint8_t>& rows, int channels, Image& image) {
    const int colour = channels - 1;
    const size_t pixels = size_t(image.width) * image.height;
    image.samples.resize(pixels * colour);
    image.alpha.resize(pixels);
    for (size_t p = 0; p < pixels; ++p) {
        std::memcpy(&image.samples[p * colour], &rows[p * channels], colour);
        image.alpha[p] = rows[p * channels + colour];
    }
}

// The decoding itself, between setjmp and the end: no C++ object with a destructor may be
// created in this frame after setjmp (a longjmp would skip its destructor), so the caller owns them.
bool read_png(png_structp png, png_infop info, Image& image, std::vector<uint8_t>& rows, std::vector<png_bytep>& pointers,
              std::string& found) {
    if (setjmp(png_jmpbuf(png))) return false;
    png_read_info(png, info);
    image.width = png_get_image_width(png, info);
    image.height = png_get_image_height(png, info);
    if (image.width == 0 || image.height == 0) return false;
    if (uint64_t(image.width) * image.height > kMaxPixels) {
        found = "an image of " + std::to_string(image.width) + "x" + std::to_string(image.height) + " pixels (over 100 megapixels)";
        return false;
    }
    image.resolution = resolution(png, info);
    set_transforms(png, info);
    const size_t stride = png_get_rowbytes(png, info);
    rows.resize(stride * image.height);
    pointers.resize(image.height);
    for (uint32_t y = 0; y < image.height; ++y) pointers[y] = rows.data() + y * stride;
    png_read_image(png, pointers.data());
    png_read_end(png, nullptr);
    return true;
}

}  // namespace

std::variant<Image, Rejected> decode_png(const std::string& bytes) {
    Reader reader{bytes};
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &reader, on_error, on_warning);
    if (!png) return Rejected{"a PNG that could not be read (out of memory)"};
    png_infop info = png_create_info_struct(png);
    png_set_read_fn(png, &reader, read_bytes);
    // No limit of libpng's own stops us first: ours gives the better message.
    png_set_user_limits(png, 0x7fffffff, 0x7fffffff);
    Image image;
    image.format = Format::Png;
    std::vector<uint8_t> rows;
    std::vector<png_bytep> pointers;
    std::string found;
    const bool ok = info && read_png(png, info, image, rows, pointers, found);
    const int channels = ok ? png_get_channels(png, info) : 0;
    png_destroy_read_struct(&png, info ? &info : nullptr, nullptr);
    if (!ok) {
        if (!found.empty()) return Rejected{found};
        if (!reader.error.empty()) return Rejected{"a damaged PNG (" + reader.error + ")"};
        return Rejected{"a PNG of zero size"};
    }
    image.color = channels <= 2 ? ColorSpace::Gray : ColorSpace::Rgb;
    if (channels == 2 || channels == 4) split_alpha(rows, channels, image);
    else image.samples = std::move(rows);
    return image;
}

}  // namespace reportc::image
