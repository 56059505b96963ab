// Keeps and breaks on any block, in the vertical list: keep-together forbids every break inside
// a block that fits a page (and marks its boxes whole), keep-with-next forbids the break after
// it, page-break-before/after force breaks; a style or a layout setting may ask for them, and
// space before a block may be kept at the top of a page.
#include "layout_fixture.h"

using namespace reportc;
using namespace reportc::layout;
using namespace reportc::layout::testing;

namespace {

using Strings = std::vector<std::string>;

doc::Block kept(doc::Block b, doc::Keeps keeps) {
    b.keeps = keeps;
    return b;
}

doc::List list_of(int items) {
    doc::List l;
    for (int i = 0; i < items; ++i) {
        doc::ListItem item;
        item.blocks.push_back({paragraph("Item " + std::to_string(i), "")});
        l.items.push_back(std::move(item));
    }
    return l;
}

doc::Table table_of(int rows) {
    doc::Table t;
    for (int i = 0; i < rows; ++i) t.rows.push_back(row({cell("Row " + std::to_string(i))}));
    return t;
}

size_t whole_boxes(const std::vector<VItem>& items) {
    size_t n = 0;
    for (const auto* b : boxes(items)) n += b->whole;
    return n;
}

}  // namespace

TEST(layout_Keeps, KeepTogetherForbidsEveryBreakInsideTheBlock) {
    // Three list items kept together: a forbidding penalty before the space between them.
    LayoutFixture f;
    auto d = numbered({kept({list_of(3)}, {.together = true})});
    auto out = f.lay_out(d.blocks, measure(pt(200)));
    EXPECT_EQ(shape(out), (Strings{"glue 3.000pt", "box 12.000pt", "penalty 10000", "glue 6.000pt", "box 12.000pt", "penalty 10000",
                                   "glue 6.000pt", "box 12.000pt", "glue 6.000pt"}));
    EXPECT_EQ(whole_boxes(out), 3u);
}

TEST(layout_Keeps, ABlockTallerThanAPageIsNotKept) {
    // 60 items of 18pt (1080pt) on an A4 body of about 700pt: kept, it could never be set, so
    // it breaks as usual.
    LayoutFixture f;
    auto d = numbered({kept({list_of(60)}, {.together = true})});
    auto out = f.lay_out(d.blocks, measure(pt(200)));
    EXPECT_EQ(whole_boxes(out), 0u);
    for (const auto& item : out) EXPECT_FALSE(std::holds_alternative<VPenalty>(item)) << "no penalty between list items";
}

TEST(layout_Keeps, KeepWithNextAndPageBreaksByAttribute) {
    LayoutFixture f;
    auto d = numbered({kept({paragraph("One")}, {.with_next = true, .break_before = true, .break_after = true})});
    auto out = f.lay_out(d.blocks, measure(pt(200)));
    EXPECT_EQ(shape(out), (Strings{"penalty -10000", "glue 3.000pt", "box 12.000pt", "penalty 10000", "glue 6.000pt", "penalty -10000"}));
}

TEST(layout_Keeps, AnAttributeOverridesTheStyle) {
    // The style keeps its tables together; keep-together="false" on one table lets it break.
    LayoutFixture f("<table-style name=\"kept\" based-on=\"table\" keep-together=\"true\"/>\n");
    doc::Table t = table_of(3);
    t.style = "kept";
    auto d = numbered({{t}, kept({t}, {.together = false})});
    auto out = f.lay_out(d.blocks, measure(pt(200)));
    EXPECT_EQ(shape(out), (Strings{"glue 4.000pt", "box 20.000pt", "penalty 10000", "box 20.000pt", "penalty 10000", "box 20.000pt",
                                   "glue 8.000pt", "box 20.000pt", "penalty 0", "box 20.000pt", "penalty 0", "box 20.000pt",
                                   "glue 8.000pt"}));
}

TEST(layout_Keeps, TablesOfFewerRowsThanTheSettingAreKeptWhole) {
    LayoutFixture f("<setting name=\"keep-tables-under-rows\" value=\"4\"/>\n");
    auto d = numbered({{table_of(3)}, {table_of(4)}});
    auto out = f.lay_out(d.blocks, measure(pt(200)));
    EXPECT_EQ(shape(out), (Strings{"glue 4.000pt", "box 20.000pt", "penalty 10000", "box 20.000pt", "penalty 10000", "box 20.000pt",
                                   "glue 8.000pt", "box 20.000pt", "penalty 0", "box 20.000pt", "penalty 0", "box 20.000pt",
                                   "penalty 0", "box 20.000pt", "glue 8.000pt"}));
    EXPECT_EQ(whole_boxes(out), 3u);
}

TEST(layout_Keeps, PageBreakAfterAndKeepTogetherByParagraphStyle) {
    LayoutFixture f("<paragraph-style name=\"closing\" based-on=\"body\" page-break-after=\"true\" keep-together=\"true\"/>\n");
    auto d = numbered({{paragraph("Closing words", "closing")}});
    auto out = f.lay_out(d.blocks, measure(pt(200)));
    EXPECT_EQ(shape(out), (Strings{"glue 3.000pt", "box 12.000pt", "glue 6.000pt", "penalty -10000"}));
    EXPECT_EQ(whole_boxes(out), 1u);
}

TEST(layout_Keeps, SpaceBeforeKeptAtTheTopIsHeldByAnEmptyBox) {
    // space-before-at-top="keep": an empty box, a forbidden break, then the space, so that the
    // page builder never drops it at the top of a page.
    LayoutFixture f("<paragraph-style name=\"title\" based-on=\"body\" space-before=\"100pt\" space-before-at-top=\"keep\"/>\n");
    auto d = numbered({{paragraph("Title", "title")}});
    auto out = f.lay_out(d.blocks, measure(pt(200)));
    EXPECT_EQ(shape(out), (Strings{"box 0.000pt", "penalty 10000", "glue 100.000pt", "box 12.000pt", "glue 6.000pt"}));
}

TEST(layout_Keeps, KeepWithNextLinesHoldsTheNextLinesAcrossBlocks) {
    // A "lead" paragraph keeps with the next 3 boxes: the one-line paragraph after it and the
    // first two items of the list; the break after the second item stays open.
    LayoutFixture f("<paragraph-style name=\"lead\" based-on=\"body\" keep-with-next-lines=\"3\"/>\n");
    auto d = numbered({{paragraph("Lead", "lead")}, {paragraph("One")}, {list_of(3)}});
    auto out = f.lay_out(d.blocks, measure(pt(200)));
    EXPECT_EQ(shape(out), (Strings{"glue 3.000pt", "box 12.000pt", "penalty 10000", "glue 6.000pt", "box 12.000pt", "penalty 10000",
                                   "glue 6.000pt", "box 12.000pt", "penalty 10000", "glue 6.000pt", "box 12.000pt", "glue 6.000pt",
                                   "box 12.000pt", "glue 6.000pt"}));
}

TEST(layout_Keeps, KeepWithNextLinesStopsAtAForcedBreak) {
    LayoutFixture f("<paragraph-style name=\"lead\" based-on=\"body\" keep-with-next-lines=\"3\"/>\n");
    auto d = numbered({{paragraph("Lead", "lead")}, kept({paragraph("One")}, {.break_before = true}), {list_of(2)}});
    auto out = f.lay_out(d.blocks, measure(pt(200)));
    EXPECT_EQ(shape(out), (Strings{"glue 3.000pt", "box 12.000pt", "glue 6.000pt", "penalty -10000", "glue 3.000pt", "box 12.000pt",
                                   "glue 6.000pt", "box 12.000pt", "glue 6.000pt", "box 12.000pt", "glue 6.000pt"}));
}

TEST(layout_Lists, TheStyleGivesTheMarkerAndTheSpaceAfterTheList) {
    // A list that names no marker takes its style's list-marker; the style's space-after-list
    // follows the last item (larger than the items' own 6pt space-after).
    LayoutFixture f("<paragraph-style name=\"dashes\" based-on=\"body\" list-marker=\"–\" space-after-list=\"12pt\"/>\n");
    doc::List l = list_of(2);
    l.style = "dashes";
    doc::List named = list_of(1);
    named.style = "dashes";
    named.marker = "*";
    auto d = numbered({{l}, {named}});
    auto out = f.lay_out(d.blocks, measure(pt(200)));
    const auto lines = boxes(out);
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(words(*lines[0]).front(), "–");
    EXPECT_EQ(words(*lines[1]).front(), "–");
    EXPECT_EQ(words(*lines[2]).front(), "*");
    EXPECT_EQ(shape(out), (Strings{"glue 3.000pt", "box 12.000pt", "glue 6.000pt", "box 12.000pt", "glue 12.000pt", "box 12.000pt",
                                   "glue 12.000pt"}));
}
