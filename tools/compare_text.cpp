// compare-text: which words of a plain-text source are missing from a PDF's text: strictly in
// order, in order allowing local reordering, and anywhere.
//
//   compare-text REPORT.pdf SOURCE.txt [--show-missing N] [--from-line A] [--to-line B]
//                [--window W] [--plain] [--words-only]
//
// The PDF's words come from `pdftotext -tsv -enc UTF-8 REPORT.pdf -` (poppler-utils), or with
// --plain from `pdftotext -enc UTF-8 REPORT.pdf -`. Exit status: 0 when the comparison ran
// (whatever the figures), 2 on a usage error, an unreadable input or a failed pdftotext.
#include "compare_text_core.h"

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <sys/wait.h>

namespace {

constexpr const char* kUsage =
    "usage: compare-text REPORT.pdf SOURCE.txt [--show-missing N] [--from-line A] [--to-line B]\n"
    "                    [--window W] [--plain] [--words-only]\n"
    "  Reports how many words of SOURCE.txt the text of REPORT.pdf (extracted with pdftotext)\n"
    "  has strictly in order, in order allowing local reordering within +-W PDF words\n"
    "  (--window, default 400), and anywhere; then lists the first N runs of source words found\n"
    "  neither in order nor nearby (--show-missing, default 50). --from-line/--to-line restrict\n"
    "  the source to lines A..B (1-based). --plain reads pdftotext's plain text instead of -tsv.\n"
    "  --words-only leaves out source tokens without a letter or digit (bullets, lone dashes).\n";

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

// The file's bytes; nullopt (with errno set) when it cannot be read.
std::optional<std::string> read_file(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        errno = EISDIR;
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) {
        errno = EIO;
        return std::nullopt;
    }
    return std::move(text).str();
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
std::optional<std::string> extract_pdf_text(const std::string& pdf, bool plain) {
    const std::string command =
        std::string("pdftotext ") + (plain ? "" : "-tsv ") + "-enc UTF-8 " + shell_quote(pdf) + " - 2>/dev/null";
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
    long long window = static_cast<long long>(reportc::tools::kDefaultWindow);
    bool to_given = false, plain = false, words_only = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "-h" || arg == "--help") {
            std::cout << kUsage;
            return 0;
        }
        if (arg == "--plain") {
            plain = true;
            continue;
        }
        if (arg == "--words-only") {
            words_only = true;
            continue;
        }
        if (arg == "--show-missing" || arg == "--from-line" || arg == "--to-line" || arg == "--window") {
            if (i + 1 >= argc) return usage_error(std::string(arg) + " needs a number");
            const auto value = parse_number(argv[++i]);
            if (!value || *value < 0 || *value > std::numeric_limits<int>::max())
                return usage_error(std::string(arg) + ": not a non-negative number: '" + argv[i] + "'");
            if (arg == "--show-missing") {
                show_missing = *value;
            } else if (arg == "--window") {
                window = *value;
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
    std::error_code ec;
    const bool pdf_is_directory = std::filesystem::is_directory(pdf_path, ec);
    if (pdf_is_directory || !std::ifstream(pdf_path, std::ios::binary)) {  // a clear message before pdftotext runs
        std::cerr << "compare-text: cannot read " << pdf_path << ": "
                  << std::strerror(pdf_is_directory ? EISDIR : errno) << "\n";
        return 2;
    }
    const auto pdf_text = extract_pdf_text(pdf_path, plain);
    if (!pdf_text) return 2;

    reportc::tools::CompareOptions options;
    options.format = plain ? reportc::tools::PdfTextFormat::plain : reportc::tools::PdfTextFormat::tsv;
    options.window = std::size_t(window);
    options.from_line = int(from_line);
    options.to_line = int(to_line);
    options.words_only = words_only;
    const auto result = reportc::tools::compare_texts(*source_text, *pdf_text, options);
    if (from_line != 1 || to_given)
        std::cout << "source lines: " << from_line << "-"
                  << (to_given ? std::to_string(to_line) : std::string("end")) << "\n";
    if (plain) std::cout << "pdf text: plain (pdftotext without -tsv)\n";
    if (words_only) std::cout << "source: words only (tokens with a letter or digit)\n";
    std::cout << reportc::tools::format_report(result, std::size_t(show_missing));
    return 0;
}
