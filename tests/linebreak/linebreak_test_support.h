#pragma once
// Builders and reference computations for the line breaker's tests.
#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <optional>
#include <vector>

#include <gtest/gtest.h>

#include "linebreak/knuth_plass.h"

namespace reportc::linebreak {

inline Length pt(double v) { return Length::from_pt(v); }

inline const Item kSpace = glue(pt(10), pt(10), pt(5));  // interword glue of most tests
inline const Item kFill = glue(pt(0), pt(100000), pt(0));  // the paragraph-fill glue

// Boxes of the given widths separated by `space`, without the paragraph's end.
inline std::vector<Item> words(std::initializer_list<double> widths, const Item& space = kSpace) {
    std::vector<Item> items;
    for (double w : widths) {
        if (!items.empty()) items.push_back(space);
        items.push_back(box(pt(w)));
    }
    return items;
}

// Appends the paragraph's end: the fill glue and the forced break.
inline std::vector<Item> finished(std::vector<Item> items) {
    items.push_back(kFill);
    items.push_back(penalty(pt(0), -kInfinitePenalty));
    return items;
}

inline std::vector<size_t> ends(const Result& r) {
    std::vector<size_t> out;
    for (const Line& line : r.lines) out.push_back(line.end);
    return out;
}

inline std::vector<size_t> begins(const Result& r) {
    std::vector<size_t> out;
    for (const Line& line : r.lines) out.push_back(line.begin);
    return out;
}

inline double badness(const Line& line) { return std::min(100 * std::pow(std::abs(line.ratio), 3), 10000.0); }

// First fit: each line takes as many words as fit when its glue shrinks fully.
inline std::vector<size_t> first_fit(const std::vector<Item>& items, Length width) {
    std::vector<size_t> out;
    Length natural, shrink;              // the current line up to its last box
    Length pending_width, pending_shrink; // glue since that box
    size_t last_glue = 0;
    bool has_box = false;
    for (size_t i = 0; i < items.size() && items[i].kind != ItemKind::Penalty; ++i) {
        const Item& item = items[i];
        if (item.kind == ItemKind::Glue) {
            if (i > 0 && items[i - 1].kind == ItemKind::Box) last_glue = i;
            pending_width += item.width;
            pending_shrink += item.shrink;
            continue;
        }
        if (has_box && natural + pending_width + item.width - shrink - pending_shrink > width) {
            out.push_back(last_glue);
            natural = item.width;
            shrink = Length::zero();
        } else {
            natural += (has_box ? pending_width : Length::zero()) + item.width;
            shrink += has_box ? pending_shrink : Length::zero();
        }
        pending_width = pending_shrink = Length::zero();
        has_box = true;
    }
    out.push_back(items.size() - 1);
    return out;
}

// Total demerits of a paragraph broken at `breaks`, straight from the definitions, or nothing
// if a line is infeasible under params.tolerance: the reference for the exhaustive search.
inline std::optional<double> total_demerits(const std::vector<Item>& items, const std::vector<size_t>& breaks,
                                            const LineWidths& widths, const Params& params) {
    double total = 0;
    int prev_fitness = 2;  // decent
    bool prev_flagged = false;
    int flagged_run = 0;
    size_t begin = 0;
    for (size_t line = 0; line < breaks.size(); ++line) {
        const size_t end = breaks[line];
        const Length width = widths.width(line);
        if (end < begin) return std::nullopt;
        Length natural, stretch, shrink;
        for (size_t i = begin; i < end; ++i) {
            if (items[i].kind == ItemKind::Penalty) continue;
            natural += items[i].width;
            stretch += items[i].stretch;
            shrink += items[i].shrink;
        }
        const Item& at = items[end];
        if (at.kind == ItemKind::Penalty) natural += at.width;
        const double gap = double((width - natural).sp);
        double r = 0;
        if (natural < width) r = stretch.sp > 0 ? gap / double(stretch.sp) : INFINITY;
        if (natural > width) r = shrink.sp > 0 ? gap / double(shrink.sp) : -INFINITY;
        if (r < -1) return std::nullopt;
        const double b = std::min(100 * std::abs(r) * r * r, 10000.0);
        if (b > params.tolerance) return std::nullopt;
        const int fitness = r < -0.5 ? 3 : r <= 0.5 ? 2 : r <= 1 ? 1 : 0;
        const int cost = at.kind == ItemKind::Penalty ? at.penalty : 0;
        const bool flagged = at.kind == ItemKind::Penalty && at.flagged;
        double d = (params.line_penalty + b) * (params.line_penalty + b);
        if (cost > -kInfinitePenalty) d += cost >= 0 ? double(cost) * cost : -double(cost) * cost;
        if (flagged && prev_flagged) d += params.flagged_demerits;
        if (line + 1 == breaks.size() && prev_flagged) d += params.final_hyphen_demerits;
        flagged_run = flagged ? flagged_run + 1 : 0;
        if (params.max_consecutive_flagged > 0 && flagged_run > params.max_consecutive_flagged) return std::nullopt;
        if (std::abs(fitness - prev_fitness) > 1) d += params.fitness_demerits;
        total += d;
        prev_fitness = fitness;
        prev_flagged = flagged;
        begin = end + 1;
        while (begin < items.size() && items[begin].kind != ItemKind::Box &&
               !(items[begin].kind == ItemKind::Penalty && items[begin].penalty <= -kInfinitePenalty))
            ++begin;
    }
    return total;
}

// The least total demerits over every choice of legal breakpoints (a glue after a box, or a
// penalty), or nothing when no choice is feasible: the reference for the randomised tests.
inline std::optional<double> best_by_search(const std::vector<Item>& items, const LineWidths& widths, const Params& params) {
    std::vector<size_t> legal;
    for (size_t i = 1; i + 1 < items.size(); ++i) {
        const bool glue_after_box = items[i].kind == ItemKind::Glue && items[i - 1].kind == ItemKind::Box;
        if (glue_after_box || items[i].kind == ItemKind::Penalty) legal.push_back(i);
    }
    std::optional<double> best;
    for (uint32_t mask = 0; mask < (1u << legal.size()); ++mask) {
        std::vector<size_t> breaks;
        for (size_t k = 0; k < legal.size(); ++k) {
            if (mask >> k & 1) breaks.push_back(legal[k]);
        }
        breaks.push_back(items.size() - 1);
        const std::optional<double> d = total_demerits(items, breaks, widths, params);
        if (d && (!best || *d < *best)) best = d;
    }
    return best;
}

// Whether the breaker's result `r` has the least total demerits the exhaustive search finds in
// its first pass, or, when no choice of breaks is feasible, came from a later pass.
inline ::testing::AssertionResult matches_search(const Result& r, const std::vector<Item>& items, const LineWidths& widths,
                                                 const Params& params) {
    const std::optional<double> best = best_by_search(items, widths, params);
    if (!best) {
        if (r.pass != Pass::First) return ::testing::AssertionSuccess();
        return ::testing::AssertionFailure() << "no choice of breaks is feasible, yet the first pass succeeded";
    }
    if (r.pass != Pass::First) return ::testing::AssertionFailure() << "the first pass failed; the search found " << *best;
    const std::optional<double> got = total_demerits(items, ends(r), widths, params);
    if (!got) return ::testing::AssertionFailure() << "the breaker's lines are infeasible";
    if (std::abs(*got - *best) > 1e-9 * std::max(1.0, std::abs(*best))) {
        return ::testing::AssertionFailure() << "total demerits " << *got << ", the search found " << *best;
    }
    return ::testing::AssertionSuccess();
}

// A small linear congruential generator: the randomised tests' paragraphs, the same on every run.
struct Lcg {
    uint32_t seed;
    uint32_t operator()(uint32_t n) {
        seed = seed * 1103515245u + 12345u;
        return (seed >> 16) % n;
    }
};

}  // namespace reportc::linebreak
