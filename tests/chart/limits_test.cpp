// Extreme charts (issue 15): a 40,000-character label is abbreviated quickly; a chart of more
// categories than the limit is one located error (docs/source-format.md, Limits).
#include <gtest/gtest.h>

#include <chrono>

#include "chart/labels.h"
#include "chart_test_support.h"
#include "data/chart_data.h"
#include "input/source_reader.h"
#include "rendered_diagnostics.h"

using namespace reportc;
using namespace reportc::chart;
using namespace reportc::chart::testing;

TEST(chart_Limits, AFortyThousandCharacterLabelIsAbbreviatedQuickly) {
    // Every length was tried from the longest down: 18.7 s for such a label.
    TextKit kit(fonts());
    TextStyle style{"Liberation Sans", false, false, 8, {}};
    std::string label;
    for (int i = 0; i < 8000; ++i) label += "word ";
    const auto start = std::chrono::steady_clock::now();
    std::string cut = kit.abbreviate(label, style, 100);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, 2.0);
    EXPECT_EQ(cut, kit.abbreviate(label.substr(0, 200), style, 100));
    EXPECT_EQ(cut.substr(cut.size() - 3), "…");
    EXPECT_LE(kit.width(cut, style), 100.0);
    EXPECT_GT(kit.width(cut.substr(0, cut.size() - 3) + " w…", style), 100.0);  // the longest that fits
}

TEST(chart_Limits, MoreThanTenThousandCategoriesIsAnErrorAtTheData) {
    // A line chart of 100,000 points took most of a minute to place its labels.
    MemoryEnvironment env;
    SourceManager sources;
    Diagnostics diags;
    std::string csv = "x,y\n";
    for (int i = 0; i < 10001; ++i) csv += std::to_string(i) + "," + std::to_string(i % 97) + "\n";
    env.set_file("/r/points.csv", csv);
    env.set_file("/r/report.xml", "<report layout=\"l.xml\">\n<chart type=\"line\" data=\"points.csv\" x=\"x\" y=\"y\"/>\n</report>\n");
    auto document = input::read_report("/r/report.xml", env, sources, diags);
    ASSERT_TRUE(document.has_value());
    data::resolve_charts(*document, env, sources, diags);
    EXPECT_EQ(reportc::testing::rendered(diags, sources),
              std::vector<std::string>{"/r/report.xml:2:20: error: expected at most 10000 categories in a chart, found 10001"});
    const auto& chart = std::get<doc::Chart>(document->blocks.at(0).node);
    ASSERT_TRUE(chart.resolved.has_value());
    EXPECT_EQ(chart.resolved->categories.size(), 10000u);
    EXPECT_EQ(chart.resolved->series.at(0).values.size(), 10000u);
}
