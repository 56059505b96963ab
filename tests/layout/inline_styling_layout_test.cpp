// Inline styling in line boxes: raised and lowered text, and the frame shapes of underlines,
// strike-throughs and highlights, joined across the words of a line and never across lines.
#include "layout/no_break_units.h"
#include "layout_fixture.h"

using namespace reportc;
using namespace reportc::layout;
using namespace reportc::layout::testing;

namespace {

doc::TextRun styled(std::string text, std::vector<std::string> styles) {
    doc::TextRun r = text_run(std::move(text));
    r.char_styles = std::move(styles);
    return r;
}

doc::Paragraph runs(std::vector<doc::TextRun> list) {
    doc::Paragraph p;
    p.style = "body";
    p.runs = std::move(list);
    return p;
}

const text::FontFace& sans(const LayoutFixture& f) { return f.fonts.face(f.fonts.resolve({"Sans"})); }

struct Line {
    Length x0, x1, y, width;
};
// Straight stroked lines of a box (underlines, strike-throughs), in order.
std::vector<Line> lines_of(const VBox& box) {
    std::vector<Line> out;
    for (const auto& s : items_of<frame::ShapeItem>(box))
        if (s.stroke && s.path.size() == 2) out.push_back({s.path[0].points[0].x, s.path[1].points[0].x, s.path[0].points[0].y, s.line_width});
    return out;
}

}  // namespace

TEST(layout_InlineStyling, SuperscriptAndSubscriptUseTheFontsOffsets) {
    LayoutFixture f;
    auto d = numbered({{runs({text_run("CO"), styled("2", {"subscript"}), text_run(" x"), styled("2", {"superscript"})})}});
    auto out = f.lay_out(d.blocks, measure(pt(300)));
    ASSERT_EQ(boxes(out).size(), 1u);
    auto shown = texts(*boxes(out)[0]);
    ASSERT_EQ(shown.size(), 4u);
    const Length baseline = shown[0].y;
    EXPECT_EQ(shown[1].y, baseline + Length::ratio(pt(10), sans(f).subscript().offset, 1000));
    EXPECT_EQ(shown[1].size, Length::ratio(pt(10), sans(f).subscript().size, 1000));
    EXPECT_EQ(shown[3].y, baseline - Length::ratio(pt(10), sans(f).superscript().offset, 1000));
    EXPECT_EQ(shown[3].size, Length::ratio(pt(10), sans(f).superscript().size, 1000));
    EXPECT_TRUE(f.diags.all().empty());
}

TEST(layout_InlineStyling, UnderlineJoinsTheWordsOfALineButNotTheLines) {
    // Two lines of underlined words, then a plain word: one underline per line, from the first
    // word's left edge to the last underlined word's right edge, at the font's position.
    LayoutFixture f;
    auto d = numbered({{runs({styled("underlined words running over two lines", {"underline"}), text_run(" plain")})}});
    auto out = f.lay_out(d.blocks, measure(pt(120)));
    auto lines = boxes(out);
    ASSERT_EQ(lines.size(), 2u);
    const auto& u = sans(f).underline();
    for (const VBox* box : lines) {
        auto shown = texts(*box);
        auto strokes = lines_of(*box);
        ASSERT_EQ(strokes.size(), 1u);
        EXPECT_EQ(strokes[0].x0, shown.front().x);
        EXPECT_EQ(strokes[0].y, shown.front().y - Length::ratio(pt(10), u.position, 1000));
        EXPECT_EQ(strokes[0].width, Length::ratio(pt(10), u.thickness, 1000));
    }
    auto first = texts(*lines[0]);
    EXPECT_EQ(lines_of(*lines[0])[0].x1, first.back().x + f.width(first.back().text));
    auto second = texts(*lines[1]);
    ASSERT_EQ(second.back().text, "plain");
    const auto& last_underlined = second[second.size() - 2];
    EXPECT_EQ(lines_of(*lines[1])[0].x1, last_underlined.x + f.width(last_underlined.text));
}

TEST(layout_InlineStyling, StrikeThroughAtTheFontsStrikeoutPosition) {
    LayoutFixture f;
    auto d = numbered({{runs({text_run("a "), styled("struck", {"strike"}), text_run(" b")})}});
    auto out = f.lay_out(d.blocks, measure(pt(300)));
    const VBox& box = *boxes(out)[0];
    auto shown = texts(box);
    auto strokes = lines_of(box);
    ASSERT_EQ(strokes.size(), 1u);
    EXPECT_EQ(strokes[0].x0, shown[1].x);
    EXPECT_EQ(strokes[0].x1, shown[1].x + f.width("struck"));
    EXPECT_EQ(strokes[0].y, shown[1].y - Length::ratio(pt(10), sans(f).strikeout().position, 1000));
    EXPECT_EQ(strokes[0].width, Length::ratio(pt(10), sans(f).strikeout().thickness, 1000));
}

TEST(layout_InlineStyling, HighlightIsARectangleBehindTheText) {
    LayoutFixture f;
    auto d = numbered({{runs({text_run("a "), styled("marked words", {"highlight"}), text_run(" b")})}});
    auto out = f.lay_out(d.blocks, measure(pt(300)));
    const VBox& box = *boxes(out)[0];
    // Drawn first, so the text is on top of it.
    ASSERT_FALSE(box.items.empty());
    const auto* rect = std::get_if<frame::ShapeItem>(&box.items.front());
    ASSERT_NE(rect, nullptr);
    EXPECT_EQ(rect->fill, (Color{0xff, 0xf5, 0x9d}));
    EXPECT_FALSE(rect->stroke);
    auto shown = texts(box);
    ASSERT_EQ(shown.size(), 4u);
    ASSERT_EQ(rect->path.size(), 5u);
    EXPECT_EQ(rect->path[0].points[0], (Point{shown[1].x, shown[1].y - f.ascent()}));
    EXPECT_EQ(rect->path[2].points[0], (Point{shown[2].x + f.width("words"), shown[1].y + f.descent()}));
    EXPECT_EQ(items_of<frame::ShapeItem>(box).size(), 1u);
}

TEST(layout_InlineStyling, SmallCapitalsAreTrackedInTheFrame) {
    LayoutFixture f;
    auto d = numbered({{runs({styled("Nato", {"small-caps"})})}});
    auto out = f.lay_out(d.blocks, measure(pt(300)));
    auto shown = texts(*boxes(out)[0]);
    ASSERT_EQ(shown.size(), 2u);
    EXPECT_EQ(shown[0].text, "N");
    EXPECT_EQ(shown[1].text, "ATO");
    EXPECT_EQ(shown[1].tracking, pt(0.4));
    EXPECT_LT(shown[1].size, pt(10));
}

TEST(layout_NoBreakUnits, TheSpaceBetweenANumberAndAUnitBinds) {
    const std::vector<std::string> units = {"%", "kg", "€"};
    const std::string nbsp = "\u00A0";
    EXPECT_EQ(bind_units("12 % of 3.5 kg, 40 €.", units), "12" + nbsp + "% of 3.5" + nbsp + "kg, 40" + nbsp + "€.");
    // Not after a word, not before a longer word, not when no unit is listed.
    EXPECT_EQ(bind_units("many kg, 12 kgs, 12 %", {"kg"}), "many kg, 12 kgs, 12 %");
    EXPECT_EQ(bind_units("12 %", {}), "12 %");
    EXPECT_EQ(bind_units("5 %", units), "5" + nbsp + "%");
}
