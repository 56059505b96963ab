// Keeps in the page builder: a kept block is a run of boxes without a legal breakpoint, its
// splittable boxes marked whole; the builder moves it to the next page when it fits there and
// cuts a whole box only on a page it starts (layout keeps no block taller than a page).
#include <gtest/gtest.h>

#include "pages/paginate.h"

using namespace reportc;
using namespace reportc::layout;
using reportc::pages::break_pages;

namespace {

Length pt(double v) { return Length::from_pt(v); }

VBox line(double height = 10) {
    VBox b;
    b.height = pt(height);
    return b;
}

std::function<Length(const std::string&)> body(double height) {
    return [height](const std::string&) { return pt(height); };
}

// A box that can be cut every 10pt.
class TenPointCuts : public Splittable {
public:
    std::optional<Length> cut(Length room, size_t) const override {
        int64_t tens = room.sp / pt(10).sp;
        if (tens <= 0) return std::nullopt;
        return pt(10) * tens;
    }
    std::pair<VBox, VBox> split(const VBox& box, Length at) const override {
        VBox stays = box, rest = box;
        stays.height = at;
        rest.height = box.height - at;
        stays.edit_extras().splittable.reset();
        if (rest.height <= pt(10)) rest.edit_extras().splittable.reset();
        return {stays, rest};
    }
    bool continues() const override { return false; }
};

std::vector<size_t> boxes_per_page(const pages::PageBreaks& breaks) {
    std::vector<size_t> out;
    for (const auto& page : breaks.pages) out.push_back(page.boxes.size());
    return out;
}

}  // namespace

TEST(pages_Keeps, AKeptBlockMovesWholeToTheNextPage) {
    // A 100pt page: 6 free lines, then a block of 5 lines kept together (no legal break
    // inside). Lines 7 to 10 would fit on page 1; the block goes to page 2 whole.
    std::vector<VItem> items;
    for (int i = 0; i < 6; ++i) {
        items.push_back(line());
        items.push_back(VPenalty{0});
    }
    for (int i = 0; i < 5; ++i) {
        if (i) items.push_back(VPenalty{kNoBreak});
        VBox b = line();
        b.whole = true;
        items.push_back(b);
    }
    auto breaks = break_pages(items, body(100), "body");
    EXPECT_EQ(boxes_per_page(breaks), (std::vector<size_t>{6, 5}));
    EXPECT_TRUE(breaks.forced.empty());
}

TEST(pages_Keeps, AWholeSplittableBoxIsMovedNotCut) {
    // 60pt of lines, then a 50pt splittable box kept whole on a 100pt page: without the keep it
    // would be cut after 40pt; kept, it moves to page 2 whole.
    std::vector<VItem> items;
    for (int i = 0; i < 6; ++i) {
        items.push_back(line());
        items.push_back(VPenalty{0});
    }
    VBox kept = line(50);
    kept.edit_extras().splittable = std::make_shared<TenPointCuts>();
    kept.whole = true;
    items.push_back(kept);
    auto breaks = break_pages(items, body(100), "body");
    ASSERT_EQ(breaks.pages.size(), 2u);
    EXPECT_EQ(breaks.pages[0].boxes.size(), 6u);
    ASSERT_EQ(breaks.pages[1].boxes.size(), 1u);
    EXPECT_EQ(breaks.pages[1].boxes[0].box.height, pt(50));
    EXPECT_EQ(breaks.split_rows, 0u);
}

TEST(pages_Keeps, AWholeBoxTallerThanThePageIsCutWhereItStartsAPage) {
    // A whole splittable box of 250pt on 100pt pages: it starts each page, so it is cut there
    // (no overflow, no endless loop): 100 + 100 + 50.
    VBox tall = line(250);
    tall.edit_extras().splittable = std::make_shared<TenPointCuts>();
    tall.whole = true;
    auto breaks = break_pages({line(), VPenalty{0}, tall}, body(100), "body");
    ASSERT_EQ(breaks.pages.size(), 4u);
    EXPECT_EQ(breaks.pages[1].boxes[0].box.height, pt(100));
    EXPECT_EQ(breaks.pages[2].boxes[0].box.height, pt(100));
    EXPECT_EQ(breaks.pages[3].boxes[0].box.height, pt(50));
    EXPECT_TRUE(breaks.forced.empty());
}

TEST(pages_Keeps, SpaceHeldByAnEmptyBoxStaysAtThePageTop) {
    // A forced break, then an empty box, a forbidden break and 30pt of space: the space is
    // kept at the top of page 2 (glue alone would be dropped there).
    std::vector<VItem> items{line(), VPenalty{kForceBreak}, VBox{}, VPenalty{kNoBreak}, VGlue{pt(30)}, line()};
    auto breaks = break_pages(items, body(100), "body");
    ASSERT_EQ(breaks.pages.size(), 2u);
    ASSERT_EQ(breaks.pages[1].boxes.size(), 2u);
    EXPECT_EQ(breaks.pages[1].boxes[1].y, pt(30));
}

TEST(pages_Keeps, AFrameTallerThanThePageIsNamedInItsWarning) {
    // A frame of a fixed height (not splittable) taller than the page overflows it.
    VBox frame = line(150);
    frame.source = Span{1, 40, 41};
    frame.kind = BoxKind::Frame;
    auto breaks = break_pages({line(), VPenalty{0}, frame}, body(100), "body");
    ASSERT_EQ(breaks.forced.size(), 1u);
    EXPECT_EQ(pages::describe(breaks.forced[0]), "this frame is taller than the page body (150pt > 100pt) and overflows page 2");
}
