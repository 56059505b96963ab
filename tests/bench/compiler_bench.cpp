// Whole builds of the annual report (read, resolve, lay out until page numbers settle, and write
// the PDF or not): cold, with a new compiler each time (what `reportc build` does), and warm,
// with one resident compiler reused (what watch mode and per-record builds do).
#include <benchmark/benchmark.h>

#include <unistd.h>

#include "driver/compiler.h"

using namespace reportc;

namespace {

// With the PDF (`reportc build`), or without it (`reportc check`: everything up to the frames).
driver::Options report_options(bool pdf) {
    driver::Options o;
    o.input = REPORTC_SOURCE_ROOT "/sources/rocb-ap-annual-report-2020-21/report.xml";
    if (pdf) o.output = "/tmp/reportc-compiler-bench-" + std::to_string(::getpid()) + ".pdf";
    return o;
}

void BM_ReportCold(benchmark::State& state) {
    RealEnvironment env;
    const auto options = report_options(state.range(0) != 0);
    for (auto _ : state) {
        SourceManager sources;
        Diagnostics diags;
        auto outcome = driver::compile(options, env, sources, diags);
        if (!outcome.success) state.SkipWithError("the report did not build");
        benchmark::DoNotOptimize(outcome.pages);
    }
}

void BM_ReportWarm(benchmark::State& state) {
    RealEnvironment env;
    SourceManager sources;
    driver::Compiler compiler(env, sources);
    const auto options = report_options(state.range(0) != 0);
    {
        Diagnostics diags;
        compiler.build(options, diags);  // loads the layout, fonts and dictionary once
    }
    for (auto _ : state) {
        Diagnostics diags;
        auto outcome = compiler.build(options, diags);
        if (!outcome.success) state.SkipWithError("the report did not build");
        benchmark::DoNotOptimize(outcome.pages);
    }
    state.counters["layouts_parsed"] = double(compiler.counts().layouts_parsed);
}

}  // namespace

// Argument 1: with the PDF; 0: without (layout only).
BENCHMARK(BM_ReportCold)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond)->Iterations(5)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_ReportWarm)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond)->Iterations(5)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK_MAIN();
