#include <gtest/gtest.h>

#include "layout/row_band.h"
#include "pages/paginate.h"

using namespace reportc;
using namespace reportc::layout;
using reportc::pages::break_pages;

namespace {

VBox box(double height) {
    VBox b;
    b.height = Length::from_pt(height);
    return b;
}

// n lines of a paragraph (10pt boxes) with widow/orphan penalties for `widows` and `orphans`.
void paragraph(std::vector<VItem>& out, size_t n, size_t widows = 2, size_t orphans = 2) {
    out.push_back(VGlue{Length::from_pt(5)});
    for (size_t i = 0; i < n; ++i) {
        out.push_back(box(10));
        if (i + 1 < n) out.push_back(VPenalty{(i + 1 >= orphans && n - i - 1 >= widows) ? 0 : kNoBreak});
    }
}

// Boxes per page when breaking `items` into pages of `height` points.
std::vector<size_t> boxes_per_page(const std::vector<VItem>& items, double height, size_t* forced = nullptr) {
    auto breaks = break_pages(items, [&](const std::string&) { return Length::from_pt(height); }, "body");
    if (forced) *forced = breaks.forced.size();
    std::vector<size_t> out;
    for (const auto& page : breaks.pages) out.push_back(page.boxes.size());
    return out;
}

}  // namespace

TEST(pages_BreakPages, FillsPagesGreedily) {
    // Twelve 10pt lines on a 50pt page: lines 1-5, 6-10, 11-12 (the last two are not a widow: 2 lines).
    std::vector<VItem> items;
    paragraph(items, 12);
    size_t forced = 0;
    EXPECT_EQ(boxes_per_page(items, 50, &forced), (std::vector<size_t>{5, 5, 2}));
    EXPECT_EQ(forced, 0u);
}

TEST(pages_BreakPages, NoWidowOnTheNextPage) {
    // Six lines on a 50pt page would leave one line alone: the break moves up a line.
    std::vector<VItem> items;
    paragraph(items, 6);
    EXPECT_EQ(boxes_per_page(items, 50), (std::vector<size_t>{4, 2}));
}

TEST(pages_BreakPages, NoOrphanAtThePageBottom) {
    // A 40pt paragraph, then a 6-line one: its first line alone may not end page 1.
    std::vector<VItem> items;
    paragraph(items, 4);
    paragraph(items, 6);
    // The whole second paragraph moves, and leaves no widow: 4 + 2 lines.
    EXPECT_EQ(boxes_per_page(items, 55), (std::vector<size_t>{4, 4, 2}));
}

TEST(pages_BreakPages, HeadingKeptWithNextBlock) {
    // A heading (penalty 10000 after it) never ends a page: it moves with the next paragraph.
    std::vector<VItem> items;
    paragraph(items, 3);
    items.push_back(VGlue{Length::from_pt(5)});
    items.push_back(box(10));  // heading
    items.push_back(VPenalty{kNoBreak});
    paragraph(items, 4);
    EXPECT_EQ(boxes_per_page(items, 60), (std::vector<size_t>{3, 5}));  // the break falls before the heading
}

TEST(pages_BreakPages, ForcedBreakAndDiscardedGlue) {
    // A forced break starts a new page; glue at the top of a page is dropped.
    std::vector<VItem> items;
    paragraph(items, 2);
    items.push_back(VPenalty{kForceBreak});
    paragraph(items, 2);
    EXPECT_EQ(boxes_per_page(items, 500), (std::vector<size_t>{2, 2}));
}

TEST(pages_BreakPages, UnbreakableRunIsForcedAndCounted) {
    // Eight lines that may not break at all on a 50pt page: a forced break, and it is reported.
    std::vector<VItem> items;
    for (int i = 0; i < 8; ++i) {
        items.push_back(box(10));
        items.push_back(VPenalty{kNoBreak});
    }
    size_t forced = 0;
    EXPECT_EQ(boxes_per_page(items, 50, &forced), (std::vector<size_t>{5, 3}));
    EXPECT_EQ(forced, 1u);
}

TEST(pages_BreakPages, BoxTallerThanThePageStandsAlone) {
    // A box taller than the page still gets a page and the rest continues: no hang, no loss.
    std::vector<VItem> items;
    items.push_back(box(10));
    items.push_back(VGlue{Length::from_pt(1)});
    items.push_back(box(200));
    items.push_back(VGlue{Length::from_pt(1)});
    items.push_back(box(10));
    EXPECT_EQ(boxes_per_page(items, 50), (std::vector<size_t>{1, 1, 1}));
}

TEST(pages_BreakPages, RowTallerThanSeveralPagesIsSplitUntilNothingIsLeft) {
    // A one-cell row of 40 lines of 10pt on 100pt pages: every line is placed exactly once, and
    // the header rows repeat on each continuation page. (Pinned: the rest of a row split at a
    // page's top was once skipped.)
    auto band = std::make_shared<RowBand>();
    band->style.padding = Length::from_pt(2);
    BandCell cell;
    cell.content_offset = Length::from_pt(2);
    for (int i = 0; i < 40; ++i) {
        CellLine line{Length::from_pt(10 * i), Length::from_pt(10), {}};
        line.items.push_back(frame::TextItem{.font = 0, .size = Length::from_pt(9), .y = Length::from_pt(8), .text = std::to_string(i)});
        cell.lines.push_back(line);
    }
    cell.height = Length::from_pt(404);
    band->height = cell.height;
    band->cells.push_back(cell);
    auto header = std::make_shared<std::vector<VBox>>(std::vector<VBox>{box(10)});
    VBox row = band_box(band, VBox{});
    row.edit_extras().repeat_header = header;
    std::vector<VItem> items{box(10), VPenalty{0}, row, VGlue{Length::from_pt(5)}, box(10)};
    auto breaks = break_pages(items, [](const std::string&) { return Length::from_pt(100); }, "body");
    int lines = 0;
    for (size_t p = 0; p < breaks.pages.size(); ++p)
        for (const auto& placed : breaks.pages[p].boxes)
            for (const auto& item : placed.box.items) lines += std::holds_alternative<frame::TextItem>(item);
    EXPECT_EQ(lines, 40);
    EXPECT_GE(breaks.split_rows, 4u);
    for (size_t p = 1; p + 1 < breaks.pages.size(); ++p) EXPECT_EQ(breaks.pages[p].boxes.front().box.height, Length::from_pt(10)) << p;
}

namespace {

VBox box_from(double height, uint32_t begin, BoxKind kind) {
    VBox b = box(height);
    b.source = Span{1, begin, begin + 1};
    b.kind = kind;
    return b;
}

}  // namespace

TEST(pages_BreakPages, ForcedBreaksNameTheBoxConcerned) {
    // Eight kept-together lines of one paragraph on 50pt pages (a break inside it, ending page
    // 1), then a 60pt chart (on a page of its own, overflowing page 3).
    std::vector<VItem> items;
    for (int i = 0; i < 8; ++i) {
        items.push_back(box_from(10, 100, BoxKind::ParagraphLine));
        if (i < 7) items.push_back(VPenalty{kNoBreak});
    }
    items.push_back(VGlue{Length::from_pt(5)});
    items.push_back(box_from(60, 200, BoxKind::Chart));
    auto breaks = break_pages(items, [](const std::string&) { return Length::from_pt(50); }, "body");
    ASSERT_EQ(breaks.forced.size(), 2u);
    EXPECT_EQ(breaks.forced[0].source, (Span{1, 100, 101}));
    EXPECT_EQ(breaks.forced[0].page, 1u);
    EXPECT_EQ(pages::describe(breaks.forced[0]),
              "a page break had to be made inside this paragraph, between pages 1 and 2, where its widow/orphan or keep rules forbid one");
    EXPECT_EQ(breaks.forced[1].source, (Span{1, 200, 201}));
    EXPECT_EQ(breaks.forced[1].page, 3u);
    EXPECT_EQ(pages::describe(breaks.forced[1]), "this chart is taller than the page body (60pt > 50pt) and overflows page 3");
}

TEST(pages_BreakPages, ForcedBreakBetweenBlocksNamesTheBlockAfterIt) {
    // A heading kept with a table row that does not fit on the page: the break falls before the row.
    std::vector<VItem> items{box_from(10, 5, BoxKind::ParagraphLine), VPenalty{kNoBreak}, VGlue{Length::from_pt(4)},
                             box_from(45, 50, BoxKind::TableRow)};
    auto breaks = break_pages(items, [](const std::string&) { return Length::from_pt(50); }, "body");
    ASSERT_EQ(breaks.forced.size(), 1u);
    EXPECT_EQ(breaks.forced[0].source, (Span{1, 50, 51}));
    EXPECT_EQ(pages::describe(breaks.forced[0]),
              "a page break had to be made before this table row, between pages 1 and 2, where a keep rule forbids one");
    pages::ForcedBreak unlocated = breaks.forced[0];
    unlocated.source = {};
    EXPECT_EQ(pages::describe(unlocated), "a page break had to be made between pages 1 and 2, where keep or widow/orphan rules forbid one");
}

TEST(pages_BreakPages, TopRuleHeaderRepeatsAboveRowsButNotAboveASplitRowsRest) {
    // A table without header rows repeats a zero-height "header" holding its top rule: above a
    // row that starts a page, but not above the rest of a split row, which draws its own.
    frame::ShapeItem rule;
    auto top_rule = std::make_shared<std::vector<VBox>>(1);
    top_rule->front().items.push_back(rule);
    std::vector<VItem> items;
    for (int r = 0; r < 6; ++r) {
        VBox row = box(20);
        row.edit_extras().repeat_header = top_rule;
        items.push_back(row);
        items.push_back(VPenalty{0});
    }
    auto breaks = break_pages(items, [](const std::string&) { return Length::from_pt(50); }, "body");
    ASSERT_EQ(breaks.pages.size(), 3u);
    EXPECT_EQ(breaks.pages[0].boxes.size(), 2u);
    for (size_t p = 1; p < 3; ++p) {
        ASSERT_EQ(breaks.pages[p].boxes.size(), 3u) << p;
        EXPECT_EQ(breaks.pages[p].boxes[0].box.height, Length{}) << p;
        EXPECT_EQ(breaks.pages[p].boxes[0].box.items.size(), 1u) << p;
    }

    auto band = std::make_shared<RowBand>();
    BandCell cell;
    for (int i = 0; i < 10; ++i) cell.lines.push_back(CellLine{Length::from_pt(10 * i), Length::from_pt(10), {}});
    cell.height = Length::from_pt(100);
    band->height = cell.height;
    band->cells.push_back(cell);
    VBox tall = band_box(band, VBox{});
    tall.edit_extras().repeat_header = top_rule;
    auto split = break_pages({tall}, [](const std::string&) { return Length::from_pt(50); }, "body");
    ASSERT_GE(split.pages.size(), 2u);
    for (size_t p = 1; p < split.pages.size(); ++p) {
        ASSERT_FALSE(split.pages[p].boxes.empty());
        EXPECT_GT(split.pages[p].boxes[0].box.height, Length{}) << "no rule header above the continued row, page " << p + 1;
    }
}

TEST(pages_BreakPages, ARowThatWouldLeaveOneLineOfACellMovesToTheNextPage) {
    // 30pt of room under a 70pt box fit two lines of the row's long cell, but only one of its
    // two-line cell: no cut leaves every cell two lines on each side, so the row starts page 2.
    auto band = std::make_shared<RowBand>();
    band->style.padding = Length::from_pt(4);
    auto cell = [](int lines, double leading, double x) {
        BandCell c;
        c.x = Length::from_pt(x);
        c.content_offset = Length::from_pt(4);
        for (int i = 0; i < lines; ++i) c.lines.push_back(CellLine{Length::from_pt(leading * i), Length::from_pt(leading), {}});
        c.height = Length::from_pt(leading * lines + 8);
        return c;
    };
    band->cells = {cell(12, 10, 0), cell(2, 13, 100)};
    band->height = Length::from_pt(128);
    std::vector<VItem> items{box(70), VPenalty{0}, band_box(band, VBox{})};
    auto breaks = break_pages(items, [](const std::string&) { return Length::from_pt(100); }, "body");
    ASSERT_GE(breaks.pages.size(), 2u);
    EXPECT_EQ(breaks.pages[0].boxes.size(), 1u);
    EXPECT_EQ(breaks.split_rows, 1u);  // cut once, on page 2, which it starts
}
