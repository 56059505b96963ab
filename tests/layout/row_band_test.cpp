#include <gtest/gtest.h>

#include "layout/row_band.h"

using namespace reportc;
using namespace reportc::layout;

namespace {

Length pt(double v) { return Length::from_pt(v); }

// A cell with `n` lines of `h` pt at x, starting after 4pt padding.
BandCell cell(double x, int n, double h, double top = 0) {
    BandCell c;
    c.x = pt(x);
    c.width = pt(100);
    c.top = pt(top);
    c.content_offset = pt(4);
    for (int i = 0; i < n; ++i) {
        CellLine line{pt(h * i), pt(h), {}};
        line.items.push_back(frame::TextItem{.font = 0, .size = pt(9), .x = pt(x + 4), .y = pt(h * 0.8), .text = "line" + std::to_string(i)});
        c.lines.push_back(line);
    }
    c.height = pt(h * n + 8);
    return c;
}

RowBand band_of(std::vector<BandCell> cells) {
    RowBand b;
    b.style.padding = pt(4);
    b.style.width = pt(200);
    for (auto& c : cells) b.height = max(b.height, c.top + c.height);
    b.cells = std::move(cells);
    return b;
}

}  // namespace

TEST(layout_RowBand, EachCellIsCutAtItsOwnLineEnd) {
    // Lines of 10pt and 12pt never line up; a cut in 60pt of room still splits both cells,
    // each after its last whole line, and the part fits the room.
    RowBand b = band_of({cell(0, 8, 10), cell(100, 6, 12)});
    auto cut = b.cut(pt(60), 2);
    ASSERT_TRUE(cut.has_value());
    EXPECT_LE(b.part_height(*cut), pt(60));
    EXPECT_EQ(*cut, pt(54));  // 4 + 5 lines of 10pt
    int texts = 0;
    for (const auto& item : b.render(*cut)) texts += std::holds_alternative<frame::TextItem>(item);
    EXPECT_EQ(texts, 5 + 4);  // cell A: lines ending at 14..54; cell B: 16..52
}

TEST(layout_RowBand, PartAndRestKeepEveryLineExactlyOnce) {
    // Rendering the part and the rest shows each of the 12 + 7 lines once.
    RowBand b = band_of({cell(0, 12, 10), cell(100, 7, 11)});
    auto cut = b.cut(pt(70), 2);
    ASSERT_TRUE(cut.has_value());
    auto rest = b.rest_after(*cut);
    int texts = 0;
    for (const auto& item : b.render(*cut)) texts += std::holds_alternative<frame::TextItem>(item);
    for (const auto& item : rest->render(rest->height)) texts += std::holds_alternative<frame::TextItem>(item);
    EXPECT_EQ(texts, 19);
    // The rest starts each cell's remaining lines at the top padding.
    for (const auto& c : rest->cells) {
        ASSERT_FALSE(c.lines.empty());
        EXPECT_EQ(c.lines.front().top, Length{});
        EXPECT_EQ(c.content_offset, pt(4));
    }
}

TEST(layout_RowBand, TooLittleRoomGivesNoCut) {
    // Room for less than two lines: no split (the row moves to the next page); one line is
    // allowed when the row starts a page.
    RowBand b = band_of({cell(0, 10, 10)});
    EXPECT_FALSE(b.cut(pt(20), 2).has_value());
    EXPECT_TRUE(b.cut(pt(20), 1).has_value());
}

TEST(layout_RowBand, SpanningCellLabelRepeatsOnContinuation) {
    // A cell spanning the band whose two lines are drawn above the cut: the rest repeats them.
    BandCell span = cell(0, 2, 10);
    span.spans_rows = true;
    span.label_lines = 2;
    span.height = pt(200);
    RowBand b = band_of({span, cell(100, 18, 10)});
    auto cut = b.cut(pt(100), 2);
    ASSERT_TRUE(cut.has_value());
    auto rest = b.rest_after(*cut);
    int labels = 0;
    for (const auto& item : rest->render(rest->height))
        if (const auto* t = std::get_if<frame::TextItem>(&item); t && t->x == pt(4)) ++labels;
    EXPECT_EQ(labels, 2);
}

TEST(layout_RowBand, ACellsBordersStayOpenWhereACutCrossesIt) {
    // A cell framed on all sides by its box style, cut: the part draws no bottom side, the
    // rest no top side (only the table's own rules at the cut).
    style::BoxStyle boxed;
    boxed.top = boxed.right = boxed.bottom = boxed.left = style::BorderSide{pt(1), Color{0, 0, 0xff}, false};
    BandCell c = cell(0, 12, 10);
    c.box = &boxed;
    RowBand b = band_of({c});
    b.style.horizontal_rules = false;
    auto cut = b.cut(pt(70), 2);
    ASSERT_TRUE(cut.has_value());
    auto blue_sides = [](const std::vector<frame::Item>& items) {
        int n = 0;
        for (const auto& item : items)
            if (const auto* s = std::get_if<frame::ShapeItem>(&item); s && s->stroke == Color{0, 0, 0xff}) ++n;
        return n;
    };
    EXPECT_EQ(blue_sides(b.render(b.height)), 4);
    EXPECT_EQ(blue_sides(b.render(*cut)), 3);
    auto rest = b.rest_after(*cut);
    EXPECT_EQ(blue_sides(rest->render(rest->height)), 3);
}

TEST(layout_RowBand, NoCellKeepsASingleLineOnEitherSideOfACut) {
    // Room for four lines of both cells: the busiest cell could be cut 4 + 6, but the 5-line
    // cell would leave one line alone on the next page; the cut moves up to 3 + 2.
    RowBand b = band_of({cell(0, 10, 10), cell(100, 5, 10)});
    auto cut = b.cut(pt(50), 2);
    ASSERT_TRUE(cut.has_value());
    EXPECT_EQ(*cut, pt(34));
}

TEST(layout_RowBand, ATwoLineCellIsNeverCutSoTheRowMoves) {
    // A two-line KPI ("Number of CB activities" / "undertaken") beside a long plan cell: every
    // cut that fits splits it 1 + 1 or leaves one line of the plan alone, so there is none and
    // the row moves whole to the next page.
    RowBand b = band_of({cell(0, 6, 10), cell(100, 2, 13)});
    EXPECT_FALSE(b.cut(pt(30), 2).has_value());
    // Given room for the short cell whole and two plan lines, the cut is below both.
    auto cut = b.cut(pt(40), 2);
    ASSERT_TRUE(cut.has_value());
    EXPECT_EQ(*cut, pt(34));
}
