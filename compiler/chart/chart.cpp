// Chart entry point and what all charts share: palette, text styles, legends, hatching.
#include <algorithm>
#include <cmath>

#include "chart/painter.h"

namespace reportc::chart {

const std::vector<Color>& default_palette() {
    static const std::vector<Color> palette = {
        {0x1f, 0x4e, 0x79}, {0x4f, 0x81, 0xbd}, {0x9b, 0xbb, 0x59}, {0xf7, 0x96, 0x46},
        {0x80, 0x64, 0xa2}, {0x4b, 0xac, 0xc6}, {0xc0, 0x50, 0x4d}, {0x7f, 0x7f, 0x7f},
    };
    return palette;
}

Painter::Painter(const ChartStyle& style, const text::FontRegistry& fonts, std::vector<Color> palette)
    : m_style(style), m_text(fonts), m_palette(std::move(palette)) {
    if (m_palette.empty()) m_palette = style.palette.empty() ? default_palette() : style.palette;
}

TextStyle Painter::label_style() const { return TextStyle{m_style.family, false, false, m_style.label_size.pt(), m_style.text}; }

TextStyle Painter::title_style() const { return TextStyle{m_style.family, true, false, m_style.title_size.pt(), m_style.text}; }

TextStyle Painter::note_style() const {
    return TextStyle{m_style.family, false, true, m_style.label_size.pt() * 0.9375, m_style.muted};
}

Color Painter::text_on(Color background) const {
    double luminance = (0.2126 * background.r + 0.7152 * background.g + 0.0722 * background.b) / 255.0;
    return luminance < 0.62 ? Color{0xff, 0xff, 0xff} : m_style.text;
}

void Painter::put(const Label& label) {
    if (label.text.empty()) return;
    m_text.emit(label, m_items);
    m_text_boxes.push_back(label.box());
}

void Painter::fill_rect(const Box& box, Color fill) {
    if (box.w <= 0 || box.h <= 0) return;
    m_paths.rect(box.x, box.y, box.w, box.h);
    shape(filled(m_paths.take(), fill));
}

void Painter::hatched_rect(const Box& box, Color color) {
    if (box.w <= 0 || box.h <= 0) return;
    m_paths.rect(box.x, box.y, box.w, box.h);
    shape(filled_stroked(m_paths.take(), lighten(color, 0.7), color, 0.6));
    // Lines x + y = c ("/" with y down), clipped to the box by hand: the frame has no clipping.
    const double spacing = 3.5;
    bool any = false;
    for (double c = box.x + box.y + spacing; c < box.right() + box.bottom(); c += spacing) {
        double xa = std::max(box.x, c - box.bottom()), xb = std::min(box.right(), c - box.y);
        if (xb - xa < 0.3) continue;
        m_paths.move_to(xa, c - xa).line_to(xb, c - xb);
        any = true;
    }
    if (any) shape(stroked(m_paths.take(), color, 0.6));
}

void Painter::line(double x0, double y0, double x1, double y1, Color color, double width) {
    m_paths.move_to(x0, y0).line_to(x1, y1);
    shape(stroked(m_paths.take(), color, width));
}

double Painter::paragraph(const std::string& text, const TextStyle& style, double x, double y, double width, Anchor anchor,
                          size_t max_lines, bool emit) {
    if (text.empty()) return 0;
    auto lines = m_text.wrap(text, style, width, max_lines);
    double lead = m_text.leading(style);
    double ax = anchor == Anchor::Left ? x : anchor == Anchor::Center ? x + width / 2 : x + width;
    for (size_t i = 0; i < lines.size(); ++i)
        if (emit) put(m_text.label(lines[i], style, ax, y + i * lead + m_text.ascent(style), anchor));
    return double(lines.size()) * lead;
}

namespace {

constexpr double kSwatch = 8, kSwatchGap = 4, kEntryGap = 12;

double swatch_width(const LegendEntry& e) { return e.line ? 16 : kSwatch; }

void draw_swatch(Painter& p, const LegendEntry& e, double x, double mid) {
    if (e.line) {
        p.line(x, mid, x + 16, mid, e.color, 1.5);
        p.paths().circle(x + 8, mid, 2.2);
        if (e.derived) p.shape(filled_stroked(p.paths().take(), Color{0xff, 0xff, 0xff}, e.color, 1));
        else p.shape(filled(p.paths().take(), e.color));
        return;
    }
    Box box{x, mid - kSwatch / 2, kSwatch, kSwatch};
    if (e.derived) p.hatched_rect(box, e.color);
    else p.fill_rect(box, e.color);
}

}  // namespace

double draw_legend(Painter& p, const std::vector<LegendEntry>& entries, double x, double y, double width, bool emit) {
    if (entries.empty()) return 0;
    const TextStyle style = p.label_style();
    const double lead = p.text().leading(style) + 2;
    // Rows of entries that fit the width; an entry wider than the width is abbreviated.
    std::vector<std::vector<std::pair<const LegendEntry*, std::string>>> rows(1);
    double row_w = 0;
    for (const auto& e : entries) {
        double room = width - swatch_width(e) - kSwatchGap;
        std::string text = p.text().abbreviate(e.text, style, room);
        double w = swatch_width(e) + kSwatchGap + p.text().width(text, style);
        if (!rows.back().empty() && row_w + kEntryGap + w > width) {
            rows.emplace_back();
            row_w = 0;
        }
        row_w += (rows.back().empty() ? 0 : kEntryGap) + w;
        rows.back().emplace_back(&e, text);
    }
    if (emit) {
        for (size_t r = 0; r < rows.size(); ++r) {
            double total = 0;
            for (const auto& [e, text] : rows[r])
                total += (total > 0 ? kEntryGap : 0) + swatch_width(*e) + kSwatchGap + p.text().width(text, style);
            double cx = x + (width - total) / 2;
            double baseline = y + r * lead + p.text().ascent(style) + 1;
            double mid = baseline - p.text().ascent(style) * 0.35;
            for (const auto& [e, text] : rows[r]) {
                draw_swatch(p, *e, cx, mid);
                cx += swatch_width(*e) + kSwatchGap;
                Label l = p.text().label(text, style, cx, baseline);
                p.put(l);
                cx += l.width + kEntryGap;
            }
        }
    }
    return double(rows.size()) * lead;
}

double draw_legend_column(Painter& p, const std::vector<LegendEntry>& entries, double x, double y, double width, bool emit) {
    const TextStyle style = p.label_style();
    const double lead = p.text().leading(style);
    double cy = y;
    for (const auto& e : entries) {
        double tx = x + swatch_width(e) + kSwatchGap;
        auto lines = p.text().wrap(e.text, style, width - (tx - x), 3);
        if (emit) {
            double baseline = cy + p.text().ascent(style) + 1;
            draw_swatch(p, e, x, baseline - p.text().ascent(style) * 0.35);
            for (size_t i = 0; i < lines.size(); ++i) p.put(p.text().label(lines[i], style, tx, baseline + i * lead));
        }
        cy += std::max<size_t>(1, lines.size()) * lead + 3;
    }
    return cy - y;
}

bool has_derived(const Plot& chart) {
    return std::any_of(chart.series.begin(), chart.series.end(), [](const auto& s) { return s.derived; });
}

std::string derived_name(const doc::ChartDataSeries& s) {
    std::string lower = s.name;
    for (char& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
    return lower.find("derived") != std::string::npos ? s.name : s.name + " (derived)";
}

std::string chart_note(const Plot& chart, bool bars) {
    if (!chart.note.empty() || !has_derived(chart)) return chart.note;
    return bars ? "Hatched: derived from stated figures, not stated in the report."
                : "Dashed: derived from stated figures, not stated in the report.";
}

Graphic draw_chart(const doc::Chart& chart, Length width, std::optional<Length> height, const ChartStyle& style,
                   const text::FontRegistry& fonts, Diagnostics& diags) {
    Graphic g;
    g.width = width;
    if (!chart.resolved) {
        // A stage forgot data::resolve_charts: say so at the chart rather than draw nothing silently.
        diags.error(chart.span, "internal error: expected chart data resolved before layout" +
                                    (chart.id.empty() ? std::string() : " in chart '" + chart.id + "'") + ", found the chart as written");
        return g;
    }
    const doc::ChartData& data = *chart.resolved;
    const Plot plot{chart.type, chart.title, chart.x_label, chart.y_label, chart.unit, chart.note, data.categories, data.series};
    bool drawable = !plot.categories.empty() && !plot.series.empty();
    for (const auto& s : plot.series)
        drawable = drawable && std::any_of(s.values.begin(), s.values.end(), [](double v) { return std::isfinite(v); });
    if (!drawable) {
        diags.error(chart.span, "expected chart data to draw" + (chart.id.empty() ? std::string() : " in chart '" + chart.id + "'") +
                                    ", found no categories or values");
        return g;
    }
    const bool pie = plot.type == "pie" || plot.type == "donut";
    const double w = width.pt();
    const double h = height ? height->pt() : w * (pie ? 0.5 : 0.55);
    Painter painter(style, fonts, data.palette);
    double used = pie ? draw_pie_chart(painter, plot, w, h, diags) : draw_axis_chart(painter, plot, w, h, diags);
    report_missing(painter.text().missing(), chart.span, diags);
    g.height = Length::from_pt(std::ceil(used));
    g.items = std::move(painter.items());
    return g;
}

}  // namespace reportc::chart
