// Hostile and extreme input (issue 15): deep nesting is a located error at the first element past
// the limit (docs/source-format.md, Limits), never a stack overflow; the inputs are generated.
#include <gtest/gtest.h>

#include "input/source_reader.h"
#include "rendered_diagnostics.h"

using namespace reportc;
using reportc::testing::rendered;

namespace {

struct Fixture {
    MemoryEnvironment env;
    SourceManager sources;
    Diagnostics diags;
    std::optional<doc::Document> read(const std::string& body) {
        env.set_file("r/report.xml", "<report layout=\"l.xml\">\n" + body + "\n</report>\n");
        return input::read_report("r/report.xml", env, sources, diags);
    }
};

std::string repeated(const std::string& text, int times) {
    std::string out;
    for (int i = 0; i < times; ++i) out += text;
    return out;
}

// The column (1-based) of the name of the `n`th (0-based) element `unit` on the line, after `prefix` characters.
std::string column_of(size_t prefix, const std::string& unit, int n) { return std::to_string(prefix + unit.size() * size_t(n) + 2); }

}  // namespace

TEST(Limits, SectionsNestedPastTwoHundredAreOneErrorNotACrash) {
    // 5,000 levels (150 KB) overflowed the stack of the recursive reader.
    Fixture f;
    const std::string open = "<section title=\"x\">";
    auto d = f.read(repeated(open, 5000) + "<p>t</p>" + repeated("</section>", 5000));
    ASSERT_TRUE(d.has_value());
    auto out = rendered(f.diags, f.sources);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0], "r/report.xml:2:" + column_of(0, open, 200) + ": error: expected blocks nested at most 200 deep, found <section> at depth 201");
}

TEST(Limits, TwoHundredBlockLevelsAreRead) {
    Fixture f;
    auto d = f.read(repeated("<list><item>", 199) + "<p>deep</p>" + repeated("</item></list>", 199));
    ASSERT_TRUE(d.has_value());
    EXPECT_TRUE(f.diags.all().empty());
}

TEST(Limits, ListItemsNestedPastTwoHundredAreOneError) {
    Fixture f;
    const std::string open = "<list><item>";
    auto d = f.read(repeated(open, 5000) + "x" + repeated("</item></list>", 5000));
    ASSERT_TRUE(d.has_value());
    auto out = rendered(f.diags, f.sources);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0], "r/report.xml:2:" + column_of(0, open, 200) + ": error: expected blocks nested at most 200 deep, found <list> at depth 201");
}

TEST(Limits, BoldNestedPastAThousandIsOneErrorNotACrash) {
    // 20,000 levels overflowed the stack; 10,000 took 3.2 GB, the style stack copied per level.
    Fixture f;
    auto d = f.read("<p>" + repeated("<b>", 20000) + "x" + repeated("</b>", 20000) + "</p>");
    ASSERT_TRUE(d.has_value());
    auto out = rendered(f.diags, f.sources);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0], "r/report.xml:2:" + column_of(3, "<b>", 1000) + ": error: expected inline elements nested at most 1000 deep, found <b> at depth 1001");
}

TEST(Limits, AThousandInlineLevelsKeepEveryStyleInOrder) {
    Fixture f;
    auto d = f.read("<p>" + repeated("<b><i>", 500) + "x" + repeated("</i></b>", 500) + " after</p>");
    ASSERT_TRUE(d.has_value());
    EXPECT_TRUE(f.diags.all().empty());
    const auto& runs = std::get<doc::Paragraph>(d->blocks.at(0).node).runs;
    ASSERT_EQ(runs.size(), 2u);
    ASSERT_EQ(runs[0].char_styles.size(), 1000u);
    EXPECT_EQ(runs[0].char_styles[0], "strong");
    EXPECT_EQ(runs[0].char_styles[999], "emphasis");
    EXPECT_TRUE(runs[1].char_styles.empty());
}

TEST(Limits, FootnotesCountTheLevelsAroundThem) {
    Fixture f;
    auto d = f.read("<p>" + repeated("<b>", 999) + "<footnote>n <i>x</i></footnote>" + repeated("</b>", 999) + "</p>");
    ASSERT_TRUE(d.has_value());
    auto out = rendered(f.diags, f.sources);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0], "r/report.xml:2:" + column_of(3 + 999 * 3 + 12, "", 0) +
                          ": error: expected inline elements nested at most 1000 deep, found <i> at depth 1001");
}

TEST(Limits, DiagramBoxesNestedPastFiftyAreOneErrorNotACrash) {
    Fixture f;
    auto d = f.read("<diagram>" + repeated("<box>", 20000) + "x" + repeated("</box>", 20000) + "</diagram>");
    ASSERT_TRUE(d.has_value());
    auto out = rendered(f.diags, f.sources);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0], "r/report.xml:2:" + column_of(9, "<box>", 50) + ": error: expected boxes nested at most 50 deep, found <box> at depth 51");
}

TEST(Limits, ColspanAndRowspanPastAThousandAreErrorsAtTheAttribute) {
    Fixture f;
    auto d = f.read("<table><row><cell colspan=\"2147483647\"><p>a</p></cell><cell rowspan=\"1000000\"><p>b</p></cell>"
                    "<cell colspan=\"1000\" rowspan=\"1000\"><p>c</p></cell></row></table>");
    ASSERT_TRUE(d.has_value());
    auto out = rendered(f.diags, f.sources);
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[0], "r/report.xml:2:19: error: expected colspan at most 1000, found 2147483647");
    EXPECT_EQ(out[1], "r/report.xml:2:61: error: expected rowspan at most 1000, found 1000000");
}

TEST(Limits, TableRowsPastAHundredThousandAreOneErrorAtTheFirstRowBeyond) {
    // 200,000 written rows (9 MB) were read and laid out: gigabytes, with no limit in sight.
    Fixture f;
    std::string rows;
    rows.reserve(2200000);
    for (int i = 0; i < 100003; ++i) rows += "<row><cell>x</cell></row>\n";
    auto d = f.read("<table>\n" + rows + "</table>");
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(rendered(f.diags, f.sources),
              std::vector<std::string>{"r/report.xml:100003:2: error: expected at most 100000 rows in a table, found more"});
    const auto& table = doc::node_as<doc::Table>(d->blocks.at(0));
    EXPECT_EQ(table.rows.size(), 100000u);
}
