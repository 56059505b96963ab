// Aggregates on data charts and generated tables (docs/data-format.md#aggregates): where,
// group-by, count, sum and sort, and the errors of each.
#include <gtest/gtest.h>

#include "data/chart_data.h"
#include "data/expand_tables.h"
#include "input/source_reader.h"
#include "test_support.h"

using namespace reportc;
using reportc::testing::DataFixture;

namespace {

const char* kParticipants =
    "name,country,role,days\n"
    "Ann,Viet Nam,speaker,3\n"
    "Bao,Viet Nam,guest,2\n"
    "Chai,Thailand,guest,5\n"
    "Dara,Cambodia,speaker,1\n"
    "Eka,Thailand,guest,\n"
    "Fah,Thailand,speaker,2\n";

// The report holding `body` (one block), read, with its charts resolved and tables expanded.
struct Built {
    DataFixture f;
    std::optional<doc::Document> document;
};

void build(Built& b, const std::string& body) {
    b.f.env.set_file("r/report.xml", "<report layout=\"l.xml\">\n" + body + "\n</report>\n");
    b.f.env.set_file("r/people.csv", kParticipants);
    b.document = input::read_report("r/report.xml", b.f.env, b.f.sources, b.f.diags);
    ASSERT_TRUE(b.document.has_value());
    auto templates = std::vector<doc::TableTemplate>{
        b.f.read_template("l/t.xml",
                          "<table-template name=\"counts\" table-style=\"t\"><column width=\"1fr\"/><column width=\"1fr\"/>"
                          "<record-row><cell><field name=\"country\"/></cell><cell><field name=\"n\"/></cell></record-row>"
                          "</table-template>"),
        b.f.read_template("l/p.xml",
                          "<table-template name=\"people\" table-style=\"t\"><column width=\"1fr\"/><column width=\"1fr\"/>"
                          "<record-row><cell><field name=\"name\"/></cell><cell><field name=\"country\"/></cell></record-row>"
                          "</table-template>")};
    data::resolve_charts(*b.document, b.f.env, b.f.sources, b.f.diags);
    data::expand_tables(*b.document, templates, b.f.env, b.f.sources, b.f.diags);
}

const doc::ChartData& chart_data(const Built& b) {
    const auto& chart = doc::node_as<doc::Chart>(b.document->blocks.at(0));
    EXPECT_TRUE(chart.resolved.has_value());
    static const doc::ChartData none;
    return chart.resolved ? *chart.resolved : none;
}

// Each row's cells as "a|b".
std::vector<std::string> rows(const Built& b) {
    std::vector<std::string> out;
    const auto& table = doc::node_as<doc::Table>(b.document->blocks.at(0));
    for (const auto& row : doc::rows_of(table)) {
        std::string line;
        for (const auto& cell : row.cells) {
            if (!line.empty()) line += "|";
            for (const auto& block : cell.blocks)
                if (const auto* p = std::get_if<doc::Paragraph>(&block.node)) line += doc::plain_text(p->runs);
        }
        out.push_back(line);
    }
    return out;
}

}  // namespace

TEST(data_Aggregate, AChartCountsTheRecordsOfEachGroupInTheOrderTheyFirstAppear) {
    Built b;
    build(b, "<chart type=\"bar\" data=\"people.csv\" group-by=\"country\" count=\"participants\" y=\"participants\"/>");
    EXPECT_TRUE(b.f.diags.all().empty()) << b.f.errors()[0];
    const auto& data = chart_data(b);
    EXPECT_EQ(data.categories, (std::vector<std::string>{"Viet Nam", "Thailand", "Cambodia"}));
    ASSERT_EQ(data.series.size(), 1u);
    EXPECT_EQ(data.series[0].values, (std::vector<double>{2, 3, 1}));
}

TEST(data_Aggregate, WhereFiltersSumAddsAndSortOrders) {
    Built b;
    build(b, "<chart type=\"bar\" data=\"people.csv\" x=\"country\" where=\"role!=speaker\" group-by=\"country\" sum=\"days\" "
             "count=\"guests\" y=\"days, guests\" sort=\"days descending\"/>");
    EXPECT_TRUE(b.f.diags.all().empty()) << b.f.errors()[0];
    const auto& data = chart_data(b);
    EXPECT_EQ(data.categories, (std::vector<std::string>{"Thailand", "Viet Nam"}));
    ASSERT_EQ(data.series.size(), 2u);
    EXPECT_EQ(data.series[0].values, (std::vector<double>{5, 2}));  // Eka's empty days add nothing
    EXPECT_EQ(data.series[1].values, (std::vector<double>{2, 1}));
}

TEST(data_Aggregate, ATableOfGroupsAndATableOfFilteredSortedRecords) {
    Built grouped;
    build(grouped, "<table template=\"counts\" data=\"people.csv\" group-by=\"country\" count=\"n\" sort=\"country\"/>");
    EXPECT_TRUE(grouped.f.diags.all().empty()) << grouped.f.errors()[0];
    EXPECT_EQ(rows(grouped), (std::vector<std::string>{"Cambodia|1", "Thailand|3", "Viet Nam|2"}));

    Built filtered;  // no group-by: the records themselves, kept and ordered
    build(filtered, "<table template=\"people\" data=\"people.csv\" where=\"role=speaker and country!=Cambodia\" sort=\"name descending\"/>");
    EXPECT_TRUE(filtered.f.diags.all().empty()) << filtered.f.errors()[0];
    EXPECT_EQ(rows(filtered), (std::vector<std::string>{"Fah|Thailand", "Ann|Viet Nam"}));
}

TEST(data_Aggregate, SortComparesNumbersAsNumbers) {
    Built b;
    build(b, "<chart type=\"bar\" data=\"people.csv\" x=\"name\" y=\"days\" where=\"country=Thailand and days!=\" sort=\"days\"/>");
    EXPECT_TRUE(b.f.diags.all().empty()) << b.f.errors()[0];
    EXPECT_EQ(chart_data(b).categories, (std::vector<std::string>{"Fah", "Chai"}));
}

TEST(data_Aggregate, ErrorsNameTheAttributeAndTheFields) {
    Built unknown;
    build(unknown, "<chart type=\"bar\" data=\"people.csv\" group-by=\"nation\" count=\"n\" y=\"n\"/>");
    EXPECT_EQ(unknown.f.errors(), (std::vector<std::string>{"r/report.xml:2:37: error: expected a field named 'nation' in people.csv, "
                                                            "found fields: country, days, name, role"}));
    Built not_a_number;
    build(not_a_number, "<chart type=\"bar\" data=\"people.csv\" group-by=\"country\" sum=\"name\" y=\"name\"/>");
    ASSERT_FALSE(not_a_number.f.errors().empty());
    EXPECT_EQ(not_a_number.f.errors()[0], "r/people.csv:2:1: error: expected a number in field 'name' to sum, found 'Ann'");
    Built bad_sort;
    build(bad_sort, "<chart type=\"bar\" data=\"people.csv\" group-by=\"country\" count=\"n\" y=\"n\" sort=\"days\"/>");
    EXPECT_EQ(bad_sort.f.errors(), (std::vector<std::string>{"r/report.xml:2:72: error: expected a field named 'days' to sort by, "
                                                             "found fields: country, n"}));
}

TEST(data_Aggregate, MalformedAttributesAreReportedWhereWritten) {
    DataFixture f;
    f.env.set_file("r/report.xml",
                   "<report layout=\"l.xml\">\n"
                   "<chart type=\"bar\" data=\"p.csv\" x=\"a\" y=\"b\" count=\"n\" where=\"role\" sort=\"a sideways\"/>\n"
                   "<table template=\"t\" data=\"p.csv\" sum=\"x,\" group-by=\"g\"/>\n"
                   "<chart type=\"bar\" group-by=\"g\"><category>A</category><series name=\"s\"><value>1</value></series></chart>\n"
                   "</report>\n");
    input::read_report("r/report.xml", f.env, f.sources, f.diags);
    EXPECT_EQ(f.errors(), (std::vector<std::string>{
                              "r/report.xml:2:54: error: expected FIELD=VALUE or FIELD!=VALUE in 'where', found 'role'",
                              "r/report.xml:2:44: error: expected 'group-by' beside 'count': it works per group of records",
                              "r/report.xml:2:67: error: expected FIELD, 'FIELD ascending' or 'FIELD descending' in 'sort', found 'a sideways'",
                              "r/report.xml:3:34: error: expected field names separated by commas in 'sum', found an empty one",
                              "r/report.xml:4:19: error: unexpected attribute 'group-by' on <chart> without 'data'; it works on the records "
                              "of a data file",
                          }));
}
