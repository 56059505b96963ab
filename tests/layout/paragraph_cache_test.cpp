// The paragraph cache through block layout: settings reused under a node's identity while the
// input is unchanged, never a stale one.
#include <sstream>

#include "layout_fixture.h"

using namespace reportc;
using namespace reportc::layout;
using namespace reportc::layout::testing;

namespace {

using Strings = std::vector<std::string>;

}  // namespace

TEST(layout_ParagraphCache, SameParagraphTwiceIsSetOnce) {
    // An unchanged paragraph laid out twice (two passes): items built once, lines set once and
    // reused (the second pass needs no items at all).
    LayoutFixture f;
    auto d = numbered({{paragraph("Regional cooperation")}});
    auto first = f.lay_out(d.blocks);
    auto second = f.lay_out(d.blocks);
    const auto& c = f.paragraphs.counts();
    EXPECT_EQ(c.item_builds, 1u);
    EXPECT_EQ(c.sets, 1u);
    EXPECT_EQ(c.item_reuses, 0u);
    EXPECT_EQ(c.set_reuses, 1u);
    EXPECT_EQ(all_words(second), all_words(first));
}

TEST(layout_ParagraphCache, SameItemsAtAnotherMeasureAreSetAgain) {
    // The same paragraph at 60pt: its lines are set anew for that measure (from items built
    // again: items are dropped once a paragraph is set, so memory does not grow with the document).
    LayoutFixture f;
    auto d = numbered({{paragraph("Regional cooperation")}});
    f.lay_out(d.blocks);
    auto narrow = f.lay_out(d.blocks, measure(pt(60)));
    const auto& c = f.paragraphs.counts();
    EXPECT_EQ(c.item_builds, 2u);
    EXPECT_EQ(c.sets, 2u);
    EXPECT_EQ(boxes(narrow).size(), 2u);
}

TEST(layout_ParagraphCache, MeasuredThenSetBuildsItemsOnce) {
    // A table cell is measured (content widths), then set: one item list serves both; a second
    // pass takes both the widths and the lines from the cache.
    LayoutFixture f;
    auto d = numbered({{paragraph("Regional cooperation")}});
    for (int pass = 0; pass < 2; ++pass) {
        f.measure_of(d.blocks);
        f.lay_out(d.blocks);
    }
    const auto& c = f.paragraphs.counts();
    EXPECT_EQ(c.item_builds, 1u);
    EXPECT_EQ(c.item_reuses, 1u);
    EXPECT_EQ(c.sets, 1u);
    EXPECT_EQ(c.set_reuses, 1u);
}

TEST(layout_ParagraphCache, ChangedTextUnderTheSameNodeIsSetAnew) {
    // The text changes, the NodeId does not: the stale setting is replaced, never printed.
    LayoutFixture f;
    auto d = numbered({{paragraph("Regional cooperation")}});
    f.lay_out(d.blocks);
    std::get<doc::Paragraph>(d.blocks[0].node).runs[0].text = "Border management";
    auto out = f.lay_out(d.blocks);
    EXPECT_EQ(all_words(out), (Strings{"Border", "management"}));
    EXPECT_EQ(f.paragraphs.counts().item_builds, 2u);
    EXPECT_EQ(f.paragraphs.counts().set_reuses, 0u);
}

TEST(layout_ParagraphCache, ChangedStyleUnderTheSameNodeIsSetAnew) {
    // Same text, now in a bold header style: the input differs, so it is set again in bold.
    LayoutFixture f;
    auto d = numbered({{paragraph("Total")}});
    auto regular = f.lay_out(d.blocks);
    std::get<doc::Paragraph>(d.blocks[0].node).style = "table-header";
    auto bold = f.lay_out(d.blocks);
    EXPECT_EQ(f.paragraphs.counts().item_builds, 2u);
    EXPECT_NE(texts(*boxes(bold)[0])[0].font, texts(*boxes(regular)[0])[0].font);
}

TEST(layout_ParagraphCache, UnassignedNodesAreNeverCached) {
    // Nodes never numbered: every paragraph is set afresh and nothing is kept or reused.
    LayoutFixture f;
    std::vector<doc::Block> blocks{{paragraph("Regional cooperation")}, {paragraph("Border management")}};
    auto out = f.lay_out(blocks);
    f.lay_out(blocks);
    const auto& c = f.paragraphs.counts();
    EXPECT_EQ(c.item_builds + c.item_reuses + c.sets + c.set_reuses, 0u);
    EXPECT_EQ(all_words(out), (Strings{"Regional", "cooperation", "Border", "management"}));
}

TEST(layout_ParagraphCache, AdoptedSettingsAreUsedWhereTheInputMatches) {
    // Paragraphs set ahead in another cache (another thread's, with fonts of its own): an adopted
    // entry is taken as set, one whose input differs is set anew, and an entry this cache has
    // already is kept.
    LayoutFixture f;
    auto d = numbered({{paragraph("Regional cooperation")}, {paragraph("Border management")}, {paragraph("Trade")}});
    auto changed = d;
    std::get<doc::Paragraph>(changed.blocks[1].node).runs[0].text = "Something else";
    LayoutFixture ahead;
    ahead.lay_out(changed.blocks);
    f.lay_out(std::vector<doc::Block>{d.blocks[2]});
    f.paragraphs.adopt(std::move(ahead.paragraphs));
    auto out = f.lay_out(d.blocks);
    const auto& c = f.paragraphs.counts();
    EXPECT_EQ(c.adopted, 2u);     // the first two; the third was this cache's own
    EXPECT_EQ(c.sets, 2u);        // the third before adopting, the changed second after
    EXPECT_EQ(c.set_reuses, 2u);  // the adopted first and the own third
    EXPECT_EQ(all_words(out), (Strings{"Regional", "cooperation", "Border", "management", "Trade"}));
}

TEST(layout_ParagraphCache, APassThatMayBeTheLastDropsEachParagraphOnceSet) {
    // release_after_use (a pass whose pages are written as they are made): the second pass reuses
    // the first's setting and drops it, a third sets the paragraph again, and the lines are the
    // same each time.
    LayoutFixture f;
    auto d = numbered({{paragraph("Regional cooperation")}, {paragraph("across the region")}});
    auto first = f.lay_out(d.blocks);
    f.paragraphs.release_after_use(true);
    auto second = f.lay_out(d.blocks);
    EXPECT_EQ(f.paragraphs.counts().set_reuses, 2u);
    EXPECT_EQ(f.paragraphs.counts().sets, 2u);
    auto third = f.lay_out(d.blocks);
    EXPECT_EQ(f.paragraphs.counts().set_reuses, 2u);
    EXPECT_EQ(f.paragraphs.counts().sets, 4u);  // set again, and not kept
    f.paragraphs.release_after_use(false);
    auto fourth = f.lay_out(d.blocks);
    EXPECT_EQ(f.paragraphs.counts().sets, 6u);
    f.lay_out(d.blocks);
    EXPECT_EQ(f.paragraphs.counts().set_reuses, 4u);  // kept again
    EXPECT_EQ(all_words(second), all_words(first));
    EXPECT_EQ(all_words(third), all_words(first));
    EXPECT_EQ(all_words(fourth), all_words(first));
}

TEST(layout_ParagraphCache, APassThatMayBeTheLastKeepsAParagraphWhileItIsSetAgainInARow) {
    // A paragraph set several times in a row (a balanced heading's trial measures, a trial for
    // tied last words) at measures the previous pass set too: each is reused, and the entry goes
    // once another paragraph is set (before, the first reuse dropped it and the others were set
    // again from items built again).
    LayoutFixture f;
    auto both = numbered({{paragraph("Regional cooperation across the region")}, {paragraph("Trade facilitation for all")}});
    auto first = numbered({{paragraph("Regional cooperation across the region")}});  // the same node as both's first
    f.lay_out(both.blocks, measure(pt(300)));
    f.lay_out(both.blocks, measure(pt(90)));
    ASSERT_EQ(f.paragraphs.counts().sets, 4u);
    ASSERT_EQ(f.paragraphs.entries(), 2u);
    const size_t built = f.paragraphs.counts().item_builds;
    f.paragraphs.release_after_use(true);
    auto wide = f.lay_out(first.blocks, measure(pt(300)));
    auto narrow = f.lay_out(first.blocks, measure(pt(90)));
    EXPECT_EQ(f.paragraphs.counts().set_reuses, 2u);
    EXPECT_EQ(f.paragraphs.counts().sets, 4u);
    EXPECT_EQ(f.paragraphs.counts().item_builds, built);  // nothing built again
    EXPECT_EQ(f.paragraphs.entries(), 2u);
    f.lay_out(both.blocks, measure(pt(300)));  // the first reused again; the second goes on: the first's entry goes
    EXPECT_EQ(f.paragraphs.counts().set_reuses, 4u);
    EXPECT_EQ(f.paragraphs.entries(), 1u);
    f.lay_out(first.blocks, measure(pt(300)));  // set afresh, not kept past the next paragraph
    EXPECT_EQ(f.paragraphs.counts().sets, 5u);
    EXPECT_EQ(f.paragraphs.entries(), 1u);
    EXPECT_EQ(all_words(wide), all_words(narrow));
    EXPECT_EQ(boxes(wide).size(), 1u);
    EXPECT_GT(boxes(narrow).size(), 1u);
}

TEST(layout_ParagraphCache, ATableOfManyRowsDoesNotHoldEveryCellsItems) {
    // Every cell is measured before any is set: only the newest 4,096 keep their items until
    // set, the older ones are built again (a table of 100,000 CSV rows held 1 GB before).
    LayoutFixture f;
    doc::Table t;
    const int rows = 4500;
    for (int i = 0; i < rows; ++i) t.rows.push_back(row({cell("Row " + std::to_string(i))}));
    auto d = numbered({{std::move(t)}});
    auto out = f.lay_out(d.blocks, measure(pt(200)));
    const auto& c = f.paragraphs.counts();
    EXPECT_EQ(c.sets, size_t(rows));
    EXPECT_EQ(c.item_builds, size_t(rows) + (rows - 4096));  // the oldest rebuilt when set
    const auto words = all_words(out);
    ASSERT_EQ(words.size(), size_t(2 * rows));
    EXPECT_EQ(words[0], "Row");
    EXPECT_EQ(words[1], "0");
    EXPECT_EQ(words[2 * rows - 1], std::to_string(rows - 1));
}
