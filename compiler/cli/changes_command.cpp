#include "cli/changes_command.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace reportc::cli {
namespace {

namespace fs = std::filesystem;

// A shell word: single quotes, a quote inside written as '\''.
std::string shell_word(const std::string& text) {
    std::string out = "'";
    for (char c : text) out.append(c == '\'' ? "'\\''" : std::string(1, c));
    return out + "'";
}

// Runs a shell command with its output discarded; true when it exits with status 0.
bool run_quietly(const std::string& command) { return std::system((command + " >/dev/null 2>&1").c_str()) == 0; }

// A shell command's first line of output, or nullopt when it fails.
std::optional<std::string> first_line(const std::string& command) {
    FILE* pipe = ::popen((command + " 2>/dev/null").c_str(), "r");
    if (!pipe) return std::nullopt;
    std::string out;
    char buffer[4096];
    while (size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
    if (::pclose(pipe) != 0) return std::nullopt;
    return out.substr(0, out.find('\n'));
}

}  // namespace

OldSources::~OldSources() {
    if (m_temporary.empty()) return;
    std::error_code ignored;
    fs::remove_all(m_temporary, ignored);
}

std::optional<std::string> OldSources::open(const std::string& old, const std::string& report, std::string& error) {
    std::error_code ec;
    if (fs::is_directory(old, ec)) return old;
    const fs::path folder = fs::absolute(fs::path(report).parent_path().empty() ? fs::path(".") : fs::path(report).parent_path(), ec);
    const std::string git = std::string("git -C ").append(shell_word(folder.string()));
    if (!run_quietly(git + " rev-parse --verify --quiet " + shell_word(old + "^{commit}"))) {
        error = std::string("expected a folder or a git revision after --changes-since, found '").append(old).append("'");
        return std::nullopt;
    }
    std::string tmp_template = (fs::temp_directory_path(ec) / "reportc-changes-XXXXXX").string();
    if (!::mkdtemp(tmp_template.data())) {
        error = std::string("cannot make a temporary folder for the sources at '").append(old).append("'");
        return std::nullopt;
    }
    m_temporary = tmp_template;
    // REV:PATH names the report's folder at that revision, PATH from the repository's root.
    // git archive runs from the repository's root: from a folder inside it, it refuses to.
    const auto top = first_line(git + " rev-parse --show-toplevel");
    const auto prefix = first_line(git + " rev-parse --show-prefix");
    if (!top || !prefix ||
        !run_quietly(std::string("git -C ").append(shell_word(*top)).append(" archive --format=tar ").append(shell_word(old + ":" + *prefix)) +
                     " | tar -x -C " + shell_word(m_temporary))) {
        error = std::string("cannot read the report's folder at revision '").append(old).append("' (git archive failed)");
        return std::nullopt;
    }
    return m_temporary;
}

std::string summary_of(const std::vector<data::RecordChange>& changes) {
    size_t counts[3] = {0, 0, 0};
    std::string out;
    for (const auto& c : changes) {
        out.append(data::format_change(c)).append("\n");
        ++counts[size_t(c.kind)];
    }
    out.append(std::to_string(changes.size()))
        .append(changes.size() == 1 ? " change: " : " changes: ")
        .append(std::to_string(counts[0]))
        .append(" changed, ")
        .append(std::to_string(counts[1]))
        .append(" added, ")
        .append(std::to_string(counts[2]))
        .append(" removed\n");
    return out;
}

}  // namespace reportc::cli
