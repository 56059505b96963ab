#pragma once
// Private to render: images drawn into a preview.
#include <cairo.h>

#include "frame/frame.h"

namespace reportc::render {

// Draws the image stretched into its rectangle (clipped to its clip), as the PDF shows it.
void draw_image(cairo_t* cr, const frame::ImageItem& item);

}  // namespace reportc::render
