// End to end: `reportc build -j N` writes the same bytes for any N (issue 16: determinism across
// thread counts), on the annual report and on a generated report of several hundred pages.
#include <gtest/gtest.h>

#include <unistd.h>

#include "../bench/workload.h"
#include "run.h"

using namespace reportc::e2e;

namespace {

// The PDF `report` builds to with -j `jobs` (SOURCE_DATE_EPOCH pins the dates).
std::string built_with(const std::string& report, const std::string& dir, int jobs) {
    const std::string pdf = dir + "/j" + std::to_string(jobs) + ".pdf";
    auto r = run("SOURCE_DATE_EPOCH=0 " + reportc_exe() + " build " + quote(report) + " -o " + quote(pdf) + " -j " +
                 std::to_string(jobs) + " --allow-read " + quote(source_root()));
    EXPECT_EQ(r.status, 0) << r.err;
    return read_file(pdf);
}

void expect_same_for_any_jobs(const std::string& report, const std::string& dir) {
    const std::string one = built_with(report, dir, 1);
    ASSERT_GT(one.size(), 1000u);
    EXPECT_TRUE(built_with(report, dir, 2) == one) << "-j 2 differs from -j 1";
    EXPECT_TRUE(built_with(report, dir, 8) == one) << "-j 8 differs from -j 1";
}

}  // namespace

TEST(ParallelE2E, TheReportIsTheSameForAnyThreadCount) {
    const std::string dir = scratch_dir("parallel-report-" + std::to_string(::getpid()));
    expect_same_for_any_jobs(source_root() + "/sources/rocb-ap-annual-report-2020-21/report.xml", dir);
}

TEST(ParallelE2E, SeveralHundredGeneratedPagesAreTheSameForAnyThreadCount) {
    const std::string dir = scratch_dir("parallel-generated-" + std::to_string(::getpid()));
    const std::string report = reportc::bench::write_workload(dir + "/source", reportc::bench::chapters_for(300));
    expect_same_for_any_jobs(report, dir);
}
