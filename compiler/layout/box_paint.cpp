#include "layout/box_paint.h"

#include <algorithm>

namespace reportc::layout {
namespace {

using Cmd = frame::PathCommand;

// The cubic Bézier control distance for a quarter circle (4/3 · (√2 − 1)).
constexpr double kKappa = 0.5522847498;

// A rectangle's outline, its corners rounded by `radius` (zero: square).
std::vector<Cmd> outline(Rect r, Length radius) {
    const Length x0 = r.x, y0 = r.y, x1 = r.x + r.width, y1 = r.y + r.height;
    radius = min(radius, min(r.width, r.height) / 2);
    std::vector<Cmd> path;
    if (radius <= Length{}) {
        path.push_back({Cmd::Kind::MoveTo, {{x0, y0}}});
        path.push_back({Cmd::Kind::LineTo, {{x1, y0}}});
        path.push_back({Cmd::Kind::LineTo, {{x1, y1}}});
        path.push_back({Cmd::Kind::LineTo, {{x0, y1}}});
        path.push_back({Cmd::Kind::Close, {}});
        return path;
    }
    const Length k = radius.scaled(kKappa), rr = radius;
    auto curve = [&](Point c1, Point c2, Point end) { path.push_back({Cmd::Kind::CurveTo, {c1, c2, end}}); };
    path.push_back({Cmd::Kind::MoveTo, {{x0 + rr, y0}}});
    path.push_back({Cmd::Kind::LineTo, {{x1 - rr, y0}}});
    curve({x1 - rr + k, y0}, {x1, y0 + rr - k}, {x1, y0 + rr});
    path.push_back({Cmd::Kind::LineTo, {{x1, y1 - rr}}});
    curve({x1, y1 - rr + k}, {x1 - rr + k, y1}, {x1 - rr, y1});
    path.push_back({Cmd::Kind::LineTo, {{x0 + rr, y1}}});
    curve({x0 + rr - k, y1}, {x0, y1 - rr + k}, {x0, y1 - rr});
    path.push_back({Cmd::Kind::LineTo, {{x0, y0 + rr}}});
    curve({x0, y0 + rr - k}, {x0 + rr - k, y0}, {x0 + rr, y0});
    path.push_back({Cmd::Kind::Close, {}});
    return path;
}

// The centre line(s) of one side along the edge from `from` to `to`, moved inwards (the
// direction dx, dy, each -1, 0 or 1) so that the line lies inside the box.
void side(std::vector<frame::ShapeItem>& out, const style::BorderSide& s, Point from, Point to, int dx, int dy) {
    if (s.width <= Length{}) return;
    auto at = [&](Length inset) {
        return std::pair{Point{from.x + inset * dx, from.y + inset * dy}, Point{to.x + inset * dx, to.y + inset * dy}};
    };
    if (!s.double_line) {
        auto [a, b] = at(s.width / 2);
        out.push_back(stroke_line(a, b, s.color, s.width));
        return;
    }
    const Length third = s.width / 3;
    for (Length inset : {third / 2, third * 2 + third / 2}) {
        auto [a, b] = at(inset);
        out.push_back(stroke_line(a, b, s.color, third));
    }
}

}  // namespace

frame::ShapeItem stroke_line(Point from, Point to, Color color, Length width) {
    frame::ShapeItem s;
    s.path.push_back({Cmd::Kind::MoveTo, {from}});
    s.path.push_back({Cmd::Kind::LineTo, {to}});
    s.stroke = color;
    s.line_width = width;
    return s;
}

frame::ShapeItem box_fill(Rect r, Color color, Length radius, OpenEdges open) {
    frame::ShapeItem s;
    s.path = outline(r, open.top || open.bottom ? Length{} : radius);
    s.fill = color;
    return s;
}

std::vector<frame::ShapeItem> box_border(Rect r, const style::BoxStyle& style, OpenEdges open) {
    std::vector<frame::ShapeItem> out;
    const bool uniform = style.top == style.right && style.top == style.bottom && style.top == style.left;
    if (uniform && style.radius > Length{} && !open.top && !open.bottom && style.top.width > Length{} && !style.top.double_line) {
        // One rounded outline, its line centred half its width inside the box.
        const Length half = style.top.width / 2;
        frame::ShapeItem s;
        s.path = outline({r.x + half, r.y + half, r.width - style.top.width, r.height - style.top.width}, max(Length{}, style.radius - half));
        s.stroke = style.top.color;
        s.line_width = style.top.width;
        out.push_back(std::move(s));
        return out;
    }
    const Length x0 = r.x, y0 = r.y, x1 = r.x + r.width, y1 = r.y + r.height;
    if (!open.top) side(out, style.top, {x0, y0}, {x1, y0}, 0, 1);
    if (!open.bottom) side(out, style.bottom, {x0, y1}, {x1, y1}, 0, -1);
    side(out, style.left, {x0, y0}, {x0, y1}, 1, 0);
    side(out, style.right, {x1, y0}, {x1, y1}, -1, 0);
    return out;
}

}  // namespace reportc::layout
