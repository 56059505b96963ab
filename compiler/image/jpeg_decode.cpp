// JPEG through libjpeg-turbo, decoded to the end before its bytes are trusted: libharu embeds a
// JPEG without looking at it (docs/libharu-notes.md §L17). libjpeg's default error manager
// calls exit(); ours longjmps back here (libjpeg's libjpeg.txt, "Error handling"). Corrupt or
// missing data is only a warning to libjpeg (it pads a truncated file with grey), so warnings
// reject the image too.
#include <cstdio>  // jpeglib.h needs FILE and size_t first
#include <jpeglib.h>

#include <csetjmp>

#include "image/image.h"

namespace reportc::image {
namespace {

struct ErrorManager {
    jpeg_error_mgr pub;
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX] = {};
};

[[noreturn]] void on_error(j_common_ptr cinfo) {
    auto* err = reinterpret_cast<ErrorManager*>(cinfo->err);
    (*cinfo->err->format_message)(cinfo, err->message);
    std::longjmp(err->jump, 1);
}

// Level -1 is a warning about the data (corrupt, truncated); higher levels are trace messages.
void on_message(j_common_ptr cinfo, int level) {
    if (level < 0) on_error(cinfo);
}

std::optional<Resolution> resolution(const jpeg_decompress_struct& cinfo) {
    if (!cinfo.saw_JFIF_marker || cinfo.X_density == 0 || cinfo.Y_density == 0) return std::nullopt;
    if (cinfo.density_unit == 1) return Resolution{double(cinfo.X_density), double(cinfo.Y_density)};
    if (cinfo.density_unit == 2) return Resolution{cinfo.X_density * 2.54, cinfo.Y_density * 2.54};
    return std::nullopt;  // unit 0: only an aspect ratio
}

// Grey stays grey, YCbCr becomes RGB, CMYK and YCCK become CMYK.
ColorSpace output_space(jpeg_decompress_struct& cinfo) {
    switch (cinfo.jpeg_color_space) {
        case JCS_GRAYSCALE: cinfo.out_color_space = JCS_GRAYSCALE; return ColorSpace::Gray;
        case JCS_CMYK:
        case JCS_YCCK: cinfo.out_color_space = JCS_CMYK; return ColorSpace::Cmyk;
        default: cinfo.out_color_space = JCS_RGB; return ColorSpace::Rgb;
    }
}

// Between setjmp and the end no C++ object with a destructor is created in this frame (a
// longjmp would skip it): the caller owns everything.
bool read_jpeg(jpeg_decompress_struct& cinfo, ErrorManager& err, const std::string& bytes, Image& image, std::string& found) {
    if (setjmp(err.jump)) return false;
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    jpeg_read_header(&cinfo, TRUE);
    image.width = cinfo.image_width;
    image.height = cinfo.image_height;
    if (uint64_t(image.width) * image.height > kMaxPixels) {
        found = "an image of " + std::to_string(image.width) + "x" + std::to_string(image.height) + " pixels (over 100 megapixels)";
        return false;
    }
    image.resolution = resolution(cinfo);
    image.color = output_space(cinfo);
    image.inverted_cmyk = image.color == ColorSpace::Cmyk && cinfo.saw_Adobe_marker;
    jpeg_start_decompress(&cinfo);
    const size_t stride = size_t(cinfo.output_width) * cinfo.output_components;
    image.samples.resize(stride * cinfo.output_height);
    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW row = image.samples.data() + size_t(cinfo.output_scanline) * stride;
        jpeg_read_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_decompress(&cinfo);
    return true;
}

}  // namespace

std::variant<Image, Rejected> decode_jpeg(const std::string& bytes) {
    jpeg_decompress_struct cinfo{};
    ErrorManager err;
    cinfo.err = jpeg_std_error(&err.pub);
    err.pub.error_exit = on_error;
    err.pub.emit_message = on_message;
    Image image;
    image.format = Format::Jpeg;
    std::string found;
    const bool ok = read_jpeg(cinfo, err, bytes, image, found);
    jpeg_destroy_decompress(&cinfo);
    if (!ok) {
        if (!found.empty()) return Rejected{found};
        return Rejected{std::string("a damaged JPEG (") + err.message + ")"};
    }
    image.jpeg = std::make_shared<const std::string>(bytes);
    return image;
}

}  // namespace reportc::image
