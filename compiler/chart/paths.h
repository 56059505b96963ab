#pragma once
// Private to chart: paths built with Cairo on a throwaway context (an A8 1x1 image surface) and
// copied out with cairo_copy_path into frame path commands. The context keeps the identity
// matrix, and it is reset before every copy, so no transform is lost or doubled
// (docs/libharu-notes.md §L15); line widths are set on the ShapeItem, never through the CTM.
// Cairo's header stays in paths.cpp.
#include <memory>
#include <optional>
#include <vector>

#include "base/geometry.h"
#include "frame/frame.h"

namespace reportc::chart {

class PathBuilder {
public:
    PathBuilder();
    ~PathBuilder();
    PathBuilder(const PathBuilder&) = delete;
    PathBuilder& operator=(const PathBuilder&) = delete;

    PathBuilder& move_to(double x, double y);
    PathBuilder& line_to(double x, double y);
    PathBuilder& close();
    PathBuilder& rect(double x, double y, double w, double h);
    PathBuilder& rounded_rect(double x, double y, double w, double h, double radius);
    // Angles in radians from the +x axis; with y down, growing angles turn clockwise.
    PathBuilder& arc(double cx, double cy, double r, double from, double to);
    PathBuilder& arc_negative(double cx, double cy, double r, double from, double to);
    PathBuilder& circle(double cx, double cy, double r);

    // The path built so far (arcs as Bézier curves), and a fresh empty path.
    std::vector<frame::PathCommand> take();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

frame::ShapeItem filled(std::vector<frame::PathCommand> path, Color fill);
frame::ShapeItem stroked(std::vector<frame::PathCommand> path, Color stroke, double line_width);
frame::ShapeItem filled_stroked(std::vector<frame::PathCommand> path, Color fill, Color stroke, double line_width);

// `c` mixed with white: amount 0 = c, 1 = white.
Color lighten(Color c, double amount);

}  // namespace reportc::chart
