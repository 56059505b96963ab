// Tests of the compare-text core (tools/compare_text_core.h): tokenising, normalisation,
// in-order alignment and the report format, on strings (no PDF needed).
#include "compare_text_core.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace reportc::tools {
namespace {

std::vector<std::string> texts(const std::vector<Token>& tokens) {
    std::vector<std::string> out;
    for (const Token& t : tokens) out.push_back(t.text);
    return out;
}

std::string run_text(const MissingRun& run) {
    std::string out = "L";
    out += std::to_string(run.line);
    out += ':';
    for (const auto& w : run.words) out += " " + w;
    return out;
}

std::vector<std::string> runs(const Comparison& c) {
    std::vector<std::string> out;
    for (const auto& r : c.missing) out.push_back(run_text(r));
    return out;
}

// "w<n>" (built by append: GCC 12 warns falsely about operator+ with to_string).
std::string word(unsigned n) {
    std::string out = "w";
    out += std::to_string(n);
    return out;
}

TEST(tools_CompareTextTokens, SourcePageMarkersAreNotContent) {
    // L1 and L4 are page markers (one leading space); L4 holds nothing else.
    const std::string source = " Annual Report 2020/21\nExecutive Summary\nThe office was\n \nestablished in 2004.\n";
    const auto tokens = tokenize_source(source);
    EXPECT_EQ(texts(tokens), (std::vector<std::string>{"Annual", "Report", "2020/21", "Executive", "Summary", "The",
                                                       "office", "was", "established", "in", "2004."}));
    EXPECT_EQ(tokens.front().line, 1);
    EXPECT_EQ(tokens.back().line, 5);

    // The PDF has the same words with its own page furniture and no page-marker spaces.
    const std::string pdf = "Annual Report 2020/21\n\nExecutive Summary\n\nThe office was\n\f3\n\n"
                            "Annual Report 2020/21\n\nestablished in 2004.\n\f";
    const auto c = compare_texts(source, pdf);
    EXPECT_EQ(c.source_words, 11u);
    EXPECT_EQ(c.found, 11u);
    EXPECT_TRUE(c.missing.empty());
    EXPECT_EQ(format_report(c, 50),
              "source words: 11\nfound in order: 11\npercentage: 100.00%\nmissing: 0 words in 0 runs (showing 0)\n");
}

TEST(tools_CompareTextTokens, SourceLineRange) {
    const std::string source = " Title\none two\nthree four\n five\n";
    EXPECT_EQ(texts(tokenize_source(source, 2, 3)), (std::vector<std::string>{"one", "two", "three", "four"}));
    EXPECT_EQ(texts(tokenize_source(source, 4)), (std::vector<std::string>{"five"}));
    const auto c = compare_texts(source, "zero one two three\n", 2, 3);
    EXPECT_EQ(c.source_words, 4u);
    EXPECT_EQ(c.found, 3u);
    EXPECT_EQ(runs(c), (std::vector<std::string>{"L3: four"}));
}

TEST(tools_CompareTextTokens, PdfLineEndHyphenJoinsWithAndWithoutHyphen) {
    const auto tokens = tokenize_pdf("the cross-\nborders trade and face-to-\nface meetings\n");
    ASSERT_EQ(tokens.size(), 6u);
    EXPECT_EQ(tokens[1].text, "cross-borders");
    EXPECT_EQ(tokens[1].alt, "crossborders");
    EXPECT_EQ(tokens[4].text, "face-to-face");
    EXPECT_EQ(tokens[4].alt, "face-toface");
    EXPECT_EQ(tokens[5].text, "meetings");

    // Either spelling in the source matches.
    const std::string pdf = "the cross-\nborders trade and the cap-\nacity of customs\n";
    EXPECT_EQ(compare_texts("the crossborders trade and the capacity of customs\n", pdf).found, 8u);
    EXPECT_EQ(compare_texts("the cross-borders trade and the cap-acity of customs\n", pdf).found, 8u);
    // The split halves are no longer words of their own.
    const auto c = compare_texts("the cross borders trade\n", pdf);
    EXPECT_EQ(c.found, 2u);
    EXPECT_EQ(runs(c), (std::vector<std::string>{"L1: cross borders"}));
}

TEST(tools_CompareTextTokens, PdfHyphenJoinNeedsLetterAndLowercaseNextLine) {
    // Next line starts with a capital, the hyphen follows a digit, a blank line intervenes,
    // or the hyphen stands alone: no join.
    EXPECT_EQ(texts(tokenize_pdf("Sub-\nRegional 2020-\n2022 cross-\n\nborder -\nitem\n")),
              (std::vector<std::string>{"Sub-", "Regional", "2020-", "2022", "cross-", "border", "-", "item"}));
    // Accented lowercase starts count; the join works across a form feed (next page).
    const auto tokens = tokenize_pdf("Trevi-\n\xC3\xB1o and coun-\n\ftries\n");
    EXPECT_EQ(texts(tokens), (std::vector<std::string>{"Trevi-\xC3\xB1o", "and", "coun-tries"}));
    EXPECT_EQ(tokens[2].alt, "countries");
}

TEST(tools_CompareTextTokens, TypographicVariants) {
    // U+00A0 splits words; ﬁ ﬂ (and ﬀ ﬃ ﬄ) become letters.
    EXPECT_EQ(normalize_typography("30\xC2\xA0June \xEF\xAC\x81nal \xEF\xAC\x82ow e\xEF\xAC\x80" "ect o\xEF\xAC\x83" "ce"),
              "30 June final flow effect office");
    const auto c = compare_texts("30 June final flow\n", "30\xC2\xA0June \xEF\xAC\x81nal \xEF\xAC\x82ow\n");
    EXPECT_EQ(c.found, 4u);
    // Case matters.
    EXPECT_EQ(compare_texts("Customs\n", "customs\n").found, 0u);
}

TEST(tools_CompareTextAlign, QuotesAndDashesMustMatchExactly) {
    // Curly vs straight apostrophe and quotes, en dash vs hyphen: all different words.
    const std::string source = "Members\xE2\x80\x99 own \xE2\x80\x9C" "capacity\xE2\x80\x9D 1 July \xE2\x80\x93 30 June\n";
    const std::string pdf = "Members' own \"capacity\" 1 July - 30 June\n";
    const auto c = compare_texts(source, pdf);
    EXPECT_EQ(c.source_words, 8u);
    EXPECT_EQ(c.found, 5u);
    EXPECT_EQ(runs(c), (std::vector<std::string>{"L1: Members\xE2\x80\x99", "L1: \xE2\x80\x9C" "capacity\xE2\x80\x9D",
                                                 "L1: \xE2\x80\x93"}));
    EXPECT_EQ(compare_texts(source, source).found, 8u);
}

TEST(tools_CompareTextAlign, MissingWordsGroupedIntoRunsWithLines) {
    const std::string source =
        " ROCB A/P Annual Report\n"             // L1: 4 words (page marker)
        "The workshop was held online\n"        // L2
        "with 40 participants from 20 Members\n" // L3
        "and three experts.\n"                  // L4
        " Next page starts here\n";             // L5
    const std::string pdf =
        "The workshop was held\n"
        "with 40 participants from\n"
        "Members and experts.\n"
        "Next page starts here\n";
    const auto c = compare_texts(source, pdf);
    EXPECT_EQ(c.source_words, 22u);
    EXPECT_EQ(c.found, 15u);
    EXPECT_EQ(runs(c), (std::vector<std::string>{"L1: ROCB A/P Annual Report", "L2: online", "L3: 20", "L4: three"}));
    EXPECT_EQ(format_report(c, 2),
              "source words: 22\nfound in order: 15\npercentage: 68.18%\n"
              "missing: 7 words in 4 runs (showing 2)\n"
              "L1: ROCB A/P Annual Report\nL2: online\n");
    // A run may span lines; it is reported at the line of its first word.
    const auto spanning = compare_texts("a b c\nd e\nf g\n", "a b g\n");
    EXPECT_EQ(runs(spanning), (std::vector<std::string>{"L1: c d e f"}));
}

TEST(tools_CompareTextAlign, ReorderedTextCountsAsMissingWhereOutOfOrder) {
    // Annex I and Annex II swapped: only one of the two blocks can be found in order.
    const std::string source = "Annex two alpha beta gamma delta\nAnnex one epsilon zeta\n";
    const std::string pdf = "Annex one epsilon zeta\nAnnex two alpha beta gamma delta\n";
    const auto c = compare_texts(source, pdf);
    EXPECT_EQ(c.source_words, 10u);
    EXPECT_EQ(c.found, 6u);  // the longer block
    EXPECT_EQ(runs(c), (std::vector<std::string>{"L2: Annex one epsilon zeta"}));

    // Two swapped words around a third: only two of the four words are in order.
    const auto swapped = compare_texts("could cooperate and collaborate\n", "could collaborate and cooperate\n");
    EXPECT_EQ(swapped.source_words, 4u);
    EXPECT_EQ(swapped.found, 2u);  // "could" and one of the other three
}

TEST(tools_CompareTextAlign, EmptyInputs) {
    auto c = compare_texts("", "some words\n");
    EXPECT_EQ(c.source_words, 0u);
    EXPECT_EQ(format_report(c, 50),
              "source words: 0\nfound in order: 0\npercentage: 100.00%\nmissing: 0 words in 0 runs (showing 0)\n");
    c = compare_texts("some words\n", "");
    EXPECT_EQ(c.found, 0u);
    EXPECT_EQ(runs(c), (std::vector<std::string>{"L1: some words"}));
}

// Longest common subsequence length by the full O(n·m) table (the oracle).
std::size_t lcs_table(const std::vector<Token>& a, const std::vector<Token>& b) {
    std::vector<std::vector<std::size_t>> t(a.size() + 1, std::vector<std::size_t>(b.size() + 1, 0));
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const bool eq = a[i - 1].text == b[j - 1].text || (!b[j - 1].alt.empty() && a[i - 1].text == b[j - 1].alt);
            t[i][j] = eq ? t[i - 1][j - 1] + 1 : std::max(t[i - 1][j], t[i][j - 1]);
        }
    return t[a.size()][b.size()];
}

TEST(tools_CompareTextAlign, MatchesFullTableOnRandomInputs) {
    std::mt19937 rng(12345);
    for (int round = 0; round < 400; ++round) {
        const int vocabulary = 2 + int(rng() % 8);
        auto random_tokens = [&](std::size_t n, bool with_alts) {
            std::vector<Token> out;
            for (std::size_t i = 0; i < n; ++i) {
                Token t{word(rng() % unsigned(vocabulary)), {}, 1 + int(i / 5)};
                if (with_alts && rng() % 6 == 0) t.alt = word(rng() % unsigned(vocabulary));
                out.push_back(t);
            }
            return out;
        };
        const auto a = random_tokens(rng() % 60, false);
        auto b = random_tokens(rng() % 70, true);
        // Sometimes make b an edited copy of a, the realistic case.
        if (round % 2 == 0 && !a.empty()) {
            b.clear();
            for (const Token& t : a) {
                if (rng() % 7 == 0) continue;
                b.push_back(t);
                if (rng() % 5 == 0) b.push_back(Token{"x", {}, 0});
            }
        }
        const auto c = compare(a, b);
        ASSERT_EQ(c.found, lcs_table(a, b)) << "round " << round;
        std::size_t missing = 0;
        for (const auto& r : c.missing) missing += r.words.size();
        ASSERT_EQ(c.found + missing, a.size());
    }
}

TEST(tools_CompareTextAlign, LargeInputsStayFast) {
    // ~20,000 source words against ~25,000 PDF words with extra furniture, omissions and a
    // moved block: checks the counts (and that the diff runs in linear memory).
    std::mt19937 rng(7);
    std::vector<Token> source;
    for (int i = 0; i < 20000; ++i) source.push_back(Token{word(rng() % 3000), {}, 1 + i / 10});
    std::vector<Token> pdf;
    std::size_t dropped = 0;
    for (int i = 0; i < 20000; ++i) {
        if (i >= 5000 && i < 5500) continue;  // moved to the end below
        if (i % 97 == 0) {
            ++dropped;
            continue;
        }
        pdf.push_back(source[std::size_t(i)]);
        if (i % 4 == 0) pdf.push_back(Token{"header", {}, 0});
    }
    for (int i = 5000; i < 5500; ++i)
        if (i % 97 != 0) pdf.push_back(source[std::size_t(i)]);
    const auto c = compare(source, pdf);
    EXPECT_EQ(c.source_words, 20000u);
    // At least every kept word outside the moved block; a few chance matches may add more.
    EXPECT_GE(c.found, 20000u - dropped - 500u);
    EXPECT_LE(c.found, 20000u - dropped);
}

}  // namespace
}  // namespace reportc::tools
