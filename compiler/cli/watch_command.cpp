#include "cli/watch_command.h"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "cli/diagnostics_printer.h"
#include "cli/file_watcher.h"
#include "driver/compiler.h"

namespace reportc::cli {

namespace {

// How long the files must stay quiet after a change before the rebuild: an editor's save (write,
// then rename; or several writes) gives one build.
constexpr std::chrono::milliseconds kQuiet{100};

// "[12:03:04] ": the local time, to start a status line.
std::string now_stamp() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm local{};
    localtime_r(&t, &local);
    char text[16];
    std::strftime(text, sizeof text, "[%H:%M:%S] ", &local);
    return text;
}

std::string plural(size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

// One line per build: what was written, or why nothing was and what is still in place.
std::string status_line(const driver::Outcome& outcome, const Diagnostics& diags, const driver::Options& options, long long ms) {
    std::string line = now_stamp();
    if (outcome.success) {
        line.append("built ").append(options.output).append(": ").append(plural(outcome.pages, "page", "pages"));
        line.append(" in ").append(std::to_string(ms)).append(" ms");
        if (diags.warning_count() > 0) line.append(" (").append(plural(diags.warning_count(), "warning", "warnings")).append(")");
        return line;
    }
    line.append("failed: ");
    if (diags.error_count() > 0) line.append(plural(diags.error_count(), "error", "errors"));
    else line.append(plural(diags.warning_count(), "warning", "warnings")).append(" with --werror");
    std::error_code ignored;
    const bool kept = std::filesystem::exists(options.output, ignored);
    line.append(kept ? std::string(" (").append(options.output).append(" kept)") : std::string(" (no PDF written yet)"));
    return line;
}

}  // namespace

int run_watch(const Arguments& arguments) {
    std::string error;
    FileWatcher watcher(error);
    if (!error.empty()) {
        std::cerr << "reportc: error: " << error << "\n";
        return 1;
    }
    driver::Options options;
    options.input = arguments.input;
    options.output = arguments.output;
    options.trace_output = arguments.trace;
    options.werror = arguments.werror;
    options.jobs = jobs_or_cores(arguments.jobs);
    options.variables = arguments.variables;
    RealEnvironment env;
    if (!confine(env, arguments.read, arguments.input, error)) {
        std::cerr << "reportc: error: " << error << "\n";
        return 2;
    }
    SourceManager sources;
    driver::Compiler compiler(env, sources);  // resident: layouts, fonts and the dictionary load once
    for (bool first = true;; first = false) {
        const auto start = std::chrono::steady_clock::now();
        Diagnostics diags;
        const driver::Outcome outcome = compiler.build(options, diags);
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
        print_diagnostics(diags, sources, std::cerr);
        std::cerr.flush();
        watcher.watch(outcome.inputs);  // taken anew: an include added by this build is watched from now on
        std::cout << status_line(outcome, diags, options, ms) << "\n";
        if (first)
            std::cout << now_stamp() << "watching " << plural(outcome.inputs.size(), "file", "files") << " in "
                      << plural(watcher.folder_count(), "folder", "folders") << " (Ctrl-C to stop)\n";
        std::cout.flush();
        if (watcher.wait(kQuiet) == FileWatcher::Wake::Stop) break;
    }
    std::cout << now_stamp() << "stopped\n" << std::flush;
    return 0;
}

}  // namespace reportc::cli
