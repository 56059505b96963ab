// Images in previews: the decoded samples as a Cairo ARGB32 surface (premultiplied alpha, as
// Cairo's image formats require), scaled into the item's rectangle.
#include "render/render_image.h"

#include <algorithm>

#include "image/image.h"

namespace reportc::render {
namespace {

// Naive CMYK to RGB, what a viewer without colour management shows; stored-inverted samples
// (Adobe's CMYK JPEGs) are read back first.
void cmyk_to_rgb(const uint8_t* s, bool inverted, uint8_t rgb[3]) {
    const int k = inverted ? 255 - s[3] : s[3];
    for (int c = 0; c < 3; ++c) {
        const int v = inverted ? 255 - s[c] : s[c];
        rgb[c] = uint8_t(255 - std::min(255, v + k));
    }
}

cairo_surface_t* surface_of(const image::Image& img) {
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, int(img.width), int(img.height));
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) return surface;
    cairo_surface_flush(surface);
    unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    const int n = image::components(img.color);
    for (uint32_t y = 0; y < img.height; ++y) {
        auto* row = reinterpret_cast<uint32_t*>(data + size_t(y) * stride);
        for (uint32_t x = 0; x < img.width; ++x) {
            const size_t p = size_t(y) * img.width + x;
            const uint8_t* s = &img.samples[p * n];
            uint8_t rgb[3];
            if (img.color == image::ColorSpace::Gray) rgb[0] = rgb[1] = rgb[2] = s[0];
            else if (img.color == image::ColorSpace::Rgb) rgb[0] = s[0], rgb[1] = s[1], rgb[2] = s[2];
            else cmyk_to_rgb(s, img.inverted_cmyk, rgb);
            const uint32_t a = img.alpha.empty() ? 255 : img.alpha[p];
            auto pre = [a](uint8_t v) { return uint32_t((v * a + 127) / 255); };
            row[x] = (a << 24) | (pre(rgb[0]) << 16) | (pre(rgb[1]) << 8) | pre(rgb[2]);
        }
    }
    cairo_surface_mark_dirty(surface);
    return surface;
}

}  // namespace

void draw_image(cairo_t* cr, const frame::ImageItem& item) {
    const image::Image* image = item.image().get();
    if (!image || image->width == 0 || image->height == 0) return;
    cairo_surface_t* surface = surface_of(*image);
    cairo_save(cr);
    if (const auto clip = item.clip()) {
        cairo_rectangle(cr, clip->x.pt(), clip->y.pt(), clip->width.pt(), clip->height.pt());
        cairo_clip(cr);
    }
    cairo_translate(cr, item.rect.x.pt(), item.rect.y.pt());
    cairo_scale(cr, item.rect.width.pt() / image->width, item.rect.height.pt() / image->height);
    cairo_set_source_surface(cr, surface, 0, 0);
    // Edges do not fade into the background when scaled up.
    cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_PAD);
    cairo_rectangle(cr, 0, 0, image->width, image->height);
    cairo_fill(cr);
    cairo_restore(cr);
    cairo_surface_destroy(surface);
}

}  // namespace reportc::render
