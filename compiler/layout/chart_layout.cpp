// Charts and diagrams as one unsplittable box each. The chart module draws them (Cairo paths and
// text in the document's fonts); here they get their size, their place in the column and the
// frame font numbers. The box is followed by a no-break penalty, so the figure caption that
// block layout sets after it stays on the same page.
#include "layout/chart_layout.h"

#include "chart/chart.h"
#include "style/values.h"

namespace reportc::layout {
namespace {

// Fonts and colours from the layout: a paragraph style named "chart" when the layout has one
// (family, size of the labels, colour), else the body's family and colour.
chart::ChartStyle chart_style(const LayoutContext& ctx) {
    chart::ChartStyle s;
    if (const auto* c = ctx.in.styles.paragraph("chart")) {
        s.family = c->font.family;
        s.label_size = c->font.size;
        s.title_size = c->font.size.scaled(9.5 / 8);
        s.text = c->font.color;
    } else if (const auto* body = ctx.in.styles.paragraph("body")) {
        s.family = body->font.family;
        s.text = body->font.color;
    }
    return s;
}

// "120mm", "4in", "80%" (of the column); "" = the default.
std::optional<Length> size_attr(const std::string& text, const char* what, const char* element, Length column, Span span,
                                LayoutContext& ctx) {
    if (text.empty()) return std::nullopt;
    std::optional<Length> value;
    if (text.back() == '%') {
        if (auto pct = style::parse_number(std::string_view(text).substr(0, text.size() - 1)); pct && *pct > 0 && *pct <= 100)
            value = column.scaled(*pct / 100);
    } else {
        value = style::parse_length(text, Length::from_pt(10));
    }
    if (!value || *value <= Length{}) {
        ctx.out.diags.error(span, std::string("expected a length such as 120mm or a percentage of the column such as 80% for the ") +
                                  element + "'s " + what + ", found '" + text + "'");
        return std::nullopt;
    }
    return value;
}

void emit(chart::Graphic graphic, const std::string& id, Span source, BoxKind kind, Length indent, Length column,
          LayoutContext& ctx, std::vector<VItem>& out) {
    if (graphic.items.empty() || graphic.height <= Length{}) return;
    // A graphic narrower than the column is centred in it.
    const Length dx = indent + (graphic.width < column ? (column - graphic.width) / 2 : Length{});
    VBox box;
    box.height = graphic.height;
    box.source = source;
    box.kind = kind;
    if (!id.empty()) box.items.push_back(frame::AnchorItem{id, {dx, Length{}}});
    for (auto& item : graphic.items) {
        std::visit([&](auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, frame::TextItem>) {
                v.font = ctx.out.font_table.frame_font(v.font);  // registry face -> frame font
                v.x += dx;
            } else if constexpr (std::is_same_v<T, frame::ShapeItem>) {
                for (auto& cmd : v.path)
                    for (auto& p : cmd.points) p.x += dx;
            } else if constexpr (std::is_same_v<T, frame::LinkItem>) {
                v.rect.x += dx;
            } else if constexpr (std::is_same_v<T, frame::AnchorItem>) {
                v.at.x += dx;
            }
        }, item);
        box.items.push_back(std::move(item));
    }
    // The far corner, so a preview (reportc render --id) can cut the graphic out of its page.
    if (!id.empty()) box.items.push_back(frame::AnchorItem{id + ".end", {dx + graphic.width, graphic.height}});
    out.push_back(VGlue{Length::from_pt(6)});
    out.push_back(std::move(box));
    out.push_back(VPenalty{kNoBreak});  // kept with the caption that follows
}

}  // namespace

void layout_chart(const doc::Chart& chart, const BlockEnv& env, LayoutContext& ctx, std::vector<VItem>& out) {
    const Length indent = env.indent;
    const Length column = env.width - indent;
    Length width = size_attr(chart.width, "width", "chart", column, chart.span, ctx).value_or(column);
    if (width > column) width = column;
    auto height = size_attr(chart.height, "height", "chart", column, chart.span, ctx);
    auto graphic = chart::draw_chart(chart, width, height, chart_style(ctx), ctx.in.fonts, ctx.out.diags);
    emit(std::move(graphic), chart.id, chart.span, BoxKind::Chart, indent, column, ctx, out);
}

void layout_diagram(const doc::Diagram& diagram, const BlockEnv& env, LayoutContext& ctx, std::vector<VItem>& out) {
    const Length indent = env.indent;
    const Length column = env.width - indent;
    Length width = size_attr(diagram.width, "width", "diagram", column, diagram.span, ctx).value_or(column);
    if (width > column) width = column;
    auto height = size_attr(diagram.height, "height", "diagram", column, diagram.span, ctx);
    auto graphic = chart::draw_diagram(diagram, width, height, chart_style(ctx), ctx.in.fonts, ctx.out.diags);
    emit(std::move(graphic), diagram.id, diagram.span, BoxKind::Diagram, indent, column, ctx, out);
}

}  // namespace reportc::layout
