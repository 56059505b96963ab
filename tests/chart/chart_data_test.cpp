// Chart sources and data: the reader's located errors, and resolve_charts filling categories
// and values from data files (XML records, CSV) with exact, located messages for bad data.
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "chart/chart.h"
#include "chart_test_support.h"
#include "data/chart_data.h"
#include "input/source_reader.h"
#include "source/environment.h"
#include "source/source_manager.h"

using namespace reportc;

namespace {

struct Fixture {
    MemoryEnvironment env;
    SourceManager sources;
    Diagnostics diags;
    std::optional<doc::Document> document;

    // Reads a report whose body is `blocks`, then resolves its charts.
    void read(const std::string& blocks) {
        env.set_file("/r/report.xml", "<report layout=\"l.xml\">\n" + blocks + "\n</report>\n");
        document = input::read_report("/r/report.xml", env, sources, diags);
        ASSERT_TRUE(document.has_value());
    }
    void resolve() { data::resolve_charts(*document, env, sources, diags); }

    std::vector<std::string> messages() const {
        std::vector<std::string> out;
        for (const auto& d : diags.all()) {
            std::string text = sources.render(d);
            out.push_back(text.substr(0, text.find('\n')));
        }
        return out;
    }
    const doc::Chart& chart(size_t i = 0) const { return doc::node_as<doc::Chart>(document->blocks.at(i)); }
};

const char* kVisits =
    "<records>\n"
    "  <record><field name=\"year\">FY2019/20</field><field name=\"visits\">5.0</field></record>\n"
    "  <record><field name=\"year\">FY2020/21</field><field name=\"visits\">6.7</field></record>\n"
    "</records>\n";

}  // namespace

TEST(chart_data, FillsCategoriesAndValuesFromXmlRecords) {
    // x names the categories, y the series; derived marks a series.
    Fixture f;
    f.env.set_file("/r/data/website-visits.xml", kVisits);
    f.read("<chart id=\"v\" type=\"bar\" data=\"data/website-visits.xml\" x=\"year\" y=\"visits\" derived=\"visits\"/>");
    f.resolve();
    EXPECT_TRUE(f.messages().empty()) << f.messages().front();
    ASSERT_TRUE(f.chart().resolved.has_value());
    const doc::ChartData& c = *f.chart().resolved;
    EXPECT_EQ(c.categories, (std::vector<std::string>{"FY2019/20", "FY2020/21"}));
    ASSERT_EQ(c.series.size(), 1u);
    EXPECT_EQ(c.series[0].values, (std::vector<double>{5.0, 6.7}));
    EXPECT_TRUE(c.series[0].derived);
}

TEST(chart_data, SeriesElementsNameDataFieldsAndEmptyFieldsAreGaps) {
    // <series field name derived> gives legend names; an empty field is a gap (NaN), not an error.
    Fixture f;
    f.env.set_file("/r/data/v.csv", "year,stated,derived\nFY2019/20,,5.0\nFY2020/21,6.7,\n");
    f.read("<chart type=\"stacked-bar\" data=\"data/v.csv\" x=\"year\">\n"
           "  <series field=\"stated\" name=\"Visits\"/>\n"
           "  <series field=\"derived\" name=\"Visits, derived\" derived=\"true\"/>\n"
           "</chart>");
    f.resolve();
    EXPECT_TRUE(f.messages().empty()) << f.messages().front();
    ASSERT_TRUE(f.chart().resolved.has_value());
    const doc::ChartData& c = *f.chart().resolved;
    ASSERT_EQ(c.series.size(), 2u);
    EXPECT_EQ(c.series[0].name, "Visits");
    EXPECT_TRUE(std::isnan(c.series[0].values[0]));
    EXPECT_EQ(c.series[0].values[1], 6.7);
    EXPECT_TRUE(c.series[1].derived);
    EXPECT_EQ(c.series[1].values[0], 5.0);
}

TEST(chart_data, NonNumericValueIsReportedAtTheDataField) {
    // "6.7 million" is not a number: the error points into the data file.
    Fixture f;
    f.env.set_file("/r/data/website-visits.xml",
                   "<records>\n"
                   "  <record><field name=\"year\">FY2020/21</field><field name=\"visits\">6.7 million</field></record>\n"
                   "</records>\n");
    f.read("<chart type=\"bar\" data=\"data/website-visits.xml\" x=\"year\" y=\"visits\"/>");
    f.resolve();
    EXPECT_EQ(f.messages(), (std::vector<std::string>{
                                "/r/data/website-visits.xml:2:48: error: expected a number in field 'visits', found '6.7 million'"}));
}

TEST(chart_data, UnknownFieldNamesTheFieldsTheFileHas) {
    // y="visit" (a typo): the error is at the y attribute and lists the file's fields in order.
    Fixture f;
    f.env.set_file("/r/data/website-visits.xml", kVisits);
    f.read("<chart type=\"bar\" data=\"data/website-visits.xml\" x=\"year\" y=\"visit\"/>");
    f.resolve();
    EXPECT_EQ(f.messages(), (std::vector<std::string>{"/r/report.xml:2:59: error: expected a field named 'visit' in "
                                                      "data/website-visits.xml, found fields: year, visits"}));
}

TEST(chart_data, UnknownCategoryFieldIsReportedAtX) {
    // x="yr" does not exist.
    Fixture f;
    f.env.set_file("/r/data/website-visits.xml", kVisits);
    f.read("<chart type=\"bar\" data=\"data/website-visits.xml\" x=\"yr\" y=\"visits\"/>");
    f.resolve();
    EXPECT_EQ(f.messages(), (std::vector<std::string>{"/r/report.xml:2:50: error: expected a field named 'yr' in "
                                                      "data/website-visits.xml, found fields: year, visits"}));
}

TEST(chart_data, EmptySeriesInDataFile) {
    // The field exists but every record leaves it empty.
    Fixture f;
    f.env.set_file("/r/data/v.csv", "year,visits\nFY2019/20,\nFY2020/21,\n");
    f.read("<chart type=\"bar\" data=\"data/v.csv\" x=\"year\" y=\"visits\"/>");
    f.resolve();
    EXPECT_EQ(f.messages(),
              (std::vector<std::string>{"/r/report.xml:2:46: error: expected at least one value in field 'visits' of data/v.csv, found none"}));
}

TEST(chart_data, NegativeValueInPieFromDataFile) {
    // A pie cannot show -1 members: reported at the value in the data file.
    Fixture f;
    f.env.set_file("/r/data/m.csv", "region,members\nECWA,9\nPI,-1\n");
    f.read("<chart type=\"pie\" data=\"data/m.csv\" x=\"region\" y=\"members\"/>");
    f.resolve();
    EXPECT_EQ(f.messages(), (std::vector<std::string>{
                                "/r/data/m.csv:3:4: error: expected a value of zero or more in a pie chart in field 'members', found '-1'"}));
}

TEST(chart_data, InlineValuesAreCheckedTheSameWay) {
    // Inline: a non-number, a negative donut value, an empty series and a wrong count, each at
    // its element.
    Fixture f;
    f.read("<chart type=\"bar\"><category>A</category><category>B</category>\n"
           "<series name=\"S\"><value>1</value><value>abc</value></series></chart>\n"
           "<chart type=\"donut\"><category>A</category><category>B</category>\n"
           "<series name=\"M\"><value>3</value><value>-3</value></series></chart>\n"
           "<chart type=\"line\"><category>A</category>\n"
           "<series name=\"Empty\"/></chart>\n"
           "<chart type=\"bar\"><category>A</category><category>B</category>\n"
           "<series name=\"Short\"><value>1</value></series></chart>");
    f.resolve();
    EXPECT_EQ(f.messages(), (std::vector<std::string>{
                                "/r/report.xml:3:35: error: expected a number in <value>, found 'abc'",
                                "/r/report.xml:5:35: error: expected a value of zero or more in a donut chart, found '-3'",
                                "/r/report.xml:7:2: error: expected at least one value in series 'Empty', found none",
                                "/r/report.xml:9:2: error: expected 2 values in series 'Short' (one per category), found 1",
                            }));
}

TEST(chart_data, PieTakesOneSeries) {
    // A second series in a pie is an error at that series.
    Fixture f;
    f.read("<chart type=\"pie\"><category>A</category>\n<series name=\"S\"><value>1</value></series>\n"
           "<series name=\"T\"><value>2</value></series></chart>");
    f.resolve();
    EXPECT_EQ(f.messages(), (std::vector<std::string>{"/r/report.xml:4:2: error: expected one series in a pie chart, found 2"}));
}

TEST(chart_data, PaletteAppliesToChartsAndDiagrams) {
    // The layout's chart-palette colours (parsed by the stylesheet) reach every chart and diagram.
    Fixture f;
    f.read("<chart type=\"bar\"><category>A</category><series name=\"S\"><value>1</value></series></chart>\n"
           "<diagram><box>x</box></diagram>");
    const std::vector<Color> palette{{0x11, 0x22, 0x33}, {0xaa, 0xbb, 0xcc}};
    data::resolve_charts(*f.document, palette, f.env, f.sources, f.diags);
    EXPECT_TRUE(f.messages().empty());
    ASSERT_TRUE(f.chart().resolved.has_value());
    EXPECT_EQ(f.chart().resolved->palette, palette);
    EXPECT_EQ(doc::node_as<doc::Diagram>(f.document->blocks.at(1)).palette.size(), 2u);
}

TEST(chart_data, InlineChartIsResolvedFromItsRawValuesAndKeptAsWritten) {
    // The reader keeps values as text (no resolved data); resolve_charts parses them into the
    // resolved record (an empty value is a gap) and leaves the chart as written untouched.
    Fixture f;
    f.read("<chart type=\"line\"><category>A</category><category>B</category><category>C</category>\n"
           "<series name=\"S\" derived=\"true\"><value>1.5</value><value></value><value>-2</value></series></chart>");
    EXPECT_FALSE(f.chart().resolved.has_value());
    f.resolve();
    EXPECT_TRUE(f.messages().empty()) << f.messages().front();
    const doc::Chart& written = f.chart();
    ASSERT_TRUE(written.resolved.has_value());
    const doc::ChartData& c = *written.resolved;
    EXPECT_EQ(c.categories, (std::vector<std::string>{"A", "B", "C"}));
    ASSERT_EQ(c.series.size(), 1u);
    EXPECT_EQ(c.series[0].name, "S");
    EXPECT_TRUE(c.series[0].derived);
    ASSERT_EQ(c.series[0].values.size(), 3u);
    EXPECT_EQ(c.series[0].values[0], 1.5);
    EXPECT_TRUE(std::isnan(c.series[0].values[1]));
    EXPECT_EQ(c.series[0].values[2], -2.0);
    EXPECT_TRUE(c.palette.empty());  // no chart-palette: the chart module's default
    ASSERT_EQ(written.series.size(), 1u);
    EXPECT_EQ(written.series[0].raw_values, (std::vector<std::string>{"1.5", "", "-2"}));
}

TEST(chart_data, DataChartKeepsItsWrittenSeriesAndResolvesFromTheFile) {
    // The values read from the data file go to the resolved record only: the written series
    // still name their field and hold no value texts.
    Fixture f;
    f.env.set_file("/r/data/website-visits.xml", kVisits);
    f.read("<chart type=\"bar\" data=\"data/website-visits.xml\" x=\"year\" y=\"visits\"/>");
    f.resolve();
    EXPECT_TRUE(f.messages().empty()) << f.messages().front();
    const doc::Chart& written = f.chart();
    EXPECT_TRUE(written.categories.empty());
    ASSERT_EQ(written.series.size(), 1u);
    EXPECT_EQ(written.series[0].field, "visits");
    EXPECT_TRUE(written.series[0].raw_values.empty());
    EXPECT_TRUE(written.series[0].value_spans.empty());
    ASSERT_TRUE(written.resolved.has_value());
    EXPECT_EQ(written.resolved->series.at(0).values, (std::vector<double>{5.0, 6.7}));
}

TEST(chart_data, DataFileThatCannotBeLoadedResolvesToNothingToDraw) {
    // A load error is reported once; the chart is resolved, with no series (layout then says
    // there is nothing to draw, as for any empty chart).
    Fixture f;
    f.read("<chart type=\"bar\" data=\"data/missing.csv\" x=\"year\" y=\"visits\"/>");
    f.resolve();
    EXPECT_EQ(f.messages().size(), 1u);
    ASSERT_TRUE(f.chart().resolved.has_value());
    EXPECT_TRUE(f.chart().resolved->series.empty());
    EXPECT_TRUE(f.chart().resolved->categories.empty());
}

TEST(chart_data, DrawingAChartNeverResolvedIsAnInternalError) {
    // A stage that skipped resolve_charts: the chart module has no data to draw (it never reads
    // the values as written) and says so at the chart, once; nothing is drawn.
    Fixture f;
    f.read("<chart id=\"c\" type=\"bar\"><category>A</category><series name=\"S\"><value>1</value></series></chart>");
    ASSERT_FALSE(f.chart().resolved.has_value());
    chart::Graphic g = chart::draw_chart(f.chart(), Length::from_pt(300), std::nullopt, chart::ChartStyle{},
                                         chart::testing::fonts(), f.diags);
    EXPECT_TRUE(g.items.empty());
    EXPECT_EQ(f.messages(), (std::vector<std::string>{"/r/report.xml:2:2: error: internal error: expected chart data resolved "
                                                      "before layout in chart 'c', found the chart as written"}));
    // Once resolved, the same chart draws.
    f.resolve();
    Diagnostics after;
    g = chart::draw_chart(f.chart(), Length::from_pt(300), std::nullopt, chart::ChartStyle{}, chart::testing::fonts(), after);
    EXPECT_FALSE(g.items.empty());
    EXPECT_FALSE(after.has_errors());
}

TEST(chart_data, ResolvedChartPrintsAsWrittenThenResolved) {
    // The printer shows both stages: the series as written, then the resolved record.
    Fixture f;
    f.read("<chart id=\"c\" type=\"line\"><category>A</category><category>B</category>\n"
           "<series name=\"S\"><value>2</value><value></value></series></chart>");
    f.resolve();
    std::ostringstream printed;
    printed << f.document->blocks.at(0);
    EXPECT_EQ(printed.str(), "chart line #c series=1\n"
                             "  series \"S\" '2' ''\n"
                             "  resolved categories=[A, B] {\"S\" = 2 -}\n");
}

TEST(chart_data, NumbersAreStrict) {
    // Plain decimal numbers only: no units, separators or exponents.
    EXPECT_EQ(data::parse_chart_number("6.7"), 6.7);
    EXPECT_EQ(data::parse_chart_number("-3"), -3);
    EXPECT_EQ(data::parse_chart_number("+0.25"), 0.25);
    EXPECT_EQ(data::parse_chart_number(".5"), 0.5);
    for (const char* bad : {"", "6.7 million", "1,234", "1e3", "5.", "-", "inf", "nan", " 5"})
        EXPECT_FALSE(data::parse_chart_number(bad).has_value()) << bad;
}

TEST(chart_reader, UnknownAttributesAndElementsAreLocatedErrors) {
    // Every unknown element or attribute of the chart vocabulary is reported where it is written.
    Fixture f;
    f.read("<chart type=\"bars\" colour=\"red\"><category>A</category><serie/></chart>\n"
           "<diagram layout=\"grid\"><box id=\"a\" shape=\"round\">A</box><box id=\"a\">B</box>"
           "<connector from=\"a\" to=\"z\"/><arrow/></diagram>");
    EXPECT_EQ(f.messages(), (std::vector<std::string>{
                                "/r/report.xml:2:20: error: unknown attribute 'colour' on <chart>; expected one of: id, type, title, x-label, "
                                "y-label, unit, note, width, height, data, x, y, derived, where, group-by, count, sum, sort",
                                "/r/report.xml:2:8: error: expected chart type bar, hbar, stacked-bar, line, pie or donut, found 'bars'",
                                "/r/report.xml:2:56: error: unexpected element <serie> in <chart>; expected <category> or <series>",
                                "/r/report.xml:3:10: error: expected layout 'row' or 'column', found 'grid'",
                                "/r/report.xml:3:36: error: unknown attribute 'shape' on <box>; expected one of: id, title, emphasis",
                                "/r/report.xml:3:62: error: expected a unique box id in the diagram, found 'a' a second time",
                                "/r/report.xml:3:105: error: unexpected element <arrow> in <diagram>; expected <box> or <connector>",
                                "/r/report.xml:3:96: error: expected the id of a <box> in this diagram for 'to', found 'z'",
                            }));
}

TEST(chart_reader, ReadsDiagramsWithNestedBoxesAndConnectors) {
    // Box text is collapsed; nested boxes and connectors are kept in order.
    Fixture f;
    f.read("<diagram id=\"d\" layout=\"column\" title=\"T\">\n"
           "  <box id=\"roof\" emphasis=\"true\">ROCB A/P Strategic\n    Action Plan</box>\n"
           "  <box id=\"row\"><box id=\"p1\" title=\"Pillar 1\">Support</box><box id=\"p2\" title=\"Pillar 2\">Further</box></box>\n"
           "  <connector from=\"roof\" to=\"p1\" arrow=\"false\"/>\n"
           "</diagram>");
    EXPECT_TRUE(f.messages().empty());
    const auto& d = doc::node_as<doc::Diagram>(f.document->blocks.at(0));
    EXPECT_EQ(d.layout, "column");
    ASSERT_EQ(d.nodes.size(), 2u);
    EXPECT_EQ(d.nodes[0].label, "ROCB A/P Strategic Action Plan");
    EXPECT_TRUE(d.nodes[0].emphasis);
    ASSERT_EQ(d.nodes[1].children.size(), 2u);
    EXPECT_EQ(d.nodes[1].children[1].title, "Pillar 2");
    ASSERT_EQ(d.edges.size(), 1u);
    EXPECT_FALSE(d.edges[0].arrow);
}
