#pragma once
// Private to chart: what every chart and diagram drawing shares: text styles, the palette, the
// path builder, the items drawn so far and the boxes of the text already set (so later labels
// can avoid them).
#include <string>
#include <vector>

#include "chart/chart.h"
#include "chart/labels.h"
#include "chart/paths.h"

namespace reportc::chart {

class Painter {
public:
    Painter(const ChartStyle& style, const text::FontRegistry& fonts, std::vector<Color> palette);

    const ChartStyle& style() const { return m_style; }
    const TextKit& text() const { return m_text; }
    PathBuilder& paths() { return m_paths; }
    std::vector<frame::Item>& items() { return m_items; }
    const std::vector<Box>& text_boxes() const { return m_text_boxes; }

    TextStyle label_style() const;  // axis, category and value labels
    TextStyle title_style() const;
    TextStyle note_style() const;   // notes and axis titles: italic, muted
    double pt(Length l) const { return l.pt(); }

    Color color(size_t series) const { return m_palette[series % m_palette.size()]; }
    const std::vector<Color>& palette() const { return m_palette; }
    // White or the text colour, whichever reads better on `background`.
    Color text_on(Color background) const;

    void put(const Label& label);  // emits the label and remembers its box
    void shape(frame::ShapeItem shape) { m_items.push_back(std::move(shape)); }
    void fill_rect(const Box& box, Color fill);
    // A derived value's mark: a lighter fill with diagonal hatching in the series colour.
    void hatched_rect(const Box& box, Color color);
    void line(double x0, double y0, double x1, double y1, Color color, double width);

    // Lines of `text` wrapped to `width`, set from the top `y`, each aligned at x by `anchor`;
    // returns the height used.
    double paragraph(const std::string& text, const TextStyle& style, double x, double y, double width, Anchor anchor,
                     size_t max_lines = 0, bool emit = true);

private:
    const ChartStyle& m_style;
    TextKit m_text;
    PathBuilder m_paths;
    std::vector<Color> m_palette;
    std::vector<frame::Item> m_items;
    std::vector<Box> m_text_boxes;
};

struct LegendEntry {
    std::string text;
    Color color;
    bool derived = false;
    bool line = false;  // a line-chart series: a short line with a marker instead of a square
};

// Legend entries flowed in rows (swatch, gap, text), each row centred in [x, x + width], from
// the top `y`. Returns the height; emits nothing when `emit` is false (measuring).
double draw_legend(Painter& p, const std::vector<LegendEntry>& entries, double x, double y, double width, bool emit);
// One entry per line, left-aligned at x (the pie legend); texts wrap to `width`.
double draw_legend_column(Painter& p, const std::vector<LegendEntry>& entries, double x, double y, double width, bool emit);

// What a chart is drawn from: its presentation attributes and its resolved data
// (doc::ChartData), never its values as written. draw_chart builds it from a resolved chart only.
struct Plot {
    const std::string& type;
    const std::string& title;
    const std::string& x_label;
    const std::string& y_label;
    const std::string& unit;
    const std::string& note;
    const std::vector<std::string>& categories;
    const std::vector<doc::ChartDataSeries>& series;
};

// Axis charts (bar, hbar, stacked-bar, line) and pie/donut charts inside [0, width] x [0, height].
// They return the height actually used (at least `height`; more when the labels need it).
double draw_axis_chart(Painter& p, const Plot& chart, double width, double height, Diagnostics& diags);
double draw_pie_chart(Painter& p, const Plot& chart, double width, double height, Diagnostics& diags);

// The label of a derived series in legends: its name, marked "(derived)" unless it says so.
std::string derived_name(const doc::ChartDataSeries& s);
bool has_derived(const Plot& chart);
// The note under a chart: the chart's note, or for a chart with derived series and no note, a
// sentence saying which marks are derived.
std::string chart_note(const Plot& chart, bool bars);

}  // namespace reportc::chart
