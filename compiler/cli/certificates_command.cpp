#include "cli/certificates_command.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <thread>
#include <unistd.h>

#include "cli/arguments.h"
#include "cli/diagnostics_printer.h"
#include "driver/certificates.h"

namespace reportc::cli {
namespace {

// "building 340/1000  850/s  0.8 s left" on one line of a terminal, redrawn in place.
class ProgressLine {
public:
    explicit ProgressLine(bool shown) : m_shown(shown), m_start(std::chrono::steady_clock::now()) {}
    ~ProgressLine() { clear(); }
    // Erases the line, so that diagnostics start at the left margin.
    void clear() {
        if (m_drawn) std::fputs("\r\033[K", stderr);
        m_drawn = false;
    }
    void operator()(const driver::MergeProgress& p) {
        if (!m_shown) return;
        auto now = std::chrono::steady_clock::now();
        if (p.done != p.total && now - m_last < std::chrono::milliseconds(100)) return;
        m_last = now;
        double seconds = std::chrono::duration<double>(now - m_start).count();
        double rate = seconds > 0 ? double(p.done) / seconds : 0;
        double left = rate > 0 ? double(p.total - p.done) / rate : 0;
        std::fprintf(stderr, "\r\033[K%s %zu/%zu  %.0f/s  %.1f s left", p.stage, p.done, p.total, rate, left);
        m_drawn = true;
        if (p.done == p.total) m_start = now;  // the next stage's rate starts afresh
    }

private:
    bool m_shown, m_drawn = false;
    std::chrono::steady_clock::time_point m_start, m_last;
};

std::string folder_name(const std::string& run_file) {
    auto folder = std::filesystem::absolute(run_file).parent_path().filename().string();
    return folder.empty() ? "certificates" : folder;
}

}  // namespace

std::optional<CertificateArguments> parse_certificate_arguments(const std::vector<std::string>& args, std::string& error) {
    CertificateArguments a;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        auto value = [&](const char* what) { return option_value(args, i, what, error); };
        if (auto taken = read_option(args, i, a.read, error); taken != Taken::No) {
            if (taken == Taken::Error) return std::nullopt;
            continue;
        }
        std::string* target = arg == "--combined" ? &a.combined : (arg == "-o" || arg == "--output") ? &a.out_dir : arg == "--manifest" ? &a.manifest : nullptr;
        if (target) {
            auto v = value(target == &a.out_dir ? "a folder" : "a file name");
            if (!v) return std::nullopt;
            *target = *v;
        } else if (auto taken = jobs_option(args, i, a.threads, error); taken != Taken::No) {
            if (taken == Taken::Error) return std::nullopt;
        } else if (arg == "--skip-bad") {
            a.skip_bad = true;
        } else if (arg == "--quiet" || arg == "-q") {
            a.quiet = true;
        } else if (arg == "--help" || arg == "-h") {  // as `reportc build --help`: the usage, nothing else
            a.help = true;
            return a;
        } else if (!arg.empty() && arg[0] == '-') {
            error = "unknown option '" + arg + "' of 'certificates'";
            return std::nullopt;
        } else if (a.run_file.empty()) {
            a.run_file = arg;
        } else {
            error = "expected one run file, found a second one: '" + arg + "'";
            return std::nullopt;
        }
    }
    if (a.run_file.empty()) {
        error = "expected a run file after 'certificates'";
        return std::nullopt;
    }
    if (a.combined.empty() && a.out_dir.empty() && a.manifest.empty()) {
        const std::string base = "out/" + folder_name(a.run_file) + "-certificates";
        a.combined = base + ".pdf";
        a.out_dir = base;
    }
    if (!a.out_dir.empty() && a.manifest.empty()) a.manifest = a.out_dir + "/manifest.csv";
    return a;
}

int run_certificates(const std::vector<std::string>& args) {
    std::string error;
    auto a = parse_certificate_arguments(args, error);
    if (!a) {
        std::cerr << "reportc: error: " << error << "\n\n" << usage();
        return 2;
    }
    if (a->help) {
        std::cout << usage();
        return 0;
    }
    for (const auto* file : {&a->combined, &a->manifest}) {
        std::error_code ignored;  // a failure shows as the file's own write error
        if (auto parent = std::filesystem::path(*file).parent_path(); !file->empty() && !parent.empty())
            std::filesystem::create_directories(parent, ignored);
    }
    ProgressLine progress(!a->quiet && ::isatty(STDERR_FILENO));
    driver::MergeOptions options;
    options.run_file = a->run_file;
    options.combined = a->combined;
    options.out_dir = a->out_dir;
    options.manifest = a->manifest;
    options.skip_bad = a->skip_bad;
    options.threads = a->threads ? a->threads : std::max(1u, std::thread::hardware_concurrency());
    options.progress = [&progress](const driver::MergeProgress& p) { progress(p); };
    RealEnvironment env;
    if (!confine(env, a->read, a->run_file, error)) {
        std::cerr << "reportc: error: " << error << "\n";
        return 2;
    }
    SourceManager sources;
    Diagnostics diags;
    auto outcome = driver::make_certificates(options, env, sources, diags);
    progress.clear();
    print_diagnostics(diags, sources);
    if (outcome.bad > 0 && !outcome.success)
        std::cerr << "reportc: " << outcome.bad << " of " << outcome.records << " records are bad; nothing written (--skip-bad writes the others)\n";
    if (!outcome.success) return 1;
    if (!a->quiet)
        std::cerr << "wrote " << outcome.written << (outcome.written == 1 ? " record" : " records")
                  << (outcome.bad ? " (" + std::to_string(outcome.bad) + " bad left out)" : std::string()) << ": "
                  << (a->combined.empty() ? "" : a->combined + " ") << (a->out_dir.empty() ? "" : a->out_dir + "/ ")
                  << (a->manifest.empty() ? "" : a->manifest) << "\n";
    return outcome.bad > 0 ? 1 : 0;
}

}  // namespace reportc::cli
