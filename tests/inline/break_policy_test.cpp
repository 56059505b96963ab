// Ties and the hyphenation policy (style/typography.h) in set paragraphs. Each rule is shown on
// a paragraph that breaks there without it: the measure is searched for, so the test does not
// depend on font metrics staying exactly as they are.
#include <gtest/gtest.h>

#include <cctype>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "inline/ties.h"
#include "inline/typesetter.h"
#include "one_font_setup.h"

using namespace reportc;

namespace {

struct PolicySetup : reportc::testing::OneFontSetup {
    PolicySetup() : OneFontSetup("liberation/LiberationSans-Regular.ttf") {}
    // Justified, as the policy's demerits matter most there.
    inl::ParagraphInput input(const std::string& text, Length width) const {
        inl::ParagraphInput p = OneFontSetup::input(text, width);
        p.align = style::Align::Justify;
        return p;
    }
    std::vector<std::string> lines(const inl::ParagraphInput& p) {
        inl::Typesetter t(fonts, hyphenator.get(), diags);
        std::vector<std::string> out;
        for (const auto& line : t.set(p).lines) {
            std::string s;
            for (const auto& f : line.fragments) s += (s.empty() ? "" : " ") + f.text;
            out.push_back(s);
        }
        return out;
    }
};

bool ends_with(const std::string& s, const std::string& end) {
    return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

// The first measure from 60pt to 300pt, in steps of 1pt, whose lines satisfy `found`.
std::optional<Length> measure_where(PolicySetup& s, const std::string& text, const std::function<void(inl::ParagraphInput&)>& adjust,
                                    const std::function<bool(const std::vector<std::string>&)>& found) {
    for (int w = 60; w <= 300; ++w) {
        inl::ParagraphInput p = s.input(text, Length::from_pt(w));
        adjust(p);
        if (found(s.lines(p))) return p.width;
    }
    return std::nullopt;
}

bool some_line_ends_with(const std::vector<std::string>& lines, const std::string& end) {
    for (size_t i = 0; i + 1 < lines.size(); ++i)
        if (ends_with(lines[i], end)) return true;
    return false;
}

std::shared_ptr<const style::TieRules> english() {
    auto rules = std::make_shared<style::TieRules>();
    rules->lang = "en";
    rules->after = {"Mr.", "Ms.", "Dr.", "H.E."};
    rules->before_number = {"Annex", "Diagram", "Pillar", "page"};
    rules->after_number = true;
    return rules;
}

const std::string kProse =
    "At the invitation of Mr. Lin Hongliang and of Dr. Kunio Mikuriya, 37 officials met on 30 June to read Annex I "
    "and the figures of Diagram 4 under Pillar 1, as page 12 of the report and Ms. Yoon had asked, with H.E. Tan.";

}  // namespace

TEST(inline_Ties, RulesOfTheLayout) {
    const auto rules = english();
    EXPECT_TRUE(inl::tied(*rules, "Mr.", "Lin"));
    EXPECT_TRUE(inl::tied(*rules, "(Dr.", "Kunio"));
    EXPECT_TRUE(inl::tied(*rules, "mr.", "Lin"));  // ASCII case does not matter
    EXPECT_FALSE(inl::tied(*rules, "Mr", "Lin"));
    EXPECT_TRUE(inl::tied(*rules, "Annex", "I"));
    EXPECT_TRUE(inl::tied(*rules, "Annex", "III."));
    EXPECT_TRUE(inl::tied(*rules, "Diagram", "4.1:"));
    EXPECT_TRUE(inl::tied(*rules, "Page", "12)"));
    EXPECT_FALSE(inl::tied(*rules, "Annex", "is"));
    EXPECT_FALSE(inl::tied(*rules, "Annex", ""));
    EXPECT_TRUE(inl::tied(*rules, "30", "June"));
    EXPECT_TRUE(inl::tied(*rules, "1,200", "officials"));
    EXPECT_FALSE(inl::tied(*rules, "2020,", "the"));  // the number ends a clause
    EXPECT_FALSE(inl::tied(*rules, "30", "(June)"));
    EXPECT_FALSE(inl::tied(*rules, "the", "30"));
    auto no_numbers = std::make_shared<style::TieRules>(*rules);
    no_numbers->after_number = false;
    EXPECT_FALSE(inl::tied(*no_numbers, "30", "June"));
}

TEST(inline_Ties, EachTieHoldsWhereTheParagraphWouldBreakOtherwise) {
    PolicySetup s;
    const auto none = [](inl::ParagraphInput&) {};
    const auto tied = [](inl::ParagraphInput& p) { p.ties = english(); };
    for (const char* word : {"Mr.", "Dr.", "Ms.", "H.E.", "37", "30", "Annex", "Diagram", "Pillar", "page"}) {
        SCOPED_TRACE(word);
        auto breaks_there = [&](const std::vector<std::string>& lines) { return some_line_ends_with(lines, std::string(" ") + word); };
        const std::optional<Length> width = measure_where(s, kProse, none, breaks_there);
        ASSERT_TRUE(width.has_value()) << "no measure breaks after " << word;
        inl::ParagraphInput p = s.input(kProse, *width);
        tied(p);
        const auto lines = s.lines(p);
        EXPECT_FALSE(breaks_there(lines)) << ::testing::PrintToString(lines);
    }
}

TEST(inline_Ties, ATiedSpaceStretchesLikeTheOthers) {
    // Justified, "Mr. Lin" keeps a stretchable space: on a stretched line its gap is as wide as
    // the line's other spaces.
    PolicySetup s;
    inl::ParagraphInput p = s.input("The meeting heard Mr. Lin and many other speakers at length on the subject of "
                                    "trade facilitation in the region during the year under review.",
                                    Length::from_pt(150));
    p.ties = english();
    inl::Typesetter t(s.fonts, s.hyphenator.get(), s.diags);
    const auto out = t.set(p);
    bool seen = false;
    for (const auto& line : out.lines) {
        if (!line.justified || line.ratio <= 0) continue;
        for (size_t i = 1; i < line.fragments.size(); ++i) {
            if (line.fragments[i].text != "Lin") continue;
            const Length gap = line.fragments[i].x - (line.fragments[i - 1].x + line.fragments[i - 1].width);
            const Length other = line.fragments[1].x - (line.fragments[0].x + line.fragments[0].width);
            EXPECT_NEAR(gap.pt(), other.pt(), 0.01) << line;
            seen = true;
        }
    }
    if (!seen) GTEST_SKIP() << "\"Lin\" did not fall inside a stretched line";
}

TEST(inline_Ties, TiedWordsAreOnePieceForTableWidths) {
    PolicySetup s;
    inl::Typesetter t(s.fonts, s.hyphenator.get(), s.diags);
    inl::ParagraphInput p = s.input("Mr. Tan", Length::from_pt(100));
    const Length apart = t.content_widths(p).first;
    p.ties = english();
    const auto [min_tied, max_tied] = t.content_widths(p);
    EXPECT_GT(min_tied, apart);
    EXPECT_EQ(min_tied, max_tied);
}

namespace {

const auto kNoPolicy = [](inl::ParagraphInput&) {};

}  // namespace

TEST(inline_HyphenationPolicy, WordsWithAHyphenBreakOnlyThere) {
    // "E-Com-merce", "e-Newslet-ter" and "Co-opera-tion" were seen in the 2020-21 report.
    PolicySetup s;
    const std::string text = "The E-Commerce workshop and the e-Newsletter on co-operation and "
                             "self-assessment reached all administrations.";
    for (int w = 40; w <= 200; ++w) {
        const auto lines = s.lines(s.input(text, Length::from_pt(w)));
        for (size_t i = 0; i + 1 < lines.size(); ++i) {
            const std::string& l = lines[i];
            for (const char* bad : {"E-Com-", "E-Commer-", "e-News-", "e-Newslet-", "co-op-", "co-opera-", "self-as-", "self-assess-"})
                EXPECT_FALSE(ends_with(l, bad)) << w << "pt: " << ::testing::PrintToString(lines);
        }
    }
}

TEST(inline_HyphenationPolicy, NamesCostMoreToHyphenate) {
    // "Pattara-pak", "Anun-tasilpa" were seen in the 2020-21 report. Over many measures, the
    // names are hyphenated less often with the policy's penalty for capitalised words than with
    // the penalty of other words.
    PolicySetup s;
    const std::string text = "The session was opened by Pattarapak Anuntasilpa and closed by Kunio Mikuriya in Korea "
                             "after the delegates of Indonesia and Cambodia had spoken.";
    auto name_split = [](const std::vector<std::string>& lines) {
        for (size_t i = 0; i + 1 < lines.size(); ++i)
            if (lines[i].size() >= 2 && lines[i].back() == '-') {
                const std::string last = lines[i].substr(lines[i].rfind(' ') + 1);
                if (std::isupper(static_cast<unsigned char>(last[0]))) return true;
            }
        return false;
    };
    int cheap = 0, policy = 0;
    for (int w = 60; w <= 300; ++w) {
        inl::ParagraphInput p = s.input(text, Length::from_pt(w));
        policy += name_split(s.lines(p)) ? 1 : 0;
        p.hyphenation.capitalized_penalty = p.hyphenation.hyphen_penalty;
        cheap += name_split(s.lines(p)) ? 1 : 0;
    }
    EXPECT_GT(cheap, 0);
    EXPECT_LT(policy, cheap);
}

TEST(inline_HyphenationPolicy, AllCapitalWordsMayBeHyphenatedWhenNothingElseFits) {
    // Before the policy, "(UNOHRLLS)" was never hyphenated; now it is, at a high cost, where the
    // paragraph has no other acceptable breaks.
    PolicySetup s;
    const std::string text = "Small Island Developing States (UNOHRLLS) and others";
    auto acronym_split = [](const std::vector<std::string>& lines) {
        for (size_t i = 0; i + 1 < lines.size(); ++i)
            if (ends_with(lines[i], "-") && lines[i].find("(UN") != std::string::npos) return true;
        return false;
    };
    EXPECT_TRUE(measure_where(s, text, kNoPolicy, acronym_split).has_value());
}

TEST(inline_HyphenationPolicy, AtMostTwoHyphenatedLinesInARow) {
    PolicySetup s;
    const std::string text =
        "Internationalization administrations responsibilities documentation accessibility characteristically "
        "organizational representatives communications international establishment implementation "
        "considerations underrepresented telecommunications infrastructure interoperability";
    auto longest_run = [](const std::vector<std::string>& lines) {
        size_t run = 0, longest = 0;
        for (size_t i = 0; i + 1 < lines.size(); ++i) {
            run = ends_with(lines[i], "-") ? run + 1 : 0;
            longest = std::max(longest, run);
        }
        return longest;
    };
    auto unlimited = [](inl::ParagraphInput& p) {
        p.hyphenation.max_hyphenated_lines = 0;
        p.hyphenation.double_hyphen_demerits = 0;
    };
    const auto width = measure_where(s, text, unlimited, [&](const std::vector<std::string>& l) { return longest_run(l) >= 3; });
    ASSERT_TRUE(width.has_value());
    for (int w = 60; w <= 300; ++w) {
        const auto lines = s.lines(s.input(text, Length::from_pt(w)));
        EXPECT_LE(longest_run(lines), 2u) << w << "pt: " << ::testing::PrintToString(lines);
    }
}

TEST(inline_HyphenationPolicy, FinalHyphenDemeritsKeepTheLastLineWhole) {
    // Over many measures, the paragraph ends in a fragment of a hyphenated word less often with
    // TeX's 5000 final-hyphen demerits than without, and a measure exists where they decide.
    PolicySetup s;
    const std::string text = "The delegates reviewed the implementation of the regional strategy and its "
                             "recommendations concerning capacity building and administrations.";
    auto final_fragment = [](const std::vector<std::string>& lines) {
        return lines.size() >= 2 && ends_with(lines[lines.size() - 2], "-");
    };
    auto free = [](inl::ParagraphInput& p) { p.hyphenation.final_hyphen_demerits = 0; };
    int with = 0, without = 0;
    for (int w = 60; w <= 300; ++w) {
        inl::ParagraphInput p = s.input(text, Length::from_pt(w));
        with += final_fragment(s.lines(p)) ? 1 : 0;
        free(p);
        without += final_fragment(s.lines(p)) ? 1 : 0;
    }
    EXPECT_LT(with, without);
}

TEST(inline_HyphenationPolicy, TwoLettersBeforeAndThreeAfterEveryHyphen) {
    PolicySetup s;
    const std::string text = "Anuntasilpa organizational ADMINISTRATIONS electroencephalography accessibility "
                             "characteristically responsibilities";
    for (int w = 40; w <= 200; w += 3) {
        const auto lines = s.lines(s.input(text, Length::from_pt(w)));
        for (size_t i = 0; i + 1 < lines.size(); ++i) {
            if (!ends_with(lines[i], "-")) continue;
            const std::string before = lines[i].substr(lines[i].rfind(' ') + 1);
            const std::string after = lines[i + 1].substr(0, lines[i + 1].find(' '));
            EXPECT_GE(before.size(), 3u) << before;  // two letters and the hyphen
            EXPECT_GE(after.size(), 3u) << after;
        }
    }
}

// A rule relaxed in the emergency pass (<hyphenation emergency-penalty>): with the default
// (10000) a tie or the hyphen of "E-Commerce" never ends a line; with 700 some measure breaks
// there, and only where the paragraph could not be set within the tolerance otherwise (the
// emergency or final pass).
void expect_relaxed_only_in_emergency(const std::string& text, const std::string& end) {
    PolicySetup s;
    bool broke = false;
    for (int w = 60; w <= 300; ++w) {
        inl::ParagraphInput p = s.input(text, Length::from_pt(w));
        p.ties = english();
        EXPECT_FALSE(some_line_ends_with(s.lines(p), end)) << w << "pt";
        p.hyphenation.emergency_penalty = 700;
        inl::Typesetter t(s.fonts, s.hyphenator.get(), s.diags);
        const inl::ParagraphLayout set = t.set(p);
        if (!some_line_ends_with(s.lines(p), end)) continue;
        broke = true;
        EXPECT_GE(set.pass, 2) << w << "pt: " << ::testing::PrintToString(s.lines(p));
    }
    EXPECT_TRUE(broke) << "no measure breaks at '" << end << "'";
}

TEST(inline_Ties, RelaxedToAPenaltyInTheEmergencyPass) {
    expect_relaxed_only_in_emergency("At the invitation of the Logistics Innovation Expo (HELIX), Mr. Norikazu Kuramoto, Head of "
                                     "ROCB A/P, delivered the presentation about WCO instruments.",
                                     " Mr.");
}

TEST(inline_HyphenationPolicy, OneLetterPrefixBreaksOnlyInTheEmergencyPass) {
    expect_relaxed_only_in_emergency("Regional Workshop on Implementation of Framework of Standards on Cross Border E-Commerce "
                                     "(January 2021)",
                                     " E-");
}
