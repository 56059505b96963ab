#include <gtest/gtest.h>

#include "xref/numbering.h"
#include "xref/ref_format.h"
#include "xref/xref.h"
#include "xref_builders.h"

using namespace reportc;
using namespace reportc::xref_test;

namespace {

std::vector<std::string> messages(const Diagnostics& diags) {
    std::vector<std::string> out;
    for (const auto& d : diags.all()) out.push_back(d.message);
    return out;
}

doc::Section section(std::string title, int level, std::vector<doc::Block> children = {}) {
    doc::Section s;
    s.title = std::move(title);
    s.level = level;
    s.children = std::move(children);
    return s;
}

doc::Figure figure(std::string kind, std::string caption, std::string id = "") {
    doc::Figure f;
    f.kind = std::move(kind);
    f.caption = std::move(caption);
    f.id = std::move(id);
    return f;
}

std::string prefix(const doc::Boxed<doc::Numbered>& n) { return n ? n->prefix : "(none)"; }

// Numbers `d` with the given rules; the diagnostics' messages in order.
std::vector<std::string> number(doc::Document& d, const std::vector<doc::NumberingDecl>& rules) {
    Diagnostics diags;
    xref::assign_numbers(d, xref::compile_numbering(rules, diags), diags);
    return messages(diags);
}

}  // namespace

TEST(xref_NumberFormat, CountersInEveryStyle) {
    using xref::CounterStyle;
    EXPECT_EQ(xref::format_counter(3, CounterStyle::Decimal), "3");
    EXPECT_EQ(xref::format_counter(3, CounterStyle::UpperAlpha), "C");
    EXPECT_EQ(xref::format_counter(28, CounterStyle::LowerAlpha), "ab");
    EXPECT_EQ(xref::format_counter(14, CounterStyle::UpperRoman), "XIV");
    EXPECT_EQ(xref::format_counter(1999, CounterStyle::LowerRoman), "mcmxcix");
    EXPECT_EQ(xref::format_counter(4000, CounterStyle::UpperRoman), "4000");
}

TEST(xref_NumberFormat, LiteralsAroundCountersAndTheLastValues) {
    auto list = xref::NumberFormat::parse("a)");
    ASSERT_TRUE(list);
    EXPECT_EQ(list->format({2}), "b)");
    EXPECT_EQ(list->core({2}), "b");
    auto nested = xref::NumberFormat::parse("(1.i)");
    ASSERT_TRUE(nested);
    // Two counters take the last two values: a level-3 item prints its parent's and its own.
    EXPECT_EQ(nested->format({7, 2, 4}), "(2.iv)");
    EXPECT_EQ(nested->core({2, 4}), "2.iv");
    EXPECT_FALSE(xref::NumberFormat::parse("b)"));  // a lone letter that is no counter: a slip
    EXPECT_FALSE(xref::NumberFormat::parse("2."));
    EXPECT_FALSE(xref::NumberFormat::parse("-"));
}

TEST(xref_NumberFormat, WordsAreLiteralTextAroundTheCounters) {
    // The "i" of "Pillar" and the "a" of "Part" are in words; the lone "1" and "I" are counters.
    auto pillar = xref::NumberFormat::parse("Pillar 1:");
    ASSERT_TRUE(pillar);
    EXPECT_EQ(pillar->format({3}), "Pillar 3:");
    EXPECT_EQ(pillar->core({3}), "3");
    auto part = xref::NumberFormat::parse("Part I –");
    ASSERT_TRUE(part);
    EXPECT_EQ(part->format({4}), "Part IV –");
    auto dash = xref::NumberFormat::parse("I–");  // an en dash is no letter
    ASSERT_TRUE(dash);
    EXPECT_EQ(dash->format({2}), "II–");
    auto accented = xref::NumberFormat::parse("Étape 1 ·");
    ASSERT_TRUE(accented);
    EXPECT_EQ(accented->format({2}), "Étape 2 ·");
    EXPECT_FALSE(xref::NumberFormat::parse("Pillar"));  // no counter at all
}

TEST(xref_Numbering, MalformedRulesAreErrorsAtTheirAttributes) {
    Diagnostics diags;
    xref::compile_numbering({rule("heading", {{"level", "0"}}), rule("heading", {{"level", "1"}, {"format", "1.x"}}),
                             rule("heading", {{"level", "1"}}), rule("figure", {{"kind", "table"}, {"scope", "chapter"}}),
                             rule("figure", {{"label", "Table"}}), rule("ref-format", {{"name", "full"}, {"text", "{label} {pages}"}}),
                             rule("ref-format", {{"name", "twice"}, {"text", "{page} {page}"}})},
                            diags);
    EXPECT_EQ(messages(diags), (std::vector<std::string>{
                                   "expected level as a whole number from 1 to 9, found '0'",
                                   "expected format such as 1, 1.1, A, a, I, i or none, found '1.x'",
                                   "numbering of heading level 1 is given twice; each level may appear once",
                                   "expected scope 'document' or 'part', found 'chapter'",
                                   "missing attribute 'kind' on <figure> in <numbering>",
                                   "expected fields {label}, {number}, {title} or {page} in a reference format, found '{pages}'",
                                   "expected {page} at most once in a reference format, found it 2 times",
                               }));
}

TEST(xref_Numbering, HeadingsByLevelWithLabelsAndFormats) {
    // Level 1 "1", level 2 "1.1"; an annex level with its label in the heading ("Annex I: ").
    doc::Document d;
    d.blocks.push_back({section("Intro", 1, {{section("Scope", 2)}, {section("Terms", 2)}})});
    d.blocks.push_back({section("Work", 1, {{section("Plan", 2)}})});
    auto msgs = number(d, {rule("heading", {{"level", "1"}, {"format", "1"}, {"label", "Section"}}),
                           rule("heading", {{"level", "2"}, {"format", "1.1"}, {"label", "Section"}})});
    EXPECT_TRUE(msgs.empty());
    const auto& intro = doc::node_as<doc::Section>(d.blocks[0]);
    const auto& work = doc::node_as<doc::Section>(d.blocks[1]);
    EXPECT_EQ(prefix(intro.numbered), "1 ");
    EXPECT_EQ(prefix(doc::node_as<doc::Section>(intro.children[1]).numbered), "1.2 ");
    EXPECT_EQ(prefix(work.numbered), "2 ");
    const auto& plan = doc::node_as<doc::Section>(work.children[0]);
    EXPECT_EQ(plan.numbered->label, "Section");
    EXPECT_EQ(plan.numbered->number, "2.1");
    EXPECT_EQ(doc::numbered_title(plan.title, plan.numbered), "2.1 Plan");

    doc::Document annexes;
    annexes.blocks.push_back({section("Plan", 1)});
    annexes.blocks.push_back({section("Members", 1)});
    number(annexes, {rule("heading", {{"level", "1"}, {"format", "I"}, {"label", "Annex"}, {"show-label", "true"}, {"separator", ": "}})});
    EXPECT_EQ(prefix(doc::node_as<doc::Section>(annexes.blocks[1]).numbered), "Annex II: ");
}

TEST(xref_Numbering, FiguresPerKindAndPerPart) {
    // Diagrams through the document, tables from 1 in each top-level section ("2-1"); a kind the
    // layout does not number prints no number.
    doc::Document d;
    d.blocks.push_back({section("One", 1, {{figure("diagram", "A")}, {figure("table", "T")}, {figure("photo", "P")}})});
    d.blocks.push_back({section("Two", 1, {{figure("table", "U")}, {figure("diagram", "B")}, {figure("table", "V")}})});
    auto msgs = number(d, {rule("figure", {{"kind", "diagram"}, {"label", "Diagram"}}),
                           rule("figure", {{"kind", "table"}, {"label", "Table"}, {"scope", "part"}, {"separator", ". "}})});
    EXPECT_TRUE(msgs.empty());
    const auto& one = doc::node_as<doc::Section>(d.blocks[0]).children;
    const auto& two = doc::node_as<doc::Section>(d.blocks[1]).children;
    EXPECT_EQ(prefix(doc::node_as<doc::Figure>(one[0]).numbered), "Diagram 1: ");
    EXPECT_EQ(prefix(doc::node_as<doc::Figure>(one[1]).numbered), "Table 1-1. ");
    EXPECT_EQ(prefix(doc::node_as<doc::Figure>(one[2]).numbered), "(none)");
    EXPECT_EQ(prefix(doc::node_as<doc::Figure>(two[0]).numbered), "Table 2-1. ");
    EXPECT_EQ(prefix(doc::node_as<doc::Figure>(two[1]).numbered), "Diagram 2: ");
    EXPECT_EQ(doc::node_as<doc::Figure>(two[2]).numbered->number, "2-2");
}

TEST(xref_Numbering, AnExplicitNumberOverridesAndTheCounterGoesOn) {
    // Diagrams 1, 2, then number="2" again (a published duplicate: warned), then 3; a figure's own
    // separator replaces the layout's.
    doc::Document d;
    d.blocks.push_back({figure("diagram", "A")});
    d.blocks.push_back({figure("diagram", "B")});
    doc::Figure again = figure("diagram", "C");
    again.number = "2";
    again.separator = " – ";
    d.blocks.push_back({again});
    d.blocks.push_back({figure("diagram", "D")});
    auto msgs = number(d, {rule("figure", {{"kind", "diagram"}, {"label", "Diagram"}})});
    EXPECT_EQ(msgs, (std::vector<std::string>{"Diagram 2 is numbered twice; references by number are ambiguous",
                                              "the first Diagram 2 is here"}));
    EXPECT_EQ(prefix(doc::node_as<doc::Figure>(d.blocks[2]).numbered), "Diagram 2 – ");
    EXPECT_EQ(prefix(doc::node_as<doc::Figure>(d.blocks[3]).numbered), "Diagram 3: ");
}

TEST(xref_Numbering, NumberedListsWithStartNestingAndAnItemsNumber) {
    // a) from start 3; a nested "1.i." list prints its parent's number; an item's number="7"
    // sets the counter as HTML's <li value> does; a list without numbering keeps its marker.
    doc::List outer;
    outer.numbering = "a)";
    outer.start = 3;
    outer.items.resize(2);
    doc::List inner;
    inner.numbering = "1.i.";
    inner.items.resize(2);
    outer.items[1].blocks.push_back({inner});
    doc::List numbered;
    numbered.numbering = "1.";
    numbered.items.resize(2);
    numbered.items[0].number = "7";
    doc::List bullets;
    bullets.items.resize(1);
    doc::Document d;
    d.blocks = {{outer}, {numbered}, {bullets}};
    EXPECT_TRUE(number(d, {}).empty());
    const auto& o = doc::node_as<doc::List>(d.blocks[0]);
    EXPECT_EQ(prefix(o.items[0].numbered), "c)");
    EXPECT_EQ(prefix(o.items[1].numbered), "d)");
    const auto& i = doc::node_as<doc::List>(o.items[1].blocks[0]);
    EXPECT_EQ(prefix(i.items[1].numbered), "4.ii.");
    EXPECT_EQ(i.items[1].numbered->number, "4.ii");
    const auto& n = doc::node_as<doc::List>(d.blocks[1]);
    EXPECT_EQ(prefix(n.items[1].numbered), "8.");
    EXPECT_EQ(prefix(doc::node_as<doc::List>(d.blocks[2]).items[0].numbered), "(none)");

    doc::Document bad;
    doc::List wrong;
    wrong.numbering = "x";
    bad.blocks = {{wrong}};
    EXPECT_EQ(number(bad, {}), (std::vector<std::string>{"expected numbering such as 1. or a) or i., found 'x'"}));
}

TEST(xref_Numbering, AListOfFiguresNamesAKindOfFigure) {
    doc::Document d;
    d.blocks.push_back({figure("diagram", "A")});
    doc::Contents good, plural, wrong;
    good.kind = "diagram";
    plural.kind = "diagrams";
    wrong.kind = "photos";
    d.blocks.push_back({good});
    d.blocks.push_back({plural});
    d.blocks.push_back({wrong});
    EXPECT_EQ(number(d, {rule("figure", {{"kind", "table"}})}),
              (std::vector<std::string>{"expected kind naming a kind of figure (diagrams, tables), found 'photos'"}));
}

TEST(xref_RefFormat, FieldsPageAndTargetsWithoutANumber) {
    const xref::RefFields diagram{"Diagram", "4", "Four Pillars"};
    EXPECT_EQ(xref::format_reference("{label} {number}", diagram, "d").text, "Diagram 4");
    auto page = xref::format_reference("{label} {number} on page {page}", diagram, "d");
    EXPECT_TRUE(page.shows_page);
    EXPECT_EQ(page.text, "Diagram 4 on page ");
    EXPECT_EQ(page.after_page, "");
    auto around = xref::format_reference("({page})", diagram, "d");
    EXPECT_EQ(around.text, "(");
    EXPECT_EQ(around.after_page, ")");
    // A heading without a number: {number} prints its title, {label} nothing.
    EXPECT_EQ(xref::format_reference("{label} {number}", {"", "", "Background"}, "b").text, "Background");
    EXPECT_EQ(xref::check_ref_format("{label"), "expected a reference format with fields in braces such as '{label} {number}', found '{label'");
}

TEST(xref_Resolve, RefsPrintLabelsNumbersPagesAndTheLayoutsFormats) {
    // Default: label and number; show="page" "page N"; a layout format; a footnote and a list
    // item work the same; an unknown format is an error at the show attribute.
    doc::Document d;
    d.blocks.push_back({section("Background", 1, {{figure("diagram", "Pillars", "pillars")}})});
    doc::node_as<doc::Section>(d.blocks.back()).id = "bg";
    doc::List list;
    list.numbering = "a)";
    list.items.resize(2);
    list.items[1].id = "second";
    d.blocks.push_back({list});
    auto ref = [](std::string to, std::string show, Span span = {}) {
        doc::TextRun r = text("", {}, span);
        r.rare_to_set().ref = doc::Reference{std::move(to), std::move(show), span};
        return r;
    };
    doc::TextRun note = text("");
    note.rare_to_set().footnote = doc::Footnote{"n1", {text("A note.")}, {}, {}};
    d.blocks.push_back(para({note, ref("pillars", "label"), ref("bg", "label"), ref("bg", "number"), ref("pillars", "page"),
                             ref("pillars", "full"), ref("n1", "label"), ref("second", "label"), ref("pillars", "nope", Span{1, 5, 6})}));
    xref::Options options;
    options.numbering = {rule("figure", {{"kind", "diagram"}, {"label", "Diagram"}}), rule("heading", {{"level", "1"}, {"label", "Section"}}),
                         rule("footnote", {{"label", "note"}}),
                         rule("ref-format", {{"name", "full"}, {"text", "{label} {number} ({title}) on page {page}"}})};
    Diagnostics diags;
    xref::resolve(d, options, diags);
    const auto& runs = std::get<doc::Paragraph>(d.blocks[2].node).runs;
    std::vector<std::string> shown;
    for (size_t k = 1; k < runs.size(); ++k)
        shown.push_back(runs[k].rare().resolved->text + (runs[k].rare().resolved->shows_page ? "{page}" : "") + runs[k].rare().resolved->after_page);
    EXPECT_EQ(shown, (std::vector<std::string>{"Diagram 1", "Section 1", "1", "page {page}", "Diagram 1 (Pillars) on page {page}",
                                               "note 1", "b", "??"}));
    EXPECT_EQ(messages(diags), (std::vector<std::string>{"expected show 'full', 'label', 'number', 'page' or 'title', found 'nope'"}));
    EXPECT_EQ(diags.all()[0].span, (Span{1, 5, 6}));
}
