#pragma once
// Golden files: output compared with an expected file checked into the repository. One rule for
// every such test:
//   - UPDATE_GOLDEN=1 (exactly "1") rewrites the expected file with the actual output, and the
//     test says so (it is reported as skipped, naming the file it rewrote);
//   - otherwise a difference fails the test and the actual output is written to the same path
//     under the build tree, ready for `diff`.
// Needs REPORTC_SOURCE_ROOT and REPORTC_BINARY_DIR (every test target defines them).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace reportc::golden {

inline bool updating_golden_files() {
    const char* update = std::getenv("UPDATE_GOLDEN");
    return update && std::string(update) == "1";
}

inline std::string read_golden_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The 1-based number of the first line where `a` and `b` differ.
inline int first_different_line(const std::string& a, const std::string& b) {
    int line = 1;
    for (size_t i = 0; i < a.size() && i < b.size() && a[i] == b[i]; ++i)
        if (a[i] == '\n') ++line;
    return line;
}

// Compares `actual` with the golden file at `relative_path` (relative to the repository root,
// e.g. "tests/chart/golden/pie.trace") under the rule above.
inline void expect_matches(const std::string& actual, const std::string& relative_path) {
    const std::filesystem::path expected_path = std::filesystem::path(REPORTC_SOURCE_ROOT) / relative_path;
    const std::filesystem::path actual_path = std::filesystem::path(REPORTC_BINARY_DIR) / relative_path;
    if (updating_golden_files()) {
        std::filesystem::create_directories(expected_path.parent_path());
        std::ofstream(expected_path, std::ios::binary) << actual;
        GTEST_SKIP() << "UPDATE_GOLDEN=1: rewrote " << expected_path.string();
    }
    if (!std::filesystem::exists(expected_path)) {
        ADD_FAILURE() << "golden file " << expected_path.string()
                      << " is missing (UPDATE_GOLDEN=1 writes it)";
        return;
    }
    const std::string expected = read_golden_file(expected_path);
    if (expected == actual) {
        std::filesystem::remove(actual_path);  // no stale copy from an earlier failure
        return;
    }
    std::filesystem::create_directories(actual_path.parent_path());
    std::ofstream(actual_path, std::ios::binary) << actual;
    ADD_FAILURE() << relative_path << " differs from the actual output from line "
                  << first_different_line(expected, actual) << " on; actual written to "
                  << actual_path.string() << " (diff them; UPDATE_GOLDEN=1 accepts the change)";
}

}  // namespace reportc::golden
