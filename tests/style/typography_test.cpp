// The layout's hyphenation policy (<hyphenation>'s attributes) and ties (<ties>): values with
// TeX's defaults, the rules of the document's language, and located errors.
#include <gtest/gtest.h>

#include "input/layout_reader.h"
#include "rendered_diagnostics.h"
#include "style/stylesheet.h"

using namespace reportc;
using reportc::testing::rendered;

namespace {

struct Built {
    style::Stylesheet sheet;
    std::vector<std::string> messages;
};

// A layout whose second and later lines are `body`.
Built build(const std::string& body) {
    MemoryEnvironment env;
    env.set_file("l.xml", "<layout><page-master name=\"body\"/>\n" + body + "</layout>\n");
    SourceManager sources;
    Diagnostics diags;
    auto layout = input::read_layout("l.xml", env, sources, diags, {});
    auto sheet = style::Stylesheet::build(*layout, diags);
    return {std::move(sheet), rendered(diags, sources)};
}

}  // namespace

TEST(style_Typography, TeXsDefaultsWithoutAttributes) {
    const auto b = build("<hyphenation dictionary=\"h.dic\"/>\n");
    EXPECT_TRUE(b.messages.empty());
    const auto& p = b.sheet.hyphenation();
    EXPECT_EQ(p.hyphen_penalty, 50);
    EXPECT_EQ(p.explicit_hyphen_penalty, 50);
    EXPECT_EQ(p.capitalized_penalty, 150);
    EXPECT_EQ(p.uppercase_penalty, 150);
    EXPECT_EQ(p.double_hyphen_demerits, 10000);
    EXPECT_EQ(p.final_hyphen_demerits, 5000);
    EXPECT_EQ(p.max_hyphenated_lines, 2);
    EXPECT_EQ(p.emergency_penalty, 10000);  // ties and one-letter prefixes never break
    EXPECT_EQ(build("").sheet.hyphenation(), style::HyphenationPolicy{});
}

TEST(style_Typography, PolicyAttributes) {
    const auto b = build("<hyphenation dictionary=\"h.dic\" hyphen-penalty=\"100\" explicit-hyphen-penalty=\"0\" "
                         "capitalized-penalty=\"10000\" uppercase-penalty=\"700\" double-hyphen-demerits=\"0\" "
                         "final-hyphen-demerits=\"20000\" max-hyphenated-lines=\"0\" emergency-penalty=\"700\"/>\n");
    EXPECT_TRUE(b.messages.empty()) << ::testing::PrintToString(b.messages);
    const auto& p = b.sheet.hyphenation();
    EXPECT_EQ(p.hyphen_penalty, 100);
    EXPECT_EQ(p.explicit_hyphen_penalty, 0);
    EXPECT_EQ(p.capitalized_penalty, 10000);
    EXPECT_EQ(p.uppercase_penalty, 700);
    EXPECT_EQ(p.double_hyphen_demerits, 0);
    EXPECT_EQ(p.final_hyphen_demerits, 20000);
    EXPECT_EQ(p.max_hyphenated_lines, 0);
    EXPECT_EQ(p.emergency_penalty, 700);
}

TEST(style_Typography, EmergencyPenaltyOutOfRangeIsAnErrorAtTheAttribute) {
    const auto b = build("<hyphenation dictionary=\"h.dic\" emergency-penalty=\"20000\"/>\n");
    EXPECT_EQ(b.messages, (std::vector<std::string>{
                              "l.xml:2:33: error: expected a whole number from 0 to 10000 for emergency-penalty, found '20000'"}));
    EXPECT_EQ(b.sheet.hyphenation().emergency_penalty, 10000);
}

TEST(style_Typography, MalformedPolicyValuesAreErrorsAtTheAttribute) {
    const auto b = build("<hyphenation dictionary=\"h.dic\" hyphen-penalty=\"high\" max-hyphenated-lines=\"-1\" "
                         "final-hyphen-demerits=\"2000000\" hyphen-min=\"2\"/>\n");
    EXPECT_EQ(b.messages,
              (std::vector<std::string>{
                  "l.xml:2:113: error: unknown property 'hyphen-min' on <hyphenation>; expected one of: hyphen-penalty, "
                  "explicit-hyphen-penalty, capitalized-penalty, uppercase-penalty, double-hyphen-demerits, "
                  "final-hyphen-demerits, max-hyphenated-lines, emergency-penalty",
                  "l.xml:2:33: error: expected a whole number from 0 to 10000 for hyphen-penalty, found 'high'",
                  "l.xml:2:55: error: expected a whole number from 0 to 100 for max-hyphenated-lines, found '-1'",
                  "l.xml:2:81: error: expected a whole number from 0 to 1000000 for final-hyphen-demerits, found '2000000'"}));
    EXPECT_EQ(b.sheet.hyphenation(), style::HyphenationPolicy{});
}

TEST(style_Typography, TiesOfTheDocumentsLanguage) {
    const auto b = build("<ties lang=\"en\" after-number=\"true\">\n"
                         "  <after>Mr. Dr.\n H.E.</after>\n"
                         "  <before-number>Annex page</before-number>\n"
                         "</ties>\n"
                         "<ties lang=\"fr\"><after>M. Mme</after></ties>\n");
    EXPECT_TRUE(b.messages.empty()) << ::testing::PrintToString(b.messages);
    const auto en = b.sheet.ties("en");
    ASSERT_NE(en, nullptr);
    EXPECT_EQ(en->after, (std::vector<std::string>{"Mr.", "Dr.", "H.E."}));
    EXPECT_EQ(en->before_number, (std::vector<std::string>{"Annex", "page"}));
    EXPECT_TRUE(en->after_number);
    EXPECT_EQ(b.sheet.ties("en-GB"), en);  // the primary language's
    ASSERT_NE(b.sheet.ties("fr"), nullptr);
    EXPECT_FALSE(b.sheet.ties("fr")->after_number);
    EXPECT_EQ(b.sheet.ties("de"), nullptr);
}

TEST(style_Typography, TiesErrors) {
    const auto b = build("<ties lang=\"en\" after-number=\"yes\"><after>Mr.</after><before>x</before>text</ties>\n"
                         "<ties lang=\"en\"/>\n"
                         "<ties/>\n");
    EXPECT_EQ(b.messages,
              (std::vector<std::string>{
                  "l.xml:2:55: error: unexpected element <before> in <ties>; expected <after> or <before-number>",
                  "l.xml:2:72: error: unexpected text in <ties>",
                  "l.xml:4:2: error: missing attribute 'lang' on <ties>",
                  "l.xml:2:17: error: expected true or false for after-number, found 'yes'",
                  "l.xml:3:2: error: ties for language 'en' are defined twice"}));
}

TEST(style_Protrusion, AmountsPerFamilyInThousandths) {
    const auto b = build("<font-family name=\"Sans\" regular=\"s.ttf\"/>\n"
                         "<font-family name=\"Serif\" regular=\"r.ttf\"/>\n"
                         "<protrusion family=\"Sans\">\n"
                         "  <char c=\".\" right=\"600\"/>\n"
                         "  <char c=\"U+2019\" left=\"400\" right=\"600\"/>\n"
                         "  <char c=\"\xE2\x80\x94\" left=\"-50\"/>\n"
                         "</protrusion>\n"
                         "<protrusion family=\"Serif\" unit=\"em\"><char c=\"T\" left=\"20\" right=\"20\"/></protrusion>\n");
    EXPECT_TRUE(b.messages.empty()) << ::testing::PrintToString(b.messages);
    const auto& tables = *b.sheet.protrusion();
    ASSERT_EQ(tables.size(), 2u);
    const style::ProtrusionTable& sans = tables.at("Sans");
    EXPECT_FALSE(sans.em);
    EXPECT_EQ(sans.chars.at(U'.'), (style::ProtrusionAmounts{0, 600}));
    EXPECT_EQ(sans.chars.at(U'\u2019'), (style::ProtrusionAmounts{400, 600}));
    EXPECT_EQ(sans.chars.at(U'\u2014'), (style::ProtrusionAmounts{-50, 0}));
    EXPECT_TRUE(tables.at("Serif").em);
    EXPECT_EQ(tables.at("Serif").chars.at(U'T'), (style::ProtrusionAmounts{20, 20}));
    EXPECT_TRUE(build("").sheet.protrusion()->empty());
}

TEST(style_Protrusion, BadEntriesAreErrorsAtTheAttribute) {
    const auto b = build("<font-family name=\"Sans\" regular=\"s.ttf\"/>\n"
                         "<protrusion family=\"Sans\" unit=\"pt\">\n"
                         "  <char c=\"ab\" right=\"100\"/>\n"
                         "  <char c=\"U+D800\" right=\"100\"/>\n"
                         "  <char c=\".\" right=\"1200\" left=\"x\"/>\n"
                         "  <char c=\",\" right=\"500\"/>\n"
                         "</protrusion>\n"
                         "<protrusion family=\"Sans\"/>\n"
                         "<protrusion family=\"Mono\"/>\n");
    EXPECT_EQ(b.messages,
              (std::vector<std::string>{
                  "l.xml:3:27: error: expected character or em for unit, found 'pt'",
                  "l.xml:4:9: error: expected one character or U+ and its hexadecimal code for c, found 'ab'",
                  "l.xml:5:9: error: expected one character or U+ and its hexadecimal code for c, found 'U+D800'",
                  "l.xml:6:28: error: expected a whole number from -1000 to 1000 for left, found 'x'",
                  "l.xml:6:15: error: expected a whole number from -1000 to 1000 for right, found '1200'",
                  "l.xml:9:2: error: protrusion for font family 'Sans' is defined twice",
                  "l.xml:10:13: error: expected a font family declared with <font-family> for family, found 'Mono'"}));
    const auto& sans = b.sheet.protrusion()->at("Sans");
    EXPECT_EQ(sans.chars.size(), 1u);  // the good entry stays
    EXPECT_EQ(sans.chars.at(U','), (style::ProtrusionAmounts{0, 500}));
}

TEST(style_Protrusion, ReaderErrors) {
    const auto b = build("<font-family name=\"Sans\" regular=\"s.ttf\"/>\n"
                         "<protrusion family=\"Sans\" size=\"1\"><glyph c=\".\"/>text<char right=\"5\"/></protrusion>\n"
                         "<protrusion/>\n");
    EXPECT_EQ(b.messages,
              (std::vector<std::string>{
                  "l.xml:3:27: error: unknown attribute 'size' on <protrusion>; expected one of: family, unit",
                  "l.xml:3:37: error: unexpected element <glyph> in <protrusion>; expected <char>",
                  "l.xml:3:50: error: unexpected text in <protrusion>",
                  "l.xml:3:55: error: missing attribute 'c' on <char>",
                  "l.xml:4:2: error: missing attribute 'family' on <protrusion>"}));
    EXPECT_TRUE(b.sheet.protrusion()->at("Sans").chars.empty());
}
