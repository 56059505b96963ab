// The page builder's cost model (badness plus penalty, the cheapest break in the window) and
// its insertions (footnotes that take their room from the page of their mark).
#include <gtest/gtest.h>

#include "pages/paginate.h"

using namespace reportc;
using namespace reportc::layout;
using reportc::pages::break_pages;
using reportc::pages::PageRules;

namespace {

VBox line(double height = 10) {
    VBox b;
    b.height = Length::from_pt(height);
    return b;
}

PageRules rules(double body, double ragged = 60) {
    PageRules r;
    r.body_height = [body](const std::string&) { return Length::from_pt(body); };
    r.ragged_bottom = Length::from_pt(ragged);
    r.note_skip = Length::from_pt(10);
    r.note_gap = Length{};
    return r;
}

// `n` lines of 10pt with breaks between them costing `penalty(i)` (after line i, 1-based).
std::vector<VItem> lines(size_t n, const std::function<int(size_t)>& penalty = [](size_t) { return 0; }) {
    std::vector<VItem> out;
    for (size_t i = 1; i <= n; ++i) {
        out.push_back(line());
        if (i < n) out.push_back(VPenalty{penalty(i)});
    }
    return out;
}

std::vector<size_t> boxes_per_page(const pages::PageBreaks& breaks) {
    std::vector<size_t> out;
    for (const auto& page : breaks.pages) out.push_back(page.boxes.size());
    return out;
}

// A footnote of `n` lines of 10pt that may continue after any line but the first.
std::shared_ptr<Insertion> note(size_t n, const std::string& anchor = "fn") {
    auto ins = std::make_shared<Insertion>();
    for (size_t i = 0; i < n; ++i) ins->lines.push_back(line());
    ins->may_break.assign(n, true);
    ins->may_break[0] = n < 2;
    ins->anchor = anchor;
    return ins;
}

VBox marked(std::shared_ptr<Insertion> n) {
    VBox b = line();
    b.edit_extras().inserts.push_back({std::move(n), Length{}});
    return b;
}

std::vector<std::pair<size_t, size_t>> pieces(const pages::PageContent& page) {
    std::vector<std::pair<size_t, size_t>> out;
    for (const auto& p : page.notes) out.emplace_back(p.from, p.to);
    return out;
}

}  // namespace

TEST(pages_Badness, FollowsTeX) {
    EXPECT_EQ(pages::badness(Length{}, Length::from_pt(60)), 0);
    EXPECT_EQ(pages::badness(Length::from_pt(60), Length::from_pt(60)), 100);
    EXPECT_EQ(pages::badness(Length::from_pt(30), Length::from_pt(60)), 12);  // 100/8, as TeX rounds it
    EXPECT_EQ(pages::badness(Length::from_pt(1), Length{}), 10000);
    EXPECT_EQ(pages::badness(Length::from_pt(300), Length::from_pt(60)), 10000);
}

TEST(pages_CostModel, AnInvitingBreakBeatsAFullerPage) {
    // Ten lines on a 50pt page; the break after line 3 is invited (-300, as LaTeX's before a
    // section). First fit would end page 1 after line 5; the cost model ends it after line 3:
    // badness 4 (20pt short with 60pt of stretch) - 300 < 0.
    auto breaks = break_pages(lines(10, [](size_t i) { return i == 3 ? -300 : 0; }), rules(50), "body");
    EXPECT_EQ(boxes_per_page(breaks), (std::vector<size_t>{3, 5, 2}));
    EXPECT_TRUE(breaks.forced.empty());
}

TEST(pages_CostModel, ADiscouragedBreakMovesEarlier) {
    // The break after line 5 costs 500; after line 4 the page is 10pt short (badness 0).
    auto breaks = break_pages(lines(8, [](size_t i) { return i == 5 ? 500 : 0; }), rules(50), "body");
    EXPECT_EQ(boxes_per_page(breaks), (std::vector<size_t>{4, 4}));
}

TEST(pages_CostModel, ATooLoosePageIsNotWorthAnInvitation) {
    // With only 10pt of stretch, a page 30pt short is deplorable: the invitation is declined.
    auto breaks = break_pages(lines(10, [](size_t i) { return i == 2 ? -300 : 0; }), rules(50, 10), "body");
    EXPECT_EQ(boxes_per_page(breaks), (std::vector<size_t>{5, 5}));
}

TEST(pages_CostModel, OnATieTheLaterBreakWins) {
    // All pages deplorable (no stretch): the page is filled as far as it goes.
    auto breaks = break_pages(lines(7), rules(50, 0), "body");
    EXPECT_EQ(boxes_per_page(breaks), (std::vector<size_t>{5, 2}));
}

TEST(pages_Footnotes, ANoteTakesItsRoomFromTheBody) {
    // 100pt pages; line 2 calls a 2-line note: 10pt skip + 20pt of note leave 70pt of body.
    std::vector<VItem> items = lines(12);
    items[2] = marked(note(2));
    auto breaks = break_pages(items, rules(100), "body");
    EXPECT_EQ(boxes_per_page(breaks), (std::vector<size_t>{7, 5}));
    EXPECT_EQ(pieces(breaks.pages[0]), (std::vector<std::pair<size_t, size_t>>{{0, 2}}));
    EXPECT_TRUE(breaks.pages[1].notes.empty());
}

TEST(pages_Footnotes, ALongNoteContinuesOnTheNextPage) {
    // A 7-line note called from line 1 of a 100pt page: its area may take half the page (50pt,
    // the skip included), so four lines stay and three continue at the foot of page 2.
    std::vector<VItem> items = lines(11);
    items[0] = marked(note(7));
    auto breaks = break_pages(items, rules(100), "body");
    ASSERT_EQ(breaks.pages.size(), 2u);
    EXPECT_EQ(pieces(breaks.pages[0]), (std::vector<std::pair<size_t, size_t>>{{0, 4}}));
    EXPECT_EQ(pieces(breaks.pages[1]), (std::vector<std::pair<size_t, size_t>>{{4, 7}}));
    EXPECT_EQ(boxes_per_page(breaks), (std::vector<size_t>{5, 6}));
}

TEST(pages_Footnotes, AMarkMovesOnWhenNoneOfItsNoteFitsUnderIt) {
    // Line 9 of a 100pt page calls a note: below it there is no room for the skip and a line,
    // so the line moves to page 2 with its note (rather than leave the note without its mark).
    std::vector<VItem> items = lines(12);
    items[16] = marked(note(1));
    auto breaks = break_pages(items, rules(100), "body");
    EXPECT_EQ(boxes_per_page(breaks), (std::vector<size_t>{8, 4}));
    EXPECT_TRUE(breaks.pages[0].notes.empty());
    EXPECT_EQ(pieces(breaks.pages[1]), (std::vector<std::pair<size_t, size_t>>{{0, 1}}));
}

TEST(pages_Footnotes, OnceANoteContinuesLaterMarksWaitForTheNextPage) {
    // Line 1 calls a note that must continue; the mark in line 2 would put its whole note after
    // the continuing one: the page ends before line 2.
    std::vector<VItem> items = lines(6);
    items[0] = marked(note(6, "long"));
    items[2] = marked(note(1, "short"));
    auto breaks = break_pages(items, rules(100), "body");
    ASSERT_GE(breaks.pages.size(), 2u);
    EXPECT_EQ(breaks.pages[0].boxes.size(), 1u);
    ASSERT_EQ(breaks.pages[1].notes.size(), 2u);
    EXPECT_EQ(breaks.pages[1].notes[0].note->anchor, "long");
    EXPECT_EQ(breaks.pages[1].notes[1].note->anchor, "short");
}

TEST(pages_Footnotes, NotesOutlastTheBody) {
    // The last line calls a note longer than two note areas: pages of notes alone follow.
    std::vector<VItem> items{marked(note(12))};
    auto breaks = break_pages(items, rules(100), "body");
    ASSERT_EQ(breaks.pages.size(), 3u);
    size_t lines_set = 0;
    for (const auto& page : breaks.pages)
        for (const auto& piece : page.notes) lines_set += piece.to - piece.from;
    EXPECT_EQ(lines_set, 12u);
    EXPECT_TRUE(breaks.pages[2].boxes.empty());
}

namespace {

// A box that can be cut every 10pt (a row of one cell of 10pt lines).
class TenPointCuts : public Splittable {
public:
    std::optional<Length> cut(Length room, size_t) const override {
        int64_t tens = room.sp / Length::from_pt(10).sp;
        if (tens <= 0) return std::nullopt;
        return Length::from_pt(10) * tens;
    }
    std::pair<VBox, VBox> split(const VBox& box, Length at) const override {
        VBox stays = box, rest = box;
        stays.height = at;
        rest.height = box.height - at;
        stays.edit_extras().splittable.reset();
        if (rest.height <= Length::from_pt(10)) rest.edit_extras().splittable.reset();
        return {stays, rest};
    }
    bool continues() const override { return false; }
};

}  // namespace

TEST(pages_Footnotes, ACutSendsEachNoteWithItsMark) {
    // A 120pt row cut at 80pt: the note marked at 30pt stays on page 1, the one at 100pt goes
    // to page 2 with the rest of the row.
    VBox row = line(120);
    row.edit_extras().splittable = std::make_shared<TenPointCuts>();
    row.edit_extras().inserts.push_back({note(1, "upper"), Length::from_pt(30)});
    row.edit_extras().inserts.push_back({note(1, "lower"), Length::from_pt(100)});
    auto breaks = break_pages({row}, rules(100), "body");
    ASSERT_EQ(breaks.pages.size(), 2u);
    ASSERT_EQ(breaks.pages[0].notes.size(), 1u);
    EXPECT_EQ(breaks.pages[0].notes[0].note->anchor, "upper");
    EXPECT_EQ(breaks.pages[0].boxes[0].box.height, Length::from_pt(80));
    ASSERT_EQ(breaks.pages[1].notes.size(), 1u);
    EXPECT_EQ(breaks.pages[1].notes[0].note->anchor, "lower");
}
