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
    // A signature's role, longer than its name, gives the max (whole role) and the min (its widest word).
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
    // An article's dateline ("date, place"), longer than its title, gives its max width.
    LayoutFixture f;
    doc::Article a;
    a.title = "News";
    a.date = "12 September 2021";
    a.place = "Bangkok";
    auto d = numbered({{a}});
    auto [min_w, max_w] = f.measure_of(d.blocks);
    EXPECT_EQ(min_w, f.width("September"));
    // "2021" and the comma after it are separate runs, measured apart.
    EXPECT_EQ(max_w, f.width("12") + f.width("September") + f.width("2021") + f.width(",") + f.width("Bangkok") + f.width(" ") * 3);
}

TEST(layout_Measure, TableFigureCaptionMeasuredInItsOwnStyle) {
    // A table figure's caption is measured in caption-above (bold here), a picture's in caption.
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
    // A labelled item's second paragraph is measured without the label, as set; items built once each.
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
