// Variables: the table of values (built-ins, the report's <variable>s, --set over them), <var>
// resolved to its value or to an anchor when the page gives it, and located errors for unknown
// names (with the closest known one), built-in names, malformed and repeated definitions.
#include <gtest/gtest.h>

#include "driver/variables.h"
#include "input/layout_reader.h"
#include "input/source_reader.h"
#include "rendered_diagnostics.h"

using namespace reportc;
using reportc::testing::rendered;

namespace {

constexpr int64_t k2026Dec5 = 1796428800;  // 2026-12-05 00:00:00 UTC

struct Fixture {
    MemoryEnvironment env;
    SourceManager sources;
    Diagnostics diags;
    style::Settings settings;
    std::optional<doc::Document> document;
    driver::Variables variables;

    // Reads a report whose <info> holds `info` and whose body is `body`, and resolves its variables.
    void resolve(const std::string& info, const std::string& body, const std::map<std::string, std::string>& command_line = {}) {
        env.set_file("r/report.xml", "<report layout=\"l.xml\">\n<info><title>Annual Report</title>" + info + "</info>\n" + body +
                                         "\n</report>\n");
        document = input::read_report("r/report.xml", env, sources, diags);
        ASSERT_TRUE(document);
        variables = driver::collect_variables(*document, command_line, settings, k2026Dec5, diags);
        driver::resolve_variables(*document, variables, diags);
    }
    const std::vector<doc::TextRun>& runs(size_t block = 0) const {
        return std::get<doc::Paragraph>(document->blocks.at(block).node).runs;
    }
    std::vector<std::string> messages() const { return rendered(diags, sources); }
};

}  // namespace

TEST(Variables, BuiltInsAndTheReportsVariablesHaveTheirValues) {
    Fixture f;
    f.resolve("<variable name=\"edition\" value=\"2\"/>",
              "<p>Edition <var name=\"edition\"/> of <var name=\"title\"/>, <var name=\"date\"/>.</p>");
    EXPECT_TRUE(f.messages().empty());
    EXPECT_EQ(doc::plain_text(f.runs()), "Edition 2 of Annual Report, 5 December 2026.");
}

TEST(Variables, TheCommandLineWinsOverTheReport) {
    Fixture f;
    f.resolve("<variable name=\"edition\" value=\"2\"/>", "<p>Edition <var name=\"edition\"/> <var name=\"year\"/></p>",
              {{"edition", "3"}, {"year", "2027"}});
    EXPECT_TRUE(f.messages().empty());
    EXPECT_EQ(doc::plain_text(f.runs()), "Edition 3 2027");
}

TEST(Variables, TheDateFollowsTheLayoutsFormat) {
    Fixture f;
    f.settings.date_format = "%Y-%m-%d";
    f.resolve("", "<p><var name=\"date\"/></p>");
    EXPECT_EQ(doc::plain_text(f.runs()), "2026-12-05");
}

TEST(Variables, PageVariablesGetAnAnchorInsteadOfAValue) {
    Fixture f;
    f.resolve("", "<p>Page <var name=\"page\"/> of <var name=\"pages\"/>, in <var name=\"section\"/>.</p>");
    EXPECT_TRUE(f.messages().empty());
    const auto& runs = f.runs();
    ASSERT_EQ(runs.size(), 7u);
    ASSERT_TRUE(runs[1].rare().resolved_variable);
    EXPECT_EQ(runs[1].rare().resolved_variable->page_value, doc::PageValue::Page);
    EXPECT_EQ(runs[1].rare().resolved_variable->anchor, "variable-1");
    EXPECT_EQ(runs[3].rare().resolved_variable->page_value, doc::PageValue::Pages);
    EXPECT_EQ(runs[3].rare().resolved_variable->anchor, "variable-2");
    EXPECT_EQ(runs[5].rare().resolved_variable->page_value, doc::PageValue::Section);
}

TEST(Variables, AnUnknownVariableIsAnErrorAtItsVarWithTheClosestName) {
    Fixture f;
    f.resolve("<variable name=\"edition\" value=\"2\"/>", "<p>Edition <var name=\"editon\"/> and <var name=\"colour\"/></p>");
    const std::string expected = "; expected a built-in one (title, date, page, pages, page-label, total-pages, section) or one "
                                 "defined by <variable> in <info> or --set";
    EXPECT_EQ(f.messages(), (std::vector<std::string>{
                                "r/report.xml:3:13: error: unknown variable 'editon' (did you mean 'edition'?)" + expected,
                                "r/report.xml:3:38: error: unknown variable 'colour'" + expected}));
}

TEST(Variables, BadDefinitionsAreErrorsAtTheDefinition) {
    Fixture f;
    f.resolve("\n<variable name=\"page\" value=\"1\"/>\n<variable name=\"a b\" value=\"1\"/>\n"
              "<variable name=\"x\" value=\"1\"/>\n<variable name=\"x\" value=\"2\"/>\n<variable name=\"y\"/>",
              "<p>text</p>");
    EXPECT_EQ(f.messages(), (std::vector<std::string>{
                                "r/report.xml:7:2: error: missing attribute 'value' on <variable>",
                                "r/report.xml:3:2: error: variable 'page' is built in; give yours another name",
                                "r/report.xml:4:2: error: expected a variable name (a letter, then letters, digits, '-' or '_'), found 'a b'",
                                "r/report.xml:6:2: error: variable 'x' is defined twice; each variable may be defined once",
                                "r/report.xml:5:2: note: the first 'x' is defined here"}));
    EXPECT_EQ(f.variables.values.at("x"), "1");
}

TEST(Variables, UnknownFieldsInHeaderAndFooterSlotsAreErrorsAtTheSlot) {
    Fixture f;
    f.resolve("<variable name=\"edition\" value=\"2\"/>", "<p>text</p>");
    f.env.set_file("l.xml", "<layout><page-master name=\"body\">\n<footer style=\"body\"><left>{page} {editon}</left>"
                            "<right>{ edition } {edition}</right></footer></page-master>\n</layout>\n");
    auto layout = input::read_layout("l.xml", f.env, f.sources, f.diags, {});
    auto sheet = style::Stylesheet::build(*layout, f.diags);
    driver::check_slot_fields(sheet, f.variables, f.diags);
    auto messages = f.messages();
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_EQ(messages[0].substr(0, messages[0].find(';')), "l.xml:2:28: error: unknown variable 'editon' (did you mean 'edition'?)");
}

TEST(Variables, SlotFieldsWithOptionsGetTheirPrintedValues) {
    // "{name|upper}" and the like: the printed value is kept under the field's whole text; a field
    // the page gives takes no options, and an unknown option is an error at the slot.
    Fixture f;
    f.resolve("<variable name=\"workshop.start\" value=\"2020-11-02\"/>", "<p>text</p>", {{"participant.name", "Lê Văn Ơn"}});
    f.env.set_file("l.xml", "<layout><page-master name=\"body\">\n<footer style=\"body\"><left>{participant.name|upper} {workshop.start|date}</left>"
                            "<center>{page|0000}</center><right>{participant.name|bold}</right></footer></page-master>\n</layout>\n");
    auto layout = input::read_layout("l.xml", f.env, f.sources, f.diags, {});
    auto sheet = style::Stylesheet::build(*layout, f.diags);
    driver::check_slot_fields(sheet, f.variables, f.diags);
    EXPECT_EQ(f.variables.values.at("participant.name|upper"), "LÊ VĂN ƠN");
    EXPECT_EQ(f.variables.values.at("workshop.start|date"), "2 November 2020");
    auto messages = f.messages();
    ASSERT_EQ(messages.size(), 2u);
    EXPECT_EQ(messages[0].substr(0, messages[0].find('\n')),
              "l.xml:2:89: error: expected '{page}' without options: the page gives its value, printed as it is");
    EXPECT_EQ(messages[1].substr(0, messages[1].find('\n')),
              "l.xml:2:116: error: expected a field option (upper, lower, title, date, zeros such as 0000, default=TEXT) after '|' in "
              "'{participant.name|bold}', found 'bold'");
}

TEST(Variables, AConditionInATableCellLeavesTheBlockOutOfTheCell) {
    // A table is held behind a pointer in its block (doc::Indirect): the condition filter still
    // reaches the blocks of its cells.
    doc::TableCell cell;
    doc::Paragraph kept, left_out;
    kept.id = "kept";
    left_out.id = "left-out";
    cell.blocks.push_back({kept});
    cell.blocks.push_back({left_out, {}, doc::Condition{"draft", false, Span{}}});
    doc::TableRow row;
    row.cells.push_back(cell);
    doc::Table table;
    table.rows.push_back(row);
    doc::Document document;
    document.blocks.push_back({table});
    driver::Variables variables;
    variables.values["draft"] = "no";
    Diagnostics diags;
    driver::apply_conditions(document, variables, diags);
    EXPECT_TRUE(diags.all().empty());
    const auto& blocks = doc::node_as<doc::Table>(document.blocks.at(0)).rows.at(0).cells.at(0).blocks;
    ASSERT_EQ(blocks.size(), 1u);
    EXPECT_EQ(std::get<doc::Paragraph>(blocks[0].node).id, "kept");
}
