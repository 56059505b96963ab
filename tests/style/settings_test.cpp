// The layout's <setting> entries: typed values with defaults, and located errors for unknown
// names, repeated names and malformed values.
#include <gtest/gtest.h>

#include "input/layout_reader.h"
#include "rendered_diagnostics.h"
#include "style/stylesheet.h"

using namespace reportc;
using reportc::testing::rendered;

namespace {

struct Built {
    style::Settings settings;
    std::vector<std::string> messages;
};

// Reads a layout whose second and later lines are `body` (after one "body" page master) and
// builds its stylesheet.
Built build(const std::string& body) {
    MemoryEnvironment env;
    env.set_file("l.xml", "<layout><page-master name=\"body\"/><page-master name=\"front\"/>\n" + body + "</layout>\n");
    SourceManager sources;
    Diagnostics diags;
    auto layout = input::read_layout("l.xml", env, sources, diags, {});
    auto sheet = style::Stylesheet::build(*layout, diags);
    return {sheet.settings(), rendered(diags, sources)};
}

}  // namespace

TEST(Settings, DefaultsWhenNoneIsGiven) {
    auto b = build("");
    EXPECT_TRUE(b.messages.empty());
    EXPECT_EQ(b.settings.page_master, "body");
    EXPECT_FALSE(b.settings.page_master_span.valid());
    EXPECT_EQ(b.settings.abbreviation_register, "");
    EXPECT_EQ(b.settings.contents_levels, 2);
    EXPECT_TRUE(b.settings.chart_palette.empty());
}

TEST(Settings, EverySettingIsReadIntoItsType) {
    auto b = build("<setting name=\"page-master\" value=\"front\"/>\n"
                   "<setting name=\"abbreviation-register\" value=\"abbreviations\"/>\n"
                   "<setting name=\"contents-levels\" value=\"3\"/>\n"
                   "<setting name=\"chart-palette\" value=\"#1f4e79 #abc, #FFFFFF\"/>\n");
    EXPECT_TRUE(b.messages.empty());
    EXPECT_EQ(b.settings.page_master, "front");
    EXPECT_TRUE(b.settings.page_master_span.valid());
    EXPECT_EQ(b.settings.abbreviation_register, "abbreviations");
    EXPECT_EQ(b.settings.contents_levels, 3);
    EXPECT_EQ(b.settings.chart_palette, (std::vector<Color>{{0x1f, 0x4e, 0x79}, {0xaa, 0xbb, 0xcc}, {0xff, 0xff, 0xff}}));
}

TEST(Settings, UnknownSettingIsAnErrorAtItsNameWithTheKnownNames) {
    // A slip gets a suggestion; another word only the list.
    auto b = build("<setting name=\"contents-level\" value=\"3\"/>\n<setting name=\"pdf-a\" value=\"true\"/>\n");
    EXPECT_EQ(b.messages, (std::vector<std::string>{
                              "l.xml:2:10: error: unknown setting 'contents-level' (did you mean 'contents-levels'?); expected "
                              "one of: page-master, abbreviation-register, contents-levels, chart-palette, ragged-bottom, footnote-numbering, footnote-skip, footnote-gap, footnote-rule-width, footnote-rule-thickness, date-format, no-break-units, keep-tables-under-rows, caption-continued-text, image-paths, change-bar-color, change-bar-width, change-bar-gap, change-highlight, change-added-highlight",
                              "l.xml:3:10: error: unknown setting 'pdf-a'; expected one of: page-master, abbreviation-register, contents-levels, chart-palette, ragged-bottom, footnote-numbering, footnote-skip, footnote-gap, footnote-rule-width, footnote-rule-thickness, date-format, no-break-units, keep-tables-under-rows, caption-continued-text, image-paths, change-bar-color, change-bar-width, change-bar-gap, change-highlight, change-added-highlight"}));
}

TEST(Settings, FootnoteAndPageSettingsAreTyped) {
    auto b = build("<setting name=\"footnote-numbering\" value=\"page\"/>\n<setting name=\"ragged-bottom\" value=\"2em\"/>\n"
                   "<setting name=\"footnote-rule-width\" value=\"40mm\"/>\n");
    EXPECT_TRUE(b.messages.empty());
    EXPECT_EQ(b.settings.footnote_numbering, style::FootnoteNumbering::Page);
    EXPECT_EQ(b.settings.ragged_bottom, Length::from_pt(20));
    EXPECT_EQ(b.settings.footnote_rule_width, Length::from_mm(40));
    auto bad = build("<setting name=\"footnote-numbering\" value=\"chapter\"/>\n<setting name=\"footnote-gap\" value=\"-2pt\"/>\n");
    EXPECT_EQ(bad.messages, (std::vector<std::string>{
                                "l.xml:2:36: error: expected document or page for footnote-numbering, found 'chapter'",
                                "l.xml:3:30: error: expected a length such as 12pt or 4mm for footnote-gap, found '-2pt'"}));
}

TEST(Settings, ContentsLevelsMustBeAWholeNumberFromOneToFour) {
    // value="two" used to become 0 through atoi: an empty contents without a message.
    for (const char* bad : {"two", "0", "5", "2.0", "-1", "", " 2"}) {
        auto b = build(std::string("<setting name=\"contents-levels\" value=\"") + bad + "\"/>\n");
        EXPECT_EQ(b.messages, (std::vector<std::string>{"l.xml:2:33: error: expected a whole number from 1 to 4 for "
                                                        "contents-levels, found '" + std::string(bad) + "'"}));
        EXPECT_EQ(b.settings.contents_levels, 2);
    }
    EXPECT_EQ(build("<setting name=\"contents-levels\" value=\"4\"/>\n").settings.contents_levels, 4);
}

TEST(Settings, DuplicateSettingIsAnErrorPointingAtBoth) {
    // The first one counts; the second is an error with a note at the first.
    auto b = build("<setting name=\"page-master\" value=\"front\"/>\n<setting name=\"page-master\" value=\"body\"/>\n");
    EXPECT_EQ(b.messages, (std::vector<std::string>{"l.xml:3:10: error: setting 'page-master' is given twice; each setting may appear once",
                                                    "l.xml:2:10: note: the first 'page-master' setting is here"}));
    EXPECT_EQ(b.settings.page_master, "front");
}

TEST(Settings, BadPaletteColourIsAnErrorAtTheValue) {
    auto b = build("<setting name=\"chart-palette\" value=\"#112233 blue #abc\"/>\n");
    EXPECT_EQ(b.messages, (std::vector<std::string>{
                              "l.xml:2:31: error: expected colours such as #1f4e79 separated by spaces in chart-palette, found 'blue'"}));
    EXPECT_TRUE(b.settings.chart_palette.empty());
    EXPECT_EQ(build("<setting name=\"chart-palette\" value=\" \"/>\n").messages,
              (std::vector<std::string>{"l.xml:2:31: error: expected at least one colour in chart-palette, found none"}));
}

TEST(Settings, PageMasterMustBeDefined) {
    auto b = build("<setting name=\"page-master\" value=\"landscape\"/>\n");
    EXPECT_EQ(b.messages, (std::vector<std::string>{"l.xml:2:29: error: expected a page master defined in the layout, found 'landscape'"}));
    EXPECT_TRUE(b.settings.page_master_span.valid());  // so the driver does not report it again
}

TEST(Settings, SlotCharacterStylesMustBeDefined) {
    // Checked once for the layout, not on every page the slot is set on.
    auto b = build("<page-master name=\"other\"><header><left><span style=\"accent\">{title}</span> <b>x</b></left></header></page-master>\n"
                   "<character-style name=\"strong\" font-weight=\"bold\"/>\n");
    EXPECT_EQ(b.messages, (std::vector<std::string>{"l.xml:2:62: error: expected a character style defined in the layout, found 'accent'"}));
}

TEST(Settings, NoBreakUnitsAreAListOfWords) {
    auto b = build("<setting name=\"no-break-units\" value=\"%  kg €\"/>\n");
    EXPECT_TRUE(b.messages.empty());
    EXPECT_EQ(b.settings.no_break_units, (std::vector<std::string>{"%", "kg", "€"}));
    EXPECT_TRUE(build("").settings.no_break_units.empty());
    auto bad = build("<setting name=\"no-break-units\" value=\" \"/>\n");
    EXPECT_EQ(bad.messages, (std::vector<std::string>{
                                "l.xml:2:32: error: expected units separated by spaces, such as '% kg km' for no-break-units, found ' '"}));
}

TEST(Settings, KeepTablesUnderRowsAndCaptionContinuedText) {
    auto b = build("<setting name=\"keep-tables-under-rows\" value=\"6\"/>\n<setting name=\"caption-continued-text\" value=\"(cont.)\"/>\n");
    EXPECT_TRUE(b.messages.empty());
    EXPECT_EQ(b.settings.keep_tables_under_rows, 6);
    EXPECT_EQ(b.settings.caption_continued_text, "(cont.)");
    auto bad = build("<setting name=\"keep-tables-under-rows\" value=\"few\"/>\n");
    ASSERT_EQ(bad.messages.size(), 1u);
    EXPECT_EQ(bad.messages[0], "l.xml:2:40: error: expected a whole number of rows, 0 or more for keep-tables-under-rows, found 'few'");
}

TEST(Settings, ChangeMarksHaveDefaultsAndTypedValues) {
    // A review copy's bar and fills (build --changes-since): defaults, set values, a bad colour.
    auto d = build("");
    EXPECT_EQ(d.settings.change_bar_color, (Color{0xd6, 0x27, 0x28}));
    EXPECT_EQ(d.settings.change_bar_width, Length::from_pt(2));
    EXPECT_EQ(d.settings.change_bar_gap, Length::from_pt(4));
    auto b = build("<setting name=\"change-bar-color\" value=\"#00f\"/>\n<setting name=\"change-bar-width\" value=\"1mm\"/>\n"
                   "<setting name=\"change-highlight\" value=\"yellow\"/>\n");
    EXPECT_EQ(b.settings.change_bar_color, (Color{0, 0, 0xff}));
    EXPECT_EQ(b.settings.change_bar_width, Length::from_mm(1));
    EXPECT_EQ(b.messages, (std::vector<std::string>{"l.xml:4:34: error: expected a colour such as #d62728 for change-highlight, found 'yellow'"}));
}
