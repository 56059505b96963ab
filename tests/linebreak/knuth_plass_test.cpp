// Knuth-Plass line breaking on hand-built item lists with round numbers (widths in points).
#include "linebreak/knuth_plass.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>

#include "linebreak_test_support.h"

namespace reportc::linebreak {
namespace {

TEST(linebreak_KnuthPlass, ParagraphThatFitsIsOneLine) {
    // Three words, 90pt with their spaces, fit a 200pt line: one line up to the final penalty.
    const auto items = finished(words({20, 30, 20}));
    const Result r = break_paragraph(items, {{pt(200)}}, {});
    ASSERT_EQ(r.lines.size(), 1u) << r;
    EXPECT_EQ(r.lines[0].begin, 0u);
    EXPECT_EQ(r.lines[0].end, 6u);
    EXPECT_EQ(r.lines[0].natural, pt(90));
    EXPECT_EQ(r.lines[0].width, pt(200));
    EXPECT_FALSE(r.lines[0].overfull);
    EXPECT_EQ(r.pass, Pass::First);
    EXPECT_EQ(r.overfull_count, 0u);
}

TEST(linebreak_KnuthPlass, TotalFitAvoidsFirstFitsLooseLine) {
    // First fit squeezes five words into line 1 (r = -0.83) and leaves "20 50" to stretch by
    // r = 4; total fit sets four words (r = 0.67), then "10 20 50" exactly (r = 0).
    const Item space = glue(pt(10), pt(5), pt(3));
    const auto items = finished(words({20, 10, 20, 10, 10, 20, 50, 50}, space));
    ASSERT_EQ(first_fit(items, pt(100)), (std::vector<size_t>{9, 13, 16}));
    const Result r = break_paragraph(items, {{pt(100)}}, {});
    EXPECT_EQ(ends(r), (std::vector<size_t>{7, 13, 16})) << r;
    EXPECT_EQ(r.pass, Pass::First);
    ASSERT_EQ(r.lines.size(), 3u);
    EXPECT_NEAR(r.lines[0].ratio, 10.0 / 15.0, 1e-9);
    EXPECT_EQ(r.lines[1].ratio, 0);
}

TEST(linebreak_KnuthPlass, ForcedBreakIsTaken) {
    // "20 20" would share a 100pt line with "20 20", but a forced break (after fill glue, like
    // a newline) ends the first line.
    auto items = finished(words({20, 20}));
    const auto second = finished(words({20, 20}));
    items.insert(items.end(), second.begin(), second.end());
    const Result r = break_paragraph(items, {{pt(100)}}, {});
    EXPECT_EQ(ends(r), (std::vector<size_t>{4, 9})) << r;
    EXPECT_EQ(begins(r), (std::vector<size_t>{0, 5})) << r;
    EXPECT_EQ(r.pass, Pass::First);
}

TEST(linebreak_KnuthPlass, InfinitePenaltyPreventsBreak) {
    // Six 20pt words on 110pt lines: "4 | 2" fits exactly; tying words 4 and 5 (an infinite
    // penalty before their glue) forces the looser "3 | 3".
    const Item space = glue(pt(10), pt(20), pt(5));
    const auto free = finished(words({20, 20, 20, 20, 20, 20}, space));
    const Result untied = break_paragraph(free, {{pt(110)}}, {});
    EXPECT_EQ(ends(untied), (std::vector<size_t>{7, 12})) << untied;

    auto tied = free;
    tied.insert(tied.begin() + 7, penalty(pt(0), kInfinitePenalty));
    const Result r = break_paragraph(tied, {{pt(110)}}, {});
    EXPECT_EQ(ends(r), (std::vector<size_t>{5, 13})) << r;
    EXPECT_EQ(r.pass, Pass::First);
    ASSERT_EQ(r.lines.size(), 2u);
    EXPECT_NEAR(r.lines[0].ratio, 0.75, 1e-9);
}

TEST(linebreak_KnuthPlass, HyphenationOnlyInSecondPass) {
    // "30 30" cannot fill 100pt and "30 30 60" overflows, so the first pass fails; the second
    // breaks "60" as "20-" + "40", the 5pt hyphen counting in the first line's width.
    const Item space = glue(pt(10), pt(5), pt(3));
    std::vector<Item> items = words({30, 30, 20}, space);
    items.push_back(penalty(pt(5), 50, /*flagged=*/true, /*hyphenation=*/true));
    const auto rest = words({40, 20}, space);
    items.insert(items.end(), rest.begin(), rest.end());
    items = finished(items);
    const Result r = break_paragraph(items, {{pt(100)}}, {});
    EXPECT_EQ(r.pass, Pass::Second) << r;
    EXPECT_EQ(ends(r), (std::vector<size_t>{5, 10})) << r;
    ASSERT_EQ(r.lines.size(), 2u);
    EXPECT_EQ(r.lines[0].natural, pt(105));
    EXPECT_NEAR(r.lines[0].ratio, -5.0 / 6.0, 1e-9);
    EXPECT_EQ(r.lines[1].begin, 6u);
}

TEST(linebreak_KnuthPlass, ConsecutiveFlaggedBreaksCostDemerits) {
    // Two exact lines ending in hyphens beat a loose second line (r = 0.8) only while two
    // hyphens in a row are free; with 3000 flagged demerits the second line ends at a space.
    const Item space = glue(pt(10), pt(50), pt(5));
    const Item hyphen = penalty(pt(10), 50, /*flagged=*/true);
    const std::vector<Item> items = finished({box(pt(40)), space, box(pt(40)), hyphen, box(pt(30)), space,
                                              box(pt(20)), space, box(pt(20)), hyphen, box(pt(20)), space,
                                              box(pt(10))});
    Params free;
    free.flagged_demerits = 0;
    const Result hyphens = break_paragraph(items, {{pt(100)}}, free);
    EXPECT_EQ(ends(hyphens), (std::vector<size_t>{3, 9, 14})) << hyphens;

    const Result r = break_paragraph(items, {{pt(100)}}, {});
    EXPECT_EQ(ends(r), (std::vector<size_t>{3, 7, 14})) << r;
    ASSERT_EQ(r.lines.size(), 3u);
    EXPECT_NEAR(r.lines[1].ratio, 0.8, 1e-9);
}

TEST(linebreak_KnuthPlass, FitnessClassDemerits) {
    // Line 1 is either very loose (r = 1.2, at a space) or exact at a discretionary break of
    // cost 185. The very loose line sits between two decent neighbours (the paragraph's start
    // counts as decent), which costs 2 x 3000 fitness demerits and tips the balance: 33516 vs
    // 34425 demerits without them, 39516 vs 34425 with.
    Params params;
    params.pretolerance = 1000;
    params.tolerance = 1000;
    const std::vector<Item> items = finished({box(pt(20)), kSpace, box(pt(20)), kSpace, box(pt(16)), kSpace,
                                              box(pt(14)), penalty(pt(0), 185), box(pt(30))});
    Params compatible = params;
    compatible.fitness_demerits = 0;
    const Result loose = break_paragraph(items, {{pt(100)}}, compatible);
    EXPECT_EQ(ends(loose), (std::vector<size_t>{5, 10})) << loose;
    ASSERT_EQ(loose.lines.size(), 2u);
    EXPECT_NEAR(loose.lines[0].ratio, 1.2, 1e-9);

    const Result r = break_paragraph(items, {{pt(100)}}, params);
    EXPECT_EQ(ends(r), (std::vector<size_t>{7, 10})) << r;
    ASSERT_EQ(r.lines.size(), 2u);
    EXPECT_EQ(r.lines[0].ratio, 0);
}

TEST(linebreak_KnuthPlass, EmergencyPassSucceedsWherePassTwoFails) {
    // Two 30pt words leave 30pt to fill with 5pt of stretch (r = 6) and three overflow, so pass 2
    // fails; 25pt of emergency stretch makes r = 1 acceptable. Lines are set with their real glue.
    const Item space = glue(pt(10), pt(5), pt(3));
    const auto items = finished(words({30, 30, 30, 30, 30}, space));
    Params params;
    params.emergency_stretch = pt(25);
    const Result r = break_paragraph(items, {{pt(100)}}, params);
    EXPECT_EQ(r.pass, Pass::Emergency) << r;
    EXPECT_EQ(ends(r), (std::vector<size_t>{3, 7, 10})) << r;
    ASSERT_EQ(r.lines.size(), 3u);
    EXPECT_EQ(r.lines[0].ratio, 6);
    EXPECT_EQ(r.overfull_count, 0u);

    // Without it only the final pass, which takes any line that is not overfull, succeeds.
    const Result without = break_paragraph(items, {{pt(100)}}, {});
    EXPECT_EQ(without.pass, Pass::Overfull) << without;
    EXPECT_EQ(without.overfull_count, 0u);
}

// The first pass alone: the lines break_paragraph gives when its first pass succeeds, nothing
// where it needs a later pass (or skips the first).
TEST(linebreak_KnuthPlass, FirstPassAloneGivesWhatTheFirstPassGives) {
    const Item space = glue(pt(10), pt(5), pt(3));
    const auto fits = finished(words({40, 50, 40, 50, 30}, space));  // "40 50" fills a line exactly
    const Result all = break_paragraph(fits, {{pt(100)}}, {});
    ASSERT_EQ(all.pass, Pass::First) << all;
    const auto first = break_first_pass(fits, {{pt(100)}}, {});
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(first->pass, Pass::First);
    EXPECT_EQ(ends(*first), ends(all));
    ASSERT_EQ(first->lines.size(), all.lines.size());
    for (size_t i = 0; i < all.lines.size(); ++i) {
        EXPECT_EQ(first->lines[i].ratio, all.lines[i].ratio);
        EXPECT_EQ(first->lines[i].natural, all.lines[i].natural);
    }

    // Five 30pt words on 100pt lines need the emergency or final pass (see above): none here.
    const auto loose = finished(words({30, 30, 30, 30, 30}, space));
    ASSERT_NE(break_paragraph(loose, {{pt(100)}}, {}).pass, Pass::First);
    EXPECT_FALSE(break_first_pass(loose, {{pt(100)}}, {}).has_value());

    Params skip;
    skip.pretolerance = -1;
    EXPECT_FALSE(break_first_pass(fits, {{pt(100)}}, skip).has_value());
}

// "40 50~40 50" on 100pt lines: only a break at the tie gives good lines ("40 50" and "40 50",
// both exact); any other break leaves one word alone with no stretch or makes a line overfull.
std::vector<Item> tied_paragraph() {
    const Item space = glue(pt(10), pt(5), pt(3));
    std::vector<Item> items = words({40, 50}, space);
    Item tie = penalty(pt(0), kInfinitePenalty);
    tie.tie = true;
    items.push_back(tie);
    items.push_back(space);
    const auto rest = words({40, 50}, space);
    items.insert(items.end(), rest.begin(), rest.end());
    return finished(items);
}

TEST(linebreak_KnuthPlass, TieNeverBreaksByDefault) {
    Params params;
    params.emergency_stretch = pt(25);
    const Result r = break_paragraph(tied_paragraph(), {{pt(100)}}, params);
    EXPECT_EQ(r.pass, Pass::Overfull) << r;
    EXPECT_NE(ends(r).front(), 3u) << r;
}

TEST(linebreak_KnuthPlass, TieBreaksAtItsPenaltyInTheEmergencyPassOnly) {
    Params params;
    params.emergency_stretch = pt(25);
    params.emergency_tie_penalty = 700;
    const Result r = break_paragraph(tied_paragraph(), {{pt(100)}}, params);
    EXPECT_EQ(r.pass, Pass::Emergency) << r;  // the first two passes still treat it as infinite
    EXPECT_EQ(ends(r), (std::vector<size_t>{3, 9})) << r;
    ASSERT_EQ(r.lines.size(), 2u);
    EXPECT_EQ(r.lines[0].ratio, 0);
}

TEST(linebreak_KnuthPlass, BoxWiderThanLineGetsOverfullLineOfItsOwn) {
    // A 150pt box among 20pt words on 110pt lines: "20 20 20 20", the box alone (overfull),
    // then "20 20 20 20" and "20 20" break as they would without it.
    const auto items = finished(words({20, 20, 20, 20, 150, 20, 20, 20, 20, 20, 20}));
    const Result r = break_paragraph(items, {{pt(110)}}, {});
    EXPECT_EQ(r.pass, Pass::Overfull) << r;
    EXPECT_EQ(r.overfull_count, 1u) << r;
    EXPECT_EQ(ends(r), (std::vector<size_t>{7, 9, 17, 22})) << r;
    EXPECT_EQ(begins(r), (std::vector<size_t>{0, 8, 10, 18})) << r;
    ASSERT_EQ(r.lines.size(), 4u);
    EXPECT_TRUE(r.lines[1].overfull);
    EXPECT_EQ(r.lines[1].natural, pt(150));
    EXPECT_EQ(r.lines[0].ratio, 0);
    EXPECT_EQ(r.lines[2].ratio, 0);
}

TEST(linebreak_KnuthPlass, VaryingLineWidths) {
    // Widths {80, 110}: an 80pt first line takes three 20pt words exactly, and every later line
    // (the last width repeating) takes four.
    const auto items = finished(words({20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20}));
    const Result r = break_paragraph(items, {{pt(80), pt(110)}}, {});
    EXPECT_EQ(ends(r), (std::vector<size_t>{5, 13, 21, 24})) << r;
    ASSERT_EQ(r.lines.size(), 4u);
    EXPECT_EQ(r.lines[0].width, pt(80));
    EXPECT_EQ(r.lines[1].width, pt(110));
    EXPECT_EQ(r.lines[3].width, pt(110));
    for (size_t i = 0; i < 3; ++i) EXPECT_EQ(r.lines[i].ratio, 0) << r.lines[i];
}

TEST(linebreak_KnuthPlass, PathsWithDifferentLineCountsStayApart) {
    // Widths {110, 20, 30}: the glue after "20" ends the first line (exact) or the second ("20"
    // alone); only after two lines do the last two words get the 30pt they need, so the breaker
    // must keep a node per line number there, not just the cheaper one.
    const Item space = glue(pt(10), pt(20), pt(5));
    const auto items = finished(words({10, 10, 40, 20, 10, 10}, space));
    const Result r = break_paragraph(items, {{pt(110), pt(20), pt(30)}}, {});
    EXPECT_EQ(ends(r), (std::vector<size_t>{5, 7, 12})) << r;
    EXPECT_EQ(r.pass, Pass::First);
}

TEST(linebreak_KnuthPlass, DiscardedItemsAtLineStart) {
    // A line breaks at a penalty; the two glues after it are discarded, so line 2 starts at the
    // next box and its natural width (50pt) leaves them out.
    std::vector<Item> items = words({20, 20, 20, 20});
    items.push_back(penalty(pt(0), 0));
    items.push_back(kSpace);
    items.push_back(kSpace);
    const auto rest = words({20, 20});
    items.insert(items.end(), rest.begin(), rest.end());
    items = finished(items);
    const Result r = break_paragraph(items, {{pt(110)}}, {});
    EXPECT_EQ(ends(r), (std::vector<size_t>{7, 14})) << r;
    EXPECT_EQ(begins(r), (std::vector<size_t>{0, 10})) << r;
    ASSERT_EQ(r.lines.size(), 2u);
    EXPECT_EQ(r.lines[1].natural, pt(50));
}

TEST(linebreak_KnuthPlass, EmptyInputHasNoLines) {
    // Nothing to break: no lines, nothing overfull.
    const Result r = break_paragraph({}, {{pt(100)}}, {});
    EXPECT_TRUE(r.lines.empty()) << r;
    EXPECT_EQ(r.overfull_count, 0u);
    EXPECT_EQ(r.pass, Pass::First);
}

TEST(linebreak_KnuthPlass, MissingEndIsAForcedBreak) {
    // Without the fill glue and final penalty the end of the list still ends the last line.
    std::vector<Item> items = words({20, 20, 20, 20, 20, 20, 20, 20});
    const Result r = break_paragraph(items, {{pt(110)}}, {});
    EXPECT_EQ(ends(r), (std::vector<size_t>{7, 15})) << r;
    EXPECT_EQ(r.pass, Pass::First);
}

TEST(linebreak_KnuthPlass, DegenerateInputsTerminate) {
    // Only glue, one huge box, zero and negative line widths: each still yields lines.
    const Result glue_only = break_paragraph({kSpace, kSpace}, {{pt(100)}}, {});
    EXPECT_EQ(ends(glue_only), (std::vector<size_t>{2})) << glue_only;

    const Result huge = break_paragraph({box(pt(500))}, {{pt(100)}}, {});
    EXPECT_EQ(ends(huge), (std::vector<size_t>{1})) << huge;
    EXPECT_EQ(huge.overfull_count, 1u);
    EXPECT_EQ(huge.pass, Pass::Overfull);

    // Every word overflows a zero-width line: one overfull line per word, none empty.
    const auto three = finished(words({20, 20, 20}));
    for (Length width : {pt(0), pt(-50)}) {
        const Result r = break_paragraph(three, {{width}}, {});
        EXPECT_EQ(ends(r), (std::vector<size_t>{1, 3, 6})) << r;
        EXPECT_EQ(r.overfull_count, 3u) << r;
    }
    const Result no_widths = break_paragraph(three, {}, {});
    EXPECT_EQ(no_widths.overfull_count, 3u) << no_widths;

    // Negative box widths (each word -10pt, each space +10pt) never overflow a line, so nodes
    // never retire: the active list must stay bounded. A single line is cheapest.
    std::vector<Item> negative;
    for (int i = 0; i < 5000; ++i) {
        negative.push_back(box(pt(-10)));
        negative.push_back(kSpace);
    }
    negative.push_back(penalty(pt(0), -kInfinitePenalty));
    const Result r = break_paragraph(negative, {{pt(100)}}, {});
    EXPECT_EQ(r.pass, Pass::First);
    ASSERT_EQ(r.lines.size(), 1u);
    EXPECT_EQ(r.lines[0].end, negative.size() - 1);
}

TEST(linebreak_KnuthPlass, HundredThousandItemsAllLinesFeasible) {
    // 50,000 words of 20–60pt on 300pt lines complete in the first pass, every line within
    // pretolerance and the lines covering the paragraph in order.
    std::vector<Item> items;
    uint32_t seed = 12345;
    while (items.size() < 100000 - 2) {
        seed = seed * 1103515245u + 12345u;
        if (!items.empty()) items.push_back(glue(pt(10), pt(10), pt(4)));
        items.push_back(box(pt(20 + (seed >> 16) % 41)));
    }
    items = finished(items);
    const Params params;
    const Result r = break_paragraph(items, {{pt(300)}}, params);
    EXPECT_EQ(r.pass, Pass::First);
    EXPECT_EQ(r.overfull_count, 0u);
    ASSERT_GT(r.lines.size(), 1000u);
    EXPECT_EQ(r.lines.front().begin, 0u);
    EXPECT_EQ(r.lines.back().end, items.size() - 1);
    for (size_t i = 0; i < r.lines.size(); ++i) {
        const Line& line = r.lines[i];
        ASSERT_FALSE(line.overfull) << line;
        ASSERT_GE(line.ratio, -1) << line;
        ASSERT_LE(badness(line), params.pretolerance + 1e-9) << line;
        if (i > 0) {
            ASSERT_EQ(line.begin, r.lines[i - 1].end + 1) << line;
        }
    }
}

TEST(linebreak_KnuthPlass, TotalFitMatchesExhaustiveSearch) {
    // 5000 random paragraphs of up to 8 words, some with a (flagged) penalty inside, on lines of
    // one or three widths: the breaker's total demerits equal the least found by trying every set
    // of breakpoints.
    Lcg next{7};
    for (int trial = 0; trial < 5000; ++trial) {
        Params params;
        params.pretolerance = params.tolerance = next(2) ? 200 : 2000;
        LineWidths widths{{pt(100)}};
        if (next(2)) widths.widths = {pt(60 + 10 * next(6)), pt(70 + 10 * next(5)), pt(100)};
        std::vector<Item> items;
        const uint32_t count = 3 + next(6);
        for (uint32_t w = 0; w < count; ++w) {
            if (w > 0) items.push_back(glue(pt(10), pt(5 + 5 * next(3)), pt(2 + next(3))));
            items.push_back(box(pt(10 + 10 * next(4))));
            if (next(3) == 0) {
                items.push_back(penalty(pt(5 * next(2)), 50 * int(next(4)) - 50, /*flagged=*/next(4) > 0));
                items.push_back(box(pt(10 + 10 * next(3))));
            }
        }
        items = finished(items);
        const Result r = break_paragraph(items, widths, params);
        ASSERT_TRUE(matches_search(r, items, widths, params)) << "trial " << trial << ": " << r;
    }
}

}  // namespace
}  // namespace reportc::linebreak
