// Charts with a value axis: bar (grouped), stacked-bar, line (categories across, values up) and
// hbar (categories down, values across). Layout order, top to bottom: title, axis title, plot
// (with value labels), category labels, x-label, legend, note. Every label is checked against
// the bars, markers and the labels already set; a label that cannot be placed is dropped (the
// axis still reads), never drawn over something else.
#include <algorithm>
#include <cmath>

#include "chart/axis_parts.h"
#include "chart/painter.h"
#include "chart/ticks.h"

namespace reportc::chart {
namespace {

using namespace axis;

double vertical_chart(Painter& p, const Plot& chart, double W, double H) {
    const bool stacked = chart.type == "stacked-bar", line = chart.type == "line";
    // Named members, not a structured binding: the lambdas below use them, and clang before 16
    // cannot capture structured bindings.
    AxisStart start = begin_axis_chart(p, chart, W, stacked);
    size_t n = start.n, ns = start.ns;
    Extent& ext = start.ext;
    Ticks& ticks = start.ticks;
    int decimals = start.decimals;
    TextStyle &lab = start.lab, &note = start.note;
    double lead = start.lead, ascent = start.ascent, descent = start.descent;
    double y = start.y;
    const std::string vtitle = value_title(chart);
    if (!vtitle.empty()) {
        p.put(p.text().label(p.text().abbreviate(vtitle, note, W), note, 0, y + p.text().ascent(note)));
        y += p.text().leading(note) + 2;
    }
    const double labels_top = y;

    // The geometry depends on the ticks (their labels' width sets the plot's left edge) and the
    // ticks on the plot height (labels one line apart at least): fit twice.
    Bottom bottom = measure_bottom(p, chart, chart.x_label, W);
    const double top = labels_top + std::max(lead, ascent + descent + 5);  // room for value labels above the highest point
    double natural = 0;
    for (const auto& c : chart.categories) natural = std::max(natural, p.text().width(c, lab));
    std::vector<std::string> tick_text;
    std::vector<std::vector<std::string>> cat_lines;
    double left = 0, right = W - 1, bw = 0, cat_h = 0, plot_bottom = 0, plot_h = 0, height = H;
    for (int pass = 0; pass < 2; ++pass) {
        tick_text.clear();
        double tick_w = 0;
        for (double v : ticks.values) {
            tick_text.push_back(format_number(v, ticks.decimals));
            tick_w = std::max(tick_w, p.text().width(tick_text.back(), lab));
        }
        left = tick_w + 5;
        bw = (right - left) / double(n);
        // Category labels: wrapped to the band; every step-th one when bands are too narrow. A
        // label is never wider than twice its distance to the plot's nearer edge, so none leaves
        // the plot's width.
        size_t step = 1;
        while (step < n && double(step) * bw - 4 < std::min(natural, 3.5 * lab.size)) ++step;
        cat_lines.assign(n, {});
        size_t max_lines = 0;
        for (size_t i = 0; i < n; i += step) {
            double room = std::min({double(step) * bw - 4, (2.0 * double(i) + 1) * bw - 2, (2.0 * double(n - i) - 1) * bw - 2});
            cat_lines[i] = p.text().wrap(chart.categories[i], lab, room, 3);
            max_lines = std::max(max_lines, cat_lines[i].size());
        }
        cat_h = double(max_lines) * lead;
        const double below = 4 + cat_h + bottom.total();
        height = H;
        plot_bottom = height - below;
        if (plot_bottom - top < kMinPlot) {
            plot_bottom = top + kMinPlot;
            height = plot_bottom + below;
        }
        plot_h = plot_bottom - top;
        const int fit = int(plot_h / (ascent + descent + 3)) + 1;
        if (pass == 0 && fit < int(ticks.values.size())) ticks = nice_ticks(ext.lo, ext.hi, 2, std::max(2, fit));
        else break;
    }
    H = height;
    auto yv = [&](double v) { return plot_bottom - ticks.fraction(v) * plot_h; };

    // Grid and tick labels.
    for (size_t k = 0; k < ticks.values.size(); ++k) {
        double gy = yv(ticks.values[k]);
        if (ticks.values[k] != 0) p.line(left, gy, right, gy, p.style().grid, 0.5);
        p.put(p.text().label(tick_text[k], lab, left - 5, gy + (ascent - descent) / 2, Anchor::Right));
    }

    std::vector<Box> bars;
    std::vector<ValueLabel> values;
    auto value_label = [&](double v, const Box& bar, Color fill, bool allow_inside) {
        ValueLabel l;
        l.text = format_number(v, decimals);
        double cx = bar.x + bar.w / 2;
        double h = ascent + descent;
        if (v >= 0) l.candidates.push_back(text_box(p, l.text, cx, bar.y - 2 - h, Anchor::Center));
        else l.candidates.push_back(text_box(p, l.text, cx, bar.bottom() + 2, Anchor::Center));
        l.colors.push_back(p.style().text);
        if (allow_inside) {
            Box inside = text_box(p, l.text, cx, v >= 0 ? bar.y + 2 : bar.bottom() - 2 - h, Anchor::Center);
            if (contains(bar, inside)) {
                l.candidates.push_back(inside);
                l.colors.push_back(p.text_on(fill));
            }
        }
        l.own = int(bars.size()) - 1;
        values.push_back(std::move(l));
    };

    if (line) {
        std::vector<Box> markers;
        for (size_t s = 0; s < ns; ++s) {
            const auto& series = chart.series[s];
            const Color color = p.color(s);
            std::vector<std::vector<std::pair<double, double>>> runs(1);
            for (size_t i = 0; i < n; ++i) {
                double v = i < series.values.size() ? series.values[i] : NAN;
                if (!std::isfinite(v)) {
                    if (!runs.back().empty()) runs.emplace_back();
                    continue;
                }
                runs.back().emplace_back(left + (double(i) + 0.5) * bw, yv(v));
            }
            for (const auto& run : runs) {
                if (run.size() < 2) continue;
                if (series.derived) {
                    dashed_polyline(p, run, color, 1.5);
                } else {
                    p.paths().move_to(run[0].first, run[0].second);
                    for (size_t k = 1; k < run.size(); ++k) p.paths().line_to(run[k].first, run[k].second);
                    p.shape(stroked(p.paths().take(), color, 1.5));
                }
            }
            for (size_t i = 0; i < n; ++i) {
                double v = i < series.values.size() ? series.values[i] : NAN;
                if (!std::isfinite(v)) continue;
                double cx = left + (double(i) + 0.5) * bw, cy = yv(v);
                p.paths().circle(cx, cy, 2.2);
                if (series.derived) p.shape(filled_stroked(p.paths().take(), Color{0xff, 0xff, 0xff}, color, 1));
                else p.shape(filled(p.paths().take(), color));
                markers.push_back({cx - 2.7, cy - 2.7, 5.4, 5.4});
            }
        }
        // Labels above each point, else below, else to the right.
        for (size_t s = 0; s < ns; ++s)
            for (size_t i = 0; i < n; ++i) {
                double v = i < chart.series[s].values.size() ? chart.series[s].values[i] : NAN;
                if (!std::isfinite(v)) continue;
                double cx = left + (double(i) + 0.5) * bw, cy = yv(v);
                ValueLabel l;
                l.text = format_number(v, decimals);
                double h = ascent + descent;
                l.candidates = {text_box(p, l.text, cx, cy - 4 - h, Anchor::Center), text_box(p, l.text, cx, cy + 4, Anchor::Center),
                                text_box(p, l.text, cx + 5, cy - h / 2, Anchor::Left)};
                l.colors.assign(3, p.style().text);
                values.push_back(std::move(l));
            }
        bars = markers;
    } else {
        const double group = stacked ? std::min(bw * 0.6, 48.0) : std::min(bw * 0.7, double(ns) * 40.0);
        const double bar_w = stacked ? group : group / double(ns);
        for (size_t i = 0; i < n; ++i) {
            const double gx = left + double(i) * bw + (bw - group) / 2;
            double pos = 0, neg = 0;
            size_t parts = 0, nonzero = 0;
            for (const auto& series : chart.series) {
                double v = i < series.values.size() ? series.values[i] : NAN;
                if (std::isfinite(v)) ++parts, nonzero += v != 0;
            }
            for (size_t s = 0; s < ns; ++s) {
                const auto& series = chart.series[s];
                double v = i < series.values.size() ? series.values[i] : NAN;
                if (!std::isfinite(v)) continue;
                double from = 0, to = v;
                double x = gx + (stacked ? 0 : double(s) * bar_w);
                if (stacked) {
                    double& base = v >= 0 ? pos : neg;
                    from = base;
                    to = saturated_sum(base, v);
                    base = to;
                }
                double y0 = yv(std::max(from, to)), y1 = yv(std::min(from, to));
                double inset = (!stacked && ns > 1) ? 0.5 : 0;
                Box bar{x + inset, y0, bar_w - 2 * inset, y1 - y0};
                if (series.derived) p.hatched_rect(bar, p.color(s));
                else p.fill_rect(bar, p.color(s));
                bars.push_back(bar);
                // A stack's parts are labelled inside when it has several; its total above it.
                if (!stacked) value_label(v, bar, p.color(s), true);
                else if (nonzero > 1 && v != 0) {
                    ValueLabel l;
                    l.text = format_number(v, decimals);
                    Box inside = text_box(p, l.text, bar.x + bar.w / 2, bar.y + (bar.h - ascent - descent) / 2, Anchor::Center);
                    if (contains(bar, inside)) {
                        l.candidates.push_back(inside);
                        l.colors.push_back(series.derived ? p.style().text : p.text_on(p.color(s)));
                        l.own = int(bars.size()) - 1;
                        values.push_back(std::move(l));
                    }
                }
            }
            if (stacked && parts > 0) {
                Box whole{gx, yv(pos), group, yv(neg) - yv(pos)};
                ValueLabel l;
                l.text = format_number(pos + neg, decimals);
                l.candidates.push_back(text_box(p, l.text, gx + group / 2, whole.y - 2 - ascent - descent, Anchor::Center));
                l.colors.push_back(p.style().text);
                values.push_back(std::move(l));
            }
        }
    }
    // The zero line over the bars' feet.
    p.line(left, yv(0), right, yv(0), p.style().axis, 0.75);

    // Category labels under their bands.
    for (size_t i = 0; i < n; ++i) {
        double cx = left + (double(i) + 0.5) * bw;
        for (size_t k = 0; k < cat_lines[i].size(); ++k)
            p.put(p.text().label(cat_lines[i][k], lab, cx, plot_bottom + 4 + ascent + double(k) * lead, Anchor::Center));
    }
    place_value_labels(p, values, bars, Box{left, labels_top, right - left, plot_bottom - labels_top});
    draw_bottom(p, bottom, plot_bottom + 4 + cat_h, left, right - left, W);
    return H;
}

}  // namespace


double draw_axis_chart(Painter& p, const Plot& chart, double width, double height, Diagnostics&) {
    if (chart.type == "hbar") return horizontal_chart(p, chart, width, height);
    return vertical_chart(p, chart, width, height);
}

}  // namespace reportc::chart
