// Hostile and extreme data input (issue 15): deep inline nesting in data fields and template
// paragraphs, NUL and references to no character are located errors (docs/source-format.md,
// Limits); large inputs are generated.
#include <gtest/gtest.h>

#include "data/csv_reader.h"
#include "data/dataset_loader.h"
#include "input/data_reader.h"
#include "test_support.h"

using namespace reportc;
using reportc::testing::DataFixture;

namespace {

std::string repeated(const std::string& text, int times) {
    std::string out;
    for (int i = 0; i < times; ++i) out += text;
    return out;
}

}  // namespace

TEST(data_Limits, FieldTextNestedPastAThousandIsOneErrorNotACrash) {
    DataFixture f;
    const std::string prefix = "<records><record><field name=\"x\">";
    f.env.set_file("d/data.xml", prefix + repeated("<b>", 20000) + "x" + repeated("</b>", 20000) + "</field></record></records>\n");
    auto d = input::read_data_xml("d/data.xml", f.env, f.sources, f.diags, Span{});
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(f.errors(), (std::vector<std::string>{
                              "d/data.xml:1:" + std::to_string(prefix.size() + 3 * 1000 + 2) +
                                  ": error: expected inline elements nested at most 1000 deep, found <b> at depth 1001",
                          }));
}

TEST(data_Limits, TemplateParagraphNestedPastAThousandIsOneErrorNotACrash) {
    DataFixture f;
    const std::string prefix = "<table-template name=\"t\"><record-row><cell><p>";
    f.read_template("l/layout.xml", prefix + repeated("<i>", 20000) + "<field name=\"a\"/>" + repeated("</i>", 20000) +
                                        "</p></cell></record-row></table-template>\n");
    EXPECT_EQ(f.errors(), (std::vector<std::string>{
                              "l/layout.xml:1:" + std::to_string(prefix.size() + 3 * 1000 + 2) +
                                  ": error: expected inline elements nested at most 1000 deep, found <i> at depth 1001",
                          }));
}

TEST(data_Limits, NulInADataFileIsAnError) {
    // &#0; cut the rest of the field off silently; a raw NUL byte in a CSV cell did the same.
    DataFixture f;
    f.env.set_file("d/data.xml", "<records><record><field name=\"x\">a &#0; b</field></record></records>\n");
    EXPECT_FALSE(input::read_data_xml("d/data.xml", f.env, f.sources, f.diags, Span{}).has_value());
    // The literal's bytes without its terminator: a count of 19 read past the array (AddressSanitizer).
    f.env.set_file("d/data.csv", std::string("name,value\nx,a\0b\n", sizeof "name,value\nx,a\0b\n" - 1));
    EXPECT_FALSE(data::read_csv("d/data.csv", f.env, f.sources, f.diags, Span{}).has_value());
    EXPECT_EQ(f.errors(), (std::vector<std::string>{
                              "d/data.xml:1:36: error: expected a character reference to a character, found '&#0;' (U+0000, NUL)",
                              "d/data.csv:2:4: error: expected text, found a NUL byte (0x00)",
                          }));
}

TEST(data_Limits, SurrogateReferenceInADataFileIsAnError) {
    DataFixture f;
    f.env.set_file("d/data.xml", "<records><record><field name=\"x\">&#xDFFF;</field></record></records>\n");
    EXPECT_FALSE(input::read_data_xml("d/data.xml", f.env, f.sources, f.diags, Span{}).has_value());
    EXPECT_EQ(f.errors(), (std::vector<std::string>{
                              "d/data.xml:1:34: error: expected a character reference to a character, found '&#xDFFF;' (a surrogate)",
                          }));
}

TEST(data_Limits, CsvWithCarriageReturnsAloneReadsEveryRow) {
    // Line ends of old Mac spreadsheets: the file read as an empty table, exit 0.
    DataFixture f;
    f.env.set_file("d/t.csv", "name,value\r\"multi\rline\",1\rb , 2\r");
    auto d = data::read_csv("d/t.csv", f.env, f.sources, f.diags, Span{});
    ASSERT_TRUE(d.has_value());
    EXPECT_TRUE(f.diags.all().empty());
    ASSERT_EQ(d->record_count(), 2u);
    const auto& records = d->groups.at(0).records;
    EXPECT_EQ(doc::plain_text(records[0].fields.at("name").items.at(0)), "multi\nline");
    EXPECT_EQ(doc::plain_text(records[1].fields.at("value").items.at(0)), "2");
    EXPECT_EQ(f.sources.location(records[1].fields.at("value").span), "d/t.csv:4:5");
}

TEST(data_Limits, CsvPastAHundredThousandRecordsIsAnErrorAtTheFirstRowBeyond) {
    // About 7 KB per record once laid out: a million rows took some 7 GB.
    DataFixture f;
    std::string csv = "n\n";
    csv.reserve(400000);
    for (int i = 0; i < 100001; ++i) csv += "x\n";
    f.env.set_file("d/big.csv", csv);
    EXPECT_FALSE(data::read_csv("d/big.csv", f.env, f.sources, f.diags, Span{}).has_value());
    ASSERT_EQ(f.diags.all().size(), 1u);
    EXPECT_EQ(f.sources.render(f.diags.all()[0]).substr(0, f.sources.render(f.diags.all()[0]).find('\n')),
              "d/big.csv:100002:1: error: expected at most 100000 records in a CSV file, found more");

    DataFixture g;
    g.env.set_file("d/ok.csv", csv.substr(0, csv.size() - 2));
    auto d = data::read_csv("d/ok.csv", g.env, g.sources, g.diags, Span{});
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->record_count(), 100000u);
}

TEST(data_Limits, XmlDataPastAHundredThousandRecordsIsAnErrorAtTheFirstRecordBeyond) {
    // CSV files had the limit; 200,000 XML records were read and laid out without one.
    DataFixture f;
    std::string xml = "<records>\n";
    xml.reserve(2500000);
    for (int i = 0; i < 100001; ++i) xml += "<record/>\n";
    f.env.set_file("d/big.xml", xml + "</records>\n");
    EXPECT_FALSE(data::load_dataset("d/big.xml", f.env, f.sources, f.diags, Span{}).has_value());
    EXPECT_EQ(f.errors(), std::vector<std::string>{"d/big.xml:100002:2: error: expected at most 100000 records in a data file, found 100001"});

    DataFixture g;
    g.env.set_file("d/ok.xml", xml.substr(0, xml.size() - 10) + "</records>\n");
    auto d = data::load_dataset("d/ok.xml", g.env, g.sources, g.diags, Span{});
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->record_count(), 100000u);
}
