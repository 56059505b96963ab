// Paragraphs through block layout: glue, line boxes, widow/orphan penalties, indents, alignment,
// anchors and page references, in the test layout of layout_fixture.h.
#include "layout_fixture.h"

using namespace reportc;
using namespace reportc::layout;
using namespace reportc::layout::testing;

namespace {

using Strings = std::vector<std::string>;

// Five words that each fill more than half of the 100pt measure: one word a line.
const char* kFiveLines = "administration implementation international cooperation documentation";

}  // namespace

TEST(layout_Paragraph, OneLineIsGlueBoxGlue) {
    // A one-line paragraph: 3pt space-before, one 12pt box (the leading), 6pt space-after.
    LayoutFixture f;
    auto d = numbered({{paragraph("Customs cooperation")}});
    auto out = f.lay_out(d.blocks);
    EXPECT_EQ(shape(out), (Strings{"glue 3.000pt", "box 12.000pt", "glue 6.000pt"}));
    const auto words = texts(*boxes(out)[0]);
    ASSERT_EQ(words.size(), 2u);
    const Length baseline = (pt(12) + f.ascent() - f.descent()) / 2;
    EXPECT_EQ(words[0].text, "Customs");
    EXPECT_EQ(words[0].x, Length{});
    EXPECT_EQ(words[0].y, baseline);
    EXPECT_EQ(words[0].size, pt(10));
    EXPECT_EQ(words[1].text, "cooperation");
    EXPECT_EQ(words[1].x, f.width("Customs") + f.width(" "));
    EXPECT_EQ(words[1].y, baseline);
    EXPECT_TRUE(f.diags.all().empty());
}

TEST(layout_Paragraph, WidowsAndOrphansForbidBreaksNearEitherEnd) {
    // Five lines, widows=orphans=2: no break after line 1 or line 4, free after lines 2 and 3.
    LayoutFixture f;
    auto d = numbered({{paragraph(kFiveLines)}});
    auto out = f.lay_out(d.blocks);
    EXPECT_EQ(shape(out), (Strings{"glue 3.000pt", "box 12.000pt", "penalty 10000", "box 12.000pt", "penalty 0", "box 12.000pt",
                                   "penalty 0", "box 12.000pt", "penalty 10000", "box 12.000pt", "glue 6.000pt"}));
    EXPECT_EQ(all_words(out), (Strings{"administration", "implementation", "international", "cooperation", "documentation"}));
    EXPECT_EQ(f.stats.lines, 5u);
}

TEST(layout_Paragraph, NoBreakAfterAHyphenatedLine) {
    // Hyphenated at 80pt, widows=orphans=1: every break is free except after a line ending in a hyphen.
    LayoutFixture f;
    auto d = numbered({{paragraph("international documentation responsibilities", "hyphenated")}});
    auto out = f.lay_out(d.blocks, measure(pt(80)));
    size_t hyphenated = 0, lines = 0;
    for (size_t i = 0; i < out.size(); ++i) {
        const auto* box = std::get_if<VBox>(&out[i]);
        if (!box) continue;
        ++lines;
        const bool ends_in_hyphen = words(*box).back().ends_with("-");
        hyphenated += ends_in_hyphen;
        if (i + 1 < out.size() && std::holds_alternative<VPenalty>(out[i + 1])) {
            EXPECT_EQ(std::get<VPenalty>(out[i + 1]).cost, ends_in_hyphen ? kNoBreak : 0) << "after line " << lines;
        }
    }
    EXPECT_GE(lines, 3u);
    EXPECT_GE(hyphenated, 1u);
}

TEST(layout_Paragraph, KeepWithNextAddsANoBreakPenaltyAfter) {
    // keep-with-next: a no-break penalty between the last line and the space-after.
    LayoutFixture f;
    auto d = numbered({{paragraph("Overview", "keep")}});
    EXPECT_EQ(shape(f.lay_out(d.blocks)), (Strings{"glue 3.000pt", "box 12.000pt", "penalty 10000", "glue 6.000pt"}));
}

TEST(layout_Paragraph, KeepWithNextForbidsEveryBreakInside) {
    // A kept five-line paragraph: no break between its lines either.
    LayoutFixture f;
    auto d = numbered({{paragraph(kFiveLines, "keep")}});
    auto out = f.lay_out(d.blocks);
    for (const auto& item : out)
        if (const auto* p = std::get_if<VPenalty>(&item)) {
            EXPECT_EQ(p->cost, kNoBreak);
        }
    EXPECT_EQ(boxes(out).size(), 5u);
}

TEST(layout_Paragraph, IndentShiftsEveryItemAndNarrowsTheMeasure) {
    // A 20pt indent at 120pt sets the paragraph exactly as at 100pt, every item 20pt further right.
    LayoutFixture f;
    auto d = numbered({{paragraph(kFiveLines)}});
    auto plain = f.lay_out(d.blocks, measure(pt(100)));
    auto indented = f.lay_out(d.blocks, measure(pt(120), pt(20)));
    ASSERT_EQ(shape(indented), shape(plain));
    const auto a = boxes(plain), b = boxes(indented);
    for (size_t i = 0; i < a.size(); ++i) {
        const auto ta = texts(*a[i]), tb = texts(*b[i]);
        ASSERT_EQ(ta.size(), tb.size());
        for (size_t k = 0; k < ta.size(); ++k) {
            EXPECT_EQ(tb[k].text, ta[k].text);
            EXPECT_EQ(tb[k].x, ta[k].x + pt(20));
            EXPECT_EQ(tb[k].y, ta[k].y);
        }
    }
    EXPECT_EQ(texts(*b[0])[0].x, pt(20));
}

TEST(layout_Paragraph, StyleIndentsAddToTheEnvIndent) {
    // Style indents (5pt left, 3pt right) add to a 10pt env indent: an 82pt measure starting at 15pt.
    LayoutFixture f;
    auto d = numbered({{paragraph("Total", "indented")}});
    BlockEnv env = measure(pt(100), pt(10));
    env.align = style::Align::Right;
    auto out = f.lay_out(d.blocks, env);
    EXPECT_EQ(texts(*boxes(out)[0])[0].x, pt(15) + pt(82) - f.width("Total"));
}

TEST(layout_Paragraph, EnvAlignOverridesTheStyle) {
    // A left-aligned style set in an env aligned right (a cell's align) or centred follows the env.
    LayoutFixture f;
    auto d = numbered({{paragraph("Total")}});
    BlockEnv env = measure(pt(100));
    auto first_x = [&] {
        auto out = f.lay_out(d.blocks, env);
        return texts(*boxes(out)[0])[0].x;
    };
    EXPECT_EQ(first_x(), Length{});
    env.align = style::Align::Right;
    EXPECT_EQ(first_x(), pt(100) - f.width("Total"));
    env.align = style::Align::Center;
    EXPECT_EQ(first_x(), (pt(100) - f.width("Total")) / 2);
}

TEST(layout_Paragraph, AnIdAnchorsTheFirstLineOnly) {
    // <p id="intro">: an anchor at the top left of the first line (at the indent), none after it.
    LayoutFixture f;
    doc::Paragraph p = paragraph(kFiveLines);
    p.id = "intro";
    auto d = numbered({{p}});
    auto out = f.lay_out(d.blocks, measure(pt(120), pt(20)));
    auto lines = boxes(out);
    ASSERT_EQ(lines.size(), 5u);
    const auto anchors = items_of<frame::AnchorItem>(*lines[0]);
    ASSERT_EQ(anchors.size(), 1u);
    EXPECT_EQ(anchors[0].name, "intro");
    EXPECT_EQ(anchors[0].at.x, pt(20));
    EXPECT_EQ(anchors[0].at.y, Length{});
    EXPECT_TRUE(std::holds_alternative<frame::AnchorItem>(lines[0]->items.front()));
    for (size_t i = 1; i < lines.size(); ++i) EXPECT_TRUE(items_of<frame::AnchorItem>(*lines[i]).empty()) << "line " << i;
}

TEST(layout_Paragraph, PageReferencePrintsTheLabelFromThePreviousPass) {
    // <ref show="page"/> prints "?" before pages are known, then the label its anchor landed on.
    LayoutFixture f;
    doc::Paragraph p = paragraph("See page ");
    doc::TextRun ref;
    ref.rare_to_set().ref = doc::Reference{"annex", "page"};
    ref.rare_to_set().resolved = doc::ResolvedReference{"annex", "", true, ""};  // as xref leaves a "{page}" reference
    p.runs.push_back(ref);
    auto d = numbered({{p}});
    EXPECT_EQ(all_words(f.lay_out(d.blocks)), (Strings{"See", "page", "?"}));
    const std::map<std::string, std::string> pages{{"annex", "xiv"}};
    f.anchor_pages = &pages;
    EXPECT_EQ(all_words(f.lay_out(d.blocks)), (Strings{"See", "page", "xiv"}));
}

TEST(layout_Paragraph, PageVariablePrintsItsPagesValueAndAnchorsWhereItLands) {
    // <var name="page"/>: "?" before pages are known, then what its page gives; an anchor at the
    // value itself (on the line it lands on, not the paragraph's first), so the relayout loop
    // reads the page of the value, not of the paragraph.
    LayoutFixture f;
    doc::Paragraph p = paragraph(std::string(kFiveLines) + " page ");
    doc::TextRun var;
    var.rare_to_set().variable = doc::VariableUse{"page"};
    var.rare_to_set().resolved_variable = doc::ResolvedVariable{"", doc::PageValue::Page, "variable-1"};
    p.runs.push_back(var);
    auto d = numbered({{p}});
    auto first = f.lay_out(d.blocks);
    EXPECT_EQ(all_words(first).back(), "?");
    f.variable_texts = {{"variable-1", "12"}};
    auto out = f.lay_out(d.blocks);
    EXPECT_EQ(all_words(out).back(), "12");
    const auto lines = boxes(out);
    ASSERT_EQ(lines.size(), 6u);
    for (size_t i = 0; i + 1 < lines.size(); ++i) EXPECT_TRUE(items_of<frame::AnchorItem>(*lines[i]).empty()) << "line " << i;
    const auto anchors = items_of<frame::AnchorItem>(*lines.back());
    ASSERT_EQ(anchors.size(), 1u);
    EXPECT_EQ(anchors[0].name, "variable-1");
    EXPECT_EQ(anchors[0].at.x, texts(*lines.back()).back().x);
}

TEST(layout_Paragraph, BalancedTextWrapSetsLinesOfLikeLengthAndNoLoneWord) {
    // At 200pt, "Regional Workshop on Customs Cooperation and Partners" fills a line and leaves
    // "Partners" alone; balanced, the two lines differ by at most a word and stay two.
    LayoutFixture f("<paragraph-style name=\"plain-heading\" based-on=\"body\" align=\"left\" hyphenate=\"false\"/>\n"
                    "<paragraph-style name=\"balanced\" based-on=\"plain-heading\" text-wrap=\"balance\"/>\n");
    const std::string title = "Regional Workshop on Customs Cooperation and Partners";
    auto line_words = [&](const std::string& style) {
        auto d = numbered({{paragraph(title, style)}});
        std::vector<Strings> lines;
        const auto out = f.lay_out(d.blocks, measure(f.width("Regional Workshop on Customs Cooperation and") + pt(4)));
        for (const auto* box : boxes(out)) lines.push_back(words(*box));
        return lines;
    };
    auto plain = line_words("plain-heading");
    ASSERT_EQ(plain.size(), 2u);
    EXPECT_EQ(plain[1], (Strings{"Partners"}));
    auto balanced = line_words("balanced");
    ASSERT_EQ(balanced.size(), 2u);
    EXPECT_EQ(balanced[0], (Strings{"Regional", "Workshop", "on", "Customs"}));
    EXPECT_EQ(balanced[1], (Strings{"Cooperation", "and", "Partners"}));
}

TEST(layout_Paragraph, BalancedTextNeverEndsInALoneWord) {
    // "Review of the" is narrower than "Internationalisation", so the narrowest measure that
    // keeps two lines leaves the long word alone on the second; the balanced style ties its last
    // two words instead, and the lines are "Review of" and "the Internationalisation".
    LayoutFixture f("<paragraph-style name=\"balanced\" based-on=\"body\" align=\"left\" hyphenate=\"false\" "
                    "text-wrap=\"balance\"/>\n");
    const std::string title = "Review of the Internationalisation";
    auto d = numbered({{paragraph(title, "balanced")}});
    const auto out = f.lay_out(d.blocks, measure(f.width(title) - pt(5)));
    std::vector<Strings> lines;
    for (const auto* box : boxes(out)) lines.push_back(words(*box));
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0], (Strings{"Review", "of"}));
    EXPECT_EQ(lines[1], (Strings{"the", "Internationalisation"}));
}

TEST(layout_Paragraph, BalancedTextPartsItsLastWordsWhenTheyDoNotFitTogether) {
    // Two words wider together than the measure: tied, the line would overflow; they part.
    LayoutFixture f("<paragraph-style name=\"balanced\" based-on=\"body\" align=\"left\" hyphenate=\"false\" "
                    "text-wrap=\"balance\"/>\n");
    auto d = numbered({{paragraph("Internationalisation Internationalisation", "balanced")}});
    const auto out = f.lay_out(d.blocks, measure(f.width("Internationalisation") + pt(5)));
    EXPECT_EQ(boxes(out).size(), 2u);
    EXPECT_TRUE(f.diags.all().empty()) << f.diags.all().size();
}

TEST(layout_Paragraph, ASurveyGivesTheSameLinesWithTheirAnchorsAlone) {
    // A survey pass's lines: the same vertical list (glue, boxes and their heights, penalties,
    // notes and extras) with only the anchors among their items, at the same places; no text,
    // link or marker item, which the page builder of a survey drops unread.
    LayoutFixture f;
    doc::Paragraph p = paragraph(std::string(kFiveLines) + " page ");
    p.id = "intro";
    doc::TextRun var;
    var.rare_to_set().variable = doc::VariableUse{"page"};
    var.rare_to_set().resolved_variable = doc::ResolvedVariable{"", doc::PageValue::Page, "variable-1"};
    p.runs.push_back(var);
    doc::TextRun link;
    link.text = " linked";
    link.rare_to_set().link = "https://example.org/";
    p.runs.push_back(link);
    auto d = numbered({{p}});
    const auto drawn = f.lay_out(d.blocks, measure(pt(120), pt(20)));
    f.survey = true;
    const auto surveyed = f.lay_out(d.blocks, measure(pt(120), pt(20)));
    EXPECT_EQ(shape(surveyed), shape(drawn));
    const auto drawn_lines = boxes(drawn), surveyed_lines = boxes(surveyed);
    ASSERT_EQ(surveyed_lines.size(), drawn_lines.size());
    ASSERT_GT(drawn_lines.size(), 2u);
    size_t anchors = 0;
    for (size_t i = 0; i < drawn_lines.size(); ++i) {
        EXPECT_EQ(surveyed_lines[i]->height, drawn_lines[i]->height) << "line " << i;
        EXPECT_FALSE(texts(*drawn_lines[i]).empty()) << "line " << i;
        std::vector<frame::AnchorItem> kept;
        for (const auto& item : surveyed_lines[i]->items) {
            ASSERT_TRUE(std::holds_alternative<frame::AnchorItem>(item)) << "line " << i;
            kept.push_back(std::get<frame::AnchorItem>(item));
        }
        const auto expected = items_of<frame::AnchorItem>(*drawn_lines[i]);
        ASSERT_EQ(kept.size(), expected.size()) << "line " << i;
        for (size_t k = 0; k < kept.size(); ++k) {
            EXPECT_EQ(kept[k].name, expected[k].name);
            EXPECT_EQ(kept[k].at.x, expected[k].at.x);
            EXPECT_EQ(kept[k].at.y, expected[k].at.y);
        }
        anchors += kept.size();
    }
    EXPECT_EQ(anchors, 2u);  // the paragraph's id and the variable's value
    EXPECT_FALSE(items_of<frame::LinkItem>(*drawn_lines.back()).empty());
}
