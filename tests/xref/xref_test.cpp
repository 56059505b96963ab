#include <gtest/gtest.h>

#include "xref/xref.h"

using namespace reportc;

namespace {

doc::Block para(std::vector<doc::TextRun> runs, std::string id = "") {
    doc::Paragraph p;
    p.runs = std::move(runs);
    p.id = std::move(id);
    return {p};
}

doc::TextRun text(std::string s, std::vector<std::string> styles = {}, Span span = {}) {
    doc::TextRun r;
    r.text = std::move(s);
    r.char_styles = std::move(styles);
    r.span = span;
    return r;
}

// A table "awp" with rows awp-1-a … awp-1-e and awp-3-k.
doc::Table work_plan() {
    doc::Table t;
    t.id = "awp";
    for (const char* id : {"awp-1-a", "awp-1-b", "awp-1-c", "awp-1-d", "awp-1-e", "awp-3-k"}) {
        doc::TableRow row;
        row.id = id;
        doc::TableCell cell;
        cell.blocks.push_back(para({text(id)}));
        row.cells.push_back(cell);
        t.rows.push_back(row);
    }
    return t;
}

std::string rendered(const std::vector<doc::TextRun>& runs) {
    std::string s;
    for (const auto& r : runs) s += r.link.empty() ? r.text : "[" + r.text + "->" + r.link + "]";
    return s;
}

}  // namespace

TEST(xref_SeeAlso, EachItemLinksToItsRowAndTheTextStaysAsPrinted) {
    // "(See also 1- (b), (c) and 3-(k))" in row 1-a: three links, the text unchanged.
    doc::Document d;
    d.blocks.push_back({work_plan()});
    Diagnostics diags;
    auto registry = xref::resolve(d, {}, diags);
    auto runs = xref::link_see_also(text("(See also 1- (b), (c) and 3-(k))", {"see-also"}), "awp", "1", registry, diags);
    EXPECT_EQ(rendered(runs), "(See also 1- [(b)->#awp-1-b], [(c)->#awp-1-c] and 3-[(k)->#awp-3-k])");
    EXPECT_TRUE(diags.all().empty());
}

TEST(xref_SeeAlso, OddPrintingsStillLink) {
    // "((See also", "and(c)", an en dash "1 – (a)" and an upper-case "(P)" as printed.
    doc::Document d;
    d.blocks.push_back({work_plan()});
    Diagnostics diags;
    auto registry = xref::resolve(d, {}, diags);
    EXPECT_EQ(rendered(xref::link_see_also(text("((See also 1 – (a) and(c))"), "awp", "3", registry, diags)),
              "((See also 1 – [(a)->#awp-1-a] and[(c)->#awp-1-c])");
    EXPECT_EQ(rendered(xref::link_see_also(text("(See also 1-(D))"), "awp", "1", registry, diags)), "(See also 1-[(D)->#awp-1-d])");
}

TEST(xref_SeeAlso, UnknownRowIsAnError) {
    // A reference to a row the table does not have is reported at the run.
    doc::Document d;
    d.blocks.push_back({work_plan()});
    Diagnostics diags;
    auto registry = xref::resolve(d, {}, diags);
    xref::link_see_also(text("(See also 1-(zz))", {}, Span{1, 5, 9}), "awp", "1", registry, diags);
    ASSERT_EQ(diags.error_count(), 1u);
    EXPECT_EQ(diags.all()[0].message, "reference '(zz)' in '(See also 1-(zz))' names no row 1-zz of table 'awp'");
    EXPECT_EQ(diags.all()[0].span, (Span{1, 5, 9}));
}

TEST(xref_Resolve, SeeAlsoRunsInTheTableAreLinked) {
    // resolve() links see-also runs using the row's own group.
    doc::Document d;
    doc::Table t = work_plan();
    doc::TableCell cell;
    cell.blocks.push_back(para({text("Conduct workshops "), text("(See also 1-(b))", {"see-also"})}));
    t.rows[0].cells.push_back(cell);
    d.blocks.push_back({t});
    Diagnostics diags;
    xref::resolve(d, {}, diags);
    const auto& runs = std::get<doc::Paragraph>(std::get<doc::Table>(d.blocks[0].node).rows[0].cells[1].blocks[0].node).runs;
    EXPECT_EQ(rendered(runs), "Conduct workshops (See also 1-[(b)->#awp-1-b])");
}

TEST(xref_Autolink, UrlsAndAddressesBecomeLinks) {
    // www.…, https://… and e-mail addresses, without trailing punctuation; other text untouched.
    EXPECT_EQ(rendered(xref::autolink(text("see www.rocb-ap.org, or write to info@rocbap.org."))),
              "see [www.rocb-ap.org->https://www.rocb-ap.org], or write to [info@rocbap.org->mailto:info@rocbap.org].");
    EXPECT_EQ(rendered(xref::autolink(text("(https://traffic.org)"))), "([https://traffic.org->https://traffic.org])");
    EXPECT_EQ(rendered(xref::autolink(text("no links at A/P or 2020/21"))), "no links at A/P or 2020/21");
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
    // <ref to="d2" show="number"/> gives "2" (from "Diagram 2 – …"); a ref to nowhere is an error.
    doc::Document d;
    doc::Figure f;
    f.id = "d2";
    f.caption = "Diagram 2 – List of workshops";
    d.blocks.push_back({f});
    doc::TextRun good = text("");
    good.ref_to = "d2";
    good.ref_show = "number";
    doc::TextRun title = good;
    title.ref_show = "title";
    doc::TextRun bad = text("", {}, Span{1, 3, 4});
    bad.ref_to = "nowhere";
    bad.ref_show = "title";
    d.blocks.push_back(para({good, text(" and "), title, bad}));
    Diagnostics diags;
    xref::Options options;
    options.figure_label = "Diagram";
    xref::resolve(d, options, diags);
    const auto& runs = std::get<doc::Paragraph>(d.blocks[1].node).runs;
    EXPECT_EQ(rendered({runs[0], runs[1], runs[2]}), "[2->#d2] and [Diagram 2 – List of workshops->#d2]");
    ASSERT_EQ(diags.error_count(), 1u);
    EXPECT_EQ(diags.all()[0].message, "expected the id of a section, article, figure, table or row, found 'nowhere'");
}

TEST(xref_Resolve, UnknownRefIsNotReportedWhenAnIncludedFileFailed) {
    // An included file that failed to parse is reported already; its ids are missing, so a
    // reference into it is not a second error. Other checks go on (a duplicate id still is one).
    doc::Document d;
    d.incomplete = true;
    doc::TextRun ref = text("", {}, Span{1, 3, 4});
    ref.ref_to = "in-the-broken-file";
    ref.ref_show = "title";
    d.blocks.push_back(para({text("see "), ref}, "p"));
    d.blocks.push_back(para({text("x")}, "p"));
    Diagnostics diags;
    xref::resolve(d, {}, diags);
    ASSERT_EQ(diags.error_count(), 1u);
    EXPECT_EQ(diags.all()[0].message, "id 'p' is already used by a paragraph; ids must be unique");
}

TEST(xref_Resolve, DuplicateFigureNumberIsAWarning) {
    // Two captions numbered "Diagram 4" (as the published report has): a warning, both kept.
    doc::Document d;
    doc::Figure a, b;
    a.id = "stats";
    a.caption = "Diagram 4 – Website Statistics";
    b.id = "pillars";
    b.caption = "Diagram 4: Four Pillars";
    d.blocks.push_back({a});
    d.blocks.push_back({b});
    Diagnostics diags;
    xref::Options options;
    options.figure_label = "Diagram";
    auto registry = xref::resolve(d, options, diags);
    EXPECT_EQ(diags.warning_count(), 1u);
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
    EXPECT_EQ(std::get<doc::Section>(d.blocks[0].node).id, "pillar-1-support");
    EXPECT_EQ(std::get<doc::Section>(d.blocks[1].node).id, "pillar-1-support-2");
}

TEST(xref_Abbreviations, UsedButUndefinedAndDefinedButUnused) {
    // The register defines WCO and CBEC; the text uses WCO and API: API is undefined, CBEC unused.
    doc::Document d;
    doc::Table reg;
    reg.id = "abbreviations";
    for (const char* term : {"WCO", "CBEC"}) {
        doc::TableRow row;
        doc::TableCell cell;
        cell.blocks.push_back(para({text(term)}));
        row.cells.push_back(cell);
        reg.rows.push_back(row);
    }
    d.blocks.push_back(para({text("The WCO promotes API and PNR data, says Ms. Pavida BOONMUN.", {}, Span{1, 1, 2})}));
    d.blocks.push_back({reg});
    Diagnostics diags;
    xref::Options options;
    options.abbreviation_table = "abbreviations";
    options.check_abbreviations = true;
    xref::resolve(d, options, diags);
    std::vector<std::string> messages;
    for (const auto& m : diags.all()) messages.push_back(m.message);
    EXPECT_EQ(messages, (std::vector<std::string>{
                            "abbreviation 'API' is used 1 time but the register does not define it",
                            "abbreviation 'PNR' is used 1 time but the register does not define it",
                            "abbreviation 'CBEC' is defined in the register but never used in the text",
                        }));
}
