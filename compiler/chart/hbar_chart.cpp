// The horizontal value-axis chart (hbar): categories down, values across.
#include <algorithm>
#include <cmath>

#include "chart/axis_parts.h"
#include "chart/painter.h"
#include "chart/ticks.h"

namespace reportc::chart {

using namespace axis;

double horizontal_chart(Painter& p, const Plot& chart, double W, double H) {
    // Named members, not a structured binding: the lambdas below use them, and clang before 16
    // cannot capture structured bindings.
    AxisStart start = begin_axis_chart(p, chart, W, false);
    size_t n = start.n, ns = start.ns;
    Extent& ext = start.ext;
    Ticks& ticks = start.ticks;
    int decimals = start.decimals;
    TextStyle &lab = start.lab, &note = start.note;
    double lead = start.lead, ascent = start.ascent, descent = start.descent;
    double y = start.y;
    if (!chart.x_label.empty()) {
        p.put(p.text().label(p.text().abbreviate(chart.x_label, note, W), note, 0, y + p.text().ascent(note)));
        y += p.text().leading(note) + 2;
    }
    const double top = y + 2;

    double natural = 0, value_w = 0;
    for (const auto& c : chart.categories) natural = std::max(natural, p.text().width(c, lab));
    for (double v : ext.shown) value_w = std::max(value_w, p.text().width(format_number(v, decimals), lab));
    const double col_w = std::min(W * 0.32, natural);
    const double left = col_w + 6;
    // Tick labels under the plot, at least 6 pt apart: fewer ticks when they would crowd.
    std::vector<std::string> tick_text;
    double right = W;
    for (int pass = 0; pass < 2; ++pass) {
        tick_text.clear();
        double widest = 0;
        for (double v : ticks.values) {
            tick_text.push_back(format_number(v, ticks.decimals));
            widest = std::max(widest, p.text().width(tick_text.back(), lab));
        }
        right = W - std::max(value_w + 4, p.text().width(tick_text.back(), lab) / 2 + 1);
        const int fit = int((right - left) / (widest + 6)) + 1;
        if (pass == 0 && fit < int(ticks.values.size())) ticks = nice_ticks(ext.lo, ext.hi, 2, std::max(2, fit));
        else break;
    }

    Bottom bottom = measure_bottom(p, chart, value_title(chart), W);
    const double below = 3 + lead + bottom.total();
    double plot_bottom = H - below;
    const double min_band = lead + 4;
    if (plot_bottom - top < std::max(kMinPlot, min_band * double(n))) {
        plot_bottom = top + std::max(kMinPlot, min_band * double(n));
        H = plot_bottom + below;
    }
    const double bh = (plot_bottom - top) / double(n);
    auto xv = [&](double v) { return left + ticks.fraction(v) * (right - left); };

    for (size_t k = 0; k < ticks.values.size(); ++k) {
        double gx = xv(ticks.values[k]);
        if (ticks.values[k] != 0) p.line(gx, top, gx, plot_bottom, p.style().grid, 0.5);
        p.put(p.text().label(tick_text[k], lab, gx, plot_bottom + 3 + ascent, Anchor::Center));
    }
    // Category labels, right-aligned in the left column, centred on their band.
    const size_t max_lines = std::max<size_t>(1, size_t((bh - 1) / lead));
    for (size_t i = 0; i < n; ++i) {
        auto lines = p.text().wrap(chart.categories[i], lab, col_w, max_lines);
        double block = double(lines.size()) * lead;
        double first = top + double(i) * bh + (bh - block) / 2 + (lead - ascent - descent) / 2 + ascent;
        for (size_t k = 0; k < lines.size(); ++k) p.put(p.text().label(lines[k], lab, left - 6, first + double(k) * lead, Anchor::Right));
    }

    std::vector<Box> bars;
    std::vector<ValueLabel> values;
    const double thick = std::min(bh * 0.7, double(ns) * 18.0);
    const double bar_h = thick / double(ns);
    for (size_t i = 0; i < n; ++i) {
        for (size_t s = 0; s < ns; ++s) {
            const auto& series = chart.series[s];
            double v = i < series.values.size() ? series.values[i] : NAN;
            if (!std::isfinite(v)) continue;
            double by = top + double(i) * bh + (bh - thick) / 2 + double(s) * bar_h;
            double x0 = xv(std::min(0.0, v)), x1 = xv(std::max(0.0, v));
            double inset = ns > 1 ? 0.5 : 0;
            Box bar{x0, by + inset, x1 - x0, bar_h - 2 * inset};
            if (series.derived) p.hatched_rect(bar, p.color(s));
            else p.fill_rect(bar, p.color(s));
            bars.push_back(bar);
            ValueLabel l;
            l.text = format_number(v, decimals);
            double ty = bar.y + (bar.h - ascent - descent) / 2;
            if (v >= 0) l.candidates.push_back(text_box(p, l.text, bar.right() + 3, ty, Anchor::Left));
            else l.candidates.push_back(text_box(p, l.text, bar.x - 3, ty, Anchor::Right));
            l.colors.push_back(p.style().text);
            Box inside = v >= 0 ? text_box(p, l.text, bar.right() - 3, ty, Anchor::Right) : text_box(p, l.text, bar.x + 3, ty, Anchor::Left);
            if (contains(bar, inside)) {
                l.candidates.push_back(inside);
                l.colors.push_back(series.derived ? p.style().text : p.text_on(p.color(s)));
            }
            l.own = int(bars.size()) - 1;
            values.push_back(std::move(l));
        }
    }
    p.line(xv(0), top, xv(0), plot_bottom, p.style().axis, 0.75);
    place_value_labels(p, values, bars, Box{left, top, W - left, plot_bottom - top});
    draw_bottom(p, bottom, plot_bottom + 3 + lead, left, right - left, W);
    return H;
}

}  // namespace reportc::chart
