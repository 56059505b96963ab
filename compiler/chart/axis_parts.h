#pragma once
// Private to chart: pieces shared by the vertical and the horizontal value-axis charts.
#include <algorithm>
#include <limits>
#include <string>
#include <vector>

#include "chart/painter.h"
#include "chart/ticks.h"

namespace reportc::chart::axis {

constexpr double kMinPlot = 40;  // the smallest plot height (or band height sum) kept

struct Extent {
    double lo = 0, hi = 0;
    std::vector<double> shown;  // every value a label may show (values, stack totals)
};

// a + b, held at the largest finite double: a stack of values near it stays drawable.
inline double saturated_sum(double a, double b) {
    return std::clamp(a + b, -std::numeric_limits<double>::max(), std::numeric_limits<double>::max());
}

Extent extent(const Plot& chart, bool stacked);

std::string value_title(const Plot& chart);

// What every value-axis chart starts from: counts, the value extent and its ticks, the label
// styles and metrics, and y below the title.
struct AxisStart {
    size_t n, ns;
    Extent ext;
    Ticks ticks;
    int decimals;
    TextStyle lab, note;
    double lead, ascent, descent;
    double y;
};
AxisStart begin_axis_chart(Painter& p, const Plot& chart, double W, bool stacked);

struct ValueLabel {
    std::string text;
    std::vector<Box> candidates;
    std::vector<Color> colors;  // per candidate (inside a bar: white on dark)
    int own = -1;               // the bar it may sit inside
};

// Draws the labels that can be placed without overlapping anything.
void place_value_labels(Painter& p, const std::vector<ValueLabel>& labels, const std::vector<Box>& bars, const Box& bounds);

// A label box of `text` whose anchor is at (x, y): horizontally by `anchor`, vertically with
// its top at y.
Box text_box(Painter& p, const std::string& text, double x, double top, Anchor anchor);

// Bottom matter shared by the vertical and horizontal layouts.
struct Bottom {
    std::string x_title, note;
    std::vector<LegendEntry> legend;
    double x_title_h = 0, legend_h = 0, note_h = 0;
    double total() const {
        return (x_title_h > 0 ? 3 + x_title_h : 0) + (legend_h > 0 ? 6 + legend_h : 0) + (note_h > 0 ? 6 + note_h : 0);
    }
};

Bottom measure_bottom(Painter& p, const Plot& chart, const std::string& x_title, double w);

void draw_bottom(Painter& p, const Bottom& b, double y, double x_title_left, double x_title_width, double w);

// Dashes along a polyline (derived line series), built as separate segments.
void dashed_polyline(Painter& p, const std::vector<std::pair<double, double>>& pts, Color color, double width);

}  // namespace reportc::chart::axis

namespace reportc::chart {
// The horizontal value-axis chart (hbar_chart.cpp); the vertical ones are in axis_chart.cpp.
double horizontal_chart(Painter& p, const Plot& chart, double W, double H);
}  // namespace reportc::chart
