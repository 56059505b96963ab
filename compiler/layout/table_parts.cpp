#include "layout/table_parts.h"

#include "style/values.h"

namespace reportc::layout::table_parts {

const style::TableStyle& table_style(const doc::Table& t, LayoutContext& ctx) {
    static const style::TableStyle fallback;
    const std::string& name = doc::style_of(t);
    if (const auto* s = ctx.in.styles.table(name)) return *s;
    ctx.out.diags.error(t.span, "expected a table style defined in the layout, found '" + name + "'");
    return fallback;
}

std::vector<CellLine> stack_lines(std::vector<VItem> items, Length& height) {
    std::vector<CellLine> lines;
    Length y;
    bool any = false;
    for (auto& item : items) {
        if (auto* g = std::get_if<VGlue>(&item)) {
            if (any) y += g->height;
        } else if (auto* b = std::get_if<VBox>(&item)) {
            lines.push_back({y, b->height, std::move(b->items), b->inserts()});
            y += b->height;
            any = true;
        }
    }
    // Trailing glue is not part of the content.
    height = lines.empty() ? Length{} : lines.back().bottom();
    return lines;
}

void shift_x(std::vector<CellLine>& lines, Length dx) {
    for (auto& line : lines)
        for (auto& item : line.items) frame::translate(item, dx, Length{});
}

ColumnRequest column_request(const doc::Table& t, size_t i, LayoutContext& ctx) {
    ColumnRequest r;
    const auto& columns = doc::columns_of(t);
    if (i >= columns.size()) return r;
    const auto& spec = columns[i];
    if (spec.kind == doc::ColumnSpec::Kind::Fixed) {
        if (auto w = style::parse_length(spec.value, Length::from_pt(10)); w && *w > Length{}) {
            r.kind = ColumnRequest::Kind::Fixed;
            r.fixed = *w;
        } else {
            ctx.out.diags.error(spec.span, "expected a column width such as 30mm, 2fr or auto, found '" + spec.value + "'");
        }
    } else if (spec.kind == doc::ColumnSpec::Kind::Fraction) {
        auto v = style::parse_number(std::string_view(spec.value).substr(0, spec.value.size() - 2));
        if (v && *v > 0) {
            r.kind = ColumnRequest::Kind::Fraction;
            r.fraction = *v;
        } else {
            ctx.out.diags.error(spec.span, "expected a positive fraction such as 2fr, found '" + spec.value + "'");
        }
    }
    return r;
}

std::optional<style::Align> cell_align(const doc::TableCell& cell) {
    if (cell.align == "left") return style::Align::Left;
    if (cell.align == "center") return style::Align::Center;
    if (cell.align == "right") return style::Align::Right;
    if (cell.align == "justify") return style::Align::Justify;
    return std::nullopt;
}

}  // namespace reportc::layout::table_parts
