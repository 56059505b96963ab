#include "layout/column_widths.h"

#include <numeric>

namespace reportc::layout {
namespace {

// Widens columns [first, first+count) so they add up to at least `need`, in proportion to
// their current values (equally when all are zero).
void widen(std::vector<ColumnRequest>& columns, size_t first, size_t count, Length need, Length ColumnRequest::*field) {
    Length have;
    for (size_t i = first; i < first + count; ++i) have += columns[i].*field;
    if (have >= need) return;
    Length extra = need - have;
    Length given;
    for (size_t i = first; i < first + count; ++i) {
        Length share = have > Length{} ? Length::from_sp(extra.sp * (columns[i].*field).sp / have.sp) : extra / int64_t(count);
        if (i + 1 == first + count) share = extra - given;  // the remainder, so the sum is exact
        columns[i].*field += share;
        given += share;
    }
}

}  // namespace

ColumnResult resolve_columns(std::vector<ColumnRequest> columns, const std::vector<SpanRequest>& spans, Length available) {
    ColumnResult result;
    const size_t n = columns.size();
    result.widths.assign(n, Length{});
    if (n == 0) return result;
    for (auto& c : columns) c.max = max(c.max, c.min);
    for (const auto& s : spans) {
        if (s.first + s.count > n || s.count == 0) continue;
        widen(columns, s.first, s.count, s.min, &ColumnRequest::min);
        widen(columns, s.first, s.count, s.max, &ColumnRequest::max);
    }
    // Fixed columns take their width, but never less than their content's minimum.
    Length fixed_total;
    for (size_t i = 0; i < n; ++i)
        if (columns[i].kind == ColumnRequest::Kind::Fixed) {
            result.widths[i] = max(columns[i].fixed, columns[i].min);
            fixed_total += result.widths[i];
        }
    Length room = available - fixed_total;
    Length auto_min, auto_max, fr_min;
    double fr_total = 0;
    for (const auto& c : columns) {
        if (c.kind == ColumnRequest::Kind::Auto) { auto_min += c.min; auto_max += c.max; }
        if (c.kind == ColumnRequest::Kind::Fraction) { fr_min += c.min; fr_total += c.fraction; }
    }
    if (auto_min + fr_min > room) {
        // Nothing fits: minimum widths everywhere, and the overflow is reported.
        for (size_t i = 0; i < n; ++i)
            if (columns[i].kind != ColumnRequest::Kind::Fixed) result.widths[i] = columns[i].min;
        result.overflow = auto_min + fr_min - room;
        return result;
    }
    Length left;
    if (auto_max + fr_min <= room) {
        for (size_t i = 0; i < n; ++i)
            if (columns[i].kind == ColumnRequest::Kind::Auto) result.widths[i] = columns[i].max;
        left = room - auto_max;
    } else {
        // Between min and max: each auto column grows in proportion to (max - min).
        Length spare = room - auto_min - fr_min;
        Length range = auto_max - auto_min;
        Length given;
        size_t last_auto = n;
        for (size_t i = 0; i < n; ++i)
            if (columns[i].kind == ColumnRequest::Kind::Auto) last_auto = i;
        for (size_t i = 0; i < n; ++i) {
            if (columns[i].kind != ColumnRequest::Kind::Auto) continue;
            Length grow = range > Length{} ? Length::from_sp(int64_t(double(spare.sp) * double((columns[i].max - columns[i].min).sp) / double(range.sp))) : Length{};
            if (i == last_auto) grow = spare - given;
            result.widths[i] = columns[i].min + grow;
            given += grow;
        }
        left = fr_min;  // fr columns keep their minimum
    }
    if (fr_total > 0) {
        // fr columns share what is left by ratio; a column whose share is below its minimum
        // takes the minimum and leaves the ratio to the others (repeat until stable).
        std::vector<bool> pinned(n, false);
        for (int round = 0; round < int(n) + 1; ++round) {
            Length pool = left;
            double weights = 0;
            for (size_t i = 0; i < n; ++i) {
                if (columns[i].kind != ColumnRequest::Kind::Fraction) continue;
                if (pinned[i]) pool -= columns[i].min;
                else weights += columns[i].fraction;
            }
            bool changed = false;
            for (size_t i = 0; i < n; ++i) {
                if (columns[i].kind != ColumnRequest::Kind::Fraction) continue;
                if (pinned[i]) { result.widths[i] = columns[i].min; continue; }
                Length share = weights > 0 ? pool.scaled(columns[i].fraction / weights) : Length{};
                if (share < columns[i].min) { pinned[i] = true; changed = true; }
                result.widths[i] = max(share, columns[i].min);
            }
            if (!changed) break;
        }
    } else if (left > Length{}) {
        // No fr column: the auto columns fill the width in proportion to their maximum.
        Length base;
        for (size_t i = 0; i < n; ++i)
            if (columns[i].kind == ColumnRequest::Kind::Auto) base += result.widths[i];
        Length given;
        size_t last = n;
        for (size_t i = 0; i < n; ++i)
            if (columns[i].kind == ColumnRequest::Kind::Auto) last = i;
        for (size_t i = 0; i < n && base > Length{}; ++i) {
            if (columns[i].kind != ColumnRequest::Kind::Auto) continue;
            Length grow = i == last ? left - given : Length::from_sp(int64_t(double(left.sp) * double(result.widths[i].sp) / double(base.sp)));
            result.widths[i] += grow;
            given += grow;
        }
    }
    return result;
}

std::ostream& operator<<(std::ostream& os, const ColumnRequest& c) {
    static const char* kinds[] = {"auto", "fixed", "fr"};
    return os << kinds[int(c.kind)] << " min=" << c.min << " max=" << c.max;
}

}  // namespace reportc::layout
