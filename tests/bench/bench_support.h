#pragma once
// What the benchmarks share: the median of their runs, the machine's cores (-j's default), and
// the options a resident compiler builds a report with, as `reportc watch` does.
#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "driver/compiler.h"

namespace reportc::bench {

inline double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

inline unsigned cores() { return std::max(1u, std::thread::hardware_concurrency()); }

// `report` built to `pdf` with the machine's cores, as `reportc watch` and a new `reportc build`
// process build it.
inline driver::Options resident_options(const std::string& report, const std::string& pdf) {
    driver::Options options;
    options.input = report;
    options.output = pdf;
    options.jobs = cores();
    return options;
}

}  // namespace reportc::bench
