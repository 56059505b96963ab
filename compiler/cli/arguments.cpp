#include "cli/arguments.h"

namespace reportc::cli {

std::string usage() {
    return "usage: reportc build REPORT.xml [-o FILE.pdf] [--trace FILE] [--stats] [--werror]\n"
           "       reportc check REPORT.xml [--werror]\n"
           "       reportc render REPORT.xml --png DIR [--page N] [--dpi 72] [--id FIGURE-ID]\n"
           "       reportc --help | --version\n"
           "\n"
           "commands:\n"
           "  build   typeset the report and write its PDF (default out/<report>.pdf)\n"
           "  check   report every error and warning in the sources and layout; write nothing\n"
           "  render  draw pages, or one chart or diagram, as PNG previews\n"
           "\n"
           "options:\n"
           "  -o, --output FILE   the PDF to write (replaced atomically; a failed build leaves it untouched)\n"
           "  --trace FILE        also write a text dump of every positioned item (for golden tests)\n"
           "  --stats             print pages and inter-word spacing figures of justified lines\n"
           "  --werror            treat warnings as errors\n"
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

std::optional<Arguments> parse_arguments(const std::vector<std::string>& args, std::string& error) {
    Arguments a;
    if (args.empty()) {
        error = "expected a command (build or check)";
        return std::nullopt;
    }
    size_t i = 0;
    const std::string& first = args[0];
    if (first == "--help" || first == "-h" || first == "help") { a.command = Command::Help; return a; }
    if (first == "--version" || first == "-V") { a.command = Command::Version; return a; }
    if (first == "build") a.command = Command::Build;
    else if (first == "check") a.command = Command::Check;
    else {
        error = "expected a command (build or check), found '" + first + "'";
        return std::nullopt;
    }
    for (i = 1; i < args.size(); ++i) {
        const std::string& arg = args[i];
        auto value = [&](const char* what) -> std::optional<std::string> {
            if (i + 1 >= args.size()) {
                error = "expected " + std::string(what) + " after " + arg;
                return std::nullopt;
            }
            return args[++i];
        };
        if (arg == "--help" || arg == "-h") { a.command = Command::Help; return a; }
        if (arg == "-o" || arg == "--output") {
            if (a.command != Command::Build) { error = arg + " is an option of 'build' only"; return std::nullopt; }
            auto v = value("a file name");
            if (!v) return std::nullopt;
            a.output = *v;
        } else if (arg == "--trace") {
            if (a.command != Command::Build) { error = arg + " is an option of 'build' only"; return std::nullopt; }
            auto v = value("a file name");
            if (!v) return std::nullopt;
            a.trace = *v;
        } else if (arg == "--werror") {
            a.werror = true;
        } else if (arg == "--stats") {
            a.stats = true;
        } else if (!arg.empty() && arg[0] == '-') {
            error = "unknown option '" + arg + "'";
            return std::nullopt;
        } else if (a.input.empty()) {
            a.input = arg;
        } else {
            error = "expected one report file, found a second one: '" + arg + "'";
            return std::nullopt;
        }
    }
    if (a.input.empty()) {
        error = "expected a report file after '" + first + "'";
        return std::nullopt;
    }
    if (a.command == Command::Build && a.output.empty()) a.output = default_output(a.input);
    return a;
}

}  // namespace reportc::cli
