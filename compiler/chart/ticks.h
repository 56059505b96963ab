#pragma once
// Axis scales: "nice numbers" (steps of 1, 2 or 5 times a power of ten) and locale-independent
// number formatting.
#include <cstdint>
#include <string>
#include <vector>

namespace reportc::chart {

struct Ticks {
    double min = 0, max = 1, step = 1;  // min and max are multiples of step, min <= data <= max
    int decimals = 0;                    // digits after the point every tick label needs
    std::vector<double> values;          // min, min + step, …, max
    // Where `v` lies from min (0) to max (1); halves first, so that max - min cannot overflow.
    double fraction(double v) const { return (v / 2 - min / 2) / (max / 2 - min / 2); }
};

// The ticks covering [lo, hi]: the finest 1-2-5 step giving at most `max_count` ticks (at least
// `min_count` whenever the 1-2-5 sequence allows). A degenerate range is widened: [v, v] covers
// 0 and v; [0, 0] becomes [0, 1].
Ticks nice_ticks(double lo, double hi, int min_count = 4, int max_count = 8);

// "1,250", "6.7", "-0.25": fixed decimals, rounded half away from zero, "," between thousands
// from 10,000 on, never "-0".
std::string format_number(double value, int decimals);

// The fewest decimals (at most 3) that show every value exactly.
int decimals_needed(const std::vector<double>& values);

}  // namespace reportc::chart
