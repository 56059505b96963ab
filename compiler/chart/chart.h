#pragma once
// Charts and diagrams -> positioned frame items (vector shapes and real text).
//
// Geometry (bars, arcs, lines, ticks, boxes, arrows) is built with Cairo on a throwaway context
// and copied out as paths (docs/libharu-notes.md §L15), so the PDF gets crisp vectors and the
// PNG renderer draws the same thing. Labels are text items in the document's fonts, measured
// with text::FontFace (the widths the PDF uses, never Cairo's hinted metrics: same notes,
// §L14), so they are searchable and never overlap each other or the plot. Cairo stays inside this module's .cpp
// files.
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/geometry.h"
#include "doc/chart.h"
#include "frame/frame.h"
#include "text/font_registry.h"

namespace reportc::chart {

// The fonts and colours a chart is drawn in.
struct ChartStyle {
    std::string family = "Liberation Sans";  // a family of the FontRegistry
    Length label_size = Length::from_pt(8);  // axis, value and legend labels; diagram text is 1.125x
    Length title_size = Length::from_pt(9.5);
    Color text = Color{0x22, 0x22, 0x22};
    Color muted = Color{0x5a, 0x6b, 0x7b};  // notes, axis titles
    Color axis = Color{0x44, 0x4c, 0x55};
    Color grid = Color{0xd5, 0xdb, 0xe1};
    std::vector<Color> palette;  // series colours; empty = default_palette()
};

// A sober default: the report's accent first, then blues, green, orange, purple, teal, red, grey.
const std::vector<Color>& default_palette();

// A drawn chart or diagram: items positioned from its top-left corner (x right, y down), inside
// width x height. TextItem::font holds a text::FontRegistry face index: the caller maps it to
// its frame font table.
struct Graphic {
    Length width, height;
    std::vector<frame::Item> items;
};

// `width` is the space the chart takes; `height` nullopt = a default ratio of the width (0.55
// for axis charts, 0.5 for pie and donut charts). Only the chart's resolved data are drawn
// (doc::ChartData, set by data::resolve_charts), never its values as written: a chart not resolved
// is an internal error at the chart, and a chart with nothing to draw an error; both give an
// empty Graphic.
Graphic draw_chart(const doc::Chart& chart, Length width, std::optional<Length> height, const ChartStyle& style,
                   const text::FontRegistry& fonts, Diagnostics& diags);

// Boxes sized from their text (wrapped to the box width), rows of equal widths, nested boxes
// inside their parent, connectors as paths with arrowheads. `height` (when larger than the
// natural height) stretches the boxes.
Graphic draw_diagram(const doc::Diagram& diagram, Length width, std::optional<Length> height, const ChartStyle& style,
                     const text::FontRegistry& fonts, Diagnostics& diags);

}  // namespace reportc::chart
