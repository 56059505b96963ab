#pragma once
// Page previews: frames -> PNG through Cairo (FreeType faces from the frame's TTF files via
// cairo-ft). Glyphs are placed at the advances the PDF uses (1/1000 em, truncated), never at
// Cairo's hinted metrics (docs/libharu-notes.md §L4, §L14), so a preview shows what the PDF
// shows. Cairo and FreeType stay in the .cpp.
#include <cstddef>
#include <string>

#include "base/geometry.h"
#include "frame/frame.h"

namespace reportc::render {

// Draws page `page_index` (0-based) of `doc` on white at `dpi` (72 = one pixel per point) and
// writes it to `path` as PNG. false and a message in `error` on failure.
bool render_page_png(const frame::FrameDocument& doc, size_t page_index, double dpi, const std::string& path,
                     std::string& error);

// The part `region` (page coordinates, pt) of a page, at `dpi`.
bool render_region_png(const frame::FrameDocument& doc, size_t page_index, const Rect& region, double dpi,
                       const std::string& path, std::string& error);

// One chart or diagram: the region between the anchors `id` and `id.end` that layout sets at
// the corners of a chart or diagram with that id, plus a 6 pt margin. `id` may also be a
// figure's id: the chart or diagram set just before the figure's caption is drawn.
bool render_items_png(const frame::FrameDocument& doc, const std::string& id, double dpi, const std::string& path,
                      std::string& error);

}  // namespace reportc::render
