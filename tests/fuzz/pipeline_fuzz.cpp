// The whole pipeline as `reportc build` runs it (read, resolve, style, lay out, paginate, and the
// PDF's bytes made in memory) on any bytes as a report beside the shipped one, so that its layout,
// includes and data files resolve. One resident compiler, made in LLVMFuzzerInitialize, keeps the
// layout, fonts and dictionary loaded across executions, and the repository's files are read from
// disk once; the compiler is replaced now and then, so that what a long run accumulates (the
// resident fonts' and hyphenator's caches of the words seen) stays small.
#include <map>
#include <memory>

#include "driver/compiler.h"
#include "fuzz_support.h"
#include "pdf/pdf_writer.h"

using namespace reportc;

namespace {

const std::string kReport = std::string(REPORTC_SOURCE_ROOT) + "/sources/rocb-ap-annual-report-2020-21/fuzz-report.xml";
constexpr int kRunsPerCompiler = 20000;

// The fuzzer's bytes as kReport; every other path is read from disk as a build would, and a file
// that could be read is kept (the repository does not change during a run).
class FuzzEnvironment : public Environment {
public:
    std::string report;
    std::optional<std::string> read_file(const std::string& path, FileUse use = FileUse::Project) const override {
        if (path == kReport) return report;
        if (auto it = m_read.find(path); it != m_read.end() && it->second.first == use) return it->second.second;
        auto bytes = m_disk.read_file(path, use);
        if (bytes) m_read[path] = {use, *bytes};
        return bytes;
    }
    bool file_exists(const std::string& path) const override { return path == kReport || m_disk.file_exists(path); }
    std::string why_unreadable(const std::string& path, FileUse use = FileUse::Project) const override { return m_disk.why_unreadable(path, use); }
    int64_t now() const override { return 1600000000; }

private:
    RealEnvironment m_disk;
    mutable std::map<std::string, std::pair<FileUse, std::string>> m_read;
};

struct Resident {
    explicit Resident(const FuzzEnvironment& e) : compiler(e, sources) {}
    SourceManager sources;
    driver::Compiler compiler;
    int runs = 0;
};

FuzzEnvironment& environment() {
    static FuzzEnvironment env;
    return env;
}

std::unique_ptr<Resident>& resident() {
    static std::unique_ptr<Resident> r;
    return r;
}

// One build of the bytes as kReport; the PDF is made when the build succeeds, as `build` would.
void build(const std::string& report) {
    auto& r = resident();
    if (!r || r->runs == kRunsPerCompiler) r = std::make_unique<Resident>(environment());
    ++r->runs;
    environment().report = report;
    driver::Options options;
    options.input = kReport;
    frame::FrameDocument frames;
    options.frames_out = &frames;
    Diagnostics diags;
    if (r->compiler.build(options, diags).success) (void)pdf::write_pdf(frames, diags);
    fuzz::render_all(diags, r->sources);
}

}  // namespace

// The layout, its fonts and the dictionary loaded before the first input (a one-paragraph report).
// The seeds name the fuzz layout (tests/fuzz/pipeline-layout.xml); an input may name another.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
    build("<report layout=\"../../tests/fuzz/pipeline-layout.xml\" lang=\"en\"><info><title>T</title></info><p>Warm.</p></report>");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    build(fuzz::bytes_of(data, size));
    return 0;
}
