// Each source file's text is deflated as soon as its parse is done (the report once read, a data
// file once its dataset is read), and a dataset is released after the last table that uses it:
// the diagnostics found later, while resolving, still locate and quote their line.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "data/chart_data.h"
#include "data/expand_tables.h"
#include "input/source_reader.h"
#include "test_support.h"

using namespace reportc;
using reportc::testing::DataFixture;

namespace {

// Counts the reads of each file.
class CountingEnvironment : public Environment {
public:
    explicit CountingEnvironment(const Environment& inner) : m_inner(inner) {}
    std::optional<std::string> read_file(const std::string& path, FileUse use = FileUse::Project) const override {
        ++reads[path];
        return m_inner.read_file(path, use);
    }
    bool file_exists(const std::string& path) const override { return m_inner.file_exists(path); }
    int64_t now() const override { return m_inner.now(); }
    mutable std::map<std::string, int> reads;

private:
    const Environment& m_inner;
};

// A report of `paragraphs` paragraphs before `body`, larger than a source file that stays whole.
std::string report_with(const std::string& body, int paragraphs = 400) {
    std::string report = "<report layout=\"l.xml\">\n";
    for (int i = 0; i < paragraphs; ++i) report += "  <p>Paragraph " + std::to_string(i) + " of the report's body.</p>\n";
    return report + body + "\n</report>\n";
}

std::string csv_of(int records) {
    std::string csv = "term,expansion\n";
    for (int i = 0; i < records; ++i) {
        const std::string n = std::to_string(i);
        csv.append("T").append(n).append(",The expansion of term number ").append(n).append("\n");
    }
    return csv;
}

const char* kTemplate =
    "<table-template name=\"abbr\" table-style=\"t\"><column width=\"1fr\"/><column width=\"3fr\"/>"
    "<record-row><cell><field name=\"term\"/></cell><cell><field name=\"expansion\"/></cell></record-row>"
    "</table-template>";

}  // namespace

TEST(data_CompactedSources, EachFileIsDeflatedOnceParsedAndResolvingErrorsQuoteTheirLine) {
    DataFixture f;
    const std::string report = report_with("  <table template=\"abbr\" data=\"d.csv\"/>\n  <table template=\"nope\" data=\"d.csv\"/>");
    f.env.set_file("r/report.xml", report);
    std::string csv = csv_of(400);
    csv.insert(csv.find("T200,"), "T199b,too,many\n");  // a row with three fields, line 202
    f.env.set_file("r/d.csv", csv);
    auto document = input::read_report("r/report.xml", f.env, f.sources, f.diags);
    ASSERT_TRUE(document.has_value());
    ASSERT_TRUE(f.diags.all().empty()) << f.errors()[0];
    // The report is read: its text is kept deflated already.
    ASSERT_GT(report.size(), 8000u);
    EXPECT_TRUE(f.sources.file(1)->compacted());

    auto templates = std::vector<doc::TableTemplate>{f.read_template("l/t.xml", kTemplate)};
    data::expand_tables(*document, templates, f.env, f.sources, f.diags);
    uint32_t data_file = 0;
    for (uint32_t id = 1; f.sources.file(id); ++id)
        if (f.sources.file(id)->path() == "r/d.csv") data_file = id;
    ASSERT_NE(data_file, 0u);
    EXPECT_TRUE(f.sources.file(data_file)->compacted());  // deflated once its dataset was read

    // Errors found while resolving, in the data file and in the report, rendered from the
    // deflated texts: the location, the quoted line and the caret.
    EXPECT_EQ(f.errors(), (std::vector<std::string>{
                              "r/d.csv:202:1: error: expected 2 fields, found 3",
                              "r/report.xml:403:4: error: expected a table template defined in the layout, found 'nope'",
                          }));
    ASSERT_EQ(f.diags.all().size(), 2u);
    EXPECT_EQ(f.sources.render(f.diags.all()[0]), "r/d.csv:202:1: error: expected 2 fields, found 3\n  T199b,too,many\n  ^\n");
    EXPECT_EQ(f.sources.render(f.diags.all()[1]),
              "r/report.xml:403:4: error: expected a table template defined in the layout, found 'nope'\n"
              "    <table template=\"nope\" data=\"d.csv\"/>\n"
              "     ^\n");
    // Still the same text, whole on demand.
    EXPECT_EQ(f.sources.file(1)->text(), report);
}

TEST(data_CompactedSources, ADatasetUsedByTwoTablesAndAChartGivesAllThree) {
    // The tables' dataset is read once and released after the second table, the last to use it;
    // the chart reads its own.
    DataFixture f;
    f.env.set_file("r/report.xml", report_with("  <table template=\"abbr\" data=\"d.csv\"/>\n"
                                               "  <chart type=\"bar\" data=\"d.csv\" group-by=\"term\" count=\"n\" y=\"n\"/>\n"
                                               "  <section title=\"S\"><table template=\"abbr\" data=\"d.csv\"/></section>",
                                               0));
    f.env.set_file("r/d.csv", csv_of(3));
    CountingEnvironment env(f.env);
    auto document = input::read_report("r/report.xml", env, f.sources, f.diags);
    ASSERT_TRUE(document.has_value());
    auto templates = std::vector<doc::TableTemplate>{f.read_template("l/t.xml", kTemplate)};
    data::resolve_charts(*document, env, f.sources, f.diags);
    data::expand_tables(*document, templates, env, f.sources, f.diags);
    EXPECT_TRUE(f.diags.all().empty()) << f.errors()[0];
    EXPECT_EQ(env.reads["r/d.csv"], 2);  // once for the chart, once for both tables

    const auto& first = doc::node_as<doc::Table>(document->blocks.at(0));
    const auto& chart = doc::node_as<doc::Chart>(document->blocks.at(1));
    const auto& second = doc::node_as<doc::Table>(doc::node_as<doc::Section>(document->blocks.at(2)).children.at(0));
    EXPECT_EQ(doc::rows_of(first).size(), 3u);
    EXPECT_EQ(doc::rows_of(second).size(), 3u);
    ASSERT_TRUE(chart.resolved.has_value());
    EXPECT_EQ(chart.resolved->categories, (std::vector<std::string>{"T0", "T1", "T2"}));
}
