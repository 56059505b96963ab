#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "inline/typesetter.h"
#include "one_font_setup.h"

using namespace reportc;

namespace {

struct TypesetterSetup {
    RealEnvironment env;
    text::FontRegistry fonts{text::read_fonts_through(env)};
    std::unique_ptr<text::Hyphenator> hyphenator;
    Diagnostics diags;
    TypesetterSetup() {
        std::string root = REPORTC_SOURCE_ROOT "/fonts/";
        std::string error;
        EXPECT_TRUE(fonts.add_family("Sans", root + "liberation/LiberationSans-Regular.ttf", root + "liberation/LiberationSans-Bold.ttf", "", "", error)) << error;
        EXPECT_TRUE(fonts.add_family("Sym", root + "dejavu/DejaVuSans.ttf", "", "", "", error)) << error;
        fonts.set_fallbacks({"Sym"});
        hyphenator = text::Hyphenator::read(env, REPORTC_HYPHEN_DICTIONARY, error);
        EXPECT_NE(hyphenator, nullptr) << error;
    }
    inl::ParagraphInput input(const std::string& text, Length width, style::Align align = style::Align::Justify) {
        return reportc::testing::sans_input(text, width, align);
    }
};

std::string line_text(const inl::Line& l) {
    std::string s;
    for (const auto& f : l.fragments) s += (s.empty() ? "" : " ") + f.text;
    return s;
}

}  // namespace

TEST(inline_Typesetter, JustifiedLinesFillTheMeasure) {
    // Every line but the last ends exactly at the right margin; the last is set ragged.
    TypesetterSetup s;
    inl::Typesetter t(s.fonts, s.hyphenator.get(), s.diags);
    auto out = t.set(s.input("The World Health Organization declared COVID-19 a pandemic in March 2020. In response "
                             "to this clear and firm statement, countries adopted different kinds of restrictions.",
                             Length::from_pt(200)));
    ASSERT_GE(out.lines.size(), 3u);
    for (size_t i = 0; i + 1 < out.lines.size(); ++i) {
        const auto& last = out.lines[i].fragments.back();
        EXPECT_LE(std::abs((last.x + last.width - Length::from_pt(200)).pt()), 0.01) << out.lines[i];
    }
    EXPECT_FALSE(out.lines.back().justified);
    EXPECT_EQ(out.overfull_count, 0u);
}

TEST(inline_Typesetter, HyphenatesWhenNeededAndShowsTheHyphen) {
    // A narrow measure forces hyphenation breaks. Each line that ends in "-" ends at one of the
    // dictionary's points of the word it cuts, and the rest of that word opens the next line, so
    // joining the lines gives back the words.
    TypesetterSetup s;
    inl::Typesetter t(s.fonts, s.hyphenator.get(), s.diags);
    auto out = t.set(s.input("international documentation responsibilities", Length::from_pt(80)));
    std::vector<std::string> words;
    int hyphenated = 0;
    bool word_open = false;  // the previous line ended in a hyphen
    for (const auto& l : out.lines) {
        for (size_t i = 0; i < l.fragments.size(); ++i) {
            std::string text = l.fragments[i].text;
            if (word_open && i == 0) {
                const std::string prefix = words.back();
                words.back() += text;
                auto points = s.hyphenator->points(words.back());
                EXPECT_NE(std::find(points.begin(), points.end(), prefix.size()), points.end())
                    << "'" << prefix << "-' is not a hyphenation point of " << words.back();
            } else {
                words.push_back(text);
            }
        }
        word_open = !l.fragments.empty() && l.fragments.back().text.back() == '-';
        if (word_open) {
            ++hyphenated;
            words.back().pop_back();  // the hyphen shown at the end of the line
        }
    }
    EXPECT_FALSE(word_open);
    EXPECT_GE(hyphenated, 2) << "the measure is narrower than two of the words";
    EXPECT_EQ(words, (std::vector<std::string>{"international", "documentation", "responsibilities"}));
}

TEST(inline_Typesetter, NeverHyphenatesUrlsOrAcronyms) {
    // www.rocb-ap.org and ASEAN stay whole even in a narrow column.
    TypesetterSetup s;
    inl::Typesetter t(s.fonts, s.hyphenator.get(), s.diags);
    auto out = t.set(s.input("see www.rocb-ap.org ASEAN CUSTOMS", Length::from_pt(60), style::Align::Left));
    for (const auto& l : out.lines)
        for (const auto& f : l.fragments) EXPECT_NE(f.text.back(), '-') << line_text(l);
}

TEST(inline_Typesetter, FallbackFontForMissingGlyphs) {
    // ➢ is not in Liberation Sans: it is set from the fallback family, the rest stays in Sans.
    TypesetterSetup s;
    inl::Typesetter t(s.fonts, s.hyphenator.get(), s.diags);
    auto out = t.set(s.input("a ➢ b", Length::from_pt(300), style::Align::Left));
    ASSERT_EQ(out.lines.size(), 1u);
    ASSERT_EQ(out.lines[0].fragments.size(), 3u);
    EXPECT_EQ(out.lines[0].fragments[1].text, "➢");
    EXPECT_NE(out.lines[0].fragments[1].face, out.lines[0].fragments[0].face);
    EXPECT_TRUE(s.diags.all().empty());
}

TEST(inline_Typesetter, CentredAndRightAlignment) {
    // A short centred line sits in the middle; a right-aligned one ends at the measure.
    TypesetterSetup s;
    inl::Typesetter t(s.fonts, s.hyphenator.get(), s.diags);
    auto centred = t.set(s.input("x", Length::from_pt(100), style::Align::Center));
    const auto& c = centred.lines[0].fragments[0];
    EXPECT_NEAR((c.x + c.width / 2).pt(), 50.0, 0.01);
    auto right = t.set(s.input("x", Length::from_pt(100), style::Align::Right));
    const auto& r = right.lines[0].fragments[0];
    EXPECT_NEAR((r.x + r.width).pt(), 100.0, 0.01);
}

TEST(inline_Typesetter, OverwideWordIsReported) {
    // A word wider than the measure: an overfull line and a warning, never a silent overlap.
    TypesetterSetup s;
    inl::Typesetter t(s.fonts, s.hyphenator.get(), s.diags);
    auto out = t.set(s.input("a WWWWWWWWWWWWWWWWWWWW b", Length::from_pt(50)));
    EXPECT_EQ(out.overfull_count, 1u);
    EXPECT_EQ(s.diags.warning_count(), 1u);
}

TEST(inline_Typesetter, ContentWidthsForTables) {
    // The minimum is the widest unbreakable piece; the maximum the whole text on one line.
    TypesetterSetup s;
    inl::Typesetter t(s.fonts, s.hyphenator.get(), s.diags);
    auto [min_w, max_w] = t.content_widths(s.input("ASEAN and ROCB", Length::from_pt(100)));
    const auto& face = s.fonts.face(s.fonts.resolve({"Sans", false, false}));
    EXPECT_EQ(min_w, face.width("ASEAN", Length::from_pt(10)));
    EXPECT_NEAR(max_w.pt(), face.width("ASEAN and ROCB", Length::from_pt(10)).pt(), 0.001);
}

TEST(inline_Typesetter, AnInlineObjectIsOneBoxThatRaisesItsLineAscent) {
    // A 30pt x 20pt object among words of 10pt text: set once, whole, on the baseline of its
    // line, whose ascent grows to its height; the comma touching it stays on its line.
    TypesetterSetup s;
    inl::Typesetter t(s.fonts, s.hyphenator.get(), s.diags);
    auto p = s.input("alpha beta gamma delta ", Length::from_pt(80), style::Align::Left);
    inl::StyledRun object = p.runs.front();
    object.text.clear();
    object.object = inl::InlineObject{Length::from_pt(30), Length::from_pt(20), nullptr};
    p.runs.push_back(object);
    p.runs.push_back({", epsilon zeta eta theta iota", p.runs.front().font, {}, false, {}});
    auto out = t.set(p);
    ASSERT_GE(out.lines.size(), 3u);
    size_t objects = 0;
    for (const auto& line : out.lines) {
        auto it = std::find_if(line.fragments.begin(), line.fragments.end(), [](const inl::Fragment& f) { return f.object().has_value(); });
        if (it == line.fragments.end()) {
            EXPECT_LT(line.ascent, Length::from_pt(10)) << line;
            continue;
        }
        ++objects;
        EXPECT_EQ(it->width, Length::from_pt(30));
        EXPECT_EQ(it->text, "");
        EXPECT_EQ(line.ascent, Length::from_pt(20)) << line;
        ASSERT_NE(it + 1, line.fragments.end()) << line;
        EXPECT_EQ((it + 1)->text.substr(0, 1), ",");
        EXPECT_EQ((it + 1)->x, it->x + it->width);
    }
    EXPECT_EQ(objects, 1u);
    EXPECT_TRUE(s.diags.all().empty());
}

TEST(inline_Typesetter, ACharacterNoFontHasIsAnErrorNamingIt) {
    // U+E000 (private use) is in neither family: an error at the run, naming the character once
    // however often it occurs, never a silent box or blank.
    TypesetterSetup s;
    inl::Typesetter t(s.fonts, s.hyphenator.get(), s.diags);
    auto input = s.input("odd \xEE\x80\x80 and \xEE\x80\x80 again", Length::from_pt(300));
    input.runs[0].span = Span{1, 4, 9};
    t.set(input);
    ASSERT_EQ(s.diags.all().size(), 1u);
    EXPECT_EQ(s.diags.all()[0].severity, Severity::Error);
    EXPECT_EQ(s.diags.all()[0].span, (Span{1, 4, 9}));
    EXPECT_EQ(s.diags.all()[0].message, "no font has the character U+E000 '\xEE\x80\x80'");
}

TEST(inline_Typesetter, ScriptsThatNeedShapingAreRefusedNamingTheScript) {
    // DejaVu Sans has Arabic and Hebrew letters, but setting them one by one, left to right and
    // unjoined, would print a wrong name: the script is refused, once per script in the run.
    TypesetterSetup s;
    inl::Typesetter t(s.fonts, s.hyphenator.get(), s.diags);
    t.set(s.input("Somchai \xE0\xB8\xAA\xE0\xB8\xA1 \xD8\xB9\xD9\x84\xD9\x8A", Length::from_pt(300)));  // Thai, Arabic
    ASSERT_EQ(s.diags.all().size(), 2u);
    EXPECT_EQ(s.diags.all()[0].severity, Severity::Error);
    EXPECT_EQ(s.diags.all()[0].message,
              "the character U+0E2A '\xE0\xB8\xAA' is Thai, a script that needs text shaping, which reportc does not do");
    EXPECT_EQ(s.diags.all()[1].message,
              "the character U+0639 '\xD8\xB9' is Arabic, a script that needs text shaping, which reportc does not do");
}

TEST(inline_Typesetter, AWordOfSixtyFourKilobytesIsAnErrorAndCut) {
    // PDF writing failed on it with no location (libharu takes strings of at most 64 KiB).
    TypesetterSetup s;
    inl::Typesetter t(s.fonts, s.hyphenator.get(), s.diags);
    auto out = t.set(s.input("short " + std::string(65536, 'x') + " end", Length::from_pt(200)));
    ASSERT_EQ(s.diags.error_count(), 1u);  // and the overfull line's warning
    EXPECT_EQ(s.diags.all()[0].message, "expected words of at most 32767 bytes, found one of 65536");
    size_t longest = 0;
    for (const auto& line : out.lines)
        for (const auto& f : line.fragments) longest = std::max(longest, f.text.size());
    EXPECT_EQ(longest, 32767u);
    EXPECT_EQ(line_text(out.lines.back()).substr(line_text(out.lines.back()).size() - 3), "end");
}

namespace {

// The width of `text` in Sans 10pt, as the typesetter measures it.
Length text_width(const TypesetterSetup& s, const std::string& text) {
    return s.fonts.face(s.fonts.resolve({"Sans", false, false})).width(text, Length::from_pt(10));
}

}  // namespace

TEST(inline_Typesetter, RaggedLinesFillTheMeasureBeforeTheyBreak) {
    // An Annex II action cell (128pt): total fit once set "a) Upon request," alone on the first
    // line to even out the lines after it, though "assist" fits. Ragged text is filled: no
    // line could have taken the next line's first word.
    TypesetterSetup s;
    inl::Typesetter t(s.fonts, s.hyphenator.get(), s.diags);
    const Length measure = Length::from_pt(128);
    auto out = t.set(s.input("a) Upon request, assist Member’s effort in implementing risk management tools like the WCO Risk "
                             "Management Compendium",
                             measure, style::Align::Left));
    ASSERT_GE(out.lines.size(), 3u);
    EXPECT_EQ(line_text(out.lines[0]).rfind("a) Upon request, assist", 0), 0u) << line_text(out.lines[0]);
    for (size_t i = 0; i + 1 < out.lines.size(); ++i) {
        const std::string next = out.lines[i + 1].fragments.front().text;
        EXPECT_GT(out.lines[i].natural_width + text_width(s, " " + next), measure) << out.lines[i] << " / " << next;
    }
    EXPECT_EQ(out.overfull_count, 0u);
}

TEST(inline_Typesetter, RaggedTextHyphenatesOnlyAWordWiderThanTheLine) {
    // Hyphenation is on, but every word fits a 70pt line of its own: none is broken. A word
    // wider than a 40pt line is broken at its hyphenation points, with no overfull line.
    TypesetterSetup s;
    inl::Typesetter t(s.fonts, s.hyphenator.get(), s.diags);
    auto whole = t.set(s.input("assist members in implementing documentation and assessments", Length::from_pt(70),
                               style::Align::Left));
    for (const auto& line : whole.lines) EXPECT_FALSE(line.hyphenated) << line;
    auto broken = t.set(s.input("an international agreement", Length::from_pt(40), style::Align::Left));
    EXPECT_TRUE(std::any_of(broken.lines.begin(), broken.lines.end(), [](const inl::Line& l) { return l.hyphenated; }));
    EXPECT_EQ(broken.overfull_count, 0u);
}

namespace {

// Everything a set line holds, to compare two settings of one paragraph.
std::string described(const inl::ParagraphLayout& layout) {
    std::ostringstream os;
    os << "pass " << layout.pass << " overfull " << layout.overfull_count << "\n";
    for (const auto& l : layout.lines) {
        os << l << " ascent=" << l.ascent << " descent=" << l.descent << " hang=" << l.hang_left << "/" << l.hang_right
           << " exp=" << l.expansion << " sf=" << l.space_factor << (l.justified ? " justified" : "")
           << (l.hyphenated ? " hyphenated" : "") << "\n";
        for (const auto& f : l.fragments)
            os << "  " << f << " size=" << f.size << " kern=" << f.kerning << " exp=" << f.expansion << " link=" << f.link() << "\n";
    }
    return os.str();
}

}  // namespace

TEST(inline_Typesetter, SettingIntoAUsedLayoutGivesWhatAFreshOneGives) {
    // The paragraph cache sets every paragraph into one layout, reusing its storage: what was
    // there before (more lines, hyphenated or overfull ones, other metrics) leaves nothing behind.
    TypesetterSetup s;
    inl::Typesetter t(s.fonts, s.hyphenator.get(), s.diags);
    const inl::ParagraphInput long_one = s.input(
        "Administrative Arrangements: the Organization's representatives reconsidered transboundary "
        "cooperation, notwithstanding considerable procedural difficulties, throughout the year.",
        Length::from_pt(70));
    inl::ParagraphInput short_one = s.input("Two words.", Length::from_pt(300), style::Align::Center);
    short_one.runs[0].link = "https://example.org";
    const inl::ParagraphInput overfull = s.input("Incomprehensibilities", Length::from_pt(20), style::Align::Left);
    const std::vector<const inl::ParagraphInput*> inputs{&long_one, &short_one, &overfull, &long_one, &overfull, &short_one};
    inl::ParagraphLayout reused;
    for (const auto* input : inputs) {
        t.set(*input, nullptr, reused);
        EXPECT_EQ(described(reused), described(t.set(*input)));
    }
    // The cases are what they mean to be: many lines, one hyphenated, then one line; overfull.
    const inl::ParagraphLayout long_set = t.set(long_one);
    EXPECT_GE(long_set.lines.size(), 4u);
    EXPECT_TRUE(std::any_of(long_set.lines.begin(), long_set.lines.end(), [](const inl::Line& l) { return l.hyphenated; }));
    EXPECT_EQ(t.set(short_one).lines.size(), 1u);
    EXPECT_GT(t.set(overfull).overfull_count, 0u);
}
