// Scaling figures: generated reports of several lengths (and the annual report), each built by
// the command line several times (wall time and peak resident memory, medians), against the
// floor: the same document's frames written through the PDF module alone, in this process,
// measured in the same run, each of its writes between two of the builds. Growth between sizes is stated as an exponent (1 = linear), and the
// memory bound is checked when 1,000 (and 5,000) pages are among the sizes: PASS/FAIL lines.
// Beside the cold build (a new process: fonts and dictionary loaded, every paragraph set), the
// warm one: a resident compiler in this process (driver::Compiler, as `reportc watch` keeps it)
// rebuilding after one word was added to the document's first paragraph, the change made in
// memory (an environment over the real one), never on disk. Issue 16 states the 1.3x goal "with
// the relayout passes reusing what did not change and font loading paid once per process": the
// warm column is that build, and the time goal is judged on it; the cold build is printed against
// the same ratio beside it.
//
//   scale_bench [--reportc PATH] [--runs N] [PAGES...]      (default pages: 10 100 1000 5000)
//   scale_bench --write PAGES DIR     only writes the generated report (for profiling)
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_support.h"
#include "child_build.h"
#include "driver/compiler.h"
#include "edited_environment.h"
#include "pdf/pdf_writer.h"
#include "workload.h"

using namespace reportc;

namespace {

using Clock = std::chrono::steady_clock;

using bench::median;
using bench::Run;
using bench::Spawner;

struct Row {
    std::string name;
    size_t pages = 0;
    double build_ms = 0, peak_mb = 0, floor_ms = 0;  // build_ms: reportc's default -j (the machine's cores)
    double cpu_ms = 0;                               // the same builds' CPU time (user and system)
    double one_thread_ms = 0;                        // -j 1
    double warm_ms = 0;                              // the resident compiler's rebuild after a one-word change
    double warm_floor_ms = 0;                        // the floor, written between the warm rebuilds
    double warm_ratio() const { return warm_ms / warm_floor_ms; }
    bool goal = false;  // one of the sizes the 1.3x goal is stated for (issue 16): ~100, ~1,000 pages, the report
};

constexpr double kGoalRatio = 1.3;

// The floor: the document's frames (built once, untimed) through pdf::write_pdf and onto disk.
class Floor {
public:
    Floor(const std::string& report, std::string pdf) : m_pdf(std::move(pdf)) {
        RealEnvironment env;
        SourceManager sources;
        Diagnostics diags;
        driver::Options options;
        options.input = report;
        options.frames_out = &m_frames;
        const auto outcome = driver::compile(options, env, sources, diags);
        if (!outcome.success) {
            std::fprintf(stderr, "%s did not build\n", report.c_str());
            std::exit(1);
        }
        m_frames.info.creation_epoch = 0;
    }
    size_t pages() const { return m_frames.pages.size(); }
    // One write, timed.
    double once() const {
        const auto start = Clock::now();
        Diagnostics write_diags;
        const auto bytes = pdf::write_pdf(m_frames, write_diags);
        if (!bytes || !driver::write_file_atomically(m_pdf, *bytes).empty()) std::exit(1);
        return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    }

private:
    std::string m_pdf;
    frame::FrameDocument m_frames;
};

// The warm rebuilds: a resident compiler, built once untimed, then `runs` rebuilds (at least
// kWarmRuns: they are cheap, and the time goal is judged on them), each after the first paragraph
// changed (one word added, then taken out again), with the command line's default -j. The
// rebuilds run one after another, as a watch session's do (a floor's write between two of them
// left the next slower: 28-35 -> 40-48 ms for the annual report); then as many of the floor's
// writes (`floor_once`), and the ratio is taken between their medians, measured a second apart:
// the machine's speed drifts from minute to minute on a shared host.
constexpr int kWarmRuns = 7;

struct Warm {
    double ms = 0, floor_ms = 0;
};

template <class FloorOnce>
Warm warm(const std::string& report, const std::string& pdf, int runs, FloorOnce floor_once) {
    RealEnvironment real;
    // The first paragraph (`<p>`) of the first file read that has one, the layout aside, with a
    // word added (bench::EditedEnvironment: on every odd version).
    std::string edited;
    bench::EditedEnvironment env(real, [&edited](const std::string& path, std::string& text) {
        if (path.find("/layouts/") != std::string::npos) return;
        if (edited.empty() && text.find("<p>") != std::string::npos) edited = path;
        if (path == edited) text.insert(text.find("<p>") + 3, "Revised ");
    });
    SourceManager sources;
    driver::Compiler compiler(env, sources);
    const driver::Options options = bench::resident_options(report, pdf);
    std::vector<double> times, floors;
    for (int i = 0; i <= std::max(runs, kWarmRuns); ++i) {
        Diagnostics diags;
        const auto start = Clock::now();
        const auto outcome = compiler.build(options, diags);
        if (!outcome.success) {
            std::fprintf(stderr, "the warm rebuild of %s failed\n", report.c_str());
            std::exit(1);
        }
        if (i > 0) times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        ++env.version;
    }
    for (size_t i = 0; i < times.size(); ++i) floors.push_back(floor_once());
    return {median(times), median(floors)};
}

Row measure(Spawner& spawner, const std::string& name, const std::string& reportc, const std::string& report,
            const std::string& scratch, int runs) {
    Row row;
    row.name = name;
    // The floor's runs between the builds' (the machine's speed drifts from minute to minute on a
    // shared host: measured apart, the ratio moved by 0.1 between two runs of the same code).
    const Floor floor(report, scratch + "/floor.pdf");
    row.pages = floor.pages();
    std::vector<double> ms, mb, one, floors, cpu;
    for (int i = 0; i < runs; ++i) {
        const Run r = spawner.build(reportc, report, scratch + "/build.pdf", 0);
        ms.push_back(r.ms);
        cpu.push_back(r.cpu_ms);
        mb.push_back(r.peak_mb);
        floors.push_back(floor.once());
        one.push_back(spawner.build(reportc, report, scratch + "/build.pdf", 1).ms);
    }
    row.build_ms = median(ms);
    row.cpu_ms = median(cpu);
    row.one_thread_ms = median(one);
    row.peak_mb = median(mb);
    row.floor_ms = median(floors);
    const Warm w = warm(report, scratch + "/warm.pdf", runs, [&floor] { return floor.once(); });
    row.warm_ms = w.ms;
    row.warm_floor_ms = w.floor_ms;
    return row;
}

void print(const Row& r) {
    const double ratio = r.build_ms / r.floor_ms, warm_ratio = r.warm_ratio();
    auto goal = [&](double x) { return !r.goal ? "-" : x <= kGoalRatio ? "PASS" : "FAIL"; };
    std::printf("%-16s %6zu %10.0f %9.1f %10.0f %7.2fx %8.2f %8.3f %9.0f %7.2fx %9.0f %7.2fx  %s %s\n", r.name.c_str(), r.pages,
                r.build_ms, r.peak_mb, r.floor_ms, ratio, r.build_ms / double(r.pages), r.peak_mb / double(r.pages), r.one_thread_ms,
                r.one_thread_ms / r.floor_ms, r.warm_ms, warm_ratio, goal(ratio), goal(warm_ratio));
}

// What the cold build's own work allows: its CPU time spread over every core of the machine with
// none idle, against the floor. A build cannot be faster than that without doing less work; where
// it is above the goal, moving work between threads cannot reach it (docs/performance.md).
void print_cpu_bounds(const std::vector<const Row*>& rows) {
    const unsigned cores = bench::cores();
    std::printf("the cold build's CPU time (user + system, median) and the time it would take with all %u cores busy throughout:\n",
                cores);
    for (const Row* r : rows)
        std::printf("  %-16s %8.0f ms CPU, at best %6.0f ms = %.2fx the floor\n", r->name.c_str(), r->cpu_ms, r->cpu_ms / cores,
                    r->cpu_ms / cores / r->floor_ms);
}

// The time goal of issue 16 as the issue states it: at most 1.3x the floor at ~100 and ~1,000
// pages and for the report, "with the relayout passes reusing what did not change and font
// loading paid once per process", which is the build of a resident compiler (the warm column).
// The cold build, a new process that loads its fonts and sets every paragraph, is printed
// against the same ratio beside it; the CPU bounds after it say how far it could go.
void print_time_goal(const std::vector<const Row*>& rows) {
    bool all_pass = true, any = false;
    std::string warm, cold;
    for (const Row* r : rows) {
        if (!r->goal) continue;
        any = true;
        all_pass = all_pass && r->warm_ratio() <= kGoalRatio;
        char text[96];
        std::snprintf(text, sizeof text, "%s%s %.2fx", warm.empty() ? "" : ", ", r->name.c_str(), r->warm_ratio());
        warm += text;
        std::snprintf(text, sizeof text, "%s%s %.2fx", cold.empty() ? "" : ", ", r->name.c_str(), r->build_ms / r->floor_ms);
        cold += text;
    }
    if (!any) return;
    std::printf("time goal (issue 16: <= %.1fx the floor with the relayout reusing what did not change and the fonts loaded once\n"
                "per process: a resident compiler's rebuild):\n  %s %s\n"
                "  a new process for each build, for comparison (fonts loaded, every paragraph set): %s\n",
                kGoalRatio, all_pass ? "PASS" : "FAIL", warm.c_str(), cold.c_str());
}

// d log(y) / d log(pages) between two sizes: 1 is linear growth, 0 none.
double exponent(double y1, double y2, size_t p1, size_t p2) { return std::log(y2 / y1) / std::log(double(p2) / double(p1)); }

// The memory bound of issue 16 (docs/performance.md): at most 80 MB at about 1,000 pages, and at
// about 5,000 pages at most 1.3 times that size's own peak. Printed as PASS/FAIL lines for the
// sizes that were run; the exit status does not depend on them (the figures are the machine's).
constexpr double kPeakMbAt1000 = 80;
constexpr double kGrowthTo5000 = 1.3;

void print_memory_bounds(const std::vector<Row>& rows, const std::vector<int>& sizes) {
    const Row *at1000 = nullptr, *at5000 = nullptr;
    for (size_t i = 0; i < rows.size(); ++i) {
        if (sizes[i] == 1000) at1000 = &rows[i];
        if (sizes[i] == 5000) at5000 = &rows[i];
    }
    if (!at1000) return;
    std::printf("memory bound (peak that does not grow with the body):\n");
    std::printf("  %s peak at %zu pages: %.1f MB <= %.0f MB\n", at1000->peak_mb <= kPeakMbAt1000 ? "PASS" : "FAIL", at1000->pages,
                at1000->peak_mb, kPeakMbAt1000);
    if (!at5000) return;
    const double ratio = at5000->peak_mb / at1000->peak_mb;
    std::printf("  %s peak at %zu pages: %.1f MB = %.2fx the %zu-page peak <= %.1fx\n", ratio <= kGrowthTo5000 ? "PASS" : "FAIL",
                at5000->pages, at5000->peak_mb, ratio, at1000->pages, kGrowthTo5000);
}

}  // namespace

int main(int argc, char** argv) {
    std::string reportc = REPORTC_BINARY_DIR "/compiler/cli/reportc";
    int runs = 3;
    std::vector<int> sizes;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--write" && i + 2 < argc) {
            std::printf("%s\n", bench::write_workload(argv[i + 2], bench::chapters_for(std::atoi(argv[i + 1]))).c_str());
            return 0;
        }
        if (a == "--reportc" && i + 1 < argc) reportc = argv[++i];
        else if (a == "--runs" && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
        else sizes.push_back(std::atoi(a.c_str()));
    }
    if (sizes.empty()) sizes = {10, 100, 1000, 5000};
    const std::string scratch = (std::filesystem::temp_directory_path() / ("reportc-scale-" + std::to_string(::getpid()))).string();
    std::filesystem::create_directories(scratch);
    Spawner spawner;  // before any document is held here

    std::printf("medians of %d runs; build = `reportc build` in a new process with its default -j (%u cores here), -j1 = the\n"
                "same with -j 1; warm = a resident compiler's rebuild after one word of the first paragraph changed (fonts\n"
                "loaded, paragraphs kept; medians of at least %d, against as many floors written after them); floor = write_pdf\n"
                "of the same frames; goal: <= %.1fx floor at ~100 and ~1,000 pages and the report for the warm build (see\n"
                "the time goal below); cold against the same ratio\n",
                runs, bench::cores(), kWarmRuns, kGoalRatio);
    std::printf("%-16s %6s %10s %9s %10s %8s %8s %8s %9s %8s %9s %8s  %s\n", "document", "pages", "build ms", "peak MB", "floor ms",
                "ratio", "ms/page", "MB/page", "-j1 ms", "-j1 ratio", "warm ms", "warm rat", "goal cold warm");
    Row report_row = measure(spawner, "annual report", reportc, REPORTC_SOURCE_ROOT "/sources/rocb-ap-annual-report-2020-21/report.xml",
                             scratch, runs);
    report_row.goal = true;
    print(report_row);
    std::vector<Row> rows;
    for (int pages : sizes) {
        const std::string dir = scratch + "/" + std::to_string(pages);
        const std::string report = bench::write_workload(dir, bench::chapters_for(pages));
        rows.push_back(measure(spawner, "generated " + std::to_string(pages), reportc, report, scratch, runs));
        rows.back().goal = pages == 100 || pages == 1000;
        print(rows.back());
        std::fflush(stdout);
    }
    std::printf("growth from one size to the next, as d log / d log pages (1 = linear, 0 = flat):\n");
    for (size_t i = 1; i < rows.size(); ++i) {
        const Row &a = rows[i - 1], &b = rows[i];
        std::printf("  %zu -> %zu pages: time %.2f, peak memory %.2f, floor %.2f\n", a.pages, b.pages,
                    exponent(a.build_ms, b.build_ms, a.pages, b.pages), exponent(a.peak_mb, b.peak_mb, a.pages, b.pages),
                    exponent(a.floor_ms, b.floor_ms, a.pages, b.pages));
    }
    print_memory_bounds(rows, sizes);
    std::vector<const Row*> all{&report_row};
    for (const Row& r : rows) all.push_back(&r);
    print_time_goal(all);
    print_cpu_bounds(all);
    std::filesystem::remove_all(scratch);
    return 0;
}
