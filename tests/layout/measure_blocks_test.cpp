// measure_blocks: the min/max content widths automatic table columns are made from, for every
// paragraph a block sets (indents included).
#include "layout_fixture.h"

using namespace reportc;
using namespace reportc::layout;
using namespace reportc::layout::testing;

TEST(layout_Measure, ParagraphMinIsTheWidestWordMaxTheWholeLine) {
    // Min content width: the widest word; max: the paragraph on one line (words and spaces).
    LayoutFixture f;
    auto d = numbered({{paragraph("Tax administration reform")}});
    auto [min_w, max_w] = f.measure_of(d.blocks);
    EXPECT_EQ(min_w, f.width("administration"));
    EXPECT_EQ(max_w, f.width("Tax") + f.width("administration") + f.width("reform") + f.width(" ") * 2);
}

TEST(layout_Measure, IndentsAddToBothWidths) {
    // The env's 10pt indent and the style's 5pt left and 3pt right indents add 18pt to each.
    LayoutFixture f;
    auto d = numbered({{paragraph("Tax administration reform", "indented")}});
    auto [min_w, max_w] = f.measure_of(d.blocks, measure(pt(100), pt(10)));
    EXPECT_EQ(min_w, f.width("administration") + pt(18));
    EXPECT_EQ(max_w, f.width("Tax") + f.width("administration") + f.width("reform") + f.width(" ") * 2 + pt(18));
}

TEST(layout_Measure, WidestOfSeveralParagraphs) {
    // Several blocks: the widest word of any and the longest line of any.
    LayoutFixture f;
    auto d = numbered({{paragraph("Tax administration")}, {paragraph("Border cooperation framework")}});
    auto [min_w, max_w] = f.measure_of(d.blocks);
    EXPECT_EQ(min_w, max(f.width("administration"), f.width("cooperation")));
    EXPECT_EQ(max_w, f.width("Border") + f.width("cooperation") + f.width("framework") + f.width(" ") * 2);
}

TEST(layout_Measure, SignatureRoleCountsInItsWidths) {
    // A signature sets its name and its role: a role longer than the name widens the maximum
    // (the whole role on one line) and its longest word the minimum.
    LayoutFixture f;
    doc::Signature s;
    s.name = "Ann Lee";
    s.role = "Head of Administration";
    auto d = numbered({{s}});
    auto [min_w, max_w] = f.measure_of(d.blocks);
    EXPECT_EQ(min_w, f.width("Administration"));
    EXPECT_EQ(max_w, f.width("Head") + f.width("of") + f.width("Administration") + f.width(" ") * 2);
}

TEST(layout_Measure, ArticleDatelineCountsInItsWidths) {
    // An article sets its title and a dateline ("date, place"): a dateline longer than the
    // title widens the maximum. "2021" and its comma are separate runs, measured apart.
    LayoutFixture f;
    doc::Article a;
    a.title = "News";
    a.date = "12 September 2021";
    a.place = "Bangkok";
    auto d = numbered({{a}});
    auto [min_w, max_w] = f.measure_of(d.blocks);
    EXPECT_EQ(min_w, f.width("September"));
    EXPECT_EQ(max_w, f.width("12") + f.width("September") + f.width("2021") + f.width(",") + f.width("Bangkok") + f.width(" ") * 3);
}

TEST(layout_Measure, TableFigureCaptionMeasuredInItsOwnStyle) {
    // A figure holding a table sets its caption above, in "caption-above" (bold here), so that
    // is the style it is measured in; a picture's caption goes below in "caption".
    LayoutFixture f;
    doc::Figure table_figure;
    table_figure.caption = "Members";
    doc::Table t;
    t.columns.push_back(column(doc::ColumnSpec::Kind::Auto, "auto"));
    t.rows.push_back(row({cell("x")}));
    table_figure.children.push_back({t});
    auto d = numbered({{table_figure}});
    EXPECT_EQ(f.measure_of(d.blocks), std::make_pair(f.width("Members", true), f.width("Members", true)));
    doc::Figure picture;
    picture.caption = "Members";
    auto e = numbered({{picture}});
    EXPECT_EQ(f.measure_of(e.blocks), std::make_pair(f.width("Members"), f.width("Members")));
}

TEST(layout_Measure, ListMarkerCountsOnlyForAnItemsFirstParagraph) {
    // An item labelled "Pillar 1:" with two paragraphs: the label hangs before the first only
    // (its first line moves right by label + half an em - the 10pt hang), so the second is
    // measured without it, as it is set; and measuring then setting builds each paragraph's
    // items once.
    LayoutFixture f;
    doc::List list;
    doc::ListItem item;
    item.label = "Pillar 1:";
    item.blocks = {{paragraph("Trade", "")}, {paragraph("Cooperation framework", "")}};
    list.items.push_back(item);
    auto d = numbered({{list}});
    const Length first_line = f.width("Pillar 1:") + pt(5) - pt(10);
    auto [min_w, max_w] = f.measure_of(d.blocks);
    EXPECT_EQ(min_w, pt(10) + max(first_line + f.width("Trade"), f.width("Cooperation")));
    EXPECT_EQ(max_w, pt(10) + f.width("Cooperation") + f.width(" ") + f.width("framework"));
    f.lay_out(d.blocks);
    EXPECT_EQ(f.paragraphs.counts().item_builds, 2u);
}
