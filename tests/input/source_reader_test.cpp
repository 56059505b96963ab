#include <gtest/gtest.h>

#include <sstream>

#include "input/source_reader.h"
#include "rendered_diagnostics.h"

using namespace reportc;
using reportc::testing::rendered;

namespace {

struct Fixture {
    MemoryEnvironment env;
    SourceManager sources;
    Diagnostics diags;
    std::optional<doc::Document> read(const std::string& path = "r/report.xml") {
        return input::read_report(path, env, sources, diags);
    }
};

const doc::Paragraph& paragraph(const doc::Block& b) { return std::get<doc::Paragraph>(b.node); }

}  // namespace

TEST(SourceReader, ReadsSectionsParagraphsAndInfo) {
    // A small report with info, a section and a paragraph with bold and italic runs.
    Fixture f;
    f.env.set_file("r/report.xml",
                   "<report layout=\"../l.xml\">\n"
                   "  <info><title>T – ’x’</title><author>A</author></info>\n"
                   "  <section id=\"s\" title=\"One\">\n"
                   "    <p>Hello <b>bold</b> <i>it</i>  world</p>\n"
                   "  </section>\n"
                   "</report>\n");
    auto d = f.read();
    ASSERT_TRUE(d.has_value());
    EXPECT_TRUE(f.diags.all().empty());
    EXPECT_EQ(d->info.title, "T – ’x’");
    EXPECT_EQ(d->layout_path, "l.xml");
    ASSERT_EQ(d->blocks.size(), 1u);
    const auto& s = doc::node_as<doc::Section>(d->blocks[0]);
    EXPECT_EQ(s.level, 1);
    ASSERT_EQ(s.children.size(), 1u);
    const auto& p = paragraph(s.children[0]);
    EXPECT_EQ(doc::plain_text(p.runs), "Hello bold it world");
    ASSERT_EQ(p.runs.size(), 5u);
    EXPECT_EQ(p.runs[1].char_styles, std::vector<std::string>{"strong"});
    EXPECT_EQ(p.runs[3].char_styles, std::vector<std::string>{"emphasis"});
}

TEST(SourceReader, UnknownElementIsAnErrorAtItsLocation) {
    // A typo in an element name must not drop its content silently.
    Fixture f;
    f.env.set_file("r/report.xml", "<report layout=\"l.xml\">\n  <sectoin title=\"x\"><p>lost?</p></sectoin>\n</report>\n");
    auto d = f.read();
    ASSERT_TRUE(d.has_value());
    auto out = rendered(f.diags, f.sources);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0], "r/report.xml:2:4: error: unexpected element <sectoin>; expected a block element "
                      "(section, article, p, list, figure, table, chart, diagram, signature, contents, division, frame, rule, page-break, include, image, qr)");
}

TEST(SourceReader, UnknownAttributeIsAnErrorAtTheAttribute) {
    // A misspelt attribute points at the attribute itself and lists the valid ones.
    Fixture f;
    f.env.set_file("r/report.xml", "<report layout=\"l.xml\">\n<section titel=\"x\"/>\n</report>");
    f.read();
    auto out = rendered(f.diags, f.sources);
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[0], "r/report.xml:2:10: error: unknown attribute 'titel' on <section>; expected one of: title, short-title, id, style, page-master, number");
    EXPECT_EQ(out[1], "r/report.xml:2:2: error: missing attribute 'title' on <section>");
}

TEST(SourceReader, ReportsAllErrorsNotJustTheFirst) {
    // Three independent mistakes give three diagnostics in one run.
    Fixture f;
    f.env.set_file("r/report.xml", "<report layout=\"l.xml\">\n<p>a<q>b</q></p>\n<list><li/></list>\n<figure/>\n</report>");
    f.read();
    auto out = rendered(f.diags, f.sources);
    ASSERT_EQ(out.size(), 3u);
    EXPECT_EQ(out[0], "r/report.xml:2:6: error: unexpected element <q> in text; expected one of: b, i, sup, sub, u, s, strike, sc, mark, span, a, br, nbsp, ref, abbr, footnote, var, image");
    EXPECT_EQ(out[1], "r/report.xml:3:8: error: unexpected element <li> in <list>; expected <item>");
    EXPECT_EQ(out[2], "r/report.xml:4:2: error: missing attribute 'caption' on <figure>");
}

TEST(SourceReader, MalformedXmlGivesLocatedError) {
    // A mismatched end tag is reported at the end tag found, with the one the open element needs.
    Fixture f;
    f.env.set_file("r/report.xml", "<report layout=\"l.xml\">\n<p>text</b>\n</report>");
    EXPECT_FALSE(f.read().has_value());
    auto out = rendered(f.diags, f.sources);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0], "r/report.xml:2:8: error: expected '</p>' to close '<p>' of line 2, found '</b>'");
}

TEST(SourceReader, InvalidUtf8IsRejectedWithItsOffset) {
    // Bytes that are not UTF-8 are never guessed at.
    Fixture f;
    f.env.set_file("r/report.xml", "<report layout=\"l.xml\">\n<p>caf\xE9</p>\n</report>");
    EXPECT_FALSE(f.read().has_value());
    auto out = rendered(f.diags, f.sources);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0], "r/report.xml:2:7: error: expected UTF-8 text, found the invalid byte 0xE9");
}

TEST(SourceReader, IncludesNestAndKeepLevels) {
    // An included section inside a section becomes level 2; includes resolve relative to their file.
    Fixture f;
    f.env.set_file("r/report.xml", "<report layout=\"l.xml\"><section title=\"A\"><include href=\"parts/b.xml\"/></section></report>");
    f.env.set_file("r/parts/b.xml", "<blocks><section title=\"B\"><include href=\"c.xml\"/></section><p>x</p></blocks>");
    f.env.set_file("r/parts/c.xml", "<p>deep</p>");
    auto d = f.read();
    ASSERT_TRUE(d.has_value());
    EXPECT_TRUE(f.diags.all().empty());
    const auto& a = doc::node_as<doc::Section>(d->blocks[0]);
    ASSERT_EQ(a.children.size(), 2u);
    const auto& b = doc::node_as<doc::Section>(a.children[0]);
    EXPECT_EQ(b.level, 2);
    EXPECT_EQ(doc::plain_text(paragraph(b.children[0]).runs), "deep");
}

TEST(SourceReader, IncludeCycleIsAnError) {
    // a.xml includes b.xml which includes a.xml: reported once, at the include that closes the loop.
    Fixture f;
    f.env.set_file("r/report.xml", "<report layout=\"l.xml\"><include href=\"a.xml\"/></report>");
    f.env.set_file("r/a.xml", "<blocks><include href=\"b.xml\"/></blocks>");
    f.env.set_file("r/b.xml", "<blocks>\n <include href=\"a.xml\"/></blocks>");
    f.read();
    auto out = rendered(f.diags, f.sources);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0], "r/b.xml:2:11: error: include cycle: r/report.xml -> r/a.xml -> r/b.xml -> r/a.xml");
}

TEST(SourceReader, MissingIncludeIsAnErrorAtTheHref) {
    // A missing file is reported where it is named.
    Fixture f;
    f.env.set_file("r/report.xml", "<report layout=\"l.xml\">\n  <include href=\"nope.xml\"/>\n</report>");
    f.read();
    auto out = rendered(f.diags, f.sources);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0], "r/report.xml:2:12: error: cannot read file 'r/nope.xml': no such file");
}

TEST(SourceReader, UnclosedTagInAnIncludeMarksTheDocumentIncomplete) {
    // The broken file is reported and left out; the document says something is missing, so later
    // stages do not report references into it as unknown ids.
    Fixture f;
    f.env.set_file("r/report.xml", "<report layout=\"l.xml\"><p>See <ref to=\"b\"/>.</p><include href=\"b.xml\"/></report>");
    f.env.set_file("r/b.xml", "<section id=\"b\" title=\"B\">\n<p>an <b>unclosed tag</p>\n</section>");
    auto d = f.read();
    ASSERT_TRUE(d.has_value());
    EXPECT_TRUE(d->incomplete);
    EXPECT_EQ(rendered(f.diags, f.sources),
              (std::vector<std::string>{"r/b.xml:2:22: error: expected '</b>' to close '<b>' of line 2, found '</p>'"}));

    Fixture whole;
    whole.env.set_file("r/report.xml", "<report layout=\"l.xml\"><include href=\"b.xml\"/></report>");
    whole.env.set_file("r/b.xml", "<section id=\"b\" title=\"B\"/>");
    EXPECT_FALSE(whole.read()->incomplete);
}

TEST(SourceReader, TextKeepsUnicodeAndCollapsesWhitespace) {
    // Curly quotes, dashes, the non-breaking hyphen and ➢ survive; line breaks become spaces.
    Fixture f;
    f.env.set_file("r/report.xml", "<report layout=\"l.xml\"><p>  “Co‑operation” –\n   ➢ don’t  </p></report>");
    auto d = f.read();
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(doc::plain_text(paragraph(d->blocks[0]).runs), "“Co‑operation” – ➢ don’t");
}

TEST(SourceReader, ListsArticlesTablesAndSignatures) {
    // The report's structures are read with their attributes.
    Fixture f;
    f.env.set_file("r/report.xml",
                   "<report layout=\"l.xml\">"
                   "<article title=\"T\" date=\"9 December 2020\" place=\"Bangkok Thailand\" order=\"place-date\"><p>b</p></article>"
                   "<list marker=\"➢\"><item label=\"Pillar 1:\">x</item><item><p>y</p><list><item>z</item></list></item></list>"
                   "<table><column width=\"2fr\"/><column width=\"30mm\"/><row kind=\"header\"><cell colspan=\"2\">h</cell></row></table>"
                   "<signature name=\"N\" role=\"R\"/>"
                   "</report>");
    auto d = f.read();
    ASSERT_TRUE(d.has_value());
    EXPECT_TRUE(f.diags.all().empty());
    const auto& a = doc::node_as<doc::Article>(d->blocks[0]);
    EXPECT_TRUE(a.place_first);
    EXPECT_EQ(a.place, "Bangkok Thailand");
    const auto& l = doc::node_as<doc::List>(d->blocks[1]);
    EXPECT_EQ(l.marker, "➢");
    EXPECT_EQ(l.items[0].label, "Pillar 1:");
    EXPECT_EQ(l.items[1].blocks.size(), 2u);
    const auto& t = doc::node_as<doc::Table>(d->blocks[2]);
    EXPECT_EQ(t.columns[0].kind, doc::ColumnSpec::Kind::Fraction);
    EXPECT_EQ(t.columns[1].kind, doc::ColumnSpec::Kind::Fixed);
    EXPECT_EQ(t.rows[0].kind, doc::TableRow::Kind::Header);
    EXPECT_EQ(t.rows[0].cells[0].colspan, 2);
    EXPECT_EQ(doc::node_as<doc::Signature>(d->blocks[3]).role, "R");
}

TEST(SourceReader, BadColspanIsAnError) {
    // colspan must be a positive whole number.
    Fixture f;
    f.env.set_file("r/report.xml", "<report layout=\"l.xml\"><table><row><cell colspan=\"two\">x</cell></row></table></report>");
    f.read();
    auto out = rendered(f.diags, f.sources);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0], "r/report.xml:1:42: error: expected a positive whole number for colspan, found 'two'");
}

TEST(SourceReader, NumberingAttributesAreRead) {
    // A figure's kind (default "figure"), explicit number and separator; a list's numbering and
    // start, an item's id and number; a section's number; a list of figures' kind. A start that
    // is no whole number is an error at the attribute.
    Fixture f;
    f.env.set_file("r/report.xml", "<report layout=\"l.xml\">\n<figure caption=\"A\"/>\n"
                                   "<figure caption=\"B\" kind=\"diagram\" number=\"4\" separator=\" - \"/>\n"
                                   "<list numbering=\"a)\" start=\"3\"><item id=\"i\" number=\"5\">x</item></list>\n"
                                   "<section title=\"S\" number=\"A\"/><contents kind=\"diagrams\"/>\n"
                                   "<list numbering=\"1.\" start=\"two\"/>\n</report>");
    auto doc = f.read();
    ASSERT_TRUE(doc.has_value());
    EXPECT_EQ(doc::node_as<doc::Figure>(doc->blocks[0]).kind, "figure");
    const auto& b = doc::node_as<doc::Figure>(doc->blocks[1]);
    EXPECT_EQ(b.kind + "|" + b.number + "|" + b.separator, "diagram|4| - ");
    const auto& list = doc::node_as<doc::List>(doc->blocks[2]);
    EXPECT_EQ(list.numbering, "a)");
    EXPECT_EQ(list.start, 3);
    EXPECT_EQ(list.items.at(0).id + "|" + list.items.at(0).number, "i|5");
    EXPECT_EQ(doc::node_as<doc::Section>(doc->blocks[3]).number, "A");
    EXPECT_EQ(std::get<doc::Contents>(doc->blocks[4].node).kind, "diagrams");
    auto out = rendered(f.diags, f.sources);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0], "r/report.xml:6:22: error: expected start as a whole number such as 3, found 'two'");
}

TEST(SourceReader, SpaceAfterRefIsKept) {
    // A <ref/> is read with empty text (its target's title, number or page comes later), but it is
    // content: the spaces on both sides of it stay, at the start, in the middle and at the end.
    Fixture f;
    f.env.set_file("r/report.xml",
                   "<report layout=\"l.xml\">"
                   "<p>see <ref to=\"b\"/> here.</p>"
                   "<p>see <ref to=\"b\"/></p>"
                   "<p><ref to=\"b\"/> first</p>"
                   "<p>both <ref to=\"b\"/> <ref to=\"c\" show=\"page\"/> pages</p>"
                   "</report>");
    auto d = f.read();
    ASSERT_TRUE(d.has_value());
    EXPECT_TRUE(f.diags.all().empty());
    auto texts = [&](size_t block) {
        std::vector<std::string> out;
        for (const auto& r : paragraph(d->blocks[block]).runs) out.push_back(r.rare().ref ? "<" + r.rare().ref->to + ">" : r.text);
        return out;
    };
    EXPECT_EQ(texts(0), (std::vector<std::string>{"see ", "<b>", " here."}));
    EXPECT_EQ(texts(1), (std::vector<std::string>{"see ", "<b>"}));
    EXPECT_EQ(texts(2), (std::vector<std::string>{"<b>", " first"}));
    EXPECT_EQ(texts(3), (std::vector<std::string>{"both ", "<b>", " ", "<c>", " pages"}));
}

TEST(SourceReader, VarAndVariableAreRead) {
    // <var> is content like a reference (the spaces around it stay); <variable> sits in <info>.
    Fixture f;
    f.env.set_file("r/report.xml", "<report layout=\"l.xml\">\n<info><title>T</title><variable name=\"edition\" value=\"2\"/></info>\n"
                                   "<p>Edition <var name=\"edition\"/> of <b><var name=\"title\"/></b></p>\n"
                                   "<p><var/><var name=\"x\">text</var></p>\n</report>");
    auto d = f.read();
    ASSERT_TRUE(d);
    ASSERT_EQ(d->info.variables.size(), 1u);
    EXPECT_EQ(d->info.variables[0].name, "edition");
    EXPECT_EQ(d->info.variables[0].value, "2");
    const auto& runs = paragraph(d->blocks[0]).runs;
    ASSERT_EQ(runs.size(), 4u);
    EXPECT_EQ(runs[0].text, "Edition ");
    ASSERT_TRUE(runs[1].rare().variable);
    EXPECT_EQ(runs[1].rare().variable->name, "edition");
    EXPECT_EQ(runs[2].text, " of ");
    EXPECT_EQ(runs[3].rare().variable->name, "title");
    EXPECT_EQ(runs[3].char_styles, (std::vector<std::string>{"strong"}));
    EXPECT_EQ(rendered(f.diags, f.sources),
              (std::vector<std::string>{"r/report.xml:4:5: error: missing attribute 'name' on <var>",
                                        "r/report.xml:4:24: error: expected <var> to be empty; the variable's text is its value"}));
}

TEST(SourceReader, KeepsFramesRulesAndCellShading) {
    // Keep attributes on any block, a frame of blocks, a rule, and a row's and a cell's shade
    // and box style.
    Fixture f;
    f.env.set_file("r/report.xml",
                   "<report layout=\"l.xml\">\n"
                   "<frame style=\"callout\" keep-together=\"true\"><p>In</p><rule width=\"60mm\" align=\"center\"/></frame>\n"
                   "<p keep-with-next=\"true\" page-break-before=\"false\" page-break-after=\"true\">P</p>\n"
                   "<table><row shade=\"#eeeeee\" style=\"total\"><cell shade=\"#ff0000\" style=\"ruled\">C</cell></row></table>\n"
                   "</report>\n");
    auto d = f.read();
    ASSERT_TRUE(d.has_value());
    EXPECT_TRUE(f.diags.all().empty()) << rendered(f.diags, f.sources).front();
    ASSERT_EQ(d->blocks.size(), 3u);
    const auto& frame = std::get<doc::Frame>(d->blocks[0].node);
    EXPECT_EQ(frame.style, "callout");
    EXPECT_EQ(d->blocks[0].keeps.together, true);
    ASSERT_EQ(frame.children.size(), 2u);
    const auto& rule = doc::node_as<doc::Rule>(frame.children[1]);
    EXPECT_EQ(rule.width, "60mm");
    EXPECT_EQ(rule.align, "center");
    const auto& keeps = d->blocks[1].keeps;
    EXPECT_EQ(keeps.with_next, true);
    EXPECT_EQ(keeps.break_before, false);
    EXPECT_EQ(keeps.break_after, true);
    EXPECT_FALSE(keeps.together.has_value());
    const auto& row = doc::node_as<doc::Table>(d->blocks[2]).rows[0];
    EXPECT_EQ(row.shade, "#eeeeee");
    EXPECT_EQ(row.style, "total");
    EXPECT_EQ(row.cells[0].shade, "#ff0000");
    EXPECT_EQ(row.cells[0].style, "ruled");
}

TEST(SourceReader, AMalformedKeepIsAnErrorAtItsAttribute) {
    Fixture f;
    f.env.set_file("r/report.xml", "<report layout=\"l.xml\">\n<figure caption=\"C\" keep-together=\"yes\"/>\n<rule align=\"middle\"/>\n</report>\n");
    f.read();
    auto out = rendered(f.diags, f.sources);
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[0], "r/report.xml:2:21: error: expected keep-together 'true' or 'false', found 'yes'");
    EXPECT_EQ(out[1], "r/report.xml:3:7: error: expected align left, center or right, found 'middle'");
}

TEST(SourceReader, ShortTitlesOfSectionsAndArticles) {
    // short-title is kept beside the title (the header and the contents print it); the printed
    // document shows it.
    Fixture f;
    f.env.set_file("r/report.xml", "<report layout=\"l.xml\">\n  <section title=\"A very long title\" short-title=\"Short\">\n"
                                   "    <article title=\"An article\" short-title=\"Art\"><p>x</p></article>\n  </section>\n</report>\n");
    auto d = f.read();
    ASSERT_TRUE(d.has_value());
    EXPECT_TRUE(f.diags.all().empty());
    const auto& s = doc::node_as<doc::Section>(d->blocks[0]);
    EXPECT_EQ(s.short_title, "Short");
    EXPECT_EQ(doc::node_as<doc::Article>(s.children[0]).short_title, "Art");
    std::ostringstream printed;
    printed << *d;
    EXPECT_NE(printed.str().find("section 1 \"A very long title\" short=\"Short\""), std::string::npos) << printed.str();
}
