#include <gtest/gtest.h>

#include "layout/column_widths.h"

using namespace reportc;
using namespace reportc::layout;

namespace {

ColumnRequest autocol(double min_pt, double max_pt) {
    ColumnRequest c;
    c.min = Length::from_pt(min_pt);
    c.max = Length::from_pt(max_pt);
    return c;
}

double pt(Length l) { return l.pt(); }

}  // namespace

TEST(layout_ColumnWidths, AutoColumnsGetTheirMaximumAndShareTheRest) {
    // Both columns fit at their maximum (100 + 50 of 300): the 150pt left is shared 2:1.
    auto r = resolve_columns({autocol(20, 100), autocol(10, 50)}, {}, Length::from_pt(300));
    EXPECT_NEAR(pt(r.widths[0]), 200, 0.01);
    EXPECT_NEAR(pt(r.widths[1]), 100, 0.01);
    EXPECT_EQ(r.overflow, Length{});
}

TEST(layout_ColumnWidths, BetweenMinAndMaxGrowByTheirRange) {
    // 200pt for columns of min 50/50 and max 250/100: the 100pt spare goes 200:50.
    auto r = resolve_columns({autocol(50, 250), autocol(50, 100)}, {}, Length::from_pt(200));
    EXPECT_NEAR(pt(r.widths[0]), 130, 0.01);
    EXPECT_NEAR(pt(r.widths[1]), 70, 0.01);
}

TEST(layout_ColumnWidths, NeverNarrowerThanTheWidestWord) {
    // A column whose longest word is 120pt keeps 120pt even when its fr share would be smaller.
    ColumnRequest wide = autocol(120, 400);
    wide.kind = ColumnRequest::Kind::Fraction;
    wide.fraction = 1;
    ColumnRequest other = autocol(10, 400);
    other.kind = ColumnRequest::Kind::Fraction;
    other.fraction = 3;
    auto r = resolve_columns({wide, other}, {}, Length::from_pt(400));
    EXPECT_NEAR(pt(r.widths[0]), 120, 0.01);
    EXPECT_NEAR(pt(r.widths[1]), 280, 0.01);
}

TEST(layout_ColumnWidths, FixedAndFractionColumns) {
    // A 100pt fixed column, then 1fr and 3fr sharing the remaining 300pt.
    ColumnRequest fixed;
    fixed.kind = ColumnRequest::Kind::Fixed;
    fixed.fixed = Length::from_pt(100);
    ColumnRequest a = autocol(0, 0), b = autocol(0, 0);
    a.kind = b.kind = ColumnRequest::Kind::Fraction;
    b.fraction = 3;
    auto r = resolve_columns({fixed, a, b}, {}, Length::from_pt(400));
    EXPECT_NEAR(pt(r.widths[0]), 100, 0.01);
    EXPECT_NEAR(pt(r.widths[1]), 75, 0.01);
    EXPECT_NEAR(pt(r.widths[2]), 225, 0.01);
}

TEST(layout_ColumnWidths, OverflowIsReportedWhenMinimaDoNotFit) {
    // Two 150pt words in 200pt: each column keeps its minimum and the 100pt excess is reported.
    auto r = resolve_columns({autocol(150, 150), autocol(150, 150)}, {}, Length::from_pt(200));
    EXPECT_NEAR(pt(r.widths[0]), 150, 0.01);
    EXPECT_NEAR(pt(r.overflow), 100, 0.01);
}

TEST(layout_ColumnWidths, SpanningCellWidensItsColumns) {
    // A cell spanning both columns needs 300pt minimum: the columns grow in proportion.
    auto r = resolve_columns({autocol(50, 60), autocol(100, 120)}, {SpanRequest{0, 2, Length::from_pt(300), Length::from_pt(300)}},
                             Length::from_pt(300));
    EXPECT_NEAR(pt(r.widths[0] + r.widths[1]), 300, 0.01);
    EXPECT_NEAR(pt(r.widths[0]), 100, 0.01);
}
