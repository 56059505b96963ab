#include "layout/text_decorations.h"

#include <optional>

namespace reportc::layout {
namespace {

using Kind = frame::PathCommand::Kind;

// One shape being extended from fragment to fragment while they are decorated alike.
struct Stretch {
    Length x0, x1;
    Length y, thickness;  // a line's centre and thickness, or a rectangle's top and height
    Color color;
};

frame::ShapeItem line_shape(const Stretch& s) {
    frame::ShapeItem shape;
    shape.path.push_back({Kind::MoveTo, {{s.x0, s.y}}});
    shape.path.push_back({Kind::LineTo, {{s.x1, s.y}}});
    shape.stroke = s.color;
    shape.line_width = s.thickness;
    return shape;
}

frame::ShapeItem rectangle_shape(const Stretch& s) {
    frame::ShapeItem shape;
    const Length bottom = s.y + s.thickness;
    shape.path.push_back({Kind::MoveTo, {{s.x0, s.y}}});
    shape.path.push_back({Kind::LineTo, {{s.x1, s.y}}});
    shape.path.push_back({Kind::LineTo, {{s.x1, bottom}}});
    shape.path.push_back({Kind::LineTo, {{s.x0, bottom}}});
    shape.path.push_back({Kind::Close, {}});
    shape.fill = s.color;
    return shape;
}

// Walks the line's fragments, asking `of` for each one's span (nullopt when undecorated), and
// emits one shape per stretch of alike spans.
template <typename SpanOf, typename Shape>
void join(const inl::Line& line, SpanOf of, Shape shape, std::vector<frame::Item>& out) {
    std::optional<Stretch> open;
    for (const auto& f : line.fragments) {
        std::optional<Stretch> next = of(f);
        if (open && next && next->y == open->y && next->thickness == open->thickness && next->color == open->color &&
            next->x0 >= open->x1) {
            open->x1 = next->x1;
            continue;
        }
        if (open) out.push_back(shape(*open));
        open = next;
    }
    if (open) out.push_back(shape(*open));
}

}  // namespace

void append_highlights(const inl::Line& line, Length left, Length baseline, std::vector<frame::Item>& out) {
    auto of = [&](const inl::Fragment& f) -> std::optional<Stretch> {
        const auto& d = f.decorations();
        if (!d.highlight) return std::nullopt;
        return Stretch{left + f.x, left + f.x + f.width, baseline - d.highlight_top, d.highlight_top + d.highlight_bottom, *d.highlight};
    };
    join(line, of, rectangle_shape, out);
}

void append_decoration_lines(const inl::Line& line, Length left, Length baseline, std::vector<frame::Item>& out) {
    for (auto stroke : {&inl::Decorations::underline, &inl::Decorations::strike}) {
        auto of = [&](const inl::Fragment& f) -> std::optional<Stretch> {
            const auto& s = f.decorations().*stroke;
            if (!s) return std::nullopt;
            return Stretch{left + f.x, left + f.x + f.width, baseline - s->position, s->thickness, f.color};
        };
        join(line, of, line_shape, out);
    }
}

}  // namespace reportc::layout
