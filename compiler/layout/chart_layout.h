#pragma once
// Private to layout: charts and diagrams as boxes in the vertical list (drawn by the chart module).
#include "layout/block_layout.h"

namespace reportc::layout {

void layout_chart(const doc::Chart& chart, const BlockEnv& env, LayoutContext& ctx, std::vector<VItem>& out);
void layout_diagram(const doc::Diagram& diagram, const BlockEnv& env, LayoutContext& ctx, std::vector<VItem>& out);

}  // namespace reportc::layout
