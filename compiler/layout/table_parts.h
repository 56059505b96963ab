#pragma once
// Private to layout: what a table's layout (table_layout.cpp) asks of its table and cells: its
// style, its columns' requests, a cell's alignment, and a cell's lines stacked and moved.
#include <optional>
#include <vector>

#include "doc/document.h"
#include "layout/column_widths.h"
#include "layout/context.h"
#include "layout/row_band.h"

namespace reportc::layout::table_parts {

// The table's style; an unknown one is an error, and the engine's defaults are used.
const style::TableStyle& table_style(const doc::Table& t, LayoutContext& ctx);
// Stacks a cell's vertical list into line boxes (glue between them becomes offsets); `height`
// is the content's, trailing glue left out.
std::vector<CellLine> stack_lines(std::vector<VItem> items, Length& height);
void shift_x(std::vector<CellLine>& lines, Length dx);
// Column i's width as written (fixed, a fraction, or automatic); a bad one is an error.
ColumnRequest column_request(const doc::Table& t, size_t i, LayoutContext& ctx);
// A cell's own alignment attribute, if any.
std::optional<style::Align> cell_align(const doc::TableCell& cell);

}  // namespace reportc::layout::table_parts
