// Label placement: rectangles never overlap; long labels wrap or end in "…"; every chart type
// keeps its labels apart and off the bars, even when crowded.
#include <gtest/gtest.h>

#include "chart/labels.h"
#include "chart_test_support.h"

using namespace reportc;
using namespace reportc::chart;
using namespace reportc::chart::testing;

TEST(chart_labels, OverlapIsStrictAndHonoursTheGap) {
    // Touching boxes do not overlap; a gap makes near boxes clash.
    Box a{0, 0, 10, 10}, b{10, 0, 10, 10}, c{12, 0, 5, 5};
    EXPECT_FALSE(overlaps(a, b));
    EXPECT_TRUE(overlaps(a, b, 1));
    EXPECT_FALSE(overlaps(a, c, 1));
    EXPECT_TRUE(overlaps(a, c, 3));
    EXPECT_TRUE(overlaps(Box{0, 0, 10, 10}, Box{5, 5, 1, 1}));
}

TEST(chart_labels, PlacementTakesTheFirstFreeCandidateAndDropsTheRest) {
    // Label 0 takes its first spot; label 1's first spot clashes with label 0, so it takes its
    // second; label 2 has only spots on an obstacle or outside the bounds, so it is dropped.
    std::vector<std::vector<Box>> candidates = {
        {{0, 0, 20, 10}},
        {{10, 0, 20, 10}, {0, 20, 20, 10}},
        {{50, 50, 10, 10}, {95, 0, 10, 10}},
    };
    std::vector<Box> obstacles = {{45, 45, 20, 20}};
    auto chosen = place_labels(candidates, obstacles, Box{0, 0, 100, 100}, 1);
    ASSERT_EQ(chosen.size(), 3u);
    EXPECT_EQ(chosen[0], 0);
    EXPECT_EQ(chosen[1], 1);
    EXPECT_EQ(chosen[2], -1);
}

TEST(chart_labels, PlacedLabelsNeverOverlap) {
    // Fifty labels fighting for a row of spots: whatever is placed is pairwise apart.
    std::vector<std::vector<Box>> candidates;
    for (int i = 0; i < 50; ++i) candidates.push_back({{double(i * 7), 0, 20, 8}, {double(i * 7), 10, 20, 8}});
    auto chosen = place_labels(candidates, {}, Box{0, 0, 400, 40}, 1);
    std::vector<Box> placed;
    for (size_t i = 0; i < chosen.size(); ++i)
        if (chosen[i] >= 0) placed.push_back(candidates[i][size_t(chosen[i])]);
    EXPECT_GT(placed.size(), 10u);
    for (size_t i = 0; i < placed.size(); ++i)
        for (size_t k = i + 1; k < placed.size(); ++k) EXPECT_FALSE(overlaps(placed[i], placed[k], 1)) << i << " " << k;
}

TEST(chart_labels, OwnObstacleMayHoldItsLabel) {
    // A value label may sit inside its own bar, not inside another one.
    std::vector<std::vector<Box>> candidates = {{{2, 2, 5, 5}}, {{2, 2, 5, 5}}};
    std::vector<int> own = {0, -1};
    auto chosen = place_labels(candidates, {{0, 0, 10, 10}}, Box{0, 0, 100, 100}, 0, &own);
    EXPECT_EQ(chosen[0], 0);
    EXPECT_EQ(chosen[1], -1);
}

TEST(chart_labels, WrapsAndAbbreviatesWithFontWidths) {
    // Lines fit the width as the PDF measures them; a text too long for the lines ends in "…".
    TextKit kit(fonts());
    TextStyle style{"Liberation Sans", false, false, 8, {}};
    auto lines = kit.wrap("East, Central and West Asia (ECWA)", style, 60, 0);
    ASSERT_GE(lines.size(), 2u);
    for (const auto& l : lines) EXPECT_LE(kit.width(l, style), 60.0) << l;
    auto cut = kit.wrap("Improve needs analysis, planning, delivery and management of regional capacity building activities", style,
                        60, 2);
    ASSERT_EQ(cut.size(), 2u);
    EXPECT_EQ(cut.back().substr(cut.back().size() - 3), "…");
    EXPECT_LE(kit.width(cut.back(), style), 60.0);
    EXPECT_EQ(kit.abbreviate("Southeast Asia", style, 1000), "Southeast Asia");
    std::string short_form = kit.abbreviate("Southeast Asia", style, 30);
    EXPECT_EQ(short_form.substr(short_form.size() - 3), "…");
    EXPECT_LE(kit.width(short_form, style), 30.0);
    EXPECT_EQ(kit.abbreviate("Southeast Asia", style, 1), "");
    // Widths are the font's advances in 1/1000 em: "ECWA" at 10 pt.
    const auto& face = fonts().face(fonts().resolve({"Liberation Sans", false, false}));
    EXPECT_DOUBLE_EQ(kit.width("ECWA", TextStyle{"Liberation Sans", false, false, 10, {}}), face.width_milli("ECWA") / 100.0);
}

namespace {

doc::Chart crowded(const std::string& type, size_t n) {
    std::vector<std::string> categories;
    std::vector<double> a, b;
    for (size_t i = 0; i < n; ++i) {
        categories.push_back("Regional workshop on subject number " + std::to_string(i + 1) + " with a long name");
        a.push_back(double((i * 37) % 50) + 0.5);
        b.push_back(double((i * 11) % 20) + 1.25);
    }
    doc::Chart c = make_chart(type, categories, {series("Participants", a), series("Observers", b, true)});
    c.title = "A crowded chart whose title is long enough to need more than a single line at this narrow width";
    c.x_label = "Workshops";
    c.y_label = "People";
    c.note = "Observers are derived for this test.";
    return c;
}

}  // namespace

TEST(chart_labels, CrowdedChartsOfEveryTypeKeepLabelsApart) {
    // Twenty long categories in a 300 pt wide chart of each type: labels are wrapped, abbreviated
    // or dropped, and never overlap each other, the bars or the graphic's edge.
    Diagnostics diags;
    for (const char* type : {"bar", "hbar", "stacked-bar", "line"}) {
        SCOPED_TRACE(type);
        Graphic g = draw_chart(crowded(type, 20), pt(300), std::nullopt, ChartStyle{}, fonts(), diags);
        ASSERT_FALSE(g.items.empty());
        expect_no_overlaps(g);
    }
    for (const char* type : {"pie", "donut"}) {
        SCOPED_TRACE(type);
        doc::Chart c = crowded(type, 9);
        c.resolved->series.resize(1);
        Graphic g = draw_chart(c, pt(300), std::nullopt, ChartStyle{}, fonts(), diags);
        ASSERT_FALSE(g.items.empty());
        expect_no_overlaps(g);
    }
    EXPECT_FALSE(diags.has_errors());
}

TEST(chart_labels, TinyChartGrowsRatherThanOverlapping) {
    // A 40 pt tall request cannot hold the labels: the chart grows; nothing overlaps.
    Diagnostics diags;
    doc::Chart c = make_chart("bar", {"2019/20", "2020/21"}, {series("Visits", {5.0, 6.7})});
    Graphic g = draw_chart(c, pt(200), pt(40), ChartStyle{}, fonts(), diags);
    EXPECT_GT(g.height, pt(40));
    expect_no_overlaps(g);
}

TEST(chart_labels, EdgeCasesStayTidy) {
    // Negative values, a single category, a full pie, a full donut, a one-point line, a row
    // diagram with side-by-side connectors: all drawn, labels apart.
    Diagnostics diags;
    std::vector<doc::Chart> charts = {
        make_chart("bar", {"A", "B", "C"}, {series("Change", {-3.5, 2, -0.25})}),
        make_chart("hbar", {"A", "B"}, {series("Change", {-12, 40})}),
        make_chart("stacked-bar", {"A"}, {series("Up", {3}), series("Down", {-2})}),
        make_chart("bar", {"Only"}, {series("One", {470})}),
        make_chart("line", {"Only"}, {series("One", {1.5})}),
        make_chart("pie", {"All", "None"}, {series("S", {5, 0})}),
        make_chart("donut", {"All"}, {series("S", {7})}),
    };
    for (const auto& c : charts) {
        SCOPED_TRACE(c.type);
        Graphic g = draw_chart(c, pt(260), std::nullopt, ChartStyle{}, fonts(), diags);
        ASSERT_FALSE(g.items.empty());
        expect_no_overlaps(g);
    }
    EXPECT_TRUE(has_text(draw_chart(charts[0], pt(260), std::nullopt, ChartStyle{}, fonts(), diags), "-3.50"));
    doc::Diagram d;
    d.layout = "row";
    for (const char* id : {"a", "b", "c"}) {
        doc::DiagramNode n;
        n.id = id;
        n.label = std::string("Step ") + id;
        d.nodes.push_back(n);
    }
    d.edges = {{"a", "b", true, {}}, {"b", "c", false, {}}};
    Graphic g = draw_diagram(d, pt(300), pt(80), ChartStyle{}, fonts(), diags);
    EXPECT_GE(g.height, pt(80));
    expect_no_overlaps(g);
    EXPECT_FALSE(diags.has_errors());
}
