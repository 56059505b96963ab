#pragma once
// Drawing a box's background and its border, side by side: shared by frames and table cells.
#include <optional>
#include <vector>

#include "base/geometry.h"
#include "frame/frame.h"
#include "style/stylesheet.h"

namespace reportc::layout {

// Which edges of a box are drawn: a box cut by a page break leaves the cut edges open.
struct OpenEdges {
    bool top = false, bottom = false;
};

// The background of `r`, its corners rounded by `radius` unless an edge is open.
frame::ShapeItem box_fill(Rect r, Color color, Length radius = {}, OpenEdges open = {});

// The border of `r` as `style` gives it, each side centred inside the box's edge so that the
// box's extent is `r` (a double side: two lines of a third of its width, a third apart). One
// rounded outline when all four sides match and the style rounds its corners.
std::vector<frame::ShapeItem> box_border(Rect r, const style::BoxStyle& style, OpenEdges open = {});

// A straight line from (x0, y0) to (x1, y1).
frame::ShapeItem stroke_line(Point from, Point to, Color color, Length width);

}  // namespace reportc::layout
