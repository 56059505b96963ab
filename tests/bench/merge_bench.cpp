// `reportc certificates` at scale: 1,000 generated participants into one combined PDF, and into
// 1,000 separate PDFs with their manifest, through driver::make_certificates as the command runs
// it; then the phases on their own (building the records' frames, one record's PDF, the combined
// PDF), to show where the time goes. Peak memory is the process's (getrusage) after each.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>

#include "driver/certificates.h"
#include "driver/compiler.h"
#include "driver/combine.h"
#include "pdf/pdf_writer.h"

using namespace reportc;

namespace {

const std::string& folder() {
    static const std::string dir = [] {
        std::string d = (std::filesystem::temp_directory_path() / ("reportc-merge-bench-" + std::to_string(::getpid()))).string();
        std::filesystem::create_directories(d);
        const std::string fixture = REPORTC_SOURCE_ROOT "/tests/driver/merge";
        std::ofstream csv(d + "/participants.csv");
        csv << "id,name,given_name,family_name,country,organisation,email,distinction\n";
        for (int i = 1; i <= 1000; ++i)
            csv << i << ",Nguyễn Văn Participant " << i << ",Participant,Family" << i << ",Viet Nam,General Department of Customs,p" << i
                << "@example.org," << (i % 3 == 0 ? "yes" : "") << "\n";
        std::ofstream(d + "/run.xml") << "<certificates source=\"" << fixture << "/certificate.xml\" layout=\"" << fixture << "/layout.xml\">\n"
                                      << "<workshop title=\"Regional Workshop on Post-Clearance Audit\" start=\"2020-11-02\" end=\"2020-11-06\" place=\"online\"/>\n"
                                      << "<records src=\"participants.csv\"/>\n<number pattern=\"ROCB-2020-PCA-{participant.id|0000}\"/>\n"
                                      << "<url pattern=\"https://example.org/verify/{certificate.number}\"/>\n"
                                      << "<files pattern=\"{certificate.number}-{participant.family_name}.pdf\"/>\n</certificates>\n";
        return d;
    }();
    return dir;
}

void peak_memory(benchmark::State& state) {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    state.counters["peak_MB"] = double(usage.ru_maxrss) / 1024.0;
}

unsigned threads() { return std::max(1u, std::thread::hardware_concurrency()); }

void run(benchmark::State& state, bool combined) {
    RealEnvironment env;
    driver::MergeOptions o;
    o.run_file = folder() + "/run.xml";
    if (combined) o.combined = folder() + "/all.pdf";
    else o.out_dir = folder() + "/pdf", o.manifest = folder() + "/pdf/manifest.csv";
    o.threads = threads();
    for (auto _ : state) {
        SourceManager sources;
        Diagnostics diags;
        if (!driver::make_certificates(o, env, sources, diags).success) state.SkipWithError("the certificates did not build");
    }
    peak_memory(state);
    state.counters["threads"] = double(o.threads);
}

void BM_CertificatesCombined(benchmark::State& state) { run(state, true); }
void BM_CertificatesSeparate(benchmark::State& state) { run(state, false); }

// The phases: every record's frames (read once, resolve and lay out a copy per record), then one
// record's PDF, then the combined PDF of all.
struct Built {
    RealEnvironment env;
    SourceManager sources;
    std::vector<frame::FrameDocument> frames;
};

void build_frames(Built& b, size_t records) {
    driver::Compiler compiler(b.env, b.sources);
    driver::Options options;
    options.input = REPORTC_SOURCE_ROOT "/tests/driver/merge/certificate.xml";
    Diagnostics diags;
    auto prepared = compiler.prepare(options, diags);
    for (size_t i = 1; i <= records && prepared; ++i) {
        options.variables = {{"participant.name", "Participant " + std::to_string(i)}, {"participant.organisation", "Customs"},
                             {"participant.country", "Viet Nam"}, {"participant.distinction", i % 3 ? "" : "yes"},
                             {"workshop.title", "Workshop"}, {"workshop.start", "2020-11-02"}, {"workshop.end", "2020-11-06"},
                             {"workshop.place", "online"}, {"certificate.number", "N-" + std::to_string(i)}, {"certificate.url", "https://x"}};
        Diagnostics record;
        if (auto f = compiler.build_record(*prepared, options, record)) b.frames.push_back(std::move(*f));
    }
}

void BM_PhaseBuildFrames(benchmark::State& state) {
    for (auto _ : state) {
        Built b;
        build_frames(b, 1000);
        if (b.frames.size() != 1000) state.SkipWithError("records did not build");
    }
}

void BM_PhaseOneRecordPdf(benchmark::State& state) {
    Built b;
    build_frames(b, 1);
    for (auto _ : state) {
        Diagnostics diags;
        benchmark::DoNotOptimize(pdf::write_pdf(b.frames.at(0), diags));
    }
}

void BM_PhaseCombinedPdf(benchmark::State& state) {
    Built b;
    build_frames(b, 1000);
    for (auto _ : state) {
        Diagnostics diags;
        benchmark::DoNotOptimize(pdf::write_pdf(driver::combine_records(b.frames), diags));
    }
}

}  // namespace

BENCHMARK(BM_CertificatesCombined)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_CertificatesSeparate)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3)->ReportAggregatesOnly(true);
BENCHMARK(BM_PhaseBuildFrames)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_PhaseOneRecordPdf)->Unit(benchmark::kMillisecond)->Iterations(20)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_PhaseCombinedPdf)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK_MAIN();
