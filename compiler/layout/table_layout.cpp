#include "layout/table_layout.h"

#include "style/values.h"

namespace reportc::layout {
namespace {

// Stacks a cell's vertical list into one box (a cell never breaks in this version).
VBox stack(const std::vector<VItem>& items, Length x, Length y) {
    VBox box;
    Length cursor;
    bool first = true;
    for (const auto& item : items) {
        if (const auto* g = std::get_if<VGlue>(&item)) {
            if (!first) cursor += g->height;
        } else if (const auto* b = std::get_if<VBox>(&item)) {
            for (auto it : b->items) {
                std::visit([&](auto& v) {
                    using T = std::decay_t<decltype(v)>;
                    if constexpr (std::is_same_v<T, frame::TextItem>) { v.x += x; v.y += y + cursor; }
                    else if constexpr (std::is_same_v<T, frame::LinkItem>) { v.rect.x += x; v.rect.y += y + cursor; }
                    else if constexpr (std::is_same_v<T, frame::AnchorItem>) { v.at.x += x; v.at.y += y + cursor; }
                    else if constexpr (std::is_same_v<T, frame::ShapeItem>) {
                        for (auto& cmd : v.path) for (auto& p : cmd.points) { p.x += x; p.y += y + cursor; }
                    }
                }, it);
                box.items.push_back(std::move(it));
            }
            for (const auto& o : b->outline) box.outline.push_back(o);
            cursor += b->height;
            first = false;
        }
    }
    box.height = cursor;
    return box;
}

frame::ShapeItem rule(Length x0, Length y, Length x1, Color color, Length width) {
    frame::ShapeItem s;
    s.path.push_back({frame::PathCommand::Kind::MoveTo, {{x0, y}}});
    s.path.push_back({frame::PathCommand::Kind::LineTo, {{x1, y}}});
    s.stroke = color;
    s.line_width = width;
    return s;
}

frame::ShapeItem fill_rect(Rect r, Color color) {
    frame::ShapeItem s;
    s.path.push_back({frame::PathCommand::Kind::MoveTo, {{r.x, r.y}}});
    s.path.push_back({frame::PathCommand::Kind::LineTo, {{r.x + r.width, r.y}}});
    s.path.push_back({frame::PathCommand::Kind::LineTo, {{r.x + r.width, r.y + r.height}}});
    s.path.push_back({frame::PathCommand::Kind::LineTo, {{r.x, r.y + r.height}}});
    s.path.push_back({frame::PathCommand::Kind::Close, {}});
    s.fill = color;
    return s;
}

}  // namespace

void layout_table(const doc::Table& table, Length indent, LayoutContext& ctx, const CellLayouter& layout_cell,
                  std::vector<VItem>& out) {
    size_t columns = table.columns.size();
    for (const auto& row : table.rows) {
        size_t n = 0;
        for (const auto& c : row.cells) n += size_t(c.colspan);
        columns = std::max(columns, n);
    }
    if (columns == 0) return;
    Length total = ctx.body_width - indent;
    std::vector<Length> widths(columns);
    Length fixed_sum;
    double fr_sum = 0;
    for (size_t i = 0; i < columns; ++i) {
        if (i < table.columns.size() && table.columns[i].kind == doc::ColumnSpec::Kind::Fixed) {
            if (auto w = style::parse_length(table.columns[i].value, Length::from_pt(10))) { widths[i] = *w; fixed_sum += *w; continue; }
            ctx.diags.error(table.columns[i].span, "expected a column width such as 30mm, 2fr or auto, found '" + table.columns[i].value + "'");
        }
        double fr = 1;
        if (i < table.columns.size() && table.columns[i].kind == doc::ColumnSpec::Kind::Fraction) {
            auto v = style::parse_number(std::string_view(table.columns[i].value).substr(0, table.columns[i].value.size() - 2));
            if (v && *v > 0) fr = *v;
            else ctx.diags.error(table.columns[i].span, "expected a positive fraction such as 2fr, found '" + table.columns[i].value + "'");
        }
        fr_sum += fr;
        widths[i] = Length::from_sp(-std::llround(fr * 1000));  // marker: resolved below
    }
    Length remaining = max(Length{}, total - fixed_sum);
    for (auto& w : widths)
        if (w < Length{}) w = remaining.scaled(double(-w.sp) / 1000.0 / fr_sum);

    const Length pad = Length::from_pt(4);
    const Color line_color{0x9a, 0xa7, 0xb4};
    const Color shade{0xe8, 0xee, 0xf4};
    for (const auto& row : table.rows) {
        VBox box;
        Length x = indent, row_height;
        std::vector<VBox> cells;
        std::vector<Rect> rects;
        size_t col = 0;
        for (const auto& cell : row.cells) {
            Length w;
            for (int k = 0; k < cell.colspan && col < columns; ++k) w += widths[col++];
            auto items = layout_cell(cell.blocks, w - pad * 2, ctx);
            VBox content = stack(items, x + pad, pad);
            row_height = max(row_height, content.height + pad * 2);
            rects.push_back({x, Length{}, w, Length{}});
            cells.push_back(std::move(content));
            x += w;
        }
        box.height = row_height;
        if (row.kind != doc::TableRow::Kind::Body)
            box.items.push_back(fill_rect({indent, Length{}, total, row_height}, shade));
        for (auto& c : cells) {
            for (auto& item : c.items) box.items.push_back(std::move(item));
            for (auto& o : c.outline) box.outline.push_back(o);
        }
        box.items.push_back(rule(indent, row_height, indent + total, line_color, Length::from_pt(0.5)));
        out.push_back(VPenalty{0});
        out.push_back(std::move(box));
    }
    out.push_back(VGlue{Length::from_pt(6)});
}

}  // namespace reportc::layout
