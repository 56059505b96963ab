// Pie and donut charts: slices clockwise from twelve o'clock, a legend naming every category
// with its value (beside the pie when there is room, else under it), values inside the slices
// they fit in, and for a donut the total in the hole.
#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "chart/painter.h"
#include "chart/ticks.h"

namespace reportc::chart {

constexpr double kPi = std::numbers::pi;
namespace {

constexpr double kGap = 18;  // between the pie and its legend

// True when every corner of `box` lies in the ring sector [inner, outer] x [from, from + sweep].
bool in_sector(const Box& box, double cx, double cy, double inner, double outer, double from, double sweep) {
    const double corners[4][2] = {{box.x, box.y}, {box.right(), box.y}, {box.x, box.bottom()}, {box.right(), box.bottom()}};
    for (const auto& c : corners) {
        double dx = c[0] - cx, dy = c[1] - cy;
        double dist = std::hypot(dx, dy);
        if (dist < inner + 1 || dist > outer - 1) return false;
        if (sweep >= 2 * kPi - 1e-9) continue;
        double rel = std::fmod(std::atan2(dy, dx) - from + 4 * kPi, 2 * kPi);
        if (rel > sweep) return false;
    }
    return true;
}

}  // namespace

double draw_pie_chart(Painter& p, const Plot& chart, double W, double H, Diagnostics&) {
    const auto& series = chart.series.front();
    const bool donut = chart.type == "donut";
    const size_t n = chart.categories.size();
    std::vector<double> values(n, 0);
    double total = 0;
    for (size_t i = 0; i < n && i < series.values.size(); ++i)
        if (std::isfinite(series.values[i]) && series.values[i] > 0) {
            values[i] = series.values[i];
            total += values[i];
        }
    // Values near the largest double overflow the total: then the shares come from the values
    // scaled by the largest, and the total shown is held at the largest double.
    const double largest = values.empty() ? 0 : *std::max_element(values.begin(), values.end());
    double scaled_total = 0;
    for (double v : values) scaled_total += largest > 0 ? v / largest : 0;
    const bool overflowed = !std::isfinite(total);
    auto share = [&](double v) { return overflowed ? v / largest / scaled_total : v / total; };
    if (overflowed) total = std::numeric_limits<double>::max();
    std::vector<double> shown = values;
    shown.push_back(total);
    const int decimals = decimals_needed(shown);
    const TextStyle lab = p.label_style();
    const double ascent = p.text().ascent(lab), descent = p.text().descent(lab);

    double top = p.paragraph(chart.title, p.title_style(), 0, 0, W, Anchor::Center, 3);
    if (top > 0) top += 6;
    const std::string note = chart.note.empty() && series.derived ? "Lighter slices: derived from stated figures, not stated in the report."
                                                                   : chart.note;
    const double note_h = p.paragraph(note, p.note_style(), 0, 0, W, Anchor::Left, 4, false);

    std::vector<LegendEntry> legend;
    double legend_natural = 0;
    for (size_t i = 0; i < n; ++i) {
        std::string text = chart.categories[i] + ": " +
                           (i < series.values.size() && std::isfinite(series.values[i]) ? format_number(series.values[i], decimals) : "–");
        legend.push_back({text, p.color(i), series.derived, false});
        legend_natural = std::max(legend_natural, 12 + p.text().width(text, lab));
    }
    double region = H - top - (note_h > 0 ? note_h + 6 : 0);
    const double legend_w = std::min(legend_natural, W * 0.5);
    const bool side = W - legend_w - kGap >= 0.6 * region && W - legend_w - kGap >= 80;
    double d, cx, cy, legend_x, legend_y, legend_h;
    if (side) {
        legend_h = draw_legend_column(p, legend, 0, 0, legend_w, false);
        region = std::max(region, std::max(legend_h, 60.0));
        d = std::min({region, W - legend_w - kGap, W * 0.55});
        double combo = d + kGap + legend_w;
        cx = (W - combo) / 2 + d / 2;
        cy = top + region / 2;
        legend_x = cx + d / 2 + kGap;
        legend_y = top + (region - legend_h) / 2;
    } else {
        legend_h = draw_legend(p, legend, 0, 0, W, false);
        d = std::min(region - legend_h - 8, W * 0.6);
        if (d < 60) {
            d = 60;
            region = d + legend_h + 8;
        }
        cx = W / 2;
        cy = top + d / 2;
        legend_x = 0;
        legend_y = top + d + 8;
    }
    H = top + region + (note_h > 0 ? note_h + 6 : 0);
    const double r = d / 2, ri = donut ? r * 0.55 : 0;

    double angle = -kPi / 2;
    std::vector<Box> slice_labels;
    for (size_t i = 0; i < n; ++i) {
        if (values[i] <= 0) continue;
        const double sweep = share(values[i]) * 2 * kPi;
        const Color color = series.derived ? lighten(p.color(i), 0.55) : p.color(i);
        auto& path = p.paths();
        if (sweep >= 2 * kPi - 1e-9) {
            path.circle(cx, cy, r);
            if (donut) path.circle(cx, cy, ri);  // the hole, by the even-odd rule below
        } else if (donut) {
            path.arc(cx, cy, r, angle, angle + sweep).arc_negative(cx, cy, ri, angle + sweep, angle).close();
        } else {
            path.move_to(cx, cy).arc(cx, cy, r, angle, angle + sweep).close();
        }
        frame::ShapeItem slice = filled_stroked(path.take(), color, Color{0xff, 0xff, 0xff}, 1);
        if (donut && sweep >= 2 * kPi - 1e-9) slice.fill_rule = frame::FillRule::EvenOdd;
        p.shape(std::move(slice));

        // The value inside its slice when it fits there (the legend always has it).
        std::string text = format_number(values[i], decimals);
        const double mid = angle + sweep / 2, rl = donut ? (r + ri) / 2 : r * 0.62;
        const double w = p.text().width(text, lab), h = ascent + descent;
        Box box{cx + rl * std::cos(mid) - w / 2, cy + rl * std::sin(mid) - h / 2, w, h};
        bool clash = false;
        for (const Box& b : slice_labels) clash = clash || overlaps(box, b, 1);
        if (!clash && in_sector(box, cx, cy, ri, r, angle, sweep)) {
            TextStyle style = lab;
            style.color = p.text_on(color);
            p.put(p.text().label(text, style, box.x, box.y + ascent));
            slice_labels.push_back(box);
        }
        angle += sweep;
    }
    if (donut) {
        // The total in the hole, with the unit under it, when both fit inside the ring.
        TextStyle big = p.title_style();
        std::string text = format_number(total, decimals);
        double room = 2 * ri * 0.8;
        double tw = p.text().width(text, big), uw = chart.unit.empty() ? 0 : p.text().width(chart.unit, lab);
        double block = p.text().ascent(big) + p.text().descent(big) + (uw > 0 ? p.text().leading(lab) : 0);
        if (tw <= room && uw <= room && block <= room) {
            double baseline = cy - block / 2 + p.text().ascent(big);
            p.put(p.text().label(text, big, cx, baseline, Anchor::Center));
            if (uw > 0) p.put(p.text().label(chart.unit, lab, cx, baseline + p.text().descent(big) + p.text().leading(lab) - descent, Anchor::Center));
        }
    }
    if (side) draw_legend_column(p, legend, legend_x, legend_y, legend_w, true);
    else draw_legend(p, legend, legend_x, legend_y, W, true);
    if (note_h > 0) p.paragraph(note, p.note_style(), 0, H - note_h, W, Anchor::Left, 4);
    return H;
}

}  // namespace reportc::chart
