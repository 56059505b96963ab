// The layout's date-format: strftime-style conversions on a fixed epoch (UTC), and located errors
// for an unknown conversion.
#include <gtest/gtest.h>

#include "input/layout_reader.h"
#include "rendered_diagnostics.h"
#include "style/date_format.h"
#include "style/stylesheet.h"

using namespace reportc;

namespace {
constexpr int64_t k2026Dec5 = 1796428800;  // 2026-12-05 00:00:00 UTC, a Saturday
}

TEST(DateFormat, ConversionsOnAFixedEpoch) {
    EXPECT_EQ(style::format_date("%Y-%m-%d", k2026Dec5), "2026-12-05");
    EXPECT_EQ(style::format_date(style::kDefaultDateFormat, k2026Dec5), "5 December 2026");
    EXPECT_EQ(style::format_date("%A %-d %b %y, %-m/%e", k2026Dec5), "Saturday 5 Dec 26, 12/ 5");
    EXPECT_EQ(style::format_date("%a 100%%", k2026Dec5), "Sat 100%");
    EXPECT_EQ(style::format_date("%B", 0), "January");
    EXPECT_EQ(style::format_date("%Y-%m-%d %A", 0), "1970-01-01 Thursday");
    // The last second of a day is still that day; a time before 1970 too.
    EXPECT_EQ(style::format_date("%Y-%m-%d", k2026Dec5 - 1), "2026-12-04");
    EXPECT_EQ(style::format_date("%Y-%m-%d %a", -1), "1969-12-31 Wed");
    EXPECT_EQ(style::format_date("%d.%m.%Y", 951782400), "29.02.2000");  // a leap day
}

TEST(DateFormat, UnknownConversionsAreFound) {
    EXPECT_EQ(style::check_date_format("%-d %B %Y"), std::nullopt);
    EXPECT_EQ(style::check_date_format("plain text"), std::nullopt);
    EXPECT_EQ(style::check_date_format("%d %Q"), "%Q");
    EXPECT_EQ(style::check_date_format("%-q"), "%-q");
    EXPECT_EQ(style::check_date_format("50%"), "%");
}

TEST(DateFormat, TheSettingIsCheckedAtItsValue) {
    MemoryEnvironment env;
    env.set_file("l.xml", "<layout><page-master name=\"body\"/>\n<setting name=\"date-format\" value=\"%d %H\"/>\n</layout>\n");
    SourceManager sources;
    Diagnostics diags;
    auto layout = input::read_layout("l.xml", env, sources, diags, {});
    auto sheet = style::Stylesheet::build(*layout, diags);
    EXPECT_EQ(reportc::testing::rendered(diags, sources),
              (std::vector<std::string>{"l.xml:2:29: error: expected a date pattern of %Y %y %m %-m %d %-d %e %B %b %A %a %% "
                                        "and text for date-format, found '%H'"}));
    EXPECT_EQ(sheet.settings().date_format, "%-d %B %Y");
}
