#include <gtest/gtest.h>

#include "xref/link_pattern.h"
#include "xref/xref.h"
#include "xref_builders.h"

using namespace reportc;
using namespace reportc::xref_test;

namespace {

// The annual report's pattern: "(x)" links to awp-<group>-<x>; "1-" or "1 – " sets the group.
doc::LinkPatternDecl see_also(std::string target = "awp-{1}-{3:lower}", std::string link_text = "2") {
    doc::LinkPatternDecl d;
    d.style = "see-also";
    d.match = "(?:\\b(\\d+)\\s*(?:-|\xE2\x80\x93)\\s*)?(\\(([A-Za-z]{1,3})\\))";
    d.target = std::move(target);
    d.link_text = std::move(link_text);
    d.match_span = Span{2, 10, 15};
    d.target_span = Span{2, 20, 26};
    d.link_text_span = Span{2, 30, 39};
    return d;
}

std::vector<std::string> messages(const Diagnostics& diags) {
    std::vector<std::string> out;
    for (const auto& d : diags.all()) out.push_back(d.message);
    return out;
}

}  // namespace

TEST(xref_LinkPattern, DeclaredPatternLinksEachItemAndTheTextStaysAsPrinted) {
    // "(See also 1- (b), (c) and 3-(k))" in a see-also run: three links; "(c)" keeps group 1.
    doc::Document d;
    d.blocks.push_back({work_plan()});
    d.blocks.push_back(para({text("Conduct workshops "), text("(See also 1- (b), (c) and 3-(k))", {"see-also"})}));
    Diagnostics diags;
    xref::Options options;
    options.link_patterns = {see_also()};
    xref::resolve(d, options, diags);
    EXPECT_EQ(rendered(std::get<doc::Paragraph>(d.blocks[1].node).runs),
              "Conduct workshops (See also 1- [(b)->#awp-1-b], [(c)->#awp-1-c] and 3-[(k)->#awp-3-k])");
    EXPECT_TRUE(diags.all().empty());
}

TEST(xref_LinkPattern, RunsWithoutTheStyleAreNotMatched) {
    // The same text outside the character style stays plain.
    doc::Document d;
    d.blocks.push_back({work_plan()});
    d.blocks.push_back(para({text("(See also 1-(b))")}));
    Diagnostics diags;
    xref::Options options;
    options.link_patterns = {see_also()};
    xref::resolve(d, options, diags);
    EXPECT_EQ(rendered(std::get<doc::Paragraph>(d.blocks[1].node).runs), "(See also 1-(b))");
}

TEST(xref_LinkPattern, ARunOfTheStyleWithoutAMatchIsKeptAsItIs) {
    // The pattern applies to the run but finds nothing: the run is left where it is, not copied.
    doc::Document d;
    d.blocks.push_back({work_plan()});
    d.blocks.push_back(para({text("Nothing to link in this run of the see-also style", {"see-also"})}));
    const auto& runs = std::get<doc::Paragraph>(d.blocks[1].node).runs;
    const char* text_before = runs[0].text.data();
    Diagnostics diags;
    xref::Options options;
    options.link_patterns = {see_also()};
    xref::resolve(d, options, diags);
    EXPECT_EQ(rendered(runs), "Nothing to link in this run of the see-also style");
    EXPECT_EQ(runs[0].text.data(), text_before);
    EXPECT_TRUE(diags.all().empty());
}

TEST(xref_LinkPattern, OddPrintingsStillLink) {
    // "((See also", "and(c)", an en dash "1 – (a)" and an upper-case "(D)" as printed.
    doc::Document d;
    d.blocks.push_back({work_plan()});
    Diagnostics diags;
    auto registry = xref::resolve(d, {}, diags);
    auto pattern = xref::LinkPattern::compile(see_also(), diags);
    ASSERT_TRUE(pattern);
    EXPECT_EQ(rendered(pattern->apply(text("((See also 1 \xE2\x80\x93 (a) and(c))", {"see-also"}), registry, diags)),
              "((See also 1 \xE2\x80\x93 [(a)->#awp-1-a] and[(c)->#awp-1-c])");
    EXPECT_EQ(rendered(pattern->apply(text("(See also 1-(D))", {"see-also"}), registry, diags)), "(See also 1-[(D)->#awp-1-d])");
    EXPECT_TRUE(diags.all().empty());
}

TEST(xref_LinkPattern, TargetThatIsNoIdIsAnErrorAtTheRun) {
    // "(zz)" names no row: an error at the run; the text stays.
    doc::Document d;
    d.blocks.push_back({work_plan()});
    Diagnostics diags;
    auto registry = xref::resolve(d, {}, diags);
    auto pattern = xref::LinkPattern::compile(see_also(), diags);
    auto runs = pattern->apply(text("(See also 1-(zz))", {"see-also"}, Span{1, 5, 9}), registry, diags);
    EXPECT_EQ(rendered(runs), "(See also 1-(zz))");
    ASSERT_EQ(diags.error_count(), 1u);
    EXPECT_EQ(diags.all()[0].message,
              "expected the id of a section, article, figure, table, row or paragraph for '(zz)' in '(See also 1-(zz))', found 'awp-1-zz'");
    EXPECT_EQ(diags.all()[0].span, (Span{1, 5, 9}));
}

TEST(xref_LinkPattern, BadExpressionIsAnErrorAtItsAttribute) {
    // An unbalanced parenthesis is reported at match="…" and the pattern is dropped.
    auto decl = see_also();
    decl.match = "(\\d+";
    Diagnostics diags;
    EXPECT_FALSE(xref::LinkPattern::compile(decl, diags));
    ASSERT_EQ(diags.error_count(), 1u);
    EXPECT_EQ(diags.all()[0].message, "expected a regular expression, found '(\\d+': an unmatched '(' or ')'");
    EXPECT_EQ(diags.all()[0].span, (Span{2, 10, 15}));
}

TEST(xref_LinkPattern, BadTargetAndLinkTextAreErrorsAtTheirAttributes) {
    // Group 4 of a 3-group pattern, an unknown modifier, a link-text that is no group.
    Diagnostics diags;
    EXPECT_FALSE(xref::LinkPattern::compile(see_also("awp-{4}"), diags));
    EXPECT_FALSE(xref::LinkPattern::compile(see_also("awp-{1:upper}"), diags));
    EXPECT_FALSE(xref::LinkPattern::compile(see_also("awp-{1", "2"), diags));
    EXPECT_FALSE(xref::LinkPattern::compile(see_also("awp-{1}", "x"), diags));
    EXPECT_EQ(messages(diags), (std::vector<std::string>{
                                   "expected {N} or {N:lower} with N a group number from 0 to 3 in the target, found '{4}'",
                                   "expected {N} or {N:lower} with N a group number from 0 to 3 in the target, found '{1:upper}'",
                                   "expected {N} or {N:lower} with N a group number from 0 to 3 in the target, found '{1'",
                                   "expected link-text to be a group number from 0 to 3, found 'x'",
                               }));
    EXPECT_EQ(diags.all()[0].span, (Span{2, 20, 26}));
    EXPECT_EQ(diags.all()[3].span, (Span{2, 30, 39}));
}

TEST(xref_LinkPattern, PatternMatchingEmptyTextIsAnError) {
    // "x*" would match between every two characters.
    auto decl = see_also("awp", "");
    decl.match = "x*";
    Diagnostics diags;
    EXPECT_FALSE(xref::LinkPattern::compile(decl, diags));
    EXPECT_EQ(messages(diags), (std::vector<std::string>{"expected a regular expression that cannot match empty text, found 'x*'"}));
}

TEST(xref_LinkPattern, OverlongRunIsAnErrorAndStaysPlain) {
    // The text a pattern may scan is bounded.
    doc::Document d;
    Diagnostics diags;
    auto registry = xref::resolve(d, {}, diags);
    auto pattern = xref::LinkPattern::compile(see_also(), diags);
    std::string long_text(xref::kMaxLinkPatternText + 1, 'a');
    auto runs = pattern->apply(text(long_text, {"see-also"}), registry, diags);
    EXPECT_EQ(runs.size(), 1u);
    EXPECT_EQ(messages(diags), (std::vector<std::string>{"expected at most 1000 bytes of text in the character style 'see-also' "
                                                         "(a link pattern matches it), found 1001"}));
}
