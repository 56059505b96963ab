// fit="shrink" on a paragraph style (a certificate's name line): one line at the style's size,
// else at the largest 0.5pt step down to min-font-size, else two balanced lines at the minimum,
// else a located error and nothing set.
#include "layout_fixture.h"

using namespace reportc;
using namespace reportc::layout;
using namespace reportc::layout::testing;

namespace {

// 20pt on 24pt leading, down to 10pt, centred on a 300pt measure.
const char* kFitStyle =
    "<paragraph-style name=\"name\" based-on=\"body\" font-size=\"20pt\" leading=\"24pt\" align=\"center\"\n"
    "                 space-before=\"0pt\" space-after=\"0pt\" fit=\"shrink\" min-font-size=\"10pt\"/>\n";

const Length kMeasure = pt(300);

Length width_at(const LayoutFixture& f, const std::string& text, Length size) {
    return f.fonts.face(f.fonts.resolve({"Sans", false, false})).width(text, size);
}

// The width a line of text items spans, from its first item's left edge to its last's right.
Length line_width(const LayoutFixture& f, const VBox& box) {
    const auto items = texts(box);
    return items.back().x + width_at(f, items.back().text, items.back().size) - items.front().x;
}

// Sixty characters: too wide for 300pt at 20pt, narrow enough at a smaller size.
const std::string kSixty = "Maria-Fernanda de los Santos Ortega y Villanueva-Castellanos";

}  // namespace

TEST(layout_TextFit, TextThatFitsKeepsTheStyleSize) {
    LayoutFixture f(kFitStyle);
    auto d = numbered({{paragraph("Nguyễn Thị Minh Khai", "name")}});
    auto out = f.lay_out(d.blocks, measure(kMeasure));
    ASSERT_EQ(boxes(out).size(), 1u);
    EXPECT_EQ(boxes(out)[0]->height, pt(24));
    for (const auto& t : texts(*boxes(out)[0])) EXPECT_EQ(t.size, pt(20));
    EXPECT_TRUE(f.diags.all().empty());
}

TEST(layout_TextFit, SixtyCharactersShrinkToTheLargestStepThatFitsOneLine) {
    ASSERT_EQ(kSixty.size(), 60u);
    LayoutFixture f(kFitStyle);
    auto d = numbered({{paragraph(kSixty, "name")}});
    auto out = f.lay_out(d.blocks, measure(kMeasure));
    ASSERT_EQ(boxes(out).size(), 1u);
    const Length size = texts(*boxes(out)[0]).front().size;
    EXPECT_LT(size, pt(20));
    EXPECT_GE(size, pt(10));
    EXPECT_EQ(size.sp % pt(0.5).sp, 0);  // a whole step
    EXPECT_LE(width_at(f, kSixty, size), kMeasure);
    EXPECT_GT(width_at(f, kSixty, size + pt(0.5)), kMeasure);  // the next step up would not fit
    // The leading shrinks with the size: 24pt at 20pt.
    EXPECT_EQ(boxes(out)[0]->height, Length::ratio(pt(24), size.sp, pt(20).sp));
    EXPECT_TRUE(f.diags.all().empty());
}

TEST(layout_TextFit, TooWideAtTheMinimumSetsTwoBalancedLinesAtTheMinimum) {
    // About 420pt at 10pt: two lines of 300pt at most; balanced, they differ by less than a word
    // (a full first line would leave some 120pt for the second).
    const std::string text = "Nguyen Thi Minh Khai Nguyen Thi Minh Khai Nguyen Thi Minh Khai Nguyen Thi Minh Khai";
    LayoutFixture f(kFitStyle);
    auto d = numbered({{paragraph(text, "name")}});
    auto out = f.lay_out(d.blocks, measure(kMeasure));
    const auto lines = boxes(out);
    ASSERT_EQ(lines.size(), 2u);
    for (const auto* line : lines) {
        EXPECT_EQ(line->height, pt(12));
        for (const auto& t : texts(*line)) EXPECT_EQ(t.size, pt(10));
        EXPECT_LE(line_width(f, *line), kMeasure);
    }
    const Length first = line_width(f, *lines[0]), second = line_width(f, *lines[1]);
    EXPECT_LT(max(first, second) - min(first, second), width_at(f, "Nguyen ", pt(10))) << first << " " << second;
    // Centred in the full measure, not in the narrower one that balanced the lines.
    for (const auto* line : lines) {
        const Length left = texts(*line).front().x;
        const Length right = kMeasure - (left + line_width(f, *line));
        EXPECT_LE(max(left, right) - min(left, right), pt(1)) << left << " " << right;
    }
    EXPECT_TRUE(f.diags.all().empty());
}

TEST(layout_TextFit, TwoHundredCharactersAreALocatedErrorAndNothingIsSet) {
    std::string text;
    while (text.size() < 200) text += "Abcdefghij Klmnopqrs ";
    text.resize(200);
    LayoutFixture f(kFitStyle);
    auto d = numbered({{paragraph(text, "name")}});
    std::get<doc::Paragraph>(d.blocks.front().node).span = Span{1, 7, 30};
    auto out = f.lay_out(d.blocks, measure(kMeasure));
    EXPECT_TRUE(boxes(out).empty());
    ASSERT_EQ(f.diags.all().size(), 1u);
    EXPECT_EQ(f.diags.all()[0].severity, Severity::Error);
    EXPECT_EQ(f.diags.all()[0].span, (Span{1, 7, 30}));
    EXPECT_EQ(f.diags.all()[0].message,
              std::string("\"").append(text, 0, 60) + "…\" does not fit on two lines of 300pt at min-font-size 10pt "
              "(paragraph style 'name', fit=\"shrink\")");
}
