// Every chart type and the diagrams against small golden traces (tests/chart/golden/*.trace,
// under the rule of golden.h), plus what each must visibly contain.
#include <gtest/gtest.h>

#include "chart_test_support.h"
#include "golden.h"

using namespace reportc;
using namespace reportc::chart;
using namespace reportc::chart::testing;

namespace {

Graphic draw(const doc::Chart& c, double width = 320, std::optional<double> height = std::nullopt) {
    Diagnostics diags;
    Graphic g = draw_chart(c, pt(width), height ? std::optional<Length>(pt(*height)) : std::nullopt, ChartStyle{}, fonts(), diags);
    EXPECT_FALSE(diags.has_errors());
    return g;
}

size_t count_shapes(const Graphic& g, Color fill) {
    size_t n = 0;
    for (const auto& item : g.items)
        if (const auto* s = std::get_if<frame::ShapeItem>(&item); s && s->fill == fill) ++n;
    return n;
}

size_t curves(const Graphic& g) {
    size_t n = 0;
    for (const auto& item : g.items)
        if (const auto* s = std::get_if<frame::ShapeItem>(&item))
            for (const auto& c : s->path) n += c.kind == frame::PathCommand::Kind::CurveTo;
    return n;
}

const Color kAccent{0x1f, 0x4e, 0x79};

}  // namespace

TEST(chart_golden, BarWithDerivedSeries) {
    // Website visits: the stated year solid, the derived year hatched, both labelled, a legend
    // and a note naming the derivation.
    doc::Chart c = make_chart("stacked-bar", {"FY2019/20", "FY2020/21"},
                         {series("Visits", {NAN, 6.7}), series("Visits, derived", {5.0, NAN}, true)});
    c.y_label = "Visits";
    c.unit = "millions";
    c.note = "FY2019/20 derived: 6.7 million ÷ 4/3 ≈ 5.0 million.";
    Graphic g = draw(c);
    EXPECT_TRUE(has_text(g, "6.7"));
    EXPECT_TRUE(has_text(g, "5.0"));
    EXPECT_TRUE(has_text(g, "Visits, derived"));
    EXPECT_TRUE(has_text(g, "Visits (millions)"));
    EXPECT_EQ(count_shapes(g, kAccent), 2u);  // the solid bar and the legend swatch
    expect_no_overlaps(g);
    golden::expect_matches(trace::trace(document_of(g)), "tests/chart/golden/bar-derived.trace");
}

TEST(chart_golden, GroupedBars) {
    // Two series side by side per category, value labels above each bar.
    doc::Chart c = make_chart("bar", {"2019", "2020", "2021"}, {series("Regional", {5, 7, 6}), series("Sub-regional", {2, 2, 3})});
    c.title = "Workshops";
    Graphic g = draw(c);
    EXPECT_EQ(count_shapes(g, kAccent), 4u);  // three bars and a swatch
    EXPECT_TRUE(has_text(g, "Sub-regional"));
    expect_no_overlaps(g);
    golden::expect_matches(trace::trace(document_of(g)), "tests/chart/golden/bar-grouped.trace");
}

TEST(chart_golden, HorizontalBars) {
    // Long category names wrap in the left column; values at the bars' ends.
    doc::Chart c = make_chart("hbar", {"East, Central and West Asia (ECWA)", "Pacific Islands (PI)", "South Asia (SA)", "Southeast Asia (SEA)"},
                         {series("Members", {9, 8, 6, 10})});
    c.y_label = "Members";
    Graphic g = draw(c);
    for (const char* v : {"9", "8", "6", "10"}) EXPECT_TRUE(has_text(g, v)) << v;
    EXPECT_TRUE(has_text(g, "Pacific Islands (PI)"));
    expect_no_overlaps(g);
    golden::expect_matches(trace::trace(document_of(g)), "tests/chart/golden/hbar.trace");
}

TEST(chart_golden, StackedBars) {
    // Parts labelled inside their segment, totals above the stacks.
    doc::Chart c = make_chart("stacked-bar", {"A", "B", "C"}, {series("Formal", {38, 37, 50}), series("Observers", {37, 20, 0})});
    Graphic g = draw(c);
    EXPECT_TRUE(has_text(g, "75"));  // 38 + 37
    EXPECT_TRUE(has_text(g, "57"));  // 37 + 20
    expect_no_overlaps(g);
    golden::expect_matches(trace::trace(document_of(g)), "tests/chart/golden/stacked-bar.trace");
}

TEST(chart_golden, LineWithGapAndDerivedSeries) {
    // A gap breaks the line; a derived series is dashed with hollow markers.
    doc::Chart c = make_chart("line", {"2017", "2018", "2019", "2020", "2021"},
                         {series("Stated", {3.1, 3.9, NAN, 5.0, 6.7}), series("Estimate", {3.0, 3.5, 4.2, 5.1, 6.0}, true)});
    Graphic g = draw(c);
    EXPECT_GT(curves(g), 0u);  // circle markers are arcs
    EXPECT_TRUE(has_text(g, "Estimate (derived)"));
    expect_no_overlaps(g);
    golden::expect_matches(trace::trace(document_of(g)), "tests/chart/golden/line.trace");
}

TEST(chart_golden, Pie) {
    // Slices as arcs (curves), values inside, the legend naming each category.
    doc::Chart c = make_chart("pie", {"ECWA", "PI", "SA", "SEA"}, {series("Members", {9, 8, 6, 10})});
    Graphic g = draw(c);
    EXPECT_GT(curves(g), 4u);
    EXPECT_TRUE(has_text(g, "ECWA: 9"));
    EXPECT_TRUE(has_text(g, "10"));
    expect_no_overlaps(g);
    golden::expect_matches(trace::trace(document_of(g)), "tests/chart/golden/pie.trace");
}

TEST(chart_golden, DonutWithTotal) {
    // A ring with the total and the unit in the hole.
    doc::Chart c = make_chart("donut", {"East, Central and West Asia (ECWA)", "Pacific Islands (PI)", "South Asia (SA)", "Southeast Asia (SEA)"},
                         {series("Members", {9, 8, 6, 10})});
    c.unit = "Members";
    Graphic g = draw(c);
    EXPECT_TRUE(has_text(g, "33"));
    EXPECT_TRUE(has_text(g, "Members"));
    expect_no_overlaps(g);
    golden::expect_matches(trace::trace(document_of(g)), "tests/chart/golden/donut.trace");
}

namespace {

doc::DiagramNode box(std::string id, std::string label, std::string title = "", bool emphasis = false,
                     std::vector<doc::DiagramNode> children = {}) {
    doc::DiagramNode n;
    n.id = std::move(id);
    n.label = std::move(label);
    n.title = std::move(title);
    n.emphasis = emphasis;
    n.children = std::move(children);
    return n;
}

Graphic draw(const doc::Diagram& d, double width = 400) {
    Diagnostics diags;
    Graphic g = draw_diagram(d, pt(width), std::nullopt, ChartStyle{}, fonts(), diags);
    EXPECT_FALSE(diags.has_errors());
    return g;
}

}  // namespace

TEST(chart_golden, PillarsUnderARoof) {
    // An emphasis roof over a row of four equal pillars; text wraps inside each box.
    doc::Diagram d;
    d.layout = "column";
    d.nodes = {box("roof", "ROCB A/P Strategic Action Plan 2020/22", "", true),
               box("pillars", "", "", false,
                   {box("p1", "Support the implementation of WCO Conventions, Instruments and Tools", "Pillar 1"),
                    box("p2", "Further enhance collaboration with development partners", "Pillar 2"),
                    box("p3", "Improve needs analysis, planning, delivery and management of regional capacity building activities", "Pillar 3"),
                    box("p4", "Enhance communication and information sharing among members", "Pillar 4")})};
    Graphic g = draw(d);
    EXPECT_TRUE(has_text(g, "Pillar 3"));
    // The roof is accent-filled with white text; the four pillars share one width.
    EXPECT_EQ(count_shapes(g, kAccent), 1u);
    bool white = false;
    for (const auto& t : texts(g)) white = white || t.color == Color{0xff, 0xff, 0xff};
    EXPECT_TRUE(white);
    std::vector<double> widths;
    for (const auto& item : g.items)
        if (const auto* s = std::get_if<frame::ShapeItem>(&item); s && s->stroke && s->fill) {
            double x0 = 1e9, x1 = -1e9;
            for (const auto& c : s->path)
                for (int k = 0; k < 3; ++k)
                    if (c.kind != frame::PathCommand::Kind::Close && (k == 0 || c.kind == frame::PathCommand::Kind::CurveTo)) {
                        x0 = std::min(x0, c.points[k].x.pt());
                        x1 = std::max(x1, c.points[k].x.pt());
                    }
            widths.push_back(x1 - x0);
        }
    ASSERT_EQ(widths.size(), 4u);
    for (double w : widths) EXPECT_NEAR(w, widths[0], 1e-3);
    expect_no_overlaps(g);
    golden::expect_matches(trace::trace(document_of(g)), "tests/chart/golden/diagram-pillars.trace");
}

TEST(chart_golden, ConnectorsWithArrows) {
    // A box above two boxes, joined by elbow connectors ending in filled arrowheads.
    doc::Diagram d;
    d.layout = "column";
    d.nodes = {box("mission", "To assist Member to be an efficient and effective Customs administration", "Mission", true),
               box("parts", "", "", false, {box("a", "Efficient Customs administration"), box("b", "Effective Customs administration")})};
    d.edges = {{"mission", "a", true, {}}, {"mission", "b", true, {}}};
    Graphic g = draw(d);
    size_t arrows = 0, polylines = 0;
    for (const auto& item : g.items)
        if (const auto* s = std::get_if<frame::ShapeItem>(&item)) {
            if (s->fill && !s->stroke && s->path.size() == 4) ++arrows;
            if (s->stroke && !s->fill && s->path.size() >= 2) ++polylines;
        }
    EXPECT_EQ(arrows, 2u);
    EXPECT_EQ(polylines, 2u);
    expect_no_overlaps(g);
    golden::expect_matches(trace::trace(document_of(g)), "tests/chart/golden/diagram-connectors.trace");
}
