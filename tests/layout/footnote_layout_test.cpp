// Footnotes through block layout: the mark in the text, the note as an insertion carried by the
// line (or table row) that holds its mark; and a style's break-penalty in the vertical list.
#include "layout_fixture.h"

using namespace reportc;
using namespace reportc::layout;
using namespace reportc::layout::testing;

namespace {

using Strings = std::vector<std::string>;

// "Customs cooperation" with a note after "Customs", whose text is `note`.
doc::Paragraph with_note(const std::string& note) {
    doc::Paragraph p = paragraph("Customs");
    doc::TextRun mark;
    doc::Footnote fn;
    fn.id = "fn-1";
    fn.runs.push_back(text_run(note));
    mark.rare_to_set().footnote = std::move(fn);
    p.runs.push_back(std::move(mark));
    p.runs.push_back(text_run(" cooperation"));
    return p;
}

}  // namespace

TEST(layout_Footnote, TheMarkIsTheRaisedNumberLinkedToTheNote) {
    LayoutFixture f;
    auto d = numbered({{with_note("A note.")}});
    const doc::NodeId note = std::get<doc::Paragraph>(d.blocks[0].node).runs[1].rare().footnote->node;
    f.footnote_numbers[note] = 7;
    auto out = f.lay_out(d.blocks, measure(pt(300)));
    ASSERT_EQ(boxes(out).size(), 1u);
    const VBox& line = *boxes(out)[0];
    auto shown = texts(line);
    ASSERT_EQ(shown.size(), 3u);
    EXPECT_EQ(shown[1].text, "7");
    EXPECT_EQ(shown[1].size, pt(6));
    EXPECT_EQ(shown[1].y, shown[0].y - pt(3));  // raised by the style's baseline-shift
    auto links = items_of<frame::LinkItem>(line);
    ASSERT_EQ(links.size(), 1u);
    EXPECT_EQ(links[0].anchor(), "fn-1");
    // The line carries the note, set in the footnote style with its number hung in the indent.
    ASSERT_EQ(line.inserts().size(), 1u);
    const Insertion& ins = *line.inserts()[0].note;
    EXPECT_EQ(ins.anchor, "fn-1");
    ASSERT_EQ(ins.lines.size(), 1u);
    EXPECT_EQ(ins.lines[0].height, pt(10));
    EXPECT_EQ(words(ins.lines[0]), (Strings{"7", "A", "note."}));
    EXPECT_TRUE(f.diags.all().empty());
}

TEST(layout_Footnote, ANoteSpansTheBodyWhateverTheMeasureOfItsMark) {
    // The mark sits in a 100pt measure; its note is set across the A4 body, on one line.
    LayoutFixture f;
    auto d = numbered({{with_note("administration implementation international cooperation")}});
    auto out = f.lay_out(d.blocks, measure(pt(100)));
    const VBox* carrier = nullptr;
    for (const auto* b : boxes(out))
        if (!b->inserts().empty()) carrier = b;
    ASSERT_NE(carrier, nullptr);
    EXPECT_EQ(words(*carrier).front(), "Customs");  // the line of the mark, not the paragraph's last
    EXPECT_EQ(carrier->inserts()[0].note->lines.size(), 1u);
    // Before the driver numbers it, a note prints "?".
    EXPECT_EQ(words(*carrier)[1], "?");
}

TEST(layout_Footnote, ATableRowCarriesTheNotesOfItsCells) {
    LayoutFixture f;
    doc::Table t;
    t.columns = {column(doc::ColumnSpec::Kind::Fraction, "1fr"), column(doc::ColumnSpec::Kind::Fraction, "1fr")};
    doc::TableCell first;
    first.blocks.push_back({with_note("In a cell.")});
    t.rows.push_back(row({first, cell("Other")}));
    auto d = numbered({{t}});
    auto out = f.lay_out(d.blocks, measure(pt(300)));
    size_t notes = 0;
    for (const auto* b : boxes(out)) {
        notes += b->inserts().size();
        for (const auto& m : b->inserts()) EXPECT_GT(m.y, Length{});  // below the cell's padding
    }
    EXPECT_EQ(notes, 1u);
}

TEST(layout_BreakPenalty, PricesTheBreakBeforeTheParagraph) {
    // The penalty goes before the space between the two paragraphs, which still collapses.
    LayoutFixture f;
    auto d = numbered({{paragraph("First")}, {paragraph("Second", "invited")}});
    auto out = f.lay_out(d.blocks);
    EXPECT_EQ(shape(out), (Strings{"glue 3.000pt", "box 12.000pt", "penalty -300", "glue 6.000pt", "box 12.000pt", "glue 6.000pt"}));
}
