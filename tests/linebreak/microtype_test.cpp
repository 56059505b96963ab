// Character protrusion and font expansion in the line breaker, on hand-built paragraphs (widths in
// points). The model is pdfTeX's (Hàn Thế Thành, "Micro-typographic extensions to the TeX
// typesetting system", 2000): protruding characters hang outside the measure, so a line may be
// that much wider; expandable glyphs add their stretch and shrink to the line's.
#include <gtest/gtest.h>

#include <vector>

#include "linebreak/knuth_plass.h"
#include "linebreak_test_support.h"

namespace reportc::linebreak {
namespace {

Item hanging_box(double width, double left, double right) {
    Item b = box(pt(width));
    b.hang_left = pt(left);
    b.hang_right = pt(right);
    return b;
}

Item expandable(Item item) {
    item.expandable = true;
    return item;
}

TEST(linebreak_Protrusion, LineEndingWithAPeriodMayBeWiderByItsHang) {
    // "40 55." is 105pt on a 100pt line with spaces that cannot shrink: overfull, unless the
    // period hangs 5pt into the margin; then it fits exactly.
    const Item space = glue(pt(10), pt(10), pt(0));
    std::vector<Item> plain = finished({box(pt(40)), space, box(pt(55)), space, box(pt(30)), space, box(pt(50))});
    const Result without = break_paragraph(plain, {{pt(100)}}, {});
    EXPECT_NE(ends(without).front(), 3u) << without;

    std::vector<Item> hanging = plain;
    hanging[2] = hanging_box(55, 0, 5);
    const Result with = break_paragraph(hanging, {{pt(100)}}, {});
    ASSERT_EQ(with.lines.size(), 2u) << with;
    EXPECT_EQ(with.pass, Pass::First);
    EXPECT_EQ(with.lines[0].end, 3u);
    EXPECT_EQ(with.lines[0].natural, pt(105));
    EXPECT_EQ(with.lines[0].hang_right, pt(5));
    EXPECT_EQ(with.lines[0].ratio, 0);
    EXPECT_FALSE(with.lines[0].overfull);
    EXPECT_EQ(with.overfull_count, 0u);
}

TEST(linebreak_Protrusion, HyphenationBreakUsesTheHyphensHang) {
    // "40 45-" (the hyphen 10pt, hanging 8pt) on a 100pt line: 105pt natural, 97pt fitted,
    // so the space stretches 3pt of its 10pt. The syllable's own right hang does not count.
    Params params;
    params.pretolerance = -1;
    Item hyphen = penalty(pt(10), 50, true, true);
    hyphen.hang_right = pt(8);
    const std::vector<Item> items =
        finished({box(pt(40)), glue(pt(10), pt(10), pt(0)), hanging_box(45, 0, 30), hyphen, box(pt(40))});
    const Result r = break_paragraph(items, {{pt(100)}}, params);
    ASSERT_EQ(r.lines.size(), 2u) << r;
    EXPECT_EQ(r.lines[0].end, 3u);
    EXPECT_EQ(r.lines[0].hang_right, pt(8));
    EXPECT_NEAR(r.lines[0].ratio, 0.3, 1e-4);
}

TEST(linebreak_Protrusion, EachLineHangsItsOwnFirstCharacter) {
    // A quotation mark opens both lines (hangs 3pt and 4pt); the glue discarded at the break
    // does not hide the second line's first box.
    const Item space = glue(pt(10), pt(10), pt(3));
    const std::vector<Item> items = finished({hanging_box(40, 3, 0), space, box(pt(50)), space, hanging_box(40, 4, 0), space, box(pt(30))});
    const Result r = break_paragraph(items, {{pt(100)}}, {});
    ASSERT_EQ(r.lines.size(), 2u) << r;
    EXPECT_EQ(r.lines[0].hang_left, pt(3));
    EXPECT_EQ(r.lines[1].begin, 4u);
    EXPECT_EQ(r.lines[1].hang_left, pt(4));
    // The first line is 100pt natural, 97pt fitted: it stretches by 3pt of 10pt.
    EXPECT_NEAR(r.lines[0].ratio, 0.3, 1e-4);
}

// Four 42pt words that may expand, with spaces of 10pt that stretch 2pt and shrink 1pt.
std::vector<Item> expandable_words() {
    std::vector<Item> items;
    for (double w : {42, 42, 42, 42}) {
        if (!items.empty()) items.push_back(glue(pt(10), pt(2), pt(1)));
        items.push_back(expandable(box(pt(w))));
    }
    return finished(items);
}

TEST(linebreak_Expansion, OffByDefault) {
    const auto items = expandable_words();
    const Result r = break_paragraph(items, {{pt(100)}}, {});
    for (const Line& line : r.lines) EXPECT_EQ(line.expansion, 0) << r;
}

TEST(linebreak_Expansion, BreakerPicksAnExpandedLineWhenThatLowersDemerits) {
    // Two 42pt words and a space with 2pt of stretch make 94pt of a 100pt line: r = 3, too loose
    // for any pass but the last. Widened by up to 5 %, the words add 4.2pt of stretch: r = 0.97,
    // acceptable in the first pass. The line is set 5 % wide (0.97 × 50 rounded to a step of 5)
    // and its glue takes the remaining 1.8pt (r = 0.9).
    const auto items = expandable_words();
    const Result plain = break_paragraph(items, {{pt(100)}}, {});
    EXPECT_EQ(plain.pass, Pass::Overfull) << plain;

    Params params;
    params.expansion = {50, 50, 5};
    const Result r = break_paragraph(items, {{pt(100)}}, params);
    ASSERT_EQ(r.lines.size(), 2u) << r;
    EXPECT_EQ(r.pass, Pass::First);
    EXPECT_EQ(r.lines[0].expansion, 50);
    EXPECT_NEAR(r.lines[0].ratio, 0.9, 1e-4);
    // The last line ends in fill glue: it needs no expansion.
    EXPECT_EQ(r.lines[1].expansion, 0);
}

TEST(linebreak_Expansion, NarrowedLineRoundsToTheNextStepAndNeverOverflows) {
    // 45 + 10 + 46 = 101pt on 100pt with 0.5pt of shrink: r = -2, unless the words narrow by up
    // to 2 % (1.82pt): r = -0.43, -0.86 % wanted, set at -1 % (the next step of 0.5 %), and the
    // glue shrinks the rest (0.09pt of its 0.5pt).
    std::vector<Item> items = finished({expandable(box(pt(45))), glue(pt(10), pt(5), pt(0.5)), expandable(box(pt(46))),
                                        glue(pt(10), pt(5), pt(0.5)), expandable(box(pt(60)))});
    Params params;
    params.expansion = {20, 20, 5};
    const Result r = break_paragraph(items, {{pt(100)}}, params);
    ASSERT_EQ(r.lines.size(), 2u) << r;
    EXPECT_EQ(r.pass, Pass::First);
    EXPECT_EQ(r.lines[0].expansion, -10);
    EXPECT_LT(r.lines[0].ratio, 0);
    EXPECT_GT(r.lines[0].ratio, -1);
    EXPECT_FALSE(r.lines[0].overfull);
}

TEST(linebreak_Expansion, ImagesAndOtherBoxesNotMarkedExpandableStayAsTheyAre) {
    // The same 94pt line of boxes that may not expand: the limits give no stretch.
    const auto items = finished(words({42, 42, 42, 42}, glue(pt(10), pt(2), pt(1))));
    Params params;
    params.expansion = {50, 50, 5};
    const Result r = break_paragraph(items, {{pt(100)}}, params);
    EXPECT_EQ(r.pass, Pass::Overfull) << r;
    for (const Line& line : r.lines) EXPECT_EQ(line.expansion, 0);
}

}  // namespace
}  // namespace reportc::linebreak
