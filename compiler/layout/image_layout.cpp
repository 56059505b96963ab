#include "layout/image_layout.h"

#include "image/image.h"
#include "layout/block_layout.h"
#include "style/values.h"

namespace reportc::layout {
namespace {

// The file's own size in points: pixels at the stated resolution, else at kDefaultDpi.
Size natural_size(const image::Image& i) {
    const double dpi_x = i.resolution ? i.resolution->x : kDefaultDpi;
    const double dpi_y = i.resolution ? i.resolution->y : kDefaultDpi;
    return {Length::from_pt(i.width * 72.0 / dpi_x), Length::from_pt(i.height * 72.0 / dpi_y)};
}

// "40mm", "2in", "50%" of `reference`.
std::optional<Length> size_attr(const std::string& text, const char* what, Length reference, Span span, Diagnostics& diags) {
    std::optional<Length> value;
    if (!text.empty() && text.back() == '%') {
        if (auto pct = style::parse_number(std::string_view(text).substr(0, text.size() - 1)); pct && *pct > 0 && *pct <= 100)
            value = reference.scaled(*pct / 100);
    } else {
        value = style::parse_length(text, Length::from_pt(10));
    }
    if (!value || *value <= Length{}) {
        diags.error(span, std::string("expected a length such as 40mm or a percentage such as 50% for the image's ") + what +
                              ", found '" + text + "'");
        return std::nullopt;
    }
    return value;
}

}  // namespace

std::optional<Size> image_box(const doc::Image& image, Length reference, Diagnostics& diags) {
    std::optional<Length> width, height;
    if (!image.width.empty() && !(width = size_attr(image.width, "width", reference, image.span, diags))) return std::nullopt;
    if (!image.height.empty() && !(height = size_attr(image.height, "height", reference, image.span, diags))) return std::nullopt;
    if (!image.decoded) return std::nullopt;
    const Size natural = natural_size(*image.decoded);
    const double aspect = natural.height.pt() / natural.width.pt();
    if (width && height) return Size{*width, *height};
    if (width) return Size{*width, width->scaled(aspect)};
    if (height) return Size{height->scaled(1 / aspect), *height};
    if (natural.width > reference) return Size{reference, reference.scaled(aspect)};
    return natural;
}

std::optional<Size> inline_image_box(const doc::Image& image, Length em, Diagnostics& diags) {
    auto length = [&](const std::string& text, const char* what) -> std::optional<Length> {
        auto value = style::parse_length(text, em);
        if (!value || *value <= Length{})
            diags.error(image.span, std::string("expected a length such as 4pt or 1.2em for the inline image's ") + what +
                                        ", found '" + text + "'");
        if (value && *value <= Length{}) return std::nullopt;
        return value;
    };
    std::optional<Length> width, height;
    if (!image.width.empty() && !(width = length(image.width, "width"))) return std::nullopt;
    if (!image.height.empty() && !(height = length(image.height, "height"))) return std::nullopt;
    if (!image.decoded) return std::nullopt;
    const Size natural = natural_size(*image.decoded);
    const double aspect = natural.height.pt() / natural.width.pt();
    if (width && height) return Size{*width, *height};
    if (width) return Size{*width, width->scaled(aspect)};
    const Length h = height.value_or(em);
    return Size{h.scaled(1 / aspect), h};
}

frame::ImageItem image_item(const doc::Image& image, const Rect& box) {
    if (!image.decoded) return frame::ImageItem::place(image.decoded, image.path, image.alt, box);
    const Size natural = natural_size(*image.decoded);
    const double sx = box.width.pt() / natural.width.pt(), sy = box.height.pt() / natural.height.pt();
    double scale = 1;
    switch (image.fit) {
        case doc::ImageFit::Contain: scale = std::min(sx, sy); break;
        case doc::ImageFit::Cover: scale = std::max(sx, sy); break;
        case doc::ImageFit::None: scale = 1; break;
    }
    const Length w = natural.width.scaled(scale), h = natural.height.scaled(scale);
    const Rect rect{box.x + (box.width - w) / 2, box.y + (box.height - h) / 2, w, h};
    const bool overflows = w > box.width || h > box.height;
    return frame::ImageItem::place(image.decoded, image.path, image.alt, rect, overflows ? std::optional<Rect>(box) : std::nullopt);
}

void layout_image(const doc::Image& image, const BlockEnv& env, LayoutContext& ctx, std::vector<VItem>& out) {
    const Length column = env.width - env.indent;
    auto size = image_box(image, column, ctx.out.diags);
    if (!size) return;
    const Length dx = env.indent + (size->width < column ? (column - size->width) / 2 : Length{});
    VBox box;
    box.height = size->height;
    box.source = image.span;
    box.items.push_back(image_item(image, Rect{dx, Length{}, size->width, size->height}));
    out.push_back(VGlue{Length::from_pt(6)});
    out.push_back(std::move(box));
    out.push_back(VPenalty{kNoBreak});  // kept with a figure's caption that follows
    out.push_back(VGlue{Length::from_pt(6)});
}

}  // namespace reportc::layout
