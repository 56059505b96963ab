// Extreme values in a layout (issue 15): lengths, font sizes and page sizes past what the engine
// or PDF writing supports are located errors where they are written, so `check` finds them
// (docs/source-format.md, Limits); before, 1e308pt overflowed the scaled-point integer.
#include <gtest/gtest.h>

#include "input/layout_reader.h"
#include "rendered_diagnostics.h"
#include "style/stylesheet.h"
#include "style/values.h"

using namespace reportc;
using reportc::testing::rendered;

namespace {

std::vector<std::string> errors_of(const std::string& body) {
    MemoryEnvironment env;
    SourceManager sources;
    Diagnostics diags;
    env.set_file("l.xml", "<layout>\n" + body + "\n</layout>\n");
    auto layout = input::read_layout("l.xml", env, sources, diags, Span{});
    EXPECT_TRUE(layout.has_value());
    if (layout) style::Stylesheet::build(*layout, diags);
    return rendered(diags, sources);
}

}  // namespace

TEST(style_Limits, LengthsPastMaxdimenAreRefusedBeforeRounding) {
    const Length em = Length::from_pt(10);
    EXPECT_FALSE(style::parse_length("1e308pt", em).has_value());
    EXPECT_FALSE(style::parse_length("-1e308pt", em).has_value());
    EXPECT_FALSE(style::parse_length("1e306in", em).has_value());
    EXPECT_FALSE(style::parse_length("1e300em", em).has_value());
    EXPECT_FALSE(style::parse_length("5800mm", em).has_value());
    EXPECT_FALSE(style::parse_length("infpt", em).has_value());
    EXPECT_FALSE(style::parse_length("nanpt", em).has_value());
    EXPECT_EQ(*style::parse_length("16383pt", em), Length::from_pt(16383));
    EXPECT_EQ(*style::parse_length("-16383pt", em), Length::from_pt(-16383));
    EXPECT_EQ(*style::parse_length("5000mm", em), Length::from_mm(5000));
}

TEST(style_Limits, AHugeLengthIsAnErrorAtItsProperty) {
    auto out = errors_of("<paragraph-style name=\"body\" space-before=\"1e308pt\"/>");
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0], "l.xml:2:30: error: expected a length such as 12pt, 4mm, 1.5em for space-before, found '1e308pt'");
}

TEST(style_Limits, FontSizesAboveSixHundredPointsAreErrors) {
    auto out = errors_of("<paragraph-style name=\"body\" font-size=\"700pt\"/>\n"
                         "<character-style name=\"big\" font-size=\"601pt\"/>\n"
                         "<paragraph-style name=\"ok\" font-size=\"600pt\"/>");
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[0], "l.xml:2:30: error: expected a font size of at most 600pt for font-size, found '700pt'");
    EXPECT_EQ(out[1], "l.xml:3:29: error: expected a font size of at most 600pt for font-size, found '601pt'");
}

TEST(style_Limits, EmFontSizesAreCheckedAfterTheyAreComputed) {
    // 1em is 10pt in a layout: 61em is 610pt, past the limit; 60em is 600pt, at it.
    auto out = errors_of("<paragraph-style name=\"body\" font-size=\"61em\"/>\n"
                         "<character-style name=\"big\" font-size=\"60.5em\"/>\n"
                         "<paragraph-style name=\"ok\" font-size=\"60em\"/>");
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[0], "l.xml:2:30: error: expected a font size of at most 600pt for font-size, found '61em'");
    EXPECT_EQ(out[1], "l.xml:3:29: error: expected a font size of at most 600pt for font-size, found '60.5em'");
}

TEST(style_Limits, PageSidesPastFourteenThousandFourHundredPointsAreErrors) {
    auto out = errors_of("<page-master name=\"body\" size=\"14401pt 100pt\"/>\n"
                         "<page-master name=\"tiny\" size=\"2pt 100pt\"/>\n"
                         "<page-master name=\"big\" size=\"14400pt 14400pt\"/>");
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[0], "l.xml:2:26: error: expected a page size from 3pt to 14400pt each way for size, found '14401pt 100pt'");
    EXPECT_EQ(out[1], "l.xml:3:26: error: expected a page size from 3pt to 14400pt each way for size, found '2pt 100pt'");
}
