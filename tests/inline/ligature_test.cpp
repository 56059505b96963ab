// Ligatures in the line breaker (issue 13 item 1): a word is measured and set with the glyphs
// its family's features give, and a hyphenation point inside a ligature still breaks the word
// there, the ligature broken into its letters on both lines, as TeX breaks it.
#include <gtest/gtest.h>

#include <string>

#include "inline/typesetter.h"
#include "one_font_setup.h"

using namespace reportc;

namespace {

struct LigatureSetup : reportc::testing::OneFontSetup {
    LigatureSetup() : OneFontSetup("dejavu/DejaVuSans.ttf") { fonts.set_features("Sans", {*parse_font_feature("liga")}); }
    Length width(const std::string& word) const {
        return Length::ratio(Length::from_pt(10), face().width_milli(word) + face().kerning(word).total_milli(), 1000);
    }
    // Without the ligature: the letters' advances.
    Length plain(const std::string& word) const { return face().width(word, Length::from_pt(10)); }
};

}  // namespace

TEST(inline_Ligatures, AnUnbrokenWordKeepsItsLigature) {
    LigatureSetup s;
    inl::Typesetter t(s.fonts, s.hyphenator.get(), s.diags);
    const auto out = t.set(s.input("office staff", Length::from_pt(400)));
    ASSERT_EQ(out.lines.size(), 1u);
    const auto& fragments = out.lines[0].fragments;
    ASSERT_EQ(fragments.size(), 2u);
    EXPECT_EQ(fragments[0].text, "office");
    // "office" has a hyphenation point inside its ffi ("of-fice"): joined again on one line.
    EXPECT_EQ(fragments[0].kerning, s.face().kerning("office"));
    ASSERT_EQ(fragments[0].kerning.substitutions().size(), 1u);
    EXPECT_FALSE(fragments[0].kerning.substitutions()[0].open);
    EXPECT_LE(std::abs((fragments[0].width - s.width("office")).sp), 4);
    EXPECT_EQ(fragments[1].x, fragments[0].width + s.face().width(" ", Length::from_pt(10)));
}

TEST(inline_Ligatures, AHyphenationPointInsideALigatureStillBreaks) {
    LigatureSetup s;
    inl::Typesetter t(s.fonts, s.hyphenator.get(), s.diags);
    // Narrower than "office": it must break at "of-fice", inside the ffi ligature.
    const auto out = t.set(s.input("office", s.width("office") - Length::from_pt(1)));
    ASSERT_EQ(out.lines.size(), 2u);
    const auto& first = out.lines[0].fragments;
    ASSERT_FALSE(first.empty());
    EXPECT_TRUE(out.lines[0].hyphenated);
    std::string shown;
    for (const auto& f : first) shown += f.text;
    EXPECT_EQ(shown, "of-");
    // The letters as they are, no ligature drawn: the hyphen stands right after the plain "of".
    for (const auto& f : first)
        for (const GlyphSub& g : f.kerning.substitutions()) EXPECT_TRUE(g.open) << f.text;
    EXPECT_EQ(first.back().text.back(), '-');
    EXPECT_LE(std::abs((first.back().x - s.plain("of")).sp), 4);
    EXPECT_LE(std::abs((out.lines[0].natural_width - s.plain("of") - s.plain("-")).sp), 8);
    // The second line: "fice" as letters, measured without the ligature.
    const auto& second = out.lines[1].fragments;
    ASSERT_EQ(second.size(), 1u);
    EXPECT_EQ(second[0].text, "fice");
    EXPECT_TRUE(second[0].kerning.substitutions().empty());
    EXPECT_LE(std::abs((second[0].width - s.plain("fice")).sp), 4);
}
