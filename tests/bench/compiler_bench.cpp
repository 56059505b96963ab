// Whole builds of the annual report (read, resolve, lay out until page numbers settle, and write
// the PDF or not): cold, with a new compiler each time (what `reportc build` does), and warm,
// with one resident compiler reused (what watch mode and per-record builds do). BM_ReportKerning
// compares the cold build with the fonts' kerning (the default) and without, BM_ReportTypography
// with all of issue 13's features (kerning, protrusion, font expansion, ties and the break
// rules), none, and all but one (the features may cost at most 25 %).
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <string_view>

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

// The files as they are, except the report's layout, whose font families are read with
// kerning="false".
class UnkernedLayout : public Environment {
public:
    std::optional<std::string> read_file(const std::string& path, FileUse use = FileUse::Project) const override {
        auto text = m_real.read_file(path, use);
        if (!text || !path.ends_with("layouts/annual-report.xml")) return text;
        constexpr std::string_view from = "<font-family ", to = "<font-family kerning=\"false\" ";
        for (size_t at = text->find(from); at != std::string::npos; at = text->find(from, at + to.size()))
            text->replace(at, from.size(), to);
        return text;
    }
    bool file_exists(const std::string& path) const override { return m_real.file_exists(path); }
    int64_t now() const override { return m_real.now(); }

private:
    RealEnvironment m_real;
};

// Argument 1: kerning as the layout says (on); 0: turned off. With the PDF, like `reportc build`.
void BM_ReportKerning(benchmark::State& state) {
    RealEnvironment real;
    UnkernedLayout unkerned;
    const Environment& env = state.range(0) != 0 ? static_cast<const Environment&>(real) : unkerned;
    const auto options = report_options(true);
    for (auto _ : state) {
        SourceManager sources;
        Diagnostics diags;
        auto outcome = driver::compile(options, env, sources, diags);
        if (!outcome.success) state.SkipWithError("the report did not build");
        benchmark::DoNotOptimize(outcome.pages);
    }
}

// The typography features of issue 13 the report's layout turns on, each of which
// TypographyOff can turn off.
enum Feature : int64_t { kKerning = 1, kProtrusion = 2, kExpansion = 4, kBreakRules = 8, kAllFeatures = 15 };

void replace_all(std::string& text, std::string_view from, std::string_view to) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
}

// The files as they are, except the report's layout, read without the features not in `on`:
// kerning="false" on the font families, protrusion="false", font-expansion="none", and for the
// break rules no <ties> and no limit on hyphenated lines in a row nor emergency breaks.
class TypographyOff : public Environment {
public:
    explicit TypographyOff(int64_t on) : m_on(on) {}
    std::optional<std::string> read_file(const std::string& path, FileUse use = FileUse::Project) const override {
        auto text = m_real.read_file(path, use);
        if (!text || !path.ends_with("layouts/annual-report.xml")) return text;
        if (!(m_on & kKerning)) replace_all(*text, "<font-family ", "<font-family kerning=\"false\" ");
        if (!(m_on & kProtrusion)) replace_all(*text, "protrusion=\"true\"", "protrusion=\"false\"");
        if (!(m_on & kExpansion)) replace_all(*text, "font-expansion=\"20 20 1\"", "font-expansion=\"none\"");
        if (!(m_on & kBreakRules)) {
            const size_t begin = text->find("<ties "), end = text->find("</ties>");
            if (begin != std::string::npos && end != std::string::npos) text->erase(begin, end + 7 - begin);
            replace_all(*text, "max-hyphenated-lines=\"2\"", "max-hyphenated-lines=\"0\"");
            replace_all(*text, "emergency-penalty=\"700\"", "emergency-penalty=\"10000\"");
        }
        return text;
    }
    bool file_exists(const std::string& path) const override { return m_real.file_exists(path); }
    int64_t now() const override { return m_real.now(); }

private:
    RealEnvironment m_real;
    int64_t m_on;
};

// The argument is the set of features on (Feature bits): 15 all (as the layout says), 0 none,
// and all but one. With the PDF, like `reportc build`. Issue 13's budget: all on at most 25 %
// slower than none.
void BM_ReportTypography(benchmark::State& state) {
    const TypographyOff env(state.range(0));
    const auto options = report_options(true);
    for (auto _ : state) {
        SourceManager sources;
        Diagnostics diags;
        auto outcome = driver::compile(options, env, sources, diags);
        if (!outcome.success) state.SkipWithError("the report did not build");
        benchmark::DoNotOptimize(outcome.pages);
    }
}

}  // namespace

// Argument 1: with the PDF; 0: without (layout only).
BENCHMARK(BM_ReportCold)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond)->Iterations(5)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_ReportWarm)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond)->Iterations(5)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_ReportKerning)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond)->Iterations(5)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_ReportTypography)
    ->Arg(kAllFeatures)
    ->Arg(0)
    ->Arg(kAllFeatures & ~kKerning)
    ->Arg(kAllFeatures & ~kProtrusion)
    ->Arg(kAllFeatures & ~kExpansion)
    ->Arg(kAllFeatures & ~kBreakRules)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK_MAIN();
