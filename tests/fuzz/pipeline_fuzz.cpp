// The whole pipeline as `reportc check` runs it (read, resolve, style, lay out, paginate; no PDF
// writing) on any bytes as a report beside the shipped one, so that its layout, includes and
// data files resolve. One resident compiler keeps the layout, fonts and dictionary loaded across
// executions; it is replaced now and then, so that what a long run accumulates (each build's
// diagnostics and reads) stays small.
#include <memory>

#include "driver/compiler.h"
#include "fuzz_support.h"

using namespace reportc;

namespace {

const std::string kReport = std::string(REPORTC_SOURCE_ROOT) + "/sources/rocb-ap-annual-report-2020-21/fuzz-report.xml";
constexpr int kRunsPerCompiler = 2000;

// The fuzzer's bytes as kReport; every other path is read from disk as a build would.
class FuzzEnvironment : public Environment {
public:
    std::string report;
    std::optional<std::string> read_file(const std::string& path, FileUse use = FileUse::Project) const override {
        return path == kReport ? std::optional<std::string>(report) : m_disk.read_file(path, use);
    }
    bool file_exists(const std::string& path) const override { return path == kReport || m_disk.file_exists(path); }
    std::string why_unreadable(const std::string& path, FileUse use = FileUse::Project) const override { return m_disk.why_unreadable(path, use); }
    int64_t now() const override { return 1600000000; }

private:
    RealEnvironment m_disk;
};

struct Resident {
    FuzzEnvironment env;
    SourceManager sources;
    driver::Compiler compiler{env, sources};
    int runs = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static std::unique_ptr<Resident> resident;
    if (!resident || resident->runs == kRunsPerCompiler) resident = std::make_unique<Resident>();
    ++resident->runs;
    resident->env.report = fuzz::bytes_of(data, size);
    driver::Options options;
    options.input = kReport;
    Diagnostics diags;
    (void)resident->compiler.build(options, diags);
    fuzz::render_all(diags, resident->sources);
    return 0;
}
