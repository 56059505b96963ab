#pragma once
// Private to layout: tables. This first version sets each row as one unbreakable box with
// fixed, fractional or equal-share columns; automatic widths, repeated headers and row
// splitting come with the tables work.
#include <functional>

#include "layout/block_layout.h"

namespace reportc::layout {

using CellLayouter = std::function<std::vector<VItem>(const std::vector<doc::Block>&, Length width, LayoutContext&)>;

void layout_table(const doc::Table& table, Length indent, LayoutContext& ctx, const CellLayouter& layout_cell,
                  std::vector<VItem>& out);

}  // namespace reportc::layout
