// Tests of the word-spacing measure (tools/word_spacing_core.h) on pages built by hand: the
// natural space from ragged lines, a justified line's figure, the shrink side, overfull lines
// and the goal's clauses.
#include "word_spacing_core.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace reportc::tools {
namespace {

constexpr double kHeight = 11.0;  // the words' text height
constexpr double kWord = 30.0;    // every word's width

// A line of `words` words starting at `left`, the gaps between them `gap` wide.
Line line_of(double left, double top, size_t words, double gap) {
    Line l;
    l.left = left;
    l.top = top;
    l.bottom = top + kHeight;
    double x = left;
    for (size_t i = 0; i < words; ++i) {
        l.words.push_back({x, x + kWord, kHeight, "word" + std::to_string(i)});
        x += kWord + gap;
    }
    l.right = x - gap;
    return l;
}

// A page of prose on a 300pt measure from x = 50: ten justified lines of 9 words (gaps of
// 3.75pt, 1.5 times a natural space of 2.5pt) and, after every second one, a ragged line of 5
// words at the natural space.
Page prose_page() {
    Page p{595, 842, {}};
    double top = 200;
    for (int i = 0; i < 10; ++i, top += 14) {
        p.lines.push_back(line_of(50, top, 9, 3.75));
        if (i % 2) p.lines.push_back(line_of(50, top += 14, 5, 2.5));
    }
    return p;
}

TEST(WordSpacingCore, FigureIsTheMedianGapOverTheRaggedLinesSpace) {
    const SpacingFigures f = measure_spacing({prose_page()}, {});
    ASSERT_EQ(f.natural.size(), 1u);
    EXPECT_NEAR(f.natural[0].space, 2.5, 1e-9);
    ASSERT_EQ(f.lines.size(), 10u);
    EXPECT_NEAR(f.median, 1.5, 1e-9);
    EXPECT_NEAR(f.widest, 1.5, 1e-9);
    EXPECT_NEAR(f.narrowest, 1.5, 1e-9);
    EXPECT_EQ(f.above, 0u);
    EXPECT_TRUE(f.overfull.empty());
}

TEST(WordSpacingCore, GoalNamesEachClauseMissed) {
    const SpacingFigures f = measure_spacing({prose_page()}, {});
    EXPECT_EQ(missed_goals(f), (std::vector<std::string>{"median 1.500 > 1.02", "widest 1.500 > 1.35"}));
}

TEST(WordSpacingCore, ShrinkSideCountsSqueezedLines) {
    SpacingFigures f;
    f.lines = {{1.0, 1, "a b"}, {0.6, 1, "c d"}};
    f.median = 1.0, f.widest = 1.0, f.narrowest = 0.6;
    EXPECT_EQ(missed_goals(f), (std::vector<std::string>{"narrowest 0.600 < 0.65"}));
}

TEST(WordSpacingCore, LinePastTheTextBlocksEdgeIsOverfull) {
    Page p = prose_page();
    Line wide = line_of(50, 600, 9, 5);  // 10pt past the edge at 350
    p.lines.push_back(wide);
    const SpacingFigures f = measure_spacing({p}, {});
    ASSERT_EQ(f.overfull.size(), 1u);
    EXPECT_EQ(f.overfull[0].page, 1u);
    EXPECT_NEAR(f.overfull[0].excess, 10, 1e-9);
}

// A page of table cells: the most frequent line end is a short cell's, and a header cell that
// ends past it is not overfull (the annual report's landscape annex).
TEST(WordSpacingCore, PageOfTableCellsHasNoOverfullLine) {
    Page p{842, 595, {}};
    double top = 150;
    for (int i = 0; i < 12; ++i, top += 14) {
        p.lines.push_back(line_of(60, top, size_t(i % 4 + 1), 2.5));  // the first column's cells, ragged
        p.lines.push_back(line_of(700, top, 2, 2.5));  // the last column's, "30 June 2022"
    }
    p.lines.push_back(line_of(710, 120, 2, 2.5));  // a header cell ending 10pt further right
    const SpacingFigures f = measure_spacing({p}, {});
    EXPECT_TRUE(f.overfull.empty());
}

}  // namespace
}  // namespace reportc::tools
