#include <gtest/gtest.h>

#include <sstream>

#include "xref/xref.h"
#include "xref_builders.h"

using namespace reportc;
using namespace reportc::xref_test;


TEST(xref_Autolink, UrlsAndAddressesBecomeLinks) {
    // www.…, https://… and e-mail addresses, without trailing punctuation; other text untouched.
    EXPECT_EQ(rendered(xref::autolink(text("see www.rocb-ap.org, or write to info@rocbap.org."))),
              "see [www.rocb-ap.org->https://www.rocb-ap.org], or write to [info@rocbap.org->mailto:info@rocbap.org].");
    EXPECT_EQ(rendered(xref::autolink(text("(https://traffic.org)"))), "([https://traffic.org->https://traffic.org])");
    EXPECT_EQ(rendered(xref::autolink(text("no links at A/P or 2020/21"))), "no links at A/P or 2020/21");
}

TEST(xref_Autolink, EachKindOfLinkAloneIsFoundAndARunWithoutOneStaysWhole) {
    // A run is looked at word by word only when it has "@", "://" or "www.": each kind alone
    // still links, a mark that is no link leaves the run as it is, and an empty run is dropped.
    EXPECT_EQ(rendered(xref::autolink(text("write to info@rocbap.org today"))),
              "write to [info@rocbap.org->mailto:info@rocbap.org] today");
    EXPECT_EQ(rendered(xref::autolink(text("at http://a.org"))), "at [http://a.org->http://a.org]");
    EXPECT_EQ(rendered(xref::autolink(text("at www.rocb-ap.org"))), "at [www.rocb-ap.org->https://www.rocb-ap.org]");
    for (const char* plain : {"no links at A/P or 2020/21", "a @ b", "www. and ftp:// alone", "the Secretariat"}) {
        EXPECT_FALSE(xref::split_at_links(text(plain)).has_value()) << plain;
        EXPECT_EQ(rendered(xref::autolink(text(plain))), plain);
    }
    const auto empty = xref::split_at_links(text(""));
    ASSERT_TRUE(empty.has_value());
    EXPECT_TRUE(empty->empty());
}

TEST(xref_Autolink, ARunIsLookedIntoWheneverItIsSplit) {
    // looked_into_for_links decides which top-level blocks are linked again once every target is
    // known (xref::Resolution::links_in): it must say yes for every run split_at_links changes
    // (and may say yes for one with a mark that turns out to be no address).
    std::vector<doc::TextRun> runs;
    for (const char* t : {"see www.rocb-ap.org", "write to info@rocbap.org", "at http://a.org", "", "no links at A/P",
                          "a @ b", "www. and ftp:// alone", "the Secretariat"})
        runs.push_back(text(t));
    doc::TextRun linked = text("www.example.org");
    linked.rare_to_set().link = "https://example.org";
    runs.push_back(linked);
    doc::TextRun broken = text("www.example.org");
    broken.line_break = true;
    runs.push_back(broken);
    for (const auto& run : runs)
        EXPECT_TRUE(!xref::split_at_links(run) || xref::looked_into_for_links(run)) << "'" << run.text << "'";
    for (size_t i : {0u, 1u, 2u, 3u}) EXPECT_TRUE(xref::split_at_links(runs[i]).has_value()) << i;  // the test can fail
    for (size_t i : {4u, 7u, 8u, 9u}) EXPECT_FALSE(xref::looked_into_for_links(runs[i])) << i;
    EXPECT_TRUE(xref::looked_into_for_links(runs[5]));  // "a @ b": looked into, left as it is
}

TEST(xref_Resolve, DuplicateIdsAreErrorsWithANoteAtTheFirst) {
    // Two sections with the same id: an error at the second, a note at the first.
    doc::Document d;
    doc::Section a, b;
    a.id = b.id = "intro";
    a.title = b.title = "Introduction";
    a.span = Span{1, 10, 12};
    b.span = Span{1, 40, 42};
    d.blocks.push_back({a});
    d.blocks.push_back({b});
    Diagnostics diags;
    xref::resolve(d, {}, diags);
    ASSERT_EQ(diags.all().size(), 2u);
    EXPECT_EQ(diags.all()[0].message, "id 'intro' is already used by a section; ids must be unique");
    EXPECT_EQ(diags.all()[0].span, (Span{1, 40, 42}));
    EXPECT_EQ(diags.all()[1].severity, Severity::Note);
    EXPECT_EQ(diags.all()[1].span, (Span{1, 10, 12}));
}

TEST(xref_Resolve, RefsTakeTheirTargetsTitleOrNumberAndBrokenOnesAreErrors) {
    // <ref to="d2" show="number"/> gives "2" (the second diagram); a ref to nowhere is an error.
    doc::Document d;
    doc::Figure f1, f2;
    f1.kind = f2.kind = "diagram";
    f1.id = "d1";
    f2.id = "d2";
    f1.caption = "Participants";
    f2.caption = "List of workshops";
    d.blocks.push_back({f1});
    d.blocks.push_back({f2});
    doc::TextRun good = text("");
    good.rare_to_set().ref = doc::Reference{"d2", "number"};
    doc::TextRun title = good;
    title.rare_to_set().ref->show = "title";
    doc::TextRun bad = text("", {}, Span{1, 3, 4});
    bad.rare_to_set().ref = doc::Reference{"nowhere", "title"};
    d.blocks.push_back(para({good, text(" and "), title, bad}));
    Diagnostics diags;
    xref::Options options;
    options.numbering = {rule("figure", {{"kind", "diagram"}, {"label", "Diagram"}})};
    xref::resolve(d, options, diags);
    const auto& runs = std::get<doc::Paragraph>(d.blocks[2].node).runs;
    EXPECT_EQ(rendered({runs[0], runs[1], runs[2]}), "[2->#d2] and [List of workshops->#d2]");
    // What the source wrote stays as written; what xref found is beside it.
    EXPECT_EQ(runs[0].text, "");
    EXPECT_EQ(runs[0].rare().resolved->anchor, "d2");
    EXPECT_EQ(runs[3].rare().resolved->text, "??");
    EXPECT_EQ(runs[3].rare().resolved->anchor, "");
    ASSERT_EQ(diags.error_count(), 1u);
    EXPECT_EQ(diags.all()[0].message, "expected the id of a section, article, figure, table, row, list item or footnote, found 'nowhere'");
}

TEST(xref_Resolve, ATitleIsMadeOnlyForAnIdAReferenceNames) {
    // Every row, paragraph and list item with an id is a target, but its title (its text, copied)
    // is made only when a <ref> names it: the titles of every target were most of the registry.
    // A reference by title still prints it, to a row (its first cell) and to a paragraph.
    doc::Document d;
    d.blocks.push_back({work_plan()});
    d.blocks.push_back(para({text("Unnamed by any reference")}, "quiet"));
    d.blocks.push_back(para({text("Named by a reference")}, "named"));
    doc::TextRun to_row = text("");
    to_row.rare_to_set().ref = doc::Reference{"awp-1-b", "title"};
    doc::TextRun to_paragraph = to_row;
    to_paragraph.rare_to_set().ref->to = "named";
    d.blocks.push_back(para({to_row, text(", "), to_paragraph}));
    Diagnostics diags;
    const auto registry = xref::resolve(d, {}, diags);
    EXPECT_EQ(diags.all().size(), 0u);
    const auto& runs = std::get<doc::Paragraph>(d.blocks[3].node).runs;
    EXPECT_EQ(rendered(runs), "[awp-1-b->#awp-1-b], [Named by a reference->#named]");
    ASSERT_TRUE(registry.find("quiet") && registry.find("awp-1-a") && registry.find("awp-1-b") && registry.find("named"));
    EXPECT_EQ(registry.find("quiet")->title, "");
    EXPECT_EQ(registry.find("awp-1-a")->title, "");
    EXPECT_EQ(registry.find("awp-1-b")->title, "awp-1-b");
    EXPECT_EQ(registry.find("named")->title, "Named by a reference");
}

TEST(xref_Resolve, UnknownRefIsNotReportedWhenAnIncludedFileFailed) {
    // An included file that failed to parse is reported already; its ids are missing, so a
    // reference into it is not a second error. Other checks go on (a duplicate id still is one).
    doc::Document d;
    d.incomplete = true;
    doc::TextRun ref = text("", {}, Span{1, 3, 4});
    ref.rare_to_set().ref = doc::Reference{"in-the-broken-file", "title"};
    d.blocks.push_back(para({text("see "), ref}, "p"));
    d.blocks.push_back(para({text("x")}, "p"));
    Diagnostics diags;
    xref::resolve(d, {}, diags);
    ASSERT_EQ(diags.error_count(), 1u);
    EXPECT_EQ(diags.all()[0].message, "id 'p' is already used by a paragraph; ids must be unique");
}

TEST(xref_Resolve, DuplicateFigureNumberIsAWarning) {
    // The published report's second "Diagram 4" carries number="4": a warning at it, a note at
    // the first, both keep number 4.
    doc::Document d;
    doc::Figure a, b;
    a.kind = b.kind = "diagram";
    a.id = "stats";
    b.id = "pillars";
    b.number = "4";
    a.span = Span{1, 10, 12};
    b.span = Span{1, 40, 42};
    for (int i = 0; i < 3; ++i) d.blocks.push_back({doc::Figure{.kind = "diagram"}});
    d.blocks.push_back({a});
    d.blocks.push_back({b});
    Diagnostics diags;
    xref::Options options;
    options.numbering = {rule("figure", {{"kind", "diagram"}, {"label", "Diagram"}})};
    auto registry = xref::resolve(d, options, diags);
    ASSERT_EQ(diags.all().size(), 2u);
    EXPECT_EQ(diags.all()[0].message, "Diagram 4 is numbered twice; references by number are ambiguous");
    EXPECT_EQ(diags.all()[0].span, (Span{1, 40, 42}));
    EXPECT_EQ(diags.all()[1].message, "the first Diagram 4 is here");
    EXPECT_EQ(diags.all()[1].span, (Span{1, 10, 12}));
    EXPECT_EQ(registry.find("stats")->number, "4");
    EXPECT_EQ(registry.find("pillars")->number, "4");
}

TEST(xref_Resolve, SectionsWithoutIdsGetStableIdsFromTheirTitles) {
    // Ids come from titles and never collide.
    doc::Document d;
    doc::Section a, b;
    a.title = b.title = "Pillar 1: Support";
    d.blocks.push_back({a});
    d.blocks.push_back({b});
    Diagnostics diags;
    xref::resolve(d, {}, diags);
    EXPECT_EQ(doc::node_as<doc::Section>(d.blocks[0]).id, "pillar-1-support");
    EXPECT_EQ(doc::node_as<doc::Section>(d.blocks[1]).id, "pillar-1-support-2");
}


TEST(xref_Resolve, AParagraphWithoutLinksKeepsItsRunsAsTheyAre) {
    // Only a paragraph whose runs split is rebuilt: the others keep their runs and their text
    // where they are (the run vector and the strings are not copied), so resolving costs no memory.
    doc::Document d;
    d.blocks.push_back(para({text("A paragraph long enough that its text is on the heap, "), text("and a second run of it.")}));
    d.blocks.push_back(para({text("Before the link, "), text("then see www.rocb-ap.org for more, and a run after it.")}));
    const auto& plain = std::get<doc::Paragraph>(d.blocks[0].node).runs;
    const auto& linked = std::get<doc::Paragraph>(d.blocks[1].node).runs;
    const doc::TextRun* runs_before = plain.data();
    const char* text_before = plain[1].text.data();
    const char* first_linked_before = linked[0].text.data();
    Diagnostics diags;
    xref::resolve(d, {}, diags);
    EXPECT_TRUE(diags.all().empty());
    EXPECT_EQ(plain.data(), runs_before);
    EXPECT_EQ(plain[1].text.data(), text_before);
    EXPECT_EQ(rendered(plain), "A paragraph long enough that its text is on the heap, and a second run of it.");
    // In the paragraph that splits, a run before the link is moved, not copied.
    EXPECT_EQ(rendered(linked), "Before the link, then see [www.rocb-ap.org->https://www.rocb-ap.org] for more, and a run after it.");
    EXPECT_EQ(linked[0].text.data(), first_linked_before);
}

TEST(xref_Resolution, PartsCollectedOneAtATimeThenLinkedGiveWhatTheWholeDocumentGives) {
    // The driver resolves a top-level block at a time: each part numbered and collected in
    // order, then the parts with references linked once every target is known, a reference to
    // a later part included. Numbers run on across parts; without note_references every target
    // gets its title (the references are not all known yet).
    auto document = [] {
        doc::Document d;
        doc::TextRun forward = text("");
        forward.rare_to_set().ref = doc::Reference{"d2", "title"};
        d.blocks.push_back(para({text("see "), forward}));
        for (const char* id : {"d1", "d2"}) {
            doc::Figure f;
            f.kind = "diagram";
            f.id = id;
            f.caption = std::string("Caption ") + id;
            d.blocks.push_back({f});
        }
        doc::TextRun back = text("");
        back.rare_to_set().ref = doc::Reference{"d1", "number"};
        d.blocks.push_back(para({text("and "), back}));
        d.blocks.push_back(para({text("plain text")}, "quiet"));
        return d;
    };
    xref::Options options;
    options.numbering = {rule("figure", {{"kind", "diagram"}, {"label", "Diagram"}})};

    doc::Document whole = document();
    Diagnostics whole_diags;
    xref::resolve(whole, options, whole_diags);

    doc::Document parts = document();
    Diagnostics diags;
    xref::Resolution resolution(options, false, diags);
    std::vector<bool> to_link;
    for (auto& block : parts.blocks) {
        std::vector<doc::Block> part{std::move(block)};
        resolution.number(part);
        resolution.collect(part);
        to_link.push_back(resolution.links_in(part));
        block = std::move(part.front());
    }
    resolution.numbered();
    EXPECT_EQ(to_link, (std::vector<bool>{true, false, false, true, false}));
    for (size_t i = 0; i < parts.blocks.size(); ++i) {
        if (!to_link[i]) continue;
        std::vector<doc::Block> part{std::move(parts.blocks[i])};
        resolution.link(part);
        parts.blocks[i] = std::move(part.front());
    }
    resolution.checked();
    EXPECT_EQ(diags.all().size(), 0u);
    EXPECT_EQ(whole_diags.all().size(), 0u);
    EXPECT_EQ(rendered(std::get<doc::Paragraph>(parts.blocks[0].node).runs), "see [Caption d2->#d2]");
    EXPECT_EQ(rendered(std::get<doc::Paragraph>(parts.blocks[3].node).runs), "and [1->#d1]");
    for (size_t i = 0; i < parts.blocks.size(); ++i)
        EXPECT_EQ((std::ostringstream() << parts.blocks[i]).str(), (std::ostringstream() << whole.blocks[i]).str()) << i;
    EXPECT_EQ(resolution.registry().find("quiet")->title, "plain text");  // every title, none noted
}
