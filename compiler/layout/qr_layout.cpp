#include "layout/qr_layout.h"

#include "layout/block_layout.h"
#include "style/values.h"

namespace reportc::layout {
namespace {

qr::Level to_qr(doc::QrLevel level) {
    switch (level) {
        case doc::QrLevel::L: return qr::Level::L;
        case doc::QrLevel::M: return qr::Level::M;
        case doc::QrLevel::Q: return qr::Level::Q;
        case doc::QrLevel::H: return qr::Level::H;
    }
    return qr::Level::M;
}

void rectangle(std::vector<frame::PathCommand>& path, Length x0, Length y0, Length x1, Length y1) {
    using K = frame::PathCommand::Kind;
    path.push_back({K::MoveTo, {{x0, y0}}});
    path.push_back({K::LineTo, {{x1, y0}}});
    path.push_back({K::LineTo, {{x1, y1}}});
    path.push_back({K::LineTo, {{x0, y1}}});
    path.push_back({K::Close, {}});
}

}  // namespace

std::optional<Length> qr_side(const doc::Qr& qr) {
    if (qr.size.empty()) return kDefaultQrSize;
    auto side = style::parse_length(qr.size, Length::from_pt(10));
    if (!side || *side <= Length{}) return std::nullopt;
    return side;
}

frame::ShapeItem qr_shape(const qr::Matrix& m, int quiet_zone, Rect square, Color color) {
    const int64_t modules = m.size + 2 * quiet_zone;
    // The edge before module k, from the square's side: exact at both ends, never a gap between
    // two rectangles (each edge is computed once from its index).
    auto edge = [&](Length origin, Length side, int k) { return origin + Length::ratio(side, quiet_zone + k, modules); };
    frame::ShapeItem shape;
    shape.fill = color;
    for (const auto& r : qr::dark_rectangles(m))
        rectangle(shape.path, edge(square.x, square.width, r.x), edge(square.y, square.height, r.y),
                  edge(square.x, square.width, r.x + r.width), edge(square.y, square.height, r.y + r.height));
    return shape;
}

void layout_qr(const doc::Qr& qr, const BlockEnv& env, LayoutContext& ctx, std::vector<VItem>& out) {
    auto& diags = ctx.out.diags;
    auto side = qr_side(qr);
    if (!side) {
        diags.error(qr.span, std::string("expected a QR code size such as 25mm, found '").append(qr.size).append("'"));
        return;
    }
    Color color;
    if (!qr.color.empty()) {
        auto c = style::parse_color(qr.color);
        if (!c) {
            diags.error(qr.span, std::string("expected a colour such as #1f4e79 for the QR code, found '").append(qr.color).append("'"));
            return;
        }
        color = *c;
    }
    auto encoded = qr::encode(qr.data, to_qr(qr.level));
    if (auto* e = std::get_if<qr::EncodeError>(&encoded)) {
        diags.error(qr.span, e->message);
        return;
    }
    const Length column = env.width - env.indent;
    if (*side > column) {
        diags.warning(qr.span, std::string("QR code of ").append(to_string(*side)).append(" is wider than its column (")
                                   .append(to_string(column)).append("): set at the column's width"));
        side = column;
    }
    Length dx = env.indent;
    if (qr.align.empty() || qr.align == "center") dx += (column - *side) / 2;
    else if (qr.align == "right") dx += column - *side;
    const Rect square{dx, Length{}, *side, *side};
    VBox box;
    box.height = *side;
    box.source = qr.span;
    box.items.push_back(qr_shape(std::get<qr::Matrix>(encoded), qr.quiet_zone, square, color));
    if (qr.link) box.items.push_back(frame::LinkItem::to_uri(square, qr.data));
    out.push_back(VGlue{Length::from_pt(6)});
    out.push_back(std::move(box));
    out.push_back(VPenalty{kNoBreak});  // kept with a figure's caption that follows
    out.push_back(VGlue{Length::from_pt(6)});
}

}  // namespace reportc::layout
