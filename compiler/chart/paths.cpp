#include "chart/paths.h"

#include <cairo.h>

#include <cmath>
#include <numbers>

namespace reportc::chart {

constexpr double kPi = std::numbers::pi;

struct PathBuilder::Impl {
    cairo_surface_t* surface = nullptr;
    cairo_t* cr = nullptr;
};

PathBuilder::PathBuilder() : m_impl(std::make_unique<Impl>()) {
    m_impl->surface = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
    m_impl->cr = cairo_create(m_impl->surface);
    cairo_identity_matrix(m_impl->cr);
}

PathBuilder::~PathBuilder() {
    cairo_destroy(m_impl->cr);
    cairo_surface_destroy(m_impl->surface);
}

PathBuilder& PathBuilder::move_to(double x, double y) {
    cairo_move_to(m_impl->cr, x, y);
    return *this;
}

PathBuilder& PathBuilder::line_to(double x, double y) {
    cairo_line_to(m_impl->cr, x, y);
    return *this;
}

PathBuilder& PathBuilder::close() {
    cairo_close_path(m_impl->cr);
    return *this;
}

PathBuilder& PathBuilder::rect(double x, double y, double w, double h) {
    cairo_rectangle(m_impl->cr, x, y, w, h);
    return *this;
}

PathBuilder& PathBuilder::rounded_rect(double x, double y, double w, double h, double radius) {
    radius = std::min(radius, std::min(w, h) / 2);
    if (radius <= 0) return rect(x, y, w, h);
    cairo_t* cr = m_impl->cr;
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + w - radius, y + radius, radius, -kPi / 2, 0);
    cairo_arc(cr, x + w - radius, y + h - radius, radius, 0, kPi / 2);
    cairo_arc(cr, x + radius, y + h - radius, radius, kPi / 2, kPi);
    cairo_arc(cr, x + radius, y + radius, radius, kPi, 3 * kPi / 2);
    cairo_close_path(cr);
    return *this;
}

PathBuilder& PathBuilder::arc(double cx, double cy, double r, double from, double to) {
    cairo_arc(m_impl->cr, cx, cy, r, from, to);
    return *this;
}

PathBuilder& PathBuilder::arc_negative(double cx, double cy, double r, double from, double to) {
    cairo_arc_negative(m_impl->cr, cx, cy, r, from, to);
    return *this;
}

PathBuilder& PathBuilder::circle(double cx, double cy, double r) {
    cairo_new_sub_path(m_impl->cr);
    cairo_arc(m_impl->cr, cx, cy, r, 0, 2 * kPi);
    cairo_close_path(m_impl->cr);
    return *this;
}

std::vector<frame::PathCommand> PathBuilder::take() {
    cairo_t* cr = m_impl->cr;
    // cairo_copy_path gives user-space coordinates for the current CTM: reset it first.
    cairo_identity_matrix(cr);
    cairo_path_t* path = cairo_copy_path(cr);
    std::vector<frame::PathCommand> out;
    auto pt = [](const cairo_path_data_t& d) { return Point{Length::from_pt(d.point.x), Length::from_pt(d.point.y)}; };
    if (path->status == CAIRO_STATUS_SUCCESS) {
        for (int i = 0; i < path->num_data; i += path->data[i].header.length) {
            const cairo_path_data_t* d = &path->data[i];
            frame::PathCommand cmd;
            switch (d->header.type) {
            case CAIRO_PATH_MOVE_TO:
                cmd.kind = frame::PathCommand::Kind::MoveTo;
                cmd.points[0] = pt(d[1]);
                // Cairo repeats a move after each close: a move followed by a move is dropped.
                if (!out.empty() && out.back().kind == frame::PathCommand::Kind::MoveTo) out.pop_back();
                break;
            case CAIRO_PATH_LINE_TO:
                cmd.kind = frame::PathCommand::Kind::LineTo;
                cmd.points[0] = pt(d[1]);
                break;
            case CAIRO_PATH_CURVE_TO:
                cmd.kind = frame::PathCommand::Kind::CurveTo;
                cmd.points[0] = pt(d[1]);
                cmd.points[1] = pt(d[2]);
                cmd.points[2] = pt(d[3]);
                break;
            case CAIRO_PATH_CLOSE_PATH:
                cmd.kind = frame::PathCommand::Kind::Close;
                break;
            }
            out.push_back(cmd);
        }
    }
    cairo_path_destroy(path);
    cairo_new_path(cr);
    // A trailing move (after a close) draws nothing.
    while (!out.empty() && out.back().kind == frame::PathCommand::Kind::MoveTo) out.pop_back();
    return out;
}

frame::ShapeItem filled(std::vector<frame::PathCommand> path, Color fill) {
    frame::ShapeItem s;
    s.path = std::move(path);
    s.fill = fill;
    return s;
}

frame::ShapeItem stroked(std::vector<frame::PathCommand> path, Color stroke, double line_width) {
    frame::ShapeItem s;
    s.path = std::move(path);
    s.stroke = stroke;
    s.line_width = Length::from_pt(line_width);
    return s;
}

frame::ShapeItem filled_stroked(std::vector<frame::PathCommand> path, Color fill, Color stroke, double line_width) {
    frame::ShapeItem s = stroked(std::move(path), stroke, line_width);
    s.fill = fill;
    return s;
}

Color lighten(Color c, double amount) {
    auto mix = [&](uint8_t v) { return uint8_t(std::lround(v + (255 - v) * amount)); };
    return Color{mix(c.r), mix(c.g), mix(c.b)};
}

}  // namespace reportc::chart
