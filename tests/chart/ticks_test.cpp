// Nice axis ticks (1-2-5 steps, 4 to 8 ticks, covering the data) and number formatting.
#include <gtest/gtest.h>

#include <cmath>

#include "chart/ticks.h"

using namespace reportc::chart;

namespace {

// Every tick list must cover the data, step by a 1-2-5 multiple of a power of ten, count 4-8.
void expect_nice(const Ticks& t, double lo, double hi) {
    EXPECT_LE(t.min, lo);
    EXPECT_GE(t.max, hi);
    EXPECT_GE(t.values.size(), 4u);
    EXPECT_LE(t.values.size(), 8u);
    double exponent = std::floor(std::log10(t.step));
    double mantissa = t.step / std::pow(10.0, exponent);
    EXPECT_TRUE(std::fabs(mantissa - 1) < 1e-9 || std::fabs(mantissa - 2) < 1e-9 || std::fabs(mantissa - 5) < 1e-9)
        << "step " << t.step;
    for (size_t i = 1; i < t.values.size(); ++i) EXPECT_NEAR(t.values[i] - t.values[i - 1], t.step, 1e-9);
}

}  // namespace

TEST(chart_ticks, WebsiteVisitsInMillionsStepByOne) {
    // 0 to 6.7 million visits: ticks 0, 1, …, 7 (the finest 1-2-5 step with at most 8 ticks).
    Ticks t = nice_ticks(0, 6.7);
    expect_nice(t, 0, 6.7);
    EXPECT_EQ(t.step, 1);
    EXPECT_EQ(t.values.front(), 0);
    EXPECT_EQ(t.values.back(), 7);
    EXPECT_EQ(t.decimals, 0);
}

TEST(chart_ticks, ParticipantsStepByHundred) {
    // 0 to 470 participants: 0, 100, …, 500.
    Ticks t = nice_ticks(0, 470);
    expect_nice(t, 0, 470);
    EXPECT_EQ(t.step, 100);
    EXPECT_EQ(t.values.size(), 6u);
}

TEST(chart_ticks, MembersStepByFive) {
    // 0 to 10 members per sub-region: 0, 2, …, 10 (1 would give 11 ticks).
    Ticks t = nice_ticks(0, 10);
    expect_nice(t, 0, 10);
    EXPECT_EQ(t.step, 2);
    EXPECT_EQ(t.values.back(), 10);
}

TEST(chart_ticks, FractionsGetDecimalsWithoutFloatNoise) {
    // 0 to 0.7: step 0.1, labels with one decimal, values exactly 0.3 (not 0.30000000000000004).
    Ticks t = nice_ticks(0, 0.7);
    expect_nice(t, 0, 0.7);
    EXPECT_DOUBLE_EQ(t.step, 0.1);
    EXPECT_EQ(t.decimals, 1);
    EXPECT_EQ(format_number(t.values[3], t.decimals), "0.3");
    EXPECT_EQ(t.values[3], 0.3);
}

TEST(chart_ticks, NegativeRangeCrossesZero) {
    // -3 to 8: step 2 from -4 to 8, with 0 among the ticks.
    Ticks t = nice_ticks(-3, 8);
    expect_nice(t, -3, 8);
    EXPECT_EQ(t.step, 2);
    EXPECT_EQ(t.min, -4);
    bool zero = false;
    for (double v : t.values) zero = zero || v == 0;
    EXPECT_TRUE(zero);
}

TEST(chart_ticks, LargeAndOddRanges) {
    // Many ranges, all nice: large, tiny, offset, and degenerate ones.
    const double ranges[][2] = {{0, 1}, {0, 3}, {0, 33}, {0, 99}, {0, 101}, {0, 1234567}, {0, 0.0042}, {17, 23}, {-50, -2}, {0, 7500}};
    for (const auto& r : ranges) {
        SCOPED_TRACE(std::to_string(r[0]) + ".." + std::to_string(r[1]));
        expect_nice(nice_ticks(r[0], r[1]), r[0], r[1]);
    }
    Ticks flat = nice_ticks(5, 5);
    EXPECT_LE(flat.min, 0);
    EXPECT_GE(flat.max, 5);
    Ticks zero = nice_ticks(0, 0);
    EXPECT_EQ(zero.min, 0);
    EXPECT_EQ(zero.max, 1);
}

TEST(chart_ticks, FormatsLocaleFree) {
    // Fixed decimals, thousands separators from 10,000, no "-0".
    EXPECT_EQ(format_number(6.7, 1), "6.7");
    EXPECT_EQ(format_number(5.025, 1), "5.0");
    EXPECT_EQ(format_number(470, 0), "470");
    EXPECT_EQ(format_number(1234, 0), "1234");
    EXPECT_EQ(format_number(1234567, 0), "1,234,567");
    EXPECT_EQ(format_number(-0.0001, 2), "0.00");
    EXPECT_EQ(format_number(-2.5, 1), "-2.5");
    EXPECT_EQ(decimals_needed({5.0, 6.7}), 1);
    EXPECT_EQ(decimals_needed({9, 8, 6, 10}), 0);
    EXPECT_EQ(decimals_needed({0.25}), 2);
}
