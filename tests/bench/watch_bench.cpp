// Watch mode's promise, measured side by side (tests/bench/run.sh): a cold `reportc build` of
// the annual report (a new process: fonts, dictionary and layout loaded, everything read and
// set) against a warm rebuild in one resident compiler after one cell of Annex I's data
// (data/annual-work-plan.xml) changed, as `reportc watch` does it. Medians of --runs runs each.
// The file is changed in memory (an environment over the real one), never on disk.
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "bench_support.h"
#include "driver/compiler.h"
#include "edited_environment.h"

extern char** environ;

using namespace reportc;
using Clock = std::chrono::steady_clock;

namespace {

const std::string kReport = REPORTC_SOURCE_ROOT "/sources/rocb-ap-annual-report-2020-21/report.xml";
const std::string kData = "data/annual-work-plan.xml";
// The cell changed: the first key performance indicator of the work plan.
const std::string kCell = "<field name=\"kpi\">";

// The work plan with its first KPI cell's text changed (bench::EditedEnvironment: on every odd
// version).
void revise_first_kpi(const std::string& path, std::string& text) {
    if (path.size() < kData.size() || path.compare(path.size() - kData.size(), kData.size(), kData) != 0) return;
    const auto at = text.find(kCell);
    if (at != std::string::npos) text.insert(at + kCell.size(), "Revised: ");
}

using bench::median;

double ms_since(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

// User and system CPU time of this process (RUSAGE_SELF) or of its waited-for children, in ms:
// the figure a loaded machine disturbs least.
double cpu_ms(int who) {
    rusage u{};
    getrusage(who, &u);
    auto ms = [](const timeval& t) { return double(t.tv_sec) * 1000 + double(t.tv_usec) / 1000; };
    return ms(u.ru_utime) + ms(u.ru_stime);
}

struct Times {
    double wall = 0, cpu = 0;
};

// One `reportc build` process, start to exit.
Times cold_process_build(const std::string& reportc, const std::string& pdf) {
    std::vector<std::string> args = {reportc, "build", kReport, "-o", pdf};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    const double cpu = cpu_ms(RUSAGE_CHILDREN);
    const auto start = Clock::now();
    pid_t pid = 0;
    if (posix_spawn(&pid, reportc.c_str(), &actions, nullptr, argv.data(), environ) != 0) return {-1, -1};
    int status = 0;
    waitpid(pid, &status, 0);
    const Times t{ms_since(start), cpu_ms(RUSAGE_CHILDREN) - cpu};
    posix_spawn_file_actions_destroy(&actions);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? t : Times{-1, -1};
}

}  // namespace

int main(int argc, char** argv) {
    std::string reportc = REPORTC_BINARY_DIR "/compiler/cli/reportc";
    int runs = 7;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--reportc") == 0) reportc = argv[i + 1];
        if (std::strcmp(argv[i], "--runs") == 0) runs = std::max(1, std::atoi(argv[i + 1]));
    }
    ::setenv("SOURCE_DATE_EPOCH", "0", 1);
    const std::string pdf = "/tmp/reportc-watch-bench-" + std::to_string(::getpid()) + ".pdf";

    std::vector<double> cold, warm, cold_cpu, warm_cpu;
    RealEnvironment real;
    bench::EditedEnvironment env(real, revise_first_kpi);
    SourceManager sources;
    driver::Compiler compiler(env, sources);
    // As `reportc watch` and the cold process build: with the machine's cores (-j's default).
    const driver::Options options = bench::resident_options(kReport, pdf);
    {
        Diagnostics diags;
        if (!compiler.build(options, diags).success) {
            std::fprintf(stderr, "the report did not build\n");
            return 1;
        }
    }
    size_t pages = 0;
    for (int r = 0; r < runs; ++r) {
        const Times c = cold_process_build(reportc, pdf);
        if (c.wall < 0) {
            std::fprintf(stderr, "reportc build failed (%s)\n", reportc.c_str());
            return 1;
        }
        cold.push_back(c.wall);
        cold_cpu.push_back(c.cpu);
        ++env.version;  // one cell changed (and changed back on the next run)
        Diagnostics diags;
        const double cpu = cpu_ms(RUSAGE_SELF);
        const auto start = Clock::now();
        const auto outcome = compiler.build(options, diags);
        warm.push_back(ms_since(start));
        warm_cpu.push_back(cpu_ms(RUSAGE_SELF) - cpu);
        if (!outcome.success) {
            std::fprintf(stderr, "the warm rebuild failed\n");
            return 1;
        }
        pages = outcome.pages;
    }
    std::remove(pdf.c_str());
    const double c = median(cold), w = median(warm), cc = median(cold_cpu), wc = median(warm_cpu);
    std::printf("report: %zu pages; medians of %d runs          wall        CPU (user + system)\n", pages, runs);
    std::printf("%-48s %8.1f ms  %8.1f ms\n", "cold: `reportc build` (a new process)", c, cc);
    std::printf("%-48s %8.1f ms  %8.1f ms\n", "warm: rebuild after one cell of Annex I changed", w, wc);
    std::printf("%-48s %8.2f     %8.2f    (the goal: at most 0.50)\n", "warm / cold", w / c, wc / cc);
    return 0;
}
