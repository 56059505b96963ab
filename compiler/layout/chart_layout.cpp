// Placeholder until the chart module lands in this session.
#include "layout/chart_layout.h"

namespace reportc::layout {

void layout_chart(const doc::Chart& chart, Length, LayoutContext& ctx, std::vector<VItem>&) {
    ctx.diags.error(chart.span, "charts are not implemented yet");
}

void layout_diagram(const doc::Diagram& diagram, Length, LayoutContext& ctx, std::vector<VItem>&) {
    ctx.diags.error(diagram.span, "diagrams are not implemented yet");
}

}  // namespace reportc::layout
