#include "chart/ticks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace reportc::chart {

namespace {

// Spans below this are zero at any size a chart can show; their logarithm would also take the
// step into subnormal numbers.
constexpr double kTinySpan = 1e-300;

// [lo, hi] widened to hold zero, and to a unit range when it is still empty or too small to scale.
void widen(double& lo, double& hi) {
    if (hi - lo >= kTinySpan) return;
    lo = std::min(lo, 0.0);
    hi = std::max(hi, 0.0);
    if (hi - lo >= kTinySpan) return;
    lo = lo < 0 ? -1 : 0;
    hi = lo < 0 ? 0 : 1;
}

// The ticks m * 10^k * i for i in [first, first + count), or nothing when one is not finite.
bool fill(Ticks& t, int m, int k, double first, int count) {
    std::vector<double> values;
    for (int j = 0; j < count; ++j) {
        const double i = first + j;
        // m * i * 10^k computed from integers: no 0.30000000000000004.
        double v = k >= 0 ? m * i * std::pow(10.0, k) : m * i / std::pow(10.0, -k);
        if (!std::isfinite(v)) return false;
        values.push_back(v == 0 ? 0.0 : v);
    }
    t.step = m * std::pow(10.0, k);
    t.decimals = k < 0 ? -k : 0;
    t.values = std::move(values);
    t.min = t.values.front();
    t.max = t.values.back();
    return true;
}

}  // namespace

Ticks nice_ticks(double lo, double hi, int min_count, int max_count) {
    if (!std::isfinite(lo) || !std::isfinite(hi)) lo = 0, hi = 1;  // readers refuse non-finite values
    if (!(lo <= hi)) std::swap(lo, hi);
    widen(lo, hi);
    // Half the span: hi - lo itself overflows for values near the largest double.
    const double half_span = hi / 2 - lo / 2;
    // Candidate steps m * 10^k from small to large; keep the finest whose tick count fits.
    const int mantissas[3] = {1, 2, 5};
    int k = std::clamp(int(std::floor(std::log10(half_span) + std::log10(2.0))) - 2, -300, 306);
    Ticks best;
    for (int round = 0; round < 12; ++round, ++k) {
        for (int m : mantissas) {
            const double step = m * std::pow(10.0, k);
            if (!std::isfinite(step)) break;
            // Tick indices as integers, so values are exact multiples of the step.
            const double first = std::floor(lo / step + 1e-9), last = std::ceil(hi / step - 1e-9);
            if (!(last > first && last - first + 1 <= max_count)) continue;
            if (fill(best, m, k, first, int(last - first) + 1)) return best;
        }
    }
    (void)min_count;  // the finest step within max_count gives at least 4 ticks (steps grow by <= 2.5x)
    // No 1-2-5 step keeps every tick finite (a range reaching the largest doubles): the ends alone.
    best.values = {lo, hi};
    best.min = lo;
    best.max = hi;
    best.step = half_span;
    best.decimals = 0;
    return best;
}

std::string format_number(double value, int decimals) {
    if (!std::isfinite(value)) return "–";
    double scale = std::pow(10.0, decimals);
    // Past 15 significant digits the grouped fixed form would print noise (or overflow the
    // integer): shorter scientific notation, as "1.5e+300".
    if (std::fabs(value) * scale >= 1e15 || decimals > 15) {
        char text[32];
        std::snprintf(text, sizeof text, "%.3g", value);
        return text;
    }
    long long units = std::llround(std::fabs(value) * scale);
    bool negative = value < 0 && units != 0;
    std::string digits = std::to_string(units);
    while (int(digits.size()) <= decimals) digits.insert(digits.begin(), '0');
    std::string integer = digits.substr(0, digits.size() - size_t(decimals));
    std::string fraction = digits.substr(digits.size() - size_t(decimals));
    if (integer.size() > 4) {
        std::string grouped;
        int n = 0;
        for (size_t i = integer.size(); i-- > 0;) {
            grouped.insert(grouped.begin(), integer[i]);
            if (++n % 3 == 0 && i > 0) grouped.insert(grouped.begin(), ',');
        }
        integer = grouped;
    }
    return (negative ? "-" : "") + integer + (decimals > 0 ? "." + fraction : "");
}

int decimals_needed(const std::vector<double>& values) {
    for (int d = 0; d < 3; ++d) {
        double scale = std::pow(10.0, d);
        bool exact = true;
        for (double v : values) {
            if (std::isnan(v)) continue;
            double scaled = v * scale;
            if (std::fabs(scaled - std::round(scaled)) > 1e-6 * std::max(1.0, std::fabs(scaled))) exact = false;
        }
        if (exact) return d;
    }
    return 3;
}

}  // namespace reportc::chart
