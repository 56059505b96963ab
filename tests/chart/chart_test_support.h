#pragma once
// Helpers for the chart tests: the shipped fonts in a registry, hand-built charts, frame
// documents made of one graphic, and text boxes measured like the PDF's (golden traces are
// compared with golden.h).
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "chart/chart.h"
#include "chart/labels.h"
#include "doc/chart.h"
#include "frame/frame.h"
#include "text/font_registry.h"
#include "trace/trace.h"

namespace reportc::chart::testing {

inline std::string font_path(const std::string& file) { return std::string(REPORTC_SOURCE_ROOT) + "/fonts/" + file; }

// Liberation Sans (regular, bold, italic, bold italic) with DejaVu Sans as fallback.
inline const text::FontRegistry& fonts() {
    static const std::unique_ptr<text::FontRegistry> registry = [] {
        static const RealEnvironment env;
        auto r = std::make_unique<text::FontRegistry>(text::read_fonts_through(env));
        std::string error;
        r->add_family("Liberation Sans", font_path("liberation/LiberationSans-Regular.ttf"),
                      font_path("liberation/LiberationSans-Bold.ttf"), font_path("liberation/LiberationSans-Italic.ttf"),
                      font_path("liberation/LiberationSans-BoldItalic.ttf"), error);
        r->add_family("DejaVu Sans", font_path("dejavu/DejaVuSans.ttf"), font_path("dejavu/DejaVuSans-Bold.ttf"), "", "", error);
        r->set_fallbacks({"DejaVu Sans"});
        return r;
    }();
    return *registry;
}

inline doc::ChartDataSeries series(std::string name, std::vector<double> values, bool derived = false) {
    return doc::ChartDataSeries{std::move(name), std::move(values), derived};
}

// A chart as data::resolve_charts leaves it: drawn from its resolved data alone.
inline doc::Chart make_chart(std::string type, std::vector<std::string> categories, std::vector<doc::ChartDataSeries> series) {
    doc::Chart c;
    c.type = std::move(type);
    c.resolved = doc::ChartData{std::move(categories), std::move(series), {}};
    return c;
}

inline Length pt(double v) { return Length::from_pt(v); }

// One page exactly the graphic's size; the frame fonts are the registry's faces in order, so a
// TextItem's registry face index is its frame font index.
inline frame::FrameDocument document_of(const Graphic& g) {
    frame::FrameDocument doc;
    for (size_t i = 0; i < fonts().face_count(); ++i)
        doc.fonts.push_back({fonts().face(int(i)).path(), fonts().face(int(i)).postscript_name(), fonts().face(int(i)).bytes()});
    doc.info.creation_epoch = 1600000000;
    frame::Page page;
    page.size = Size{g.width, g.height};
    page.items = g.items;
    doc.pages.push_back(std::move(page));
    return doc;
}

inline std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The box a text item's glyphs occupy: its advance width by the ascender and descender.
inline Box text_box(const frame::TextItem& t) {
    const auto& face = fonts().face(t.font);
    double size = t.size.pt();
    double w = double(face.width_milli(t.text)) * size / 1000.0;
    double a = face.ascender() * size / 1000.0, d = -face.descender() * size / 1000.0;
    return {t.x.pt(), t.y.pt() - a, w, a + d};
}

inline std::vector<frame::TextItem> texts(const Graphic& g) {
    std::vector<frame::TextItem> out;
    for (const auto& item : g.items)
        if (const auto* t = std::get_if<frame::TextItem>(&item)) out.push_back(*t);
    return out;
}

// Words of one label are one item per font run; runs of one label touch, so items are merged
// into labels: same baseline, the next starting where the previous ended.
inline std::vector<std::pair<std::string, Box>> label_boxes(const Graphic& g) {
    std::vector<std::pair<std::string, Box>> out;
    for (const auto& t : texts(g)) {
        Box b = text_box(t);
        if (!out.empty()) {
            Box& prev = out.back().second;
            if (std::fabs(prev.bottom() - b.bottom()) < 1e-3 && std::fabs(prev.right() - b.x) < 1e-3) {
                prev.w = b.right() - prev.x;
                prev.h = std::max(prev.h, b.h);
                out.back().first += t.text;
                continue;
            }
        }
        out.emplace_back(t.text, b);
    }
    return out;
}

// Filled axis-aligned rectangles (bars, swatches): shapes of move + 3 lines + close.
inline std::vector<Box> filled_rects(const Graphic& g) {
    std::vector<Box> out;
    for (const auto& item : g.items) {
        const auto* s = std::get_if<frame::ShapeItem>(&item);
        if (!s || !s->fill || s->path.size() != 5) continue;
        bool lines = s->path[0].kind == frame::PathCommand::Kind::MoveTo && s->path[4].kind == frame::PathCommand::Kind::Close;
        for (int i = 1; i < 4; ++i) lines = lines && s->path[size_t(i)].kind == frame::PathCommand::Kind::LineTo;
        if (!lines) continue;
        double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
        for (int i = 0; i < 4; ++i) {
            x0 = std::min(x0, s->path[size_t(i)].points[0].x.pt());
            x1 = std::max(x1, s->path[size_t(i)].points[0].x.pt());
            y0 = std::min(y0, s->path[size_t(i)].points[0].y.pt());
            y1 = std::max(y1, s->path[size_t(i)].points[0].y.pt());
        }
        out.push_back({x0, y0, x1 - x0, y1 - y0});
    }
    return out;
}

// Every label lies inside the graphic, no two labels overlap, and no label straddles a bar's
// edge (a label is inside a bar, or clear of it).
inline void expect_no_overlaps(const Graphic& g) {
    auto labels = label_boxes(g);
    const Box bounds{0, 0, g.width.pt(), g.height.pt()};
    for (size_t i = 0; i < labels.size(); ++i) {
        EXPECT_TRUE(contains(bounds, labels[i].second))
            << "label '" << labels[i].first << "' leaves the graphic: " << labels[i].second.x << "," << labels[i].second.y << " "
            << labels[i].second.w << "x" << labels[i].second.h;
        for (size_t k = i + 1; k < labels.size(); ++k)
            EXPECT_FALSE(overlaps(labels[i].second, labels[k].second, -1e-3))
                << "labels '" << labels[i].first << "' and '" << labels[k].first << "' overlap";
        for (const Box& bar : filled_rects(g)) {
            Box shrunk{bar.x + 1e-3, bar.y + 1e-3, bar.w - 2e-3, bar.h - 2e-3};
            bool clear = !overlaps(labels[i].second, shrunk, 0);
            bool inside = contains(bar, labels[i].second);
            EXPECT_TRUE(clear || inside) << "label '" << labels[i].first << "' straddles a bar's edge";
        }
    }
}

inline bool has_text(const Graphic& g, const std::string& s) {
    for (const auto& [text, box] : label_boxes(g))
        if (text == s) return true;
    return false;
}

}  // namespace reportc::chart::testing
