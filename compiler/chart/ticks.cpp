#include "chart/ticks.h"

#include <cmath>

namespace reportc::chart {

Ticks nice_ticks(double lo, double hi, int min_count, int max_count) {
    if (!(lo <= hi)) std::swap(lo, hi);
    if (lo == hi) {
        lo = std::min(lo, 0.0);
        hi = std::max(hi, 0.0);
        if (lo == hi) hi = 1;
    }
    const double span = hi - lo;
    // Candidate steps m * 10^k from small to large; keep the finest whose tick count fits.
    const int mantissas[3] = {1, 2, 5};
    int k = int(std::floor(std::log10(span))) - 2;
    Ticks best;
    bool found = false;
    for (int round = 0; round < 12 && !found; ++round, ++k) {
        for (int m : mantissas) {
            double step = m * std::pow(10.0, k);
            // Tick indices as integers, so values are exact multiples of the step.
            double first = std::floor(lo / step + 1e-9), last = std::ceil(hi / step - 1e-9);
            int count = int(last - first) + 1;
            if (count > max_count) continue;
            best.step = step;
            best.decimals = k < 0 ? -k : 0;
            best.values.clear();
            for (double i = first; i <= last + 0.5; ++i) {
                // m * i * 10^k computed from integers: no 0.30000000000000004.
                double v = k >= 0 ? m * i * std::pow(10.0, k) : m * i / std::pow(10.0, -k);
                best.values.push_back(v == 0 ? 0.0 : v);
            }
            best.min = best.values.front();
            best.max = best.values.back();
            found = true;
            break;
        }
    }
    (void)min_count;  // the finest step within max_count gives at least 4 ticks (steps grow by <= 2.5x)
    return best;
}

std::string format_number(double value, int decimals) {
    double scale = std::pow(10.0, decimals);
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
