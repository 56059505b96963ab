// Kerning in the line breaker (issue 13): a word is measured with its font's kerning, the
// fragments set on a line carry it, and a word hyphenated at a kerned pair is measured and set
// as the pieces say.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "inline/typesetter.h"
#include "one_font_setup.h"

using namespace reportc;

namespace {

struct KerningSetup : reportc::testing::OneFontSetup {
    KerningSetup() : OneFontSetup("liberation/LiberationSans-Regular.ttf") {}
};

// The width of `word` at 10 pt: its advances and its kerning, in 1/1000 em, scaled once.
Length kerned_width(const text::FontFace& face, const std::string& word) {
    return Length::ratio(Length::from_pt(10), face.width_milli(word) + face.kerning(word).total_milli(), 1000);
}

// Syllables are measured one by one (each rounded to the scaled point), so a word's width may
// differ from one rounding of the whole by a few scaled points.
void expect_width(Length actual, Length expected, const std::string& what) {
    EXPECT_LE(std::abs(actual.sp - expected.sp), 4) << what << ": " << actual << " against " << expected;
}

}  // namespace

TEST(inline_Kerning, WordsAreMeasuredAndSetWithTheFontsKerning) {
    KerningSetup s;
    inl::Typesetter t(s.fonts, s.hyphenator.get(), s.diags);
    const auto out = t.set(s.input("AVATAR Today, Typography.", Length::from_pt(400)));
    ASSERT_EQ(out.lines.size(), 1u);
    const auto& fragments = out.lines[0].fragments;
    ASSERT_EQ(fragments.size(), 3u);
    for (const auto& f : fragments) {
        EXPECT_FALSE(f.kerning.empty()) << f.text;
        EXPECT_EQ(f.kerning, s.face().kerning(f.text)) << f.text;
        expect_width(f.width, kerned_width(s.face(), f.text), f.text);
        EXPECT_LT(f.width, s.face().width(f.text, Length::from_pt(10))) << f.text;
    }
    // Each word starts where the previous one's kerned width and a space end.
    const Length space = s.face().width(" ", Length::from_pt(10));
    EXPECT_EQ(fragments[1].x, fragments[0].width + space);
    EXPECT_EQ(fragments[2].x, fragments[1].x + fragments[1].width + space);
}

TEST(inline_Kerning, OffWhenTheFamilyTurnsItOff) {
    KerningSetup s;
    s.fonts.turn_off_kerning("Sans");
    inl::Typesetter t(s.fonts, s.hyphenator.get(), s.diags);
    const auto out = t.set(s.input("AVATAR Today,", Length::from_pt(400)));
    ASSERT_EQ(out.lines.size(), 1u);
    for (const auto& f : out.lines[0].fragments) {
        EXPECT_TRUE(f.kerning.empty()) << f.text;
        expect_width(f.width, s.face().width(f.text, Length::from_pt(10)), f.text);
    }
}

TEST(inline_Kerning, AHyphenatedWordKeepsItsPiecesKerning) {
    // "Typography" broken by a narrow measure: each line's piece is set with the word's kerning
    // that falls inside it (and the one at the break, which the piece was measured with), so the
    // pieces placed on their lines are as wide as the breaker measured them.
    KerningSetup s;
    inl::Typesetter t(s.fonts, s.hyphenator.get(), s.diags);
    const auto out = t.set(s.input("Typography Typography", Length::from_pt(40)));
    ASSERT_GE(out.lines.size(), 3u);
    const Kerning whole = s.face().kerning("Typography");
    ASSERT_FALSE(whole.empty());
    const auto& first = out.lines[0].fragments.front();
    ASSERT_EQ(first.text.substr(0, 2), "Ty");
    EXPECT_EQ(first.kerning.adjustments().front(), whole.adjustments().front());
    for (const auto& line : out.lines)
        for (const auto& f : line.fragments) {
            const std::string piece = f.text.back() == '-' ? f.text.substr(0, f.text.size() - 1) : f.text;
            Length hyphen = f.text.back() == '-' ? s.face().width("-", Length::from_pt(10)) : Length{};
            expect_width(f.width, Length::ratio(Length::from_pt(10), s.face().width_milli(piece) + f.kerning.total_milli(), 1000) + hyphen,
                         f.text);
        }
}
