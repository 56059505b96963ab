// A word's own breaks (inline/word_breaks.h): hyphenation points, explicit hyphens, slashes and
// en dashes, and none in a URL or an address. Words without any byte such a break needs are
// looked at once and give the hyphenation points alone: both kinds are checked here.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "inline/word_breaks.h"
#include "one_font_setup.h"

using namespace reportc;

namespace {

struct BreaksSetup : reportc::testing::OneFontSetup {
    BreaksSetup() : OneFontSetup("liberation/LiberationSans-Regular.ttf") {}
    std::vector<inl::WordBreak> breaks(const std::string& word) {
        inl::ParagraphInput p = input(word, Length::from_pt(100));
        std::vector<inl::WordBreak> out;
        inl::word_breaks(word, p, hyphenator.get(), out);
        return out;
    }
    std::vector<size_t> offsets(const std::string& word) {
        std::vector<size_t> at;
        for (const auto& b : breaks(word)) at.push_back(b.at);
        return at;
    }
};

}  // namespace

TEST(inline_WordBreaks, AWordWithoutMarksGivesItsHyphenationPointsInOrder) {
    BreaksSetup s;
    for (const std::string word : {"hyphenation", "Organization", "responsibilities", "reconsidered", "cat", "awkwardness"}) {
        SCOPED_TRACE(word);
        const auto& points = s.hyphenator->points(word);
        const auto got = s.breaks(word);
        ASSERT_EQ(got.size(), points.size());
        for (size_t i = 0; i < got.size(); ++i) {
            EXPECT_EQ(got[i].at, points[i]);
            EXPECT_TRUE(got[i].hyphenation);
            EXPECT_TRUE(got[i].flagged);
            if (i > 0) {
                EXPECT_LT(got[i - 1].at, got[i].at);
            }
        }
    }
    EXPECT_FALSE(s.breaks("hyphenation").empty());
    EXPECT_FALSE(s.breaks("awkwardness").empty());  // a "w" that is no URL's
}

TEST(inline_WordBreaks, EachMarkGivesItsBreakOrNone) {
    BreaksSetup s;
    EXPECT_EQ(s.offsets("cross-border"), std::vector<size_t>{6});
    EXPECT_EQ(s.offsets("input/output"), std::vector<size_t>{6});
    EXPECT_EQ(s.offsets("2020\xE2\x80\x93" "2021"), std::vector<size_t>{7});
    EXPECT_TRUE(s.offsets("www.example.org").empty());
    EXPECT_TRUE(s.offsets("https://example.org/reports/annual").empty());
    EXPECT_TRUE(s.offsets("secretariat@example.org").empty());
    EXPECT_FALSE(s.breaks("cross-border")[0].hyphenation);
}
