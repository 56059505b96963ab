// Hostile and extreme data input (issue 15): deep inline nesting in data fields and template
// paragraphs is a located error (docs/source-format.md, Limits); the inputs are generated.
#include <gtest/gtest.h>

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
