// Extreme charts (issue 15): a 40,000-character label is abbreviated quickly; a chart of more
// categories than the limit is one located error (docs/source-format.md, Limits); any finite
// values draw; a character no font has is reported.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "chart/labels.h"
#include "chart/ticks.h"
#include "chart_test_support.h"
#include "data/chart_data.h"
#include "input/source_reader.h"
#include "rendered_diagnostics.h"

using namespace reportc;
using namespace reportc::chart;
using namespace reportc::chart::testing;

TEST(chart_Limits, AFortyThousandCharacterLabelIsAbbreviatedQuickly) {
    // Every length was tried from the longest down: 18.7 s for such a label.
    TextKit kit(fonts());
    TextStyle style{"Liberation Sans", false, false, 8, {}};
    std::string label;
    for (int i = 0; i < 8000; ++i) label += "word ";
    const auto start = std::chrono::steady_clock::now();
    std::string cut = kit.abbreviate(label, style, 100);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, 2.0);
    EXPECT_EQ(cut, kit.abbreviate(label.substr(0, 200), style, 100));
    EXPECT_EQ(cut.substr(cut.size() - 3), "…");
    EXPECT_LE(kit.width(cut, style), 100.0);
    EXPECT_GT(kit.width(cut.substr(0, cut.size() - 3) + " w…", style), 100.0);  // the longest that fits
}

TEST(chart_Limits, MoreThanTenThousandCategoriesIsAnErrorAtTheData) {
    // A line chart of 100,000 points took most of a minute to place its labels.
    MemoryEnvironment env;
    SourceManager sources;
    Diagnostics diags;
    std::string csv = "x,y\n";
    for (int i = 0; i < 10001; ++i) csv += std::to_string(i) + "," + std::to_string(i % 97) + "\n";
    env.set_file("/r/points.csv", csv);
    env.set_file("/r/report.xml", "<report layout=\"l.xml\">\n<chart type=\"line\" data=\"points.csv\" x=\"x\" y=\"y\"/>\n</report>\n");
    auto document = input::read_report("/r/report.xml", env, sources, diags);
    ASSERT_TRUE(document.has_value());
    data::resolve_charts(*document, env, sources, diags);
    EXPECT_EQ(reportc::testing::rendered(diags, sources),
              std::vector<std::string>{"/r/report.xml:2:20: error: expected at most 10000 categories in a chart, found 10001"});
    const auto& chart = doc::node_as<doc::Chart>(document->blocks.at(0));
    ASSERT_TRUE(chart.resolved.has_value());
    EXPECT_EQ(chart.resolved->categories.size(), 10000u);
    EXPECT_EQ(chart.resolved->series.at(0).values.size(), 10000u);
}

namespace {

// Text inside the graphic's neighbourhood and no empty path: nothing NaN or infinite reached a position.
bool all_finite(const Graphic& g) {
    for (const auto& item : g.items) {
        if (const auto* t = std::get_if<frame::TextItem>(&item)) {
            if (t->text.empty() || t->x < Length::from_pt(-1000) || t->x > Length::from_pt(1000) ||
                t->y < Length::from_pt(-1000) || t->y > Length::from_pt(1000))
                return false;
        } else if (const auto* s = std::get_if<frame::ShapeItem>(&item)) {
            if (s->path.empty()) return false;
        }
    }
    return g.height > Length{} && g.height < Length::from_pt(10000);
}

}  // namespace

TEST(chart_Limits, TicksCoverAnyFiniteRange) {
    // 1e-321 and 0 ended with front() of an empty list; ±1e308 overflowed the span.
    for (auto [lo, hi] : std::vector<std::pair<double, double>>{{0, 1e-321}, {-1e-320, 0}, {-1e308, 1e308}, {0, 1.7e308},
                                                                {-1.79e308, 1.79e308}, {1e20, 1e20 + 1e5}, {5, 5}}) {
        Ticks t = nice_ticks(lo, hi);
        ASSERT_FALSE(t.values.empty()) << lo << " " << hi;
        EXPECT_LE(t.min, lo) << lo << " " << hi;
        EXPECT_GE(t.max, hi) << lo << " " << hi;
        EXPECT_LT(t.min, t.max);
        for (double v : t.values) EXPECT_TRUE(std::isfinite(v));
        EXPECT_TRUE(std::isfinite(t.fraction(hi)));
        EXPECT_GE(t.fraction(hi), 0.0);
        EXPECT_LE(t.fraction(hi), 1.0);
    }
    EXPECT_EQ(nice_ticks(-1e308, 1e308).values.front(), -1e308);
    EXPECT_EQ(format_number(1e308, 0), "1e+308");
    EXPECT_EQ(format_number(-2.5e300, 2), "-2.5e+300");
    EXPECT_EQ(format_number(1.5e-321, 3), "0.000");
}

TEST(chart_Limits, ExtremeValuesDrawAChartWithTheirLabels) {
    // A stacked total past the largest double, values near it and a subnormal beside zero: each
    // crashed or drew an empty chart.
    ChartStyle style;
    const double big = 1.7e308;
    auto stacked = make_chart("stacked-bar", {"a", "b"}, {series("s", {big, 1}), series("t", {big, 2})});
    Diagnostics diags;
    Graphic g = draw_chart(stacked, pt(300), std::nullopt, style, fonts(), diags);
    EXPECT_TRUE(diags.all().empty());
    EXPECT_TRUE(all_finite(g));
    EXPECT_TRUE(has_text(g, "1.7e+308"));
    EXPECT_TRUE(has_text(g, "1.8e+308"));  // the total, held at the largest double

    for (const char* type : {"bar", "hbar", "line", "pie"}) {
        auto near = make_chart(type, {"a", "b", "c"}, {series("s", {1e308, 0.5e308, std::string(type) == "pie" ? 1 : -1e308})});
        Graphic n = draw_chart(near, pt(300), std::nullopt, style, fonts(), diags);
        EXPECT_TRUE(diags.all().empty()) << type;
        EXPECT_TRUE(all_finite(n)) << type;
        EXPECT_TRUE(has_text(n, "1e+308")) << type;
    }

    auto tiny = make_chart("bar", {"a", "b"}, {series("s", {1e-321, 0})});
    Graphic t = draw_chart(tiny, pt(300), std::nullopt, style, fonts(), diags);
    EXPECT_TRUE(diags.all().empty());
    EXPECT_TRUE(all_finite(t));
}

TEST(chart_Limits, TenThousandPointsDrawInReasonableTime) {
    // The category limit is the largest line chart there is: it must not take most of a minute.
    std::vector<std::string> categories;
    std::vector<double> values;
    for (int i = 0; i < 10000; ++i) categories.push_back(std::to_string(i)), values.push_back(i % 97);
    auto chart = make_chart("line", categories, {series("s", values)});
    Diagnostics diags;
    const auto start = std::chrono::steady_clock::now();
    Graphic g = draw_chart(chart, pt(400), std::nullopt, ChartStyle{}, fonts(), diags);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, 5.0);
    EXPECT_FALSE(g.items.empty());
}

TEST(chart_Limits, ALabelCharacterNoFontHasIsAnErrorAtTheChart) {
    // Chart labels dropped such characters silently, where body text reports them.
    auto chart = make_chart("bar", {"a\u0F00b", "c"}, {series("s", {1, 2})});
    chart.span = Span{0, 5, 6};
    Diagnostics diags;
    draw_chart(chart, pt(300), std::nullopt, ChartStyle{}, fonts(), diags);
    ASSERT_EQ(diags.all().size(), 1u);
    EXPECT_EQ(diags.all()[0].message, "no font has the character U+0F00 '\u0F00'");
}
