// The parsed document's compact form (issue 16): a run's rare parts behind one pointer
// (doc::RunExtras), copied deeply; a resolved document's vectors without spare capacity, its content unchanged.
#include <gtest/gtest.h>

#include <sstream>

#include "doc/footprint.h"
#include "doc/walk.h"
#include "input/source_reader.h"

using namespace reportc;

namespace {

std::string printed(const doc::Document& d) {
    std::ostringstream os;
    os << d;
    return os.str();
}

std::unique_ptr<doc::Document> read(const std::string& body, MemoryEnvironment& env, SourceManager& sources,
                                    Diagnostics& diags) {
    env.set_file("r/report.xml", "<report layout=\"l.xml\">" + body + "</report>");
    auto d = input::read_report("r/report.xml", env, sources, diags);
    return d ? std::make_unique<doc::Document>(std::move(*d)) : nullptr;
}

}  // namespace

TEST(CompactDocument, ACopiedRunOwnsItsFootnoteAndReference) {
    doc::TextRun run{"", {}, "", false, Span{}};
    run.rare_to_set().footnote = doc::Footnote{"n1", {doc::TextRun{"note", {}, "", false, Span{}}}, Span{}, {}};
    run.rare_to_set().ref = doc::Reference{"target", "label", Span{}};
    doc::TextRun copy = run;
    copy.rare_to_set().footnote->runs[0].text = "changed";
    copy.rare_to_set().ref->to = "other";
    EXPECT_EQ(run.rare().footnote->runs[0].text, "note");
    EXPECT_EQ(run.rare().ref->to, "target");
    copy.rare_to_set().ref = std::nullopt;
    EXPECT_FALSE(copy.rare().ref);
    EXPECT_TRUE(run.rare().ref.has_value());
    EXPECT_FALSE(run.rare().variable);
}

// A run of plain text holds no extras: reading its rare parts makes none, and only a part set
// (or a link given to the constructor) does.
TEST(CompactDocument, APlainRunHoldsNoExtrasUntilOneIsSet) {
    doc::TextRun plain{"words", {}, "", false, Span{}};
    EXPECT_FALSE(plain.extras);
    EXPECT_TRUE(plain.rare().link.empty());
    EXPECT_FALSE(plain.rare().ref);
    EXPECT_FALSE(plain.rare().image);
    EXPECT_FALSE(plain.extras);  // reading made none
    doc::TextRun linked{"site", {}, "https://example.org", false, Span{}};
    ASSERT_TRUE(linked.extras);
    EXPECT_EQ(linked.rare().link, "https://example.org");
    plain.rare_to_set().variable = doc::VariableUse{"edition"};
    ASSERT_TRUE(plain.extras);
    EXPECT_EQ(plain.rare().variable->name, "edition");
    EXPECT_EQ(plain.text, "words");
}

// As read: plain text and styled text are runs without extras; a link, a reference and a
// footnote's mark have them.
TEST(CompactDocument, OnlyTheReadersRareRunsHoldExtras) {
    MemoryEnvironment env;
    SourceManager sources;
    Diagnostics diags;
    auto d = read("<p id=\"t\">Plain <b>bold</b> <a href=\"https://example.org\">site</a> <ref to=\"t\"/>"
                  "<footnote>A note.</footnote></p>",
                  env, sources, diags);
    ASSERT_TRUE(d);
    const auto& runs = doc::node_as<doc::Paragraph>(d->blocks.at(0)).runs;
    std::string extras;
    for (const auto& r : runs) extras += r.extras ? "x" : ".";
    EXPECT_EQ(extras, "...x.xx");
    EXPECT_EQ(runs.at(3).rare().link, "https://example.org");
    EXPECT_EQ(runs.at(5).rare().ref->to, "t");
    EXPECT_EQ(runs.at(6).rare().footnote->runs.at(0).text, "A note.");
}

TEST(CompactDocument, ReleasingSpareCapacityKeepsTheContent) {
    MemoryEnvironment env;
    SourceManager sources;
    Diagnostics diags;
    std::string body = "<section title=\"S\">";
    for (int i = 0; i < 9; ++i) body += "<p>Word <b>bold</b> word " + std::to_string(i) + "<footnote>A <i>note</i>.</footnote></p>";
    body += "<list><item>one</item><item>two</item><item>three</item></list>";
    body += "<table><row><cell><p>a</p></cell><cell><p>b</p></cell><cell><p>c</p></cell></row></table></section>";
    auto d = read(body, env, sources, diags);
    ASSERT_TRUE(d);
    ASSERT_TRUE(diags.all().empty());
    const std::string before = printed(*d);
    doc::release_spare_capacity(*d);
    EXPECT_EQ(printed(*d), before);
    const auto& section = doc::node_as<doc::Section>(d->blocks.at(0));
    EXPECT_EQ(section.children.capacity(), section.children.size());
    const auto& paragraph = std::get<doc::Paragraph>(section.children.at(0).node);
    EXPECT_EQ(paragraph.runs.capacity(), paragraph.runs.size());
    const auto& list = doc::node_as<doc::List>(section.children.at(9));
    EXPECT_EQ(list.items.capacity(), list.items.size());
    const auto& row = doc::node_as<doc::Table>(section.children.at(10)).rows.at(0);
    EXPECT_EQ(row.cells.capacity(), row.cells.size());
}

TEST(CompactDocument, ABlockHoldsASectionByPointerAndCopiesItDeeply) {
    doc::Section s;
    s.title = "Before";
    s.children.push_back(doc::Block{doc::Paragraph{}});
    doc::Block block{std::move(s)};
    doc::Block copy = block;
    doc::node_as<doc::Section>(copy).title = "After";
    EXPECT_EQ(doc::node_as<doc::Section>(block).title, "Before");
    EXPECT_TRUE(doc::holds<doc::Section>(block));
    EXPECT_EQ(doc::node_if<doc::Paragraph>(block), nullptr);
    EXPECT_EQ(doc::node_as<doc::Section>(copy).children.size(), 1u);
    EXPECT_LE(sizeof(doc::Block), sizeof(doc::Paragraph) + 24);  // the node, its index, keeps, condition
}

TEST(CompactDocument, TheFootprintCountsSlotsStringsAndNodesHeldByPointer) {
    MemoryEnvironment env;
    SourceManager sources;
    Diagnostics diags;
    const std::string prose(40, 'x');
    auto d = read("<section title=\"S\"><p>" + prose + " <b>bold</b></p><p>short</p></section>", env, sources, diags);
    ASSERT_TRUE(d);
    doc::release_spare_capacity(*d);
    const auto f = doc::footprint_of(*d);
    EXPECT_EQ(f.shares.at("block slots").count, 3u);  // the section, and its two paragraphs
    EXPECT_EQ(f.shares.at("block slots").bytes, 3 * sizeof(doc::Block));
    EXPECT_EQ(f.shares.at("section").bytes, sizeof(doc::Section));
    EXPECT_EQ(f.shares.at("run slots (TextRun)").count, 3u);
    EXPECT_EQ(f.shares.at("run: text").count, 1u);  // only the long text is on the heap
    EXPECT_GE(f.shares.at("run: text").bytes, prose.size() + 1);
    EXPECT_EQ(f.shares.at("paragraph").count, 2u);
    EXPECT_EQ(f.shares.at("paragraph").bytes, 0u);  // held in its block
    std::ostringstream os;
    os << f;
    EXPECT_NE(os.str().find("the parsed document: " + std::to_string(f.bytes()) + " bytes"), std::string::npos);
}

TEST(CompactDocument, NamesAndStyleListsAreInternedAndReadAsStrings) {
    const doc::Name a = std::string("caption"), b = "caption";
    EXPECT_EQ(&a.str(), &b.str());  // one copy of the name
    EXPECT_EQ(a, "caption");
    EXPECT_TRUE(doc::Name().empty());
    EXPECT_EQ(doc::Name(""), doc::Name());
    EXPECT_EQ("style '" + a + "'", "style 'caption'");
    const doc::StyleList inner{"b"};
    EXPECT_EQ(inner, doc::StyleList{"b"});
    const doc::StyleList both = inner.inside({"link", "i"});
    EXPECT_EQ(both, (std::vector<std::string>{"link", "i", "b"}));
    EXPECT_EQ(both, doc::StyleList({"link", "i", "b"}));
    std::ostringstream os;
    os << both;
    EXPECT_EQ(os.str(), "[link][i][b]");
    EXPECT_EQ(sizeof(doc::Name), sizeof(void*));
    EXPECT_EQ(sizeof(doc::StyleList), sizeof(void*));
}
