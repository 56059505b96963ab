#include <gtest/gtest.h>

#include "pages/paginate.h"

using namespace reportc;
using namespace reportc::layout;
using reportc::pages::break_pages;

namespace {

// n lines of a paragraph (10pt boxes) with widow/orphan penalties for `widows` and `orphans`.
void paragraph(std::vector<VItem>& out, size_t n, size_t widows = 2, size_t orphans = 2) {
    out.push_back(VGlue{Length::from_pt(5)});
    for (size_t i = 0; i < n; ++i) {
        out.push_back(VBox{Length::from_pt(10), {}, {}, {}, {}});
        if (i + 1 < n) out.push_back(VPenalty{(i + 1 >= orphans && n - i - 1 >= widows) ? 0 : kNoBreak});
    }
}

size_t boxes_before(const std::vector<VItem>& items, size_t index) {
    size_t n = 0;
    for (size_t i = 0; i < index; ++i) n += std::holds_alternative<VBox>(items[i]);
    return n;
}

}  // namespace

TEST(pages_BreakPages, FillsPagesGreedily) {
    // Twelve 10pt lines on a 50pt page: lines 1-5, 6-10, 11-12 (the last two are not a widow: 2 lines).
    std::vector<VItem> items;
    paragraph(items, 12);
    auto breaks = break_pages(items, Length::from_pt(50));
    ASSERT_EQ(breaks.starts.size(), 3u);
    EXPECT_EQ(boxes_before(items, breaks.starts[1]), 5u);
    EXPECT_EQ(boxes_before(items, breaks.starts[2]), 10u);
    EXPECT_EQ(breaks.forced_overflows, 0u);
}

TEST(pages_BreakPages, NoWidowOnTheNextPage) {
    // Six lines on a 50pt page would leave one line alone: the break moves up a line.
    std::vector<VItem> items;
    paragraph(items, 6);
    auto breaks = break_pages(items, Length::from_pt(50));
    ASSERT_EQ(breaks.starts.size(), 2u);
    EXPECT_EQ(boxes_before(items, breaks.starts[1]), 4u);
}

TEST(pages_BreakPages, NoOrphanAtThePageBottom) {
    // A 40pt paragraph, then a 6-line one: its first line alone may not end page 1.
    std::vector<VItem> items;
    paragraph(items, 4);
    paragraph(items, 6);
    auto breaks = break_pages(items, Length::from_pt(55));
    ASSERT_EQ(breaks.starts.size(), 3u);
    EXPECT_EQ(boxes_before(items, breaks.starts[1]), 4u);  // the whole second paragraph moves
    EXPECT_EQ(boxes_before(items, breaks.starts[2]), 8u);  // and leaves no widow: 4 + 2 lines
}

TEST(pages_BreakPages, HeadingKeptWithNextBlock) {
    // A heading (penalty 10000 after it) never ends a page: it moves with the next paragraph.
    std::vector<VItem> items;
    paragraph(items, 3);
    items.push_back(VGlue{Length::from_pt(5)});
    items.push_back(VBox{Length::from_pt(10), {}, {}, {}, {}});  // heading
    items.push_back(VPenalty{kNoBreak});
    paragraph(items, 4);
    auto breaks = break_pages(items, Length::from_pt(60));
    ASSERT_EQ(breaks.starts.size(), 2u);
    EXPECT_EQ(boxes_before(items, breaks.starts[1]), 3u);  // the break falls before the heading
}

TEST(pages_BreakPages, ForcedBreakAndDiscardedGlue) {
    // A forced break starts a new page; glue at the top of a page is dropped.
    std::vector<VItem> items;
    paragraph(items, 2);
    items.push_back(VPenalty{kForceBreak});
    paragraph(items, 2);
    auto breaks = break_pages(items, Length::from_pt(500));
    ASSERT_EQ(breaks.starts.size(), 2u);
    EXPECT_TRUE(std::holds_alternative<VBox>(items[breaks.starts[1]]));
}

TEST(pages_BreakPages, UnbreakableRunIsForcedAndCounted) {
    // Eight lines that may not break at all on a 50pt page: a forced break, and it is reported.
    std::vector<VItem> items;
    for (int i = 0; i < 8; ++i) {
        items.push_back(VBox{Length::from_pt(10), {}, {}, {}, {}});
        items.push_back(VPenalty{kNoBreak});
    }
    auto breaks = break_pages(items, Length::from_pt(50));
    EXPECT_EQ(breaks.starts.size(), 2u);
    EXPECT_EQ(breaks.forced_overflows, 1u);
}

TEST(pages_BreakPages, BoxTallerThanThePageStandsAlone) {
    // A box taller than the page still gets a page and the rest continues: no hang, no loss.
    std::vector<VItem> items;
    items.push_back(VBox{Length::from_pt(10), {}, {}, {}, {}});
    items.push_back(VGlue{Length::from_pt(1)});
    items.push_back(VBox{Length::from_pt(200), {}, {}, {}, {}});
    items.push_back(VGlue{Length::from_pt(1)});
    items.push_back(VBox{Length::from_pt(10), {}, {}, {}, {}});
    auto breaks = break_pages(items, Length::from_pt(50));
    ASSERT_EQ(breaks.starts.size(), 3u);
    EXPECT_EQ(breaks.starts[1], 2u);
    EXPECT_EQ(breaks.starts[2], 4u);
}
