// Frames, rules and table styling in block layout: a frame's box (border per side, padding,
// background, rounded corners, fixed height) and its split across a page break; a rule's
// length, thickness and alignment; striped rows, shades and cell borders from box styles, and
// cell padding above and below.
#include "layout/frame_layout.h"
#include "layout_fixture.h"

using namespace reportc;
using namespace reportc::layout;
using namespace reportc::layout::testing;

namespace {

using Strings = std::vector<std::string>;

const char* kBoxStyles =
    "<box-style name=\"callout\" background=\"#eeeeee\" border=\"2pt #ff0000\" padding=\"6pt\"/>\n"
    "<box-style name=\"round\" based-on=\"callout\" radius=\"8pt\"/>\n"
    "<box-style name=\"double\" border=\"3pt #000000 double\" border-left=\"none\" padding=\"0pt\"/>\n"
    "<box-style name=\"fixed\" based-on=\"callout\" height=\"100pt\"/>\n"
    "<box-style name=\"ruled\" border-bottom=\"1pt #0000ff\"/>\n"
    "<box-style name=\"yellow\" background=\"#ffff00\"/>\n"
    "<table-style name=\"striped\" based-on=\"table\" stripe-shade=\"#dddddd\" header-shade=\"none\"/>\n"
    "<table-style name=\"tall-cells\" based-on=\"table\" padding-top=\"10pt\" padding-bottom=\"2pt\"/>\n";

doc::Block frame_of(std::vector<doc::Block> children, std::string style = "callout") {
    doc::Frame f;
    f.style = std::move(style);
    f.children = std::move(children);
    return {f};
}

std::vector<doc::Block> paragraphs(int n) {
    std::vector<doc::Block> out;
    for (int i = 0; i < n; ++i) out.push_back({paragraph("Line " + std::to_string(i))});
    return out;
}

std::vector<frame::ShapeItem> fills(const VBox& box) {
    std::vector<frame::ShapeItem> out;
    for (const auto& s : items_of<frame::ShapeItem>(box))
        if (s.fill) out.push_back(s);
    return out;
}

std::vector<frame::ShapeItem> strokes(const VBox& box) {
    std::vector<frame::ShapeItem> out;
    for (const auto& s : items_of<frame::ShapeItem>(box))
        if (s.stroke) out.push_back(s);
    return out;
}

doc::Table table_of(int rows, std::string style = "table") {
    doc::Table t;
    t.style = std::move(style);
    for (int i = 0; i < rows; ++i) t.rows.push_back(row({cell("Row " + std::to_string(i))}));
    return t;
}

}  // namespace

TEST(layout_Frame, BorderPaddingAndBackgroundMakeTheBox) {
    // One 12pt line in a 2pt border and 6pt padding: 2 + 6 + 12 + 6 + 2 = 28pt; the text starts
    // 8pt in and 8pt down; the background fills the box, each side a 2pt line inside its edge.
    LayoutFixture f(kBoxStyles);
    auto d = numbered({frame_of(paragraphs(1))});
    auto out = f.lay_out(d.blocks, measure(pt(200)));
    EXPECT_EQ(shape(out), (Strings{"glue 0.000pt", "box 28.000pt", "glue 0.000pt"}));
    const VBox& box = *boxes(out)[0];
    ASSERT_EQ(texts(box).size(), 2u);
    EXPECT_EQ(texts(box)[0].x, pt(8));
    EXPECT_GT(texts(box)[0].y, pt(8));
    ASSERT_EQ(fills(box).size(), 1u);
    EXPECT_EQ(*fills(box)[0].fill, (Color{0xee, 0xee, 0xee}));
    EXPECT_EQ(fills(box)[0].path[2].points[0], (Point{pt(200), pt(28)}));
    auto sides = strokes(box);
    ASSERT_EQ(sides.size(), 4u);
    EXPECT_EQ(sides[0].path[0].points[0], (Point{Length{}, pt(1)}));  // the top, 1pt (half its width) down
    EXPECT_EQ(sides[0].line_width, pt(2));
    EXPECT_EQ(*sides[0].stroke, (Color{0xff, 0, 0}));
    EXPECT_TRUE(box.splittable());
}

TEST(layout_Frame, RoundedCornersDrawOneOutline) {
    LayoutFixture f(kBoxStyles);
    auto d = numbered({frame_of(paragraphs(1), "round")});
    auto out = f.lay_out(d.blocks, measure(pt(200)));
    auto sides = strokes(*boxes(out)[0]);
    ASSERT_EQ(sides.size(), 1u);
    size_t curves = 0;
    for (const auto& c : sides[0].path) curves += c.kind == frame::PathCommand::Kind::CurveTo;
    EXPECT_EQ(curves, 4u);
}

TEST(layout_Frame, ADoubleSideIsTwoLinesOfAThird) {
    // 3pt double: lines of 1pt at 0.5pt and 2.5pt inside the edge; no left side.
    LayoutFixture f(kBoxStyles);
    auto d = numbered({frame_of(paragraphs(1), "double")});
    auto out = f.lay_out(d.blocks, measure(pt(200)));
    auto sides = strokes(*boxes(out)[0]);
    ASSERT_EQ(sides.size(), 6u);
    EXPECT_EQ(sides[0].line_width, pt(1));
    EXPECT_EQ(sides[0].path[0].points[0].y, pt(0.5));
    EXPECT_EQ(sides[1].path[0].points[0].y, pt(2.5));
}

TEST(layout_Frame, AFixedHeightIsKeptAndNotSplit) {
    LayoutFixture f(kBoxStyles);
    auto d = numbered({frame_of(paragraphs(1), "fixed")});
    auto out = f.lay_out(d.blocks, measure(pt(200)));
    EXPECT_EQ(boxes(out)[0]->height, pt(100));
    EXPECT_FALSE(boxes(out)[0]->splittable());
}

TEST(layout_Frame, ASplitLeavesTheCutEdgesOpen) {
    // Ten lines 18pt apart (12pt each): in 60pt the part holds lines 0 and 1 (8 + 30 + 6 = 44pt)
    // and draws no bottom side; the rest starts at its padding and draws no top side.
    LayoutFixture f(kBoxStyles);
    auto d = numbered({frame_of(paragraphs(10))});
    auto out = f.lay_out(d.blocks, measure(pt(200)));
    const VBox& box = *boxes(out)[0];
    ASSERT_TRUE(box.splittable());
    auto at = box.splittable()->cut(pt(60), 1);
    ASSERT_TRUE(at);
    EXPECT_EQ(*at, pt(30));
    auto [stays, rest] = box.splittable()->split(box, *at);
    EXPECT_EQ(stays.height, pt(44));
    EXPECT_EQ(texts(stays).size(), 4u);
    EXPECT_EQ(strokes(stays).size(), 3u);
    EXPECT_EQ(rest.height, pt(6 + 8 * 18 - 6 + 8));
    EXPECT_EQ(texts(rest).size(), 16u);
    EXPECT_EQ(strokes(rest).size(), 3u);
    EXPECT_TRUE(rest.splittable()->continues());
}

TEST(layout_Frame, ACutHonoursTheContentsKeeps) {
    // A paragraph kept with the next (no break between its lines or after it), then one line:
    // the frame offers no cut, whatever the room.
    LayoutFixture f(kBoxStyles);
    std::vector<doc::Block> content{{paragraph("Words enough to make this kept paragraph run over several lines of the frame", "keep")},
                                    {paragraph("Tail")}};
    auto d = numbered({frame_of(content)});
    auto out = f.lay_out(d.blocks, measure(pt(100)));
    const VBox& box = *boxes(out)[0];
    ASSERT_TRUE(box.splittable());
    EXPECT_GT(box.height, pt(60));
    EXPECT_FALSE(box.splittable()->cut(box.height - pt(1), 1));
}

TEST(layout_Frame, AnUnknownBoxStyleIsAnError) {
    LayoutFixture f(kBoxStyles);
    auto d = numbered({frame_of(paragraphs(1), "nope")});
    f.lay_out(d.blocks, measure(pt(200)));
    ASSERT_EQ(f.diags.all().size(), 1u);
    EXPECT_EQ(f.diags.all()[0].message, "expected a box style defined in the layout, found 'nope'");
}

TEST(layout_Rule, WidthThicknessColourAndAlignment) {
    // 60mm centred in 300pt, 2pt thick: a 2pt box with 6pt of space on each side.
    LayoutFixture f;
    doc::Rule r{"60mm", "2pt", "#1f4e79", "center"};
    auto d = numbered({{r}});
    auto out = f.lay_out(d.blocks, measure(pt(300)));
    EXPECT_EQ(shape(out), (Strings{"glue 6.000pt", "box 2.000pt", "glue 6.000pt"}));
    auto lines = strokes(*boxes(out)[0]);
    ASSERT_EQ(lines.size(), 1u);
    const Length x = (pt(300) - Length::from_mm(60)) / 2;
    EXPECT_EQ(lines[0].path[0].points[0], (Point{x, pt(1)}));
    EXPECT_EQ(lines[0].path[1].points[0], (Point{x + Length::from_mm(60), pt(1)}));
    EXPECT_EQ(lines[0].line_width, pt(2));
    EXPECT_EQ(*lines[0].stroke, (Color{0x1f, 0x4e, 0x79}));
}

TEST(layout_Rule, RightAlignedPercentOfTheMeasure) {
    LayoutFixture f;
    doc::Rule r{"50%", "", "", "right"};
    auto d = numbered({{r}});
    auto out = f.lay_out(d.blocks, measure(pt(300), pt(20)));
    auto lines = strokes(*boxes(out)[0]);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].path[0].points[0].x, pt(20 + 140));
    EXPECT_EQ(lines[0].path[1].points[0].x, pt(300));
    EXPECT_EQ(lines[0].line_width, pt(0.5));
}

TEST(layout_Rule, AMalformedWidthIsAnError) {
    LayoutFixture f;
    doc::Rule r{"wide", "", "", ""};
    auto d = numbered({{r}});
    f.lay_out(d.blocks, measure(pt(300)));
    ASSERT_EQ(f.diags.all().size(), 1u);
    EXPECT_EQ(f.diags.all()[0].message, "expected a rule width such as 60mm or 50%, found 'wide'");
}

TEST(layout_TableStyling, EverySecondBodyRowIsStriped) {
    LayoutFixture f(kBoxStyles);
    auto d = numbered({{table_of(4, "striped")}});
    auto out = f.lay_out(d.blocks, measure(pt(200)));
    auto rows = boxes(out);
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_TRUE(fills(*rows[0]).empty());
    ASSERT_EQ(fills(*rows[1]).size(), 1u);
    EXPECT_EQ(*fills(*rows[1])[0].fill, (Color{0xdd, 0xdd, 0xdd}));
    EXPECT_TRUE(fills(*rows[2]).empty());
    EXPECT_EQ(fills(*rows[3]).size(), 1u);
}

TEST(layout_TableStyling, CellShadeOverRowStyleAndCellBordersFromABoxStyle) {
    // The row's box style is yellow; the first cell's shade attribute wins over it; the second
    // cell's box style draws its bottom side, over the row's yellow.
    LayoutFixture f(kBoxStyles);
    doc::Table t;
    t.columns = {column(doc::ColumnSpec::Kind::Fixed, "100pt"), column(doc::ColumnSpec::Kind::Fixed, "100pt")};
    doc::TableRow r = row({cell("Red"), cell("Ruled")});
    r.style = "yellow";
    r.cells[0].shade = "#ff0000";
    r.cells[1].style = "ruled";
    t.rows.push_back(r);
    auto d = numbered({{t}});
    auto out = f.lay_out(d.blocks, measure(pt(200)));
    const VBox& box = *boxes(out)[0];
    auto shaded = fills(box);
    ASSERT_EQ(shaded.size(), 2u);  // the second cell's box style has no background: the row's shows
    EXPECT_EQ(*shaded[0].fill, (Color{0xff, 0, 0}));
    EXPECT_EQ(*shaded[1].fill, (Color{0xff, 0xff, 0}));
    bool blue = false;
    for (const auto& s : strokes(box)) blue = blue || *s.stroke == Color{0, 0, 0xff};
    EXPECT_TRUE(blue);
}

TEST(layout_TableStyling, CellPaddingAboveAndBelow) {
    // 10pt above and 2pt below a 12pt line: rows of 24pt, the text 10pt further down than the top.
    LayoutFixture f(kBoxStyles);
    auto d = numbered({{table_of(2, "tall-cells")}});
    auto out = f.lay_out(d.blocks, measure(pt(200)));
    EXPECT_EQ(shape(out), (Strings{"glue 4.000pt", "box 24.000pt", "penalty 0", "box 24.000pt", "glue 8.000pt"}));
    LayoutFixture g(kBoxStyles);
    auto plain = g.lay_out(numbered({{table_of(1)}}).blocks, measure(pt(200)));
    EXPECT_EQ(texts(*boxes(out)[0])[0].y - texts(*boxes(plain)[0])[0].y, pt(6));
}
