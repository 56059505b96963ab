// The hyphenation policy's parts in the line breaker: demerits for a paragraph whose last line
// follows a hyphen (TeX's \finalhyphendemerits) and a hard limit on flagged breaks in a row.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>

#include "linebreak/knuth_plass.h"
#include "linebreak_test_support.h"

namespace reportc::linebreak {
namespace {

const Item kHyphen = penalty(pt(5), 50, /*flagged=*/true);

TEST(linebreak_HyphenLimits, FinalHyphenDemeritsMoveTheLastBreak) {
    // Two lines: "30 30 15-" exactly (r = 0, 2700 demerits with the last line), leaving "20"
    // alone, or "30 30" at a space (r = 0.79, 3607 demerits) and "35" on the last line. Without
    // final-hyphen demerits the exact hyphenated line wins; with 5000 the paragraph does not end
    // in a fragment.
    const Item space = glue(pt(10), pt(38), pt(5));
    const std::vector<Item> items =
        finished({box(pt(30)), space, box(pt(30)), space, box(pt(15)), kHyphen, box(pt(20))});
    Params params;
    params.tolerance = params.pretolerance = 1000;
    const Result free = break_paragraph(items, {{pt(100)}}, params);
    EXPECT_EQ(ends(free), (std::vector<size_t>{5, 8})) << free;

    params.final_hyphen_demerits = 5000;
    const Result r = break_paragraph(items, {{pt(100)}}, params);
    EXPECT_EQ(ends(r), (std::vector<size_t>{3, 8})) << r;
}

size_t flagged_in_a_row(const std::vector<Item>& items, const Result& r) {
    size_t run = 0, longest = 0;
    for (const Line& line : r.lines) {
        const bool flagged = line.end < items.size() && items[line.end].kind == ItemKind::Penalty && items[line.end].flagged;
        run = flagged ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return longest;
}

TEST(linebreak_HyphenLimits, AtMostTwoFlaggedBreaksInARow) {
    // Words "45-40" on 100pt lines: "40 45-" is exact every time, so with no limit and no
    // double-hyphen demerits every line ends in a hyphen; the limit of two makes every third
    // line end at a space.
    std::vector<Item> items;
    const Item space = glue(pt(10), pt(50), pt(5));
    for (int k = 0; k < 8; ++k) {
        if (k > 0) items.push_back(space);
        items.push_back(box(pt(45)));
        items.push_back(kHyphen);
        items.push_back(box(pt(40)));
    }
    items = finished(items);
    Params params;
    params.tolerance = params.pretolerance = 2000;
    params.flagged_demerits = 0;
    const Result free = break_paragraph(items, {{pt(100)}}, params);
    EXPECT_GE(flagged_in_a_row(items, free), 3u) << free;

    params.max_consecutive_flagged = 2;
    const Result r = break_paragraph(items, {{pt(100)}}, params);
    EXPECT_LE(flagged_in_a_row(items, r), 2u) << r;
    EXPECT_EQ(r.overfull_count, 0u) << r;
}

TEST(linebreak_HyphenLimits, LimitAndFinalDemeritsMatchExhaustiveSearch) {
    // As TotalFitMatchesExhaustiveSearch, with many flagged breaks, final-hyphen demerits and a
    // limit of one or two flagged breaks in a row: the breaker finds the least total demerits
    // among the paths the limit allows.
    Lcg next{11};
    for (int trial = 0; trial < 3000; ++trial) {
        Params params;
        params.pretolerance = params.tolerance = next(2) ? 200 : 2000;
        params.flagged_demerits = int(next(3)) * 5000;
        params.final_hyphen_demerits = int(next(2)) * 5000;
        params.max_consecutive_flagged = int(next(3));
        LineWidths widths{{pt(60 + 10 * next(5))}};
        std::vector<Item> items;
        const uint32_t count = 3 + next(5);
        for (uint32_t w = 0; w < count; ++w) {
            if (w > 0) items.push_back(glue(pt(10), pt(5 + 5 * next(3)), pt(2 + next(3))));
            items.push_back(box(pt(10 + 10 * next(3))));
            if (next(2) == 0) {
                items.push_back(penalty(pt(5), 50, /*flagged=*/true));
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
