#pragma once
// Images: sized from their attributes or from the file, fitted into their box, and set as
// unsplittable boxes (blocks) or placed on pages (page masters).
#include <optional>
#include <vector>

#include "base/diagnostic.h"
#include "base/geometry.h"
#include "doc/document.h"
#include "frame/frame.h"
#include "layout/vlist.h"

namespace reportc::layout {

struct BlockEnv;
struct LayoutContext;

// The resolution assumed when a file states none: CSS's 96 pixels per inch.
constexpr double kDefaultDpi = 96;

// The box an image takes: its width and height as written ("40mm", or a percentage of
// `reference`), one of them from the other by the file's aspect ratio, or both from the file
// (its pixels at its resolution) scaled down to `reference` when wider. Nullopt after an error
// (a malformed size) or when the image was not decoded.
std::optional<Size> image_box(const doc::Image& image, Length reference, Diagnostics& diags);

// The box of an image in a line of text: width and height as lengths or in em of the run's
// font size (`em`), one of them from the other by the file's aspect ratio, 1em high when
// neither is given. Nullopt after an error or when the image was not decoded.
std::optional<Size> inline_image_box(const doc::Image& image, Length em, Diagnostics& diags);

// The image drawn in `box` as its fit says: contain (scaled to fit, centred), cover (scaled to
// fill, clipped to the box), none (its own size, centred, clipped).
frame::ImageItem image_item(const doc::Image& image, const Rect& box);

// A block image: one box, centred in the column, like a chart.
void layout_image(const doc::Image& image, const BlockEnv& env, LayoutContext& ctx, std::vector<VItem>& out);

}  // namespace reportc::layout
