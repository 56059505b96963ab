// Inline styling as the typesetter sets it: superscripts and subscripts from the font's OS/2
// values, decorations carried by the fragments, synthesized small capitals, and the no-break
// characters that never end a line.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "inline/typesetter.h"

using namespace reportc;

namespace {

const Length k10 = Length::from_pt(10);

struct Styled {
    RealEnvironment env;
    text::FontRegistry fonts{text::read_fonts_through(env)};
    std::unique_ptr<text::Hyphenator> hyphenator;
    Diagnostics diags;
    inl::ParagraphInput paragraph;
    Styled() {
        std::string root = REPORTC_SOURCE_ROOT "/fonts/";
        std::string error;
        EXPECT_TRUE(fonts.add_family("Sans", root + "liberation/LiberationSans-Regular.ttf", "", "", "", error)) << error;
        hyphenator = text::Hyphenator::read(env, REPORTC_HYPHEN_DICTIONARY, error);
        paragraph.width = Length::from_pt(400);
        paragraph.align = style::Align::Left;
    }
    style::FontSpec& add(const std::string& text) {
        style::FontSpec font;
        font.family = "Sans";
        font.size = k10;
        paragraph.runs.push_back({text, font, {}, false, {}});
        return paragraph.runs.back().font;
    }
    inl::ParagraphLayout set() { return inl::Typesetter(fonts, hyphenator.get(), diags).set(paragraph); }
    std::pair<Length, Length> widths() { return inl::Typesetter(fonts, hyphenator.get(), diags).content_widths(paragraph); }
    const text::FontFace& face() const { return fonts.face(0); }
};

const inl::Fragment& fragment(const inl::ParagraphLayout& set, const std::string& text) {
    for (const auto& line : set.lines)
        for (const auto& f : line.fragments)
            if (f.text == text) return f;
    static const inl::Fragment none;
    ADD_FAILURE() << "no fragment \"" << text << "\"";
    return none;
}

}  // namespace

TEST(inline_InlineStyling, SuperscriptAndSubscriptTakeTheFontsOs2Metrics) {
    Styled s;
    s.add("x");
    s.add("2").vertical_align = style::VerticalAlign::Super;
    s.add("y");
    s.add("i").vertical_align = style::VerticalAlign::Sub;
    auto set = s.set();
    const auto& sup = fragment(set, "2");
    EXPECT_EQ(sup.size, Length::ratio(k10, s.face().superscript().size, 1000));
    EXPECT_EQ(sup.rise, Length::ratio(k10, s.face().superscript().offset, 1000));
    EXPECT_EQ(sup.width, s.face().width("2", sup.size));
    const auto& sub = fragment(set, "i");
    EXPECT_EQ(sub.size, Length::ratio(k10, s.face().subscript().size, 1000));
    EXPECT_EQ(sub.rise, -Length::ratio(k10, s.face().subscript().offset, 1000));
    // The line holds the raised and the lowered text.
    const auto& line = set.lines.at(0);
    EXPECT_EQ(line.ascent, max(Length::ratio(k10, s.face().ascender(), 1000),
                               sup.rise + Length::ratio(sup.size, s.face().ascender(), 1000)));
    EXPECT_EQ(line.descent, Length::ratio(sub.size, -s.face().descender(), 1000) - sub.rise);
}

TEST(inline_InlineStyling, FragmentsCarryTheirDecorations) {
    Styled s;
    s.add("plain ");
    auto& font = s.add("under struck marked");
    font.underline = font.strike = true;
    font.highlight = Color{0xff, 0xf5, 0x9d};
    auto set = s.set();
    EXPECT_EQ(fragment(set, "plain").decorations(), inl::Decorations{});
    const auto& d = fragment(set, "struck").decorations();
    ASSERT_TRUE(d.underline && d.strike && d.highlight);
    EXPECT_EQ(d.underline->position, Length::ratio(k10, s.face().underline().position, 1000));
    EXPECT_EQ(d.underline->thickness, Length::ratio(k10, s.face().underline().thickness, 1000));
    EXPECT_EQ(d.strike->position, Length::ratio(k10, s.face().strikeout().position, 1000));
    EXPECT_EQ(*d.highlight, (Color{0xff, 0xf5, 0x9d}));
    EXPECT_EQ(d.highlight_top, Length::ratio(k10, s.face().ascender(), 1000));
    EXPECT_EQ(d.highlight_bottom, Length::ratio(k10, -s.face().descender(), 1000));
}

// Plain words carry no extras at all (no allocation per word: the paragraph cache keeps every
// line), and the words of one underlined link share one.
TEST(inline_InlineStyling, PlainWordsHaveNoExtrasAndARunsWordsShareOne) {
    Styled s;
    s.add("plain words ");
    s.add("linked and underlined").underline = true;
    s.paragraph.runs.back().link = "https://example.org";
    auto set = s.set();
    EXPECT_EQ(fragment(set, "plain").extras, nullptr);
    EXPECT_EQ(fragment(set, "words").extras, nullptr);
    const auto& linked = fragment(set, "linked");
    ASSERT_NE(linked.extras, nullptr);
    EXPECT_EQ(linked.link(), "https://example.org");
    EXPECT_TRUE(linked.decorations().underline.has_value());
    EXPECT_EQ(fragment(set, "underlined").extras, linked.extras);
}

TEST(inline_InlineStyling, ARaisedFragmentKeepsItsRunsUnderline) {
    // x² underlined: the 2 is underlined on the same line as the x, not under its own baseline.
    Styled s;
    s.add("x").underline = true;
    auto& sup = s.add("2");
    sup.underline = true;
    sup.vertical_align = style::VerticalAlign::Super;
    auto set = s.set();
    EXPECT_EQ(fragment(set, "2").decorations().underline, fragment(set, "x").decorations().underline);
}

TEST(inline_InlineStyling, SynthesizedSmallCapitals) {
    // Lower-case letters become capitals at the x-height / cap-height ratio of the font (0.768
    // for Liberation Sans), every letter of the run tracked by 0.04 em; the capitals are kerned
    // as the font kerns them (A-T and T-O in Liberation Sans).
    Styled s;
    s.add("Nato").small_caps = true;
    auto set = s.set();
    const auto& cap = fragment(set, "N");
    const auto& small = fragment(set, "ATO");
    const double scale = double(s.face().x_height()) / s.face().cap_height();
    EXPECT_EQ(cap.size, k10);
    EXPECT_EQ(small.size, k10.scaled(scale));
    EXPECT_EQ(cap.tracking, Length::from_pt(0.4));
    EXPECT_EQ(small.tracking, Length::from_pt(0.4));
    ASSERT_FALSE(s.face().kerning("ATO").empty());
    EXPECT_EQ(small.kerning, s.face().kerning("ATO"));
    EXPECT_EQ(small.width, Length::ratio(small.size, s.face().width_milli("ATO") + s.face().kerning("ATO").total_milli(), 1000) +
                               Length::from_pt(0.4) * 3);
    EXPECT_EQ(small.x, cap.x + cap.width);
}

TEST(inline_InlineStyling, RealSmallCapitalsWhereTheFontHasThem) {
    // Vollkorn (Debian's fonts-vollkorn) has 'smcp': "Nato" is one fragment at the run's size,
    // untracked, its a, t, o the font's small capitals, and as wide as those glyphs are, which
    // is what the line breaker measures (the widest unbreakable piece).
    Styled s;
    std::string error;
    ASSERT_TRUE(s.fonts.add_family("Vollkorn", "/usr/share/fonts/truetype/vollkorn/Vollkorn-Regular.ttf", "", "", "", error)) << error;
    const text::FontFace& vollkorn = s.fonts.face(s.fonts.resolve({"Vollkorn", false, false}));
    auto& font = s.add("Nato");
    font.family = "Vollkorn";
    font.small_caps = true;
    auto set = s.set();
    const auto& nato = fragment(set, "Nato");
    const Kerning smcp = vollkorn.small_caps_kerning("Nato");
    ASSERT_EQ(smcp.substitutions().size(), 3u);
    EXPECT_EQ(nato.kerning, smcp);
    EXPECT_EQ(nato.size, k10);
    EXPECT_EQ(nato.tracking, Length{});
    EXPECT_EQ(nato.width, Length::ratio(k10, vollkorn.width_milli("Nato") + smcp.total_milli(), 1000));
    EXPECT_GT(nato.width, Length::ratio(k10, vollkorn.width_milli("Nato") + vollkorn.kerning("Nato").total_milli(), 1000));
    EXPECT_EQ(s.widths().first, nato.width);
}

TEST(inline_InlineStyling, AWordTheFontsSmallCapitalsCannotSetIsSynthesized) {
    // Vollkorn's small e-acute is a composite glyph, which libharu cannot draw by glyph code
    // (docs/libharu-notes.md §L21): "Café" is synthesized whole, not half and half.
    Styled s;
    std::string error;
    ASSERT_TRUE(s.fonts.add_family("Vollkorn", "/usr/share/fonts/truetype/vollkorn/Vollkorn-Regular.ttf", "", "", "", error)) << error;
    auto& font = s.add("Café Nato");
    font.family = "Vollkorn";
    font.small_caps = true;
    auto set = s.set();
    EXPECT_EQ(fragment(set, "C").size, k10);
    EXPECT_LT(fragment(set, "AFÉ").size, k10);
    EXPECT_EQ(fragment(set, "AFÉ").tracking, Length::from_pt(0.4));
    EXPECT_TRUE(fragment(set, "AFÉ").kerning.substitutions().empty());
    EXPECT_EQ(fragment(set, "Nato").kerning.substitutions().size(), 3u);
}

TEST(inline_InlineStyling, NoBreakSpaceAndHyphenNeverBreak) {
    // The widest unbreakable piece is the whole "10 kg" with U+00A0, only "10" with a space;
    // COVID‑19 with U+2011 stays whole where COVID-19 may break after its hyphen.
    Styled s;
    s.add("10\u00A0kg");
    const Length whole = s.face().width("10\u00A0kg", k10);
    EXPECT_EQ(s.widths().first, whole);
    Styled plain;
    plain.add("10 kg");
    EXPECT_LT(plain.widths().first, whole);

    Styled nb;
    nb.add("COVID\u201119");
    Styled hyphen;
    hyphen.add("COVID-19");
    EXPECT_GT(nb.widths().first, hyphen.widths().first);
    // Set at a measure narrower than the word, it overflows rather than break.
    nb.paragraph.width = Length::from_pt(30);
    auto set = nb.set();
    EXPECT_EQ(set.lines.size(), 1u);
}
