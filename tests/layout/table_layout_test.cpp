// Tables through block layout: column widths from content, cell alignment, row anchors under
// row spans, nested tables, repeated headers, page masters and indents. The test layout pads
// cells by 4pt; a one-line row is 12pt of leading plus 8pt of padding.
#include "layout_fixture.h"

using namespace reportc;
using namespace reportc::layout;
using namespace reportc::layout::testing;

namespace {

using Strings = std::vector<std::string>;
using Kind = doc::ColumnSpec::Kind;

doc::Table table(std::vector<doc::ColumnSpec> columns, std::vector<doc::TableRow> rows, std::string style = "table") {
    doc::Table t;
    t.style = std::move(style);
    t.columns = std::move(columns);
    t.rows = std::move(rows);
    return t;
}

// The one text item reading `text` in `box`.
frame::TextItem text_item(const VBox& box, const std::string& text) {
    std::vector<frame::TextItem> found;
    for (const auto& t : texts(box))
        if (t.text == text) found.push_back(t);
    EXPECT_EQ(found.size(), 1u) << "text items reading '" << text << "'";
    return found.empty() ? frame::TextItem{} : found[0];
}

// The table's top edge: the rule drawn along y = 0, as (left, right).
std::pair<Length, Length> top_rule(const VBox& box) {
    for (const auto& s : items_of<frame::ShapeItem>(box))
        if (s.stroke && s.path.size() == 2 && s.path[0].points[0].y == Length{} && s.path[1].points[0].y == Length{})
            return {s.path[0].points[0].x, s.path[1].points[0].x};
    ADD_FAILURE() << "no top rule";
    return {};
}

}  // namespace

TEST(layout_Table, AutoColumnsTakeTheirContentWidthAndFixedColumnsTheirOwn) {
    // [auto, auto, 30mm, 1fr] at 400pt: auto columns fit their one-line content, 30mm is 30mm.
    LayoutFixture f;
    auto d = numbered({{table({column(Kind::Auto, "auto"), column(Kind::Auto, "auto"), column(Kind::Fixed, "30mm"),
                               column(Kind::Fraction, "1fr")},
                              {row({cell("Tax"), cell("Regional cooperation"), cell("Fixed"), cell("Rest")})})}});
    auto out = f.lay_out(d.blocks, measure(pt(400)));
    EXPECT_EQ(shape(out), (Strings{"glue 4.000pt", "box 20.000pt", "glue 8.000pt"}));
    const VBox& box = *boxes(out)[0];
    const Length x0 = text_item(box, "Tax").x, x1 = text_item(box, "Regional").x, x2 = text_item(box, "Fixed").x,
                 x3 = text_item(box, "Rest").x;
    EXPECT_EQ(x0, pt(4));
    EXPECT_EQ(x1 - x0, f.width("Tax") + pt(8));
    EXPECT_EQ(x2 - x1, f.width("Regional") + f.width(" ") + f.width("cooperation") + pt(8));
    EXPECT_EQ(x3 - x2, Length::from_mm(30));
    EXPECT_LT(x1 - x0, x2 - x1);
    EXPECT_EQ(top_rule(box), std::make_pair(Length{}, pt(400)));
    EXPECT_TRUE(f.diags.all().empty());
}

TEST(layout_Table, RightAlignedCellEndsAtThePadding) {
    // align="right" in a 100pt column: the text ends 4pt (the padding) before the column's right edge.
    LayoutFixture f;
    auto d = numbered({{table({column(Kind::Fixed, "100pt"), column(Kind::Fixed, "100pt")},
                              {row({cell("Total", "right"), cell("Amount")})})}});
    auto out = f.lay_out(d.blocks, measure(pt(300)));
    const VBox& box = *boxes(out)[0];
    EXPECT_EQ(text_item(box, "Total").x, pt(100) - pt(4) - f.width("Total"));
    EXPECT_EQ(text_item(box, "Amount").x, pt(104));
}

TEST(layout_Table, RowIdUnderARowSpanAnchorsItsFirstPlacedCell) {
    // Row 2's first column is covered by a span: its id anchors its first placed cell, 20pt + 4pt down.
    LayoutFixture f;
    doc::TableCell spanning = cell("Label");
    spanning.rowspan = 2;
    doc::TableRow second = row({cell("Second")});
    second.id = "r2";
    auto d = numbered({{table({column(Kind::Fixed, "50pt"), column(Kind::Fixed, "50pt")},
                              {row({spanning, cell("First")}), second})}});
    auto out = f.lay_out(d.blocks, measure(pt(300)));
    ASSERT_EQ(boxes(out).size(), 1u);  // the span keeps both rows in one band
    const VBox& box = *boxes(out)[0];
    const auto anchors = items_of<frame::AnchorItem>(box);
    ASSERT_EQ(anchors.size(), 1u);
    EXPECT_EQ(anchors[0].name, "r2");
    EXPECT_EQ(anchors[0].at.x, Length{});
    EXPECT_EQ(anchors[0].at.y, pt(24));
    EXPECT_EQ(text_item(box, "Second").x, pt(54));
}

TEST(layout_Table, NestedTablesPrintTheirOwnCells) {
    // Four same-shaped inner tables each print their own text (regression: an address-keyed cache).
    LayoutFixture f;
    auto inner = [](const std::string& text) {
        doc::TableCell c;
        c.blocks.push_back({table({column(Kind::Auto, "auto")}, {row({cell(text)})})});
        return c;
    };
    auto d = numbered({{table({column(Kind::Fixed, "100pt"), column(Kind::Fixed, "100pt")},
                              {row({inner("alpha"), inner("beta")}), row({inner("gamma"), inner("delta")})})}});
    auto out = f.lay_out(d.blocks, measure(pt(300)));
    EXPECT_EQ(all_words(out), (Strings{"alpha", "beta", "gamma", "delta"}));
    // The second pass (the cache now full) prints the same.
    EXPECT_EQ(all_words(f.lay_out(d.blocks, measure(pt(300)))), (Strings{"alpha", "beta", "gamma", "delta"}));
}

TEST(layout_Table, HeaderRowsRepeatOverTheBodyRowsAfterThem) {
    // A header and three body rows: each body row carries the header to repeat; the header stays with row 1.
    LayoutFixture f;
    auto d = numbered({{table({column(Kind::Fixed, "60pt"), column(Kind::Fixed, "60pt")},
                              {row({cell("Item"), cell("Amount")}, doc::TableRow::Kind::Header), row({cell("A"), cell("1")}),
                               row({cell("B"), cell("2")}), row({cell("C"), cell("3")})})}});
    auto out = f.lay_out(d.blocks, measure(pt(300)));
    EXPECT_EQ(shape(out), (Strings{"glue 4.000pt", "box 20.000pt", "penalty 10000", "box 20.000pt", "penalty 0", "box 20.000pt",
                                   "penalty 0", "box 20.000pt", "glue 8.000pt"}));
    const auto rows = boxes(out);
    EXPECT_EQ(rows[0]->repeat_header(), nullptr);
    const auto header = rows[1]->repeat_header();
    ASSERT_NE(header, nullptr);
    ASSERT_EQ(header->size(), 1u);
    EXPECT_EQ(words(header->front()), (Strings{"Item", "Amount"}));
    EXPECT_EQ(header->front().height, rows[0]->height);
    EXPECT_EQ(rows[2]->repeat_header(), header);
    EXPECT_EQ(rows[3]->repeat_header(), header);
}

TEST(layout_Table, NoRepeatedHeaderWhenTheStyleSaysSo) {
    // repeat-header="false": the header row is set once and no body row carries it (a continued
    // page gets only the table's top rule, a zero-height box without text).
    LayoutFixture f;
    auto d = numbered({{table({column(Kind::Fixed, "60pt")},
                              {row({cell("Item")}, doc::TableRow::Kind::Header), row({cell("A")}), row({cell("B")})},
                              "no-repeat")}});
    auto out = f.lay_out(d.blocks, measure(pt(300)));
    ASSERT_EQ(boxes(out).size(), 3u);
    for (const auto* box : boxes(out)) {
        if (!box->repeat_header()) continue;
        for (const auto& repeated : *box->repeat_header()) {
            EXPECT_EQ(repeated.height, Length{});
            for (const auto& item : repeated.items) EXPECT_FALSE(std::holds_alternative<frame::TextItem>(item));
        }
    }
}

TEST(layout_Table, EveryBoxIsStampedWithTheEnvMaster) {
    // Blocks set on the "wide" master: the paragraph's line and every table row say so.
    LayoutFixture f;
    auto d = numbered({{paragraph("Before")},
                       {table({column(Kind::Fixed, "60pt")},
                              {row({cell("Item")}, doc::TableRow::Kind::Header), row({cell("A")}), row({cell("B")})})}});
    auto out = f.lay_out(d.blocks, measure(pt(300), {}, "wide"));
    const auto all = boxes(out);
    ASSERT_EQ(all.size(), 4u);
    for (const auto* box : all) EXPECT_EQ(box->page_master(), "wide");
}

TEST(layout_Table, TableInAnIndentedEnvStartsAtTheIndent) {
    // A table in a 200pt measure with a 20pt indent runs from 20pt to 200pt.
    LayoutFixture f;
    auto d = numbered({{table({column(Kind::Auto, "auto"), column(Kind::Fraction, "1fr")}, {row({cell("Tax"), cell("Rest")})})}});
    auto out = f.lay_out(d.blocks, measure(pt(200), pt(20)));
    const VBox& box = *boxes(out)[0];
    EXPECT_EQ(top_rule(box), std::make_pair(pt(20), pt(200)));
    EXPECT_EQ(text_item(box, "Tax").x, pt(24));
    EXPECT_EQ(text_item(box, "Rest").x, pt(20) + f.width("Tax") + pt(8) + pt(4));
}

TEST(layout_Table, SignatureInAnAutoColumnKeepsItsRoleOnOneLine) {
    // A signature in an auto column beside 1fr: its role, longer than its name, stays on one line.
    LayoutFixture f;
    doc::Signature s;
    s.name = "Ann Lee";
    s.role = "Head of Administration";
    doc::TableCell signed_cell;
    signed_cell.blocks.push_back({s});
    auto d = numbered({{table({column(Kind::Auto, "auto"), column(Kind::Fraction, "1fr")}, {row({signed_cell, cell("Rest")})})}});
    auto out = f.lay_out(d.blocks, measure(pt(400)));
    const VBox& box = *boxes(out)[0];
    EXPECT_EQ(text_item(box, "of").y, text_item(box, "Head").y);
    EXPECT_EQ(text_item(box, "Administration").y, text_item(box, "Head").y);
    EXPECT_EQ(text_item(box, "Rest").x - pt(4), f.width("Head") + f.width("of") + f.width("Administration") + f.width(" ") * 2 + pt(8));
}

TEST(layout_Table, ASplitRowShowsTheContinuedMarkInItsFirstCellOnTheNewPage) {
    // A row of a short label and a long second cell is cut: on the new page its first cell,
    // whose lines all stayed above, shows the style's row-continued-text at its content edge;
    // the part above shows no mark.
    LayoutFixture f("<paragraph-style name=\"table-continued\" based-on=\"table-cell\"/>\n"
                    "<table-style name=\"marked\" based-on=\"table\" row-continued-text=\"(cont.)\"/>\n");
    std::string many;
    for (int i = 0; i < 30; ++i) many += "word ";
    auto d = numbered({{table({column(Kind::Fixed, "60pt"), column(Kind::Fixed, "40pt")}, {row({cell("a) Label"), cell(many)})},
                              "marked")}});
    auto out = f.lay_out(d.blocks, measure(pt(300)));
    ASSERT_TRUE(f.diags.all().empty());
    const VBox& box = *boxes(out).at(0);
    ASSERT_TRUE(box.splittable());
    auto at = box.splittable()->cut(pt(100), 2);
    ASSERT_TRUE(at.has_value());
    auto [stays, rest] = box.splittable()->split(box, *at);
    const auto above = words(stays);
    EXPECT_EQ(std::count(above.begin(), above.end(), "(cont.)"), 0);
    const auto mark = text_item(rest, "(cont.)");
    EXPECT_EQ(mark.x, pt(4));
    // The second cell's remaining lines start at the top, beside the mark, not below it.
    Length first_word_y = pt(1000);
    for (const auto& t : texts(rest))
        if (t.text == "word") first_word_y = min(first_word_y, t.y);
    EXPECT_EQ(first_word_y, mark.y);
}

TEST(layout_Table, AContinuedMarkWiderThanTheFirstColumnIsNoWarningAtEveryTable) {
    // The mark was set for every table as it was laid out, and in a first column narrower than
    // "(continued)" every such table warned of an overfull line at the table, though no row of
    // it was ever cut (any short table of an auto and a fr column in the report's layout).
    LayoutFixture f("<paragraph-style name=\"table-continued\" based-on=\"table-cell\"/>\n"
                    "<table-style name=\"marked\" based-on=\"table\" row-continued-text=\"(continued)\"/>\n");
    auto d = numbered({{table({column(Kind::Fixed, "20pt"), column(Kind::Fixed, "200pt")}, {row({cell("1"), cell("One")})}, "marked")}});
    f.lay_out(d.blocks, measure(pt(300)));
    EXPECT_TRUE(f.diags.all().empty());
}

TEST(layout_Table, ANarrowJustifiedCellIsHyphenatedLikeAnyParagraph) {
    // Issue 13 audit: hyphenation applies in cells (the cell style's hyphenate), so a justified
    // cell of a narrow fixed column breaks words rather than setting loose lines; a column is
    // never narrower than its widest word, so no word is hyphenated only to fit it.
    LayoutFixture f("<paragraph-style name=\"narrow-cell\" based-on=\"table-cell\" align=\"justify\" hyphenate=\"true\"/>\n"
                    "<table-style name=\"narrow\" based-on=\"table\" cell-style=\"narrow-cell\"/>\n");
    auto d = numbered({{table({column(Kind::Fixed, "70pt")},
                              {row({cell("the organisation strengthened international cooperation and understanding between "
                                         "administrations")})},
                              "narrow")}});
    auto out = f.lay_out(d.blocks, measure(pt(300)));
    EXPECT_TRUE(f.diags.all().empty());
    size_t hyphenated = 0;
    for (const auto& w : all_words(out)) hyphenated += w.size() > 1 && w.back() == '-';
    EXPECT_GE(hyphenated, 1u);
}
