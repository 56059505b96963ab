#include "chart/axis_parts.h"

#include <algorithm>
#include <cmath>

namespace reportc::chart::axis {

Extent extent(const Plot& chart, bool stacked) {
    Extent e;
    for (size_t i = 0; i < chart.categories.size(); ++i) {
        double pos = 0, neg = 0;
        size_t parts = 0;
        for (const auto& s : chart.series) {
            double v = i < s.values.size() ? s.values[i] : NAN;
            if (!std::isfinite(v)) continue;
            e.shown.push_back(v);
            if (stacked) {
                double& side = v >= 0 ? pos : neg;
                side = saturated_sum(side, v);
                ++parts;
            } else {
                e.lo = std::min(e.lo, v);
                e.hi = std::max(e.hi, v);
            }
        }
        if (stacked) {
            e.lo = std::min(e.lo, neg);
            e.hi = std::max(e.hi, pos);
            if (parts) e.shown.push_back(pos + neg);
        }
    }
    return e;
}
std::string value_title(const Plot& chart) {
    if (chart.y_label.empty()) return chart.unit;
    if (chart.unit.empty()) return chart.y_label;
    return chart.y_label + " (" + chart.unit + ")";
}
void place_value_labels(Painter& p, const std::vector<ValueLabel>& labels, const std::vector<Box>& bars, const Box& bounds) {
    std::vector<std::vector<Box>> candidates;
    std::vector<int> own;
    for (const auto& l : labels) {
        candidates.push_back(l.candidates);
        own.push_back(l.own);
    }
    std::vector<Box> obstacles = bars;  // first, so `own` indexes them
    for (const Box& b : p.text_boxes()) obstacles.push_back(b);
    auto chosen = place_labels(candidates, obstacles, bounds, 1.0, &own);
    TextStyle style = p.label_style();
    for (size_t i = 0; i < labels.size(); ++i) {
        if (chosen[i] < 0) continue;
        const Box& b = labels[i].candidates[size_t(chosen[i])];
        style.color = labels[i].colors[size_t(chosen[i])];
        p.put(p.text().label(labels[i].text, style, b.x, b.y + p.text().ascent(style)));
    }
}
Box text_box(Painter& p, const std::string& text, double x, double top, Anchor anchor) {
    TextStyle style = p.label_style();
    double w = p.text().width(text, style);
    double h = p.text().ascent(style) + p.text().descent(style);
    double left = anchor == Anchor::Left ? x : anchor == Anchor::Center ? x - w / 2 : x - w;
    return {left, top, w, h};
}
Bottom measure_bottom(Painter& p, const Plot& chart, const std::string& x_title, double w) {
    Bottom b;
    const bool line = chart.type == "line";
    if (chart.series.size() > 1 || has_derived(chart))
        for (size_t s = 0; s < chart.series.size(); ++s) {
            const auto& series = chart.series[s];
            b.legend.push_back({series.derived ? derived_name(series) : series.name, p.color(s), series.derived, line});
        }
    b.x_title = x_title;
    b.note = chart_note(chart, !line);
    if (!b.x_title.empty()) b.x_title_h = p.text().leading(p.note_style());
    b.legend_h = draw_legend(p, b.legend, 0, 0, w, false);
    b.note_h = p.paragraph(b.note, p.note_style(), 0, 0, w, Anchor::Left, 4, false);
    return b;
}
void draw_bottom(Painter& p, const Bottom& b, double y, double x_title_left, double x_title_width, double w) {
    if (b.x_title_h > 0) {
        y += 3;
        p.paragraph(b.x_title, p.note_style(), x_title_left, y, x_title_width, Anchor::Center, 1);
        y += b.x_title_h;
    }
    if (b.legend_h > 0) {
        y += 6;
        draw_legend(p, b.legend, 0, y, w, true);
        y += b.legend_h;
    }
    if (b.note_h > 0) p.paragraph(b.note, p.note_style(), 0, y + 6, w, Anchor::Left, 4);
}
void dashed_polyline(Painter& p, const std::vector<std::pair<double, double>>& pts, Color color, double width) {
    const double dash = 4, gap = 2.5;
    double phase = 0;  // distance into the current dash+gap period
    bool any = false;
    for (size_t i = 1; i < pts.size(); ++i) {
        auto [x0, y0] = pts[i - 1];
        auto [x1, y1] = pts[i];
        double len = std::hypot(x1 - x0, y1 - y0);
        double t = 0;
        while (t < len) {
            double in_period = std::fmod(phase + t, dash + gap);
            if (in_period < dash) {
                double end = std::min(len, t + (dash - in_period));
                p.paths().move_to(x0 + (x1 - x0) * t / len, y0 + (y1 - y0) * t / len);
                p.paths().line_to(x0 + (x1 - x0) * end / len, y0 + (y1 - y0) * end / len);
                any = true;
                t = end;
            } else {
                t += dash + gap - in_period;
            }
        }
        phase = std::fmod(phase + len, dash + gap);
    }
    if (any) p.shape(stroked(p.paths().take(), color, width));
}

AxisStart begin_axis_chart(Painter& p, const Plot& chart, double W, bool stacked) {
    AxisStart s{chart.categories.size(), chart.series.size(), extent(chart, stacked), {}, 0, p.label_style(), p.note_style(), 0, 0, 0, 0};
    s.ticks = nice_ticks(s.ext.lo, s.ext.hi);
    s.decimals = decimals_needed(s.ext.shown);
    s.lead = p.text().leading(s.lab);
    s.ascent = p.text().ascent(s.lab);
    s.descent = p.text().descent(s.lab);
    s.y = p.paragraph(chart.title, p.title_style(), 0, 0, W, Anchor::Center, 3);
    if (s.y > 0) s.y += 4;
    return s;
}

}  // namespace reportc::chart::axis
