// compare-text: which words of a plain-text source are missing, in order, from a PDF's text.
//
//   compare-text REPORT.pdf SOURCE.txt [--show-missing N] [--from-line A] [--to-line B]
//
// The PDF's text comes from `pdftotext -enc UTF-8 REPORT.pdf -` (poppler-utils). Exit status:
// 0 when the comparison ran (whatever the figure), 2 on a usage error or an unreadable input.
#include "compare_text_core.h"

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <limits>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <sys/wait.h>

namespace {

constexpr const char* kUsage =
    "usage: compare-text REPORT.pdf SOURCE.txt [--show-missing N] [--from-line A] [--to-line B]\n"
    "  Reports the words of SOURCE.txt that are missing, in order, from the text of REPORT.pdf\n"
    "  (extracted with pdftotext). --show-missing N lists the first N runs of missing words\n"
    "  (default 50); --from-line/--to-line restrict the source to lines A..B (1-based).\n";

int usage_error(const std::string& message) {
    std::cerr << "compare-text: " << message << "\n" << kUsage;
    return 2;
}

std::optional<long long> parse_number(std::string_view s) {
    long long value = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
    return value;
}

std::optional<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return std::nullopt;
    return text;
}

std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

// Runs pdftotext on `pdf`; nullopt (after a message) when it cannot run or fails.
std::optional<std::string> extract_pdf_text(const std::string& pdf) {
    const std::string command = "pdftotext -enc UTF-8 " + shell_quote(pdf) + " - 2>/dev/null";
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) {
        std::cerr << "compare-text: cannot run pdftotext: " << std::strerror(errno) << "\n";
        return std::nullopt;
    }
    std::string text;
    char buffer[65536];
    std::size_t got;
    while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) text.append(buffer, got);
    const int status = pclose(pipe);
    if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        const int code = (status != -1 && WIFEXITED(status)) ? WEXITSTATUS(status) : -1;
        std::cerr << "compare-text: pdftotext failed on " << pdf
                  << (code == 127 ? " (pdftotext not found; install poppler-utils)" : "")
                  << " (exit status " << code << ")\n";
        return std::nullopt;
    }
    return text;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> positional;
    long long show_missing = 50;
    long long from_line = 1, to_line = std::numeric_limits<int>::max();
    bool to_given = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "-h" || arg == "--help") {
            std::cout << kUsage;
            return 0;
        }
        if (arg == "--show-missing" || arg == "--from-line" || arg == "--to-line") {
            if (i + 1 >= argc) return usage_error(std::string(arg) + " needs a number");
            const auto value = parse_number(argv[++i]);
            if (!value || *value < 0 || *value > std::numeric_limits<int>::max())
                return usage_error(std::string(arg) + ": not a non-negative number: '" + argv[i] + "'");
            if (arg == "--show-missing") {
                show_missing = *value;
            } else if (arg == "--from-line") {
                if (*value < 1) return usage_error("--from-line must be at least 1");
                from_line = *value;
            } else {
                if (*value < 1) return usage_error("--to-line must be at least 1");
                to_line = *value;
                to_given = true;
            }
            continue;
        }
        if (arg.size() > 1 && arg[0] == '-') return usage_error("unknown option '" + std::string(arg) + "'");
        positional.emplace_back(arg);
    }
    if (positional.size() != 2) return usage_error("expected REPORT.pdf and SOURCE.txt");
    if (to_line < from_line) return usage_error("--to-line is before --from-line");

    const std::string& pdf_path = positional[0];
    const std::string& source_path = positional[1];
    const auto source_text = read_file(source_path);
    if (!source_text) {
        std::cerr << "compare-text: cannot read " << source_path << ": " << std::strerror(errno) << "\n";
        return 2;
    }
    if (!std::ifstream(pdf_path, std::ios::binary)) {  // a clear message before pdftotext runs
        std::cerr << "compare-text: cannot read " << pdf_path << ": " << std::strerror(errno) << "\n";
        return 2;
    }
    const auto pdf_text = extract_pdf_text(pdf_path);
    if (!pdf_text) return 2;

    const auto result =
        reportc::tools::compare_texts(*source_text, *pdf_text, int(from_line), int(to_line));
    if (from_line != 1 || to_given)
        std::cout << "source lines: " << from_line << "-"
                  << (to_given ? std::to_string(to_line) : std::string("end")) << "\n";
    std::cout << reportc::tools::format_report(result, std::size_t(show_missing));
    return 0;
}
