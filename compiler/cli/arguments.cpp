#include "cli/arguments.h"

#include <algorithm>
#include <filesystem>
#include <thread>

#include "driver/variables.h"

namespace reportc::cli {
namespace {

// Whether two output names are one file: the same path once made absolute and normalized, or
// (for names through symlinks or hard links) the same existing file. The trace is written first,
// so the PDF would silently replace it.
bool same_output(const std::string& a, const std::string& b) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path pa = fs::absolute(a, ec).lexically_normal();
    const fs::path pb = fs::absolute(b, ec).lexically_normal();
    if (pa == pb) return true;
    return fs::exists(pa, ec) && fs::exists(pb, ec) && fs::equivalent(pa, pb, ec);
}

}  // namespace

std::string usage() {
    return "usage: reportc build REPORT.xml [-o FILE.pdf] [--trace FILE] [--stats] [--werror] [--set NAME=VALUE]...\n"
           "                     [--part ID] [--changes-since OLD [--changes-csv FILE]]\n"
           "       reportc watch REPORT.xml [-o FILE.pdf] [--trace FILE] [--werror] [--set NAME=VALUE]...\n"
           "       reportc check REPORT.xml [--werror] [--set NAME=VALUE]...\n"
           "       (build, watch, check, render and certificates also take [--root DIR] [--allow-read PATH]...)\n"
           "       reportc new DIR [--title TITLE]\n"
           "       reportc certificates RUN.xml [--combined FILE.pdf] [-o DIR] [--manifest FILE.csv] [--skip-bad] [--quiet] [-j N]\n"
           "       reportc data export DATA.xml|DATA.csv -o FILE.xlsx [--sheet NAME]\n"
           "       reportc data import FILE.xlsx|FILE.ods [--sheet NAME] -o DATA.xml\n"
           "       reportc render REPORT.xml --png DIR [--page N] [--dpi 72] [--id FIGURE-ID] [--set NAME=VALUE]...\n"
           "       reportc --help | --version\n"
           "\n"
           "commands:\n"
           "  build   typeset the report and write its PDF (default out/<report>.pdf)\n"
           "  watch   build, then build again whenever a file the last build read changes (Ctrl-C ends)\n"
           "  check   report every error and warning in the sources and layout; write nothing\n"
           "  render  draw pages, or one chart or diagram, as PNG previews\n"
           "  new     write a starter report and layout into DIR (a new folder, or one without them)\n"
           "  data    export a data file as a spreadsheet, or import a sheet as XML records (docs/data-format.md)\n"
           "  certificates  build the run file's document once per record (a participant list):\n"
           "          a print PDF, a PDF per record and a manifest (docs/merge.md)\n"
           "\n"
           "options:\n"
           "  -o, --output FILE   the PDF to write (replaced atomically; a failed build leaves it untouched)\n"
           "  --trace FILE        also write a text dump of every positioned item (for golden tests)\n"
           "  --stats             print pages and inter-word spacing figures of justified lines\n"
           "  --werror            treat warnings as errors\n"
           "  --set NAME=VALUE    give the variable NAME this value, over the report's <variable>\n"
           "  --title TITLE       new: the starter report's title\n"
           "  --root DIR          the project root: every file read must be inside it (default: the\n"
           "                      nearest folder above the report holding .reportc-root, else the report's)\n"
           "  --allow-read PATH   also read this file or folder, outside the root (repeatable)\n"
           "  --part ID           build: only the pages of the section ID (a top-level or second-level one), numbered\n"
           "                      and cross-referenced as in the whole report\n"
           "  --changes-since OLD build: a review copy, with the data tables' changes since OLD (a folder of the\n"
           "                      earlier sources, or a git revision) marked and listed\n"
           "  --changes-csv FILE  build --changes-since: also write the list of changes as CSV\n"
           "  -j, --jobs N        build, check, watch, render: threads to lay out with (default: the machine's\n"
           "                      cores; 1: one thread); the output is the same for any N\n"
           "\n"
           "certificates options (none of the first three: all three under out/<folder>-certificates):\n"
           "  --combined FILE     one print PDF with every record's pages, in the list's order\n"
           "  -o, --output DIR    one PDF per record, named by the run file's <files pattern>\n"
           "  --manifest FILE     a CSV of id, name, number, file and SHA-256 (default DIR/manifest.csv)\n"
           "  --skip-bad          write the good records when some rows are bad (they are listed; exit 1)\n"
           "  --quiet             no progress line (shown only on a terminal) and no summary\n"
           "  -j, --jobs N        threads for the per-record PDFs (default: the machine's cores)\n"
           "\n"
           "exit status: 0 success, 1 the input has errors, 2 usage error\n";
}

std::string default_output(const std::string& input) {
    std::string name = input;
    auto slash = name.find_last_of('/');
    std::string file = slash == std::string::npos ? name : name.substr(slash + 1);
    std::string dir = slash == std::string::npos ? "" : name.substr(0, slash);
    if (file == "report.xml" && !dir.empty()) {
        auto dslash = dir.find_last_of('/');
        name = dslash == std::string::npos ? dir : dir.substr(dslash + 1);
    } else {
        auto dot = file.find_last_of('.');
        name = dot == std::string::npos ? file : file.substr(0, dot);
    }
    return "out/" + name + ".pdf";
}

bool parse_set(const std::string& assignment, std::map<std::string, std::string>& variables, std::string& error) {
    const auto equals = assignment.find('=');
    if (equals == std::string::npos) {
        error = "expected NAME=VALUE after --set, found '" + assignment + "'";
        return false;
    }
    const std::string name = assignment.substr(0, equals);
    if (!driver::is_variable_name(name)) {
        error = "expected a variable name (a letter, then letters, digits, '-' or '_') before '=' in --set, found '" + name + "'";
        return false;
    }
    const auto& builtins = driver::builtin_variables();
    if (std::find(builtins.begin(), builtins.end(), name) != builtins.end()) {
        error = "--set cannot change the built-in variable '" + name + "'";
        return false;
    }
    variables[name] = assignment.substr(equals + 1);
    return true;
}

std::optional<unsigned> thread_count(const std::string& v) {
    size_t used = 0;
    long n = 0;
    try { n = std::stol(v, &used); } catch (...) { used = 0; }
    if (used != v.size() || n < 1 || n > 256) return std::nullopt;
    return unsigned(n);
}

std::optional<unsigned> thread_count(const std::string& option, const std::string& v, std::string& error) {
    auto n = thread_count(v);
    if (!n) error = "expected a number of threads from 1 to 256 after " + option + ", found '" + v + "'";
    return n;
}

Taken jobs_option(const std::vector<std::string>& args, size_t& i, unsigned& jobs, std::string& error) {
    const std::string& arg = args[i];
    std::string option = arg, value;
    if (arg == "-j" || arg == "--jobs") {
        auto v = option_value(args, i, "a number of threads", error);
        if (!v) return Taken::Error;
        value = *v;
    } else if (arg.size() > 2 && arg.compare(0, 2, "-j") == 0 && arg[2] != '-') {
        option = "-j", value = arg.substr(2);  // -j2, as make and ninja take it
    } else if (arg.compare(0, 7, "--jobs=") == 0) {
        option = "--jobs", value = arg.substr(7);
    } else {
        return Taken::No;
    }
    auto n = thread_count(option, value, error);
    if (!n) return Taken::Error;
    jobs = *n;
    return Taken::Yes;
}

unsigned jobs_or_cores(unsigned jobs) { return jobs ? jobs : std::max(1u, std::thread::hardware_concurrency()); }

std::optional<std::string> option_value(const std::vector<std::string>& args, size_t& i, const char* what, std::string& error) {
    if (i + 1 >= args.size()) {
        error = "expected " + std::string(what) + " after " + args[i];
        return std::nullopt;
    }
    return args[++i];
}

Taken read_option(const std::vector<std::string>& args, size_t& i, ReadOptions& read, std::string& error) {
    const std::string& arg = args[i];
    if (arg != "--root" && arg != "--allow-read") return Taken::No;
    auto v = option_value(args, i, arg == "--root" ? "a folder" : "a file or folder", error);
    if (!v) return Taken::Error;
    if (arg == "--root") read.root = *v;
    else read.allow_read.push_back(*v);
    return Taken::Yes;
}

bool confine(RealEnvironment& env, const ReadOptions& read, const std::string& input, std::string& error) {
    auto scope = ReadScope::make(read.root.empty() ? default_root(input) : read.root, read.allow_read, error);
    if (!scope) return false;
    env.confine(std::move(*scope));
    return true;
}

std::optional<Arguments> parse_arguments(const std::vector<std::string>& args, std::string& error) {
    Arguments a;
    if (args.empty()) {
        error = "expected a command (build, watch, check, render, new, certificates or data)";
        return std::nullopt;
    }
    size_t i = 0;
    const std::string& first = args[0];
    if (first == "--help" || first == "-h" || first == "help") { a.command = Command::Help; return a; }
    if (first == "--version" || first == "-V") { a.command = Command::Version; return a; }
    if (first == "build") a.command = Command::Build;
    else if (first == "check") a.command = Command::Check;
    else if (first == "watch") a.command = Command::Watch;
    else if (first == "new") a.command = Command::New;
    else {
        error = "expected a command (build, watch, check, render, new, certificates or data), found '" + first + "'";
        return std::nullopt;
    }
    for (i = 1; i < args.size(); ++i) {
        const std::string& arg = args[i];
        auto value = [&](const char* what) { return option_value(args, i, what, error); };
        if (arg == "--help" || arg == "-h") { a.command = Command::Help; return a; }
        if (a.command != Command::New) {
            if (auto taken = read_option(args, i, a.read, error); taken != Taken::No) {
                if (taken == Taken::Error) return std::nullopt;
                continue;
            }
        }
        if (arg == "-o" || arg == "--output") {
            if (a.command != Command::Build && a.command != Command::Watch) { error = arg + " is an option of 'build' and 'watch' only"; return std::nullopt; }
            auto v = value("a file name");
            if (!v) return std::nullopt;
            a.output = *v;
        } else if (arg == "--trace") {
            if (a.command != Command::Build && a.command != Command::Watch) { error = arg + " is an option of 'build' and 'watch' only"; return std::nullopt; }
            auto v = value("a file name");
            if (!v) return std::nullopt;
            a.trace = *v;
        } else if (a.command == Command::New && arg != "--title" && !arg.empty() && arg[0] == '-') {
            error = arg + " is not an option of 'new'; expected --title";
            return std::nullopt;
        } else if (arg == "--title") {
            if (a.command != Command::New) { error = arg + " is an option of 'new' only"; return std::nullopt; }
            auto v = value("a title");
            if (!v) return std::nullopt;
            a.title = *v;
        } else if (arg == "--part") {
            if (a.command != Command::Build) { error = arg + " is an option of 'build' only"; return std::nullopt; }
            auto v = value("a section id");
            if (!v) return std::nullopt;
            a.part = *v;
        } else if (arg == "--changes-since" || arg == "--changes-csv") {
            if (a.command != Command::Build) { error = arg + " is an option of 'build' only"; return std::nullopt; }
            auto v = value(arg == "--changes-since" ? "a folder or a git revision" : "a file name");
            if (!v) return std::nullopt;
            (arg == "--changes-since" ? a.changes_since : a.changes_csv) = *v;
        } else if (arg == "--paragraph-cache-bytes" || arg == "--page-content-bytes") {  // for developers (docs/performance.md)
            if (a.command != Command::Build) { error = arg + " is an option of 'build' only"; return std::nullopt; }
            auto v = value("a number of bytes");
            if (!v) return std::nullopt;
            if (v->empty() || v->find_first_not_of("0123456789") != std::string::npos || v->size() > 15) {
                error = std::string("expected a number of bytes after ").append(arg).append(", found '").append(*v).append("'");
                return std::nullopt;
            }
            (arg == "--page-content-bytes" ? a.page_content_bytes : a.paragraph_cache_bytes) = std::stoull(*v);
        } else if (arg == "--set") {
            auto v = value("NAME=VALUE");
            if (!v || !parse_set(*v, a.variables, error)) return std::nullopt;
        } else if (auto taken = jobs_option(args, i, a.jobs, error); taken != Taken::No) {
            if (taken == Taken::Error) return std::nullopt;
        } else if (arg == "--werror") {
            a.werror = true;
        } else if (arg == "--stats") {
            a.stats = true;
        } else if (!arg.empty() && arg[0] == '-') {
            error = "unknown option '" + arg + "'";
            return std::nullopt;
        } else if (a.input.empty()) {
            a.input = arg;
        } else if (a.command == Command::New) {
            error = "expected one folder after 'new', found a second one: '" + arg + "'";
            return std::nullopt;
        } else {
            error = "expected one report file, found a second one: '" + arg + "'";
            return std::nullopt;
        }
    }
    if (a.input.empty()) {
        error = a.command == Command::New ? "expected a folder after 'new'" : "expected a report file after '" + first + "'";
        return std::nullopt;
    }
    if (!a.changes_csv.empty() && a.changes_since.empty()) {
        error = "--changes-csv needs --changes-since";
        return std::nullopt;
    }
    if ((a.command == Command::Build || a.command == Command::Watch) && a.output.empty()) {
        a.output = default_output(a.input);
        a.default_output = true;
    }
    if (!a.trace.empty() && same_output(a.trace, a.output)) {
        error = std::string("--trace '").append(a.trace).append("' names the PDF output too; expected a file other than the PDF's");
        return std::nullopt;
    }
    return a;
}

}  // namespace reportc::cli
