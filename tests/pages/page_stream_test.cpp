// The page builder fed as the vertical list is made (pages::PageBuilder): the same pages as
// from the whole list, however the list is cut, while holding only about a page of it.
#include <gtest/gtest.h>

#include <sstream>

#include "pages/paginate.h"

using namespace reportc;
using namespace reportc::layout;
using reportc::pages::PageBuilder;
using reportc::pages::PageRules;

namespace {

// A small linear congruential generator: the same lists on every platform.
struct Lcg {
    uint64_t state;
    uint32_t next(uint32_t bound) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return uint32_t((state >> 33) % bound);
    }
};

VBox box(double height, const std::string& master = "") {
    VBox b;
    b.height = Length::from_pt(height);
    if (!master.empty()) b.set_page_master(master);
    return b;
}

std::shared_ptr<Insertion> note(size_t lines) {
    auto ins = std::make_shared<Insertion>();
    for (size_t i = 0; i < lines; ++i) ins->lines.push_back(box(10));
    ins->may_break.assign(lines, true);
    ins->anchor = "fn";
    return ins;
}

// Paragraph lines, spaces, penalties of every kind (forced breaks too), footnote marks, tall
// boxes that overflow a page, and pages of two masters with different bodies.
std::vector<VItem> random_list(uint64_t seed, size_t boxes) {
    Lcg rng{seed};
    std::vector<VItem> items;
    for (size_t i = 0; i < boxes; ++i) {
        const uint32_t kind = rng.next(100);
        std::string master = kind < 2 ? (rng.next(2) ? "wide" : "tall") : "";
        VBox b = box(kind < 3 ? 150 + rng.next(200) : 8 + rng.next(14), master);
        if (kind >= 3 && kind < 8) b.edit_extras().inserts.push_back({note(1 + rng.next(6)), Length{}});
        items.push_back(std::move(b));
        const uint32_t after = rng.next(10);
        if (after < 3) items.push_back(VGlue{Length::from_pt(rng.next(12))});
        else if (after < 5) items.push_back(VPenalty{int(rng.next(300))});
        else if (after == 5) items.push_back(VPenalty{kNoBreak});
        else if (after == 6 && rng.next(8) == 0) items.push_back(VPenalty{kForceBreak});
        else if (after == 7) {
            items.push_back(VPenalty{50});
            items.push_back(VGlue{Length::from_pt(6)});
        }
    }
    return items;
}

PageRules rules() {
    PageRules r;
    r.body_height = [](const std::string& master) { return Length::from_pt(master == "wide" ? 180 : 260); };
    r.ragged_bottom = Length::from_pt(30);
    r.note_skip = Length::from_pt(10);
    r.note_gap = Length::from_pt(2);
    return r;
}

// Each page as text: its master, its boxes (height at offset) and its notes' lines.
std::string describe(const std::vector<pages::PageContent>& pages, const std::vector<pages::ForcedBreak>& forced) {
    std::ostringstream os;
    for (const auto& page : pages) {
        os << "page " << page.master << ":";
        for (const auto& placed : page.boxes) os << " " << placed.box.height << "@" << placed.y;
        for (const auto& piece : page.notes) os << " note[" << piece.from << "," << piece.to << ")";
        os << "\n";
    }
    for (const auto& f : forced) os << "forced " << int(f.kind) << " page " << f.page << "\n";
    return os.str();
}

std::string fed_in_pieces(const std::vector<VItem>& list, uint64_t seed, size_t& most_held) {
    Lcg rng{seed};
    PageBuilder builder(rules(), "tall");
    std::vector<pages::PageContent> pages;
    for (size_t k = 0; k < list.size();) {
        const size_t n = std::min(list.size() - k, size_t(1 + rng.next(k % 3 == 0 ? 3 : 40)));
        for (auto& page : builder.add({list.begin() + std::ptrdiff_t(k), list.begin() + std::ptrdiff_t(k + n)})) pages.push_back(std::move(page));
        most_held = std::max(most_held, builder.held());
        k += n;
    }
    for (auto& page : builder.finish()) pages.push_back(std::move(page));
    return describe(pages, builder.forced());
}

}  // namespace

TEST(PageStream, TheSamePagesHoweverTheListIsCut) {
    for (uint64_t seed = 1; seed <= 40; ++seed) {
        const auto list = random_list(seed, 400);
        const auto whole = pages::break_pages(list, rules(), "tall");
        ASSERT_GT(whole.pages.size(), 10u);
        size_t most_held = 0;
        EXPECT_EQ(fed_in_pieces(list, seed * 7919, most_held), describe(whole.pages, whole.forced)) << "seed " << seed;
    }
}

TEST(PageStream, HoldsAboutAPageOfTheList) {
    // 2,000 lines of 10 pt on pages of 260 pt (26 lines), given one line at a time.
    PageBuilder builder(rules(), "tall");
    size_t pages = 0, most_held = 0;
    for (int i = 0; i < 2000; ++i) {
        std::vector<VItem> line;
        line.push_back(box(10));
        line.push_back(VGlue{Length{}});
        pages += builder.add(std::move(line)).size();
        most_held = std::max(most_held, builder.held());
    }
    pages += builder.finish().size();
    EXPECT_EQ(pages, 77u);  // 2,000 / 26
    EXPECT_LE(most_held, 2u * 28);  // a page's boxes and glue, and the box that ends it
}

TEST(PageStream, ALongBlocksListIsNotKeptAsCapacityOnceItsPagesAreMade) {
    // A block of 20,000 boxes given at once (a long report's contents), then small pieces: once
    // its pages are made, what is held keeps no buffer of the long list's size.
    PageBuilder builder(rules(), "tall");
    std::vector<VItem> list;
    for (int i = 0; i < 20000; ++i) list.push_back(box(12));
    size_t pages = builder.add(std::move(list)).size();
    EXPECT_LE(builder.held_capacity(), std::max(layout::kSpareItemsFloor, 4 * builder.held()));
    for (int i = 0; i < 100; ++i) {
        pages += builder.add({box(12), VGlue{Length::from_pt(2)}}).size();
        EXPECT_LE(builder.held_capacity(), std::max(layout::kSpareItemsFloor, 4 * builder.held()));
    }
    pages += builder.finish().size();
    EXPECT_GT(pages, 900u);  // about 240,000pt of boxes on pages of 260pt
}
