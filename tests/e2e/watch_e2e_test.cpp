// End to end: `reportc watch` on a scratch project, driven as a user would: its status lines are
// read as they come, a data file is edited (replaced by rename, then written in place), broken
// and fixed, and Ctrl-C ends it. Waits are generous and never assertions of their own, so a
// loaded machine only makes the test slower.
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <poll.h>
#include <regex>
#include <sys/wait.h>
#include <unistd.h>

#include "run.h"

using namespace reportc::e2e;

namespace {

constexpr auto kPatience = std::chrono::seconds(60);

// A running `reportc watch`, its stdout read line by line.
class Watch {
public:
    Watch(const std::string& report, const std::string& pdf, const std::string& err) {
        int out[2];
        if (::pipe(out) != 0) return;
        m_pid = ::fork();
        if (m_pid == 0) {
            ::dup2(out[1], 1);
            std::freopen(err.c_str(), "w", stderr);
            ::close(out[0]);
            ::close(out[1]);
            ::setenv("SOURCE_DATE_EPOCH", "0", 1);
            ::execl(REPORTC_EXE, REPORTC_EXE, "watch", report.c_str(), "-o", pdf.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        ::close(out[1]);
        m_out = out[0];
    }
    ~Watch() {
        if (m_pid > 0 && !m_reaped) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
        if (m_out >= 0) ::close(m_out);
    }
    bool started() const { return m_pid > 0 && m_out >= 0; }

    // The next line that matches `pattern` (lines before it are kept in `seen`), or nullopt when
    // none comes within the patience or the process ends.
    std::optional<std::string> line_matching(const std::string& pattern) {
        const std::regex re(pattern);
        const auto deadline = std::chrono::steady_clock::now() + kPatience;
        for (;;) {
            for (auto nl = m_buffer.find('\n'); nl != std::string::npos; nl = m_buffer.find('\n')) {
                std::string line = m_buffer.substr(0, nl);
                m_buffer.erase(0, nl + 1);
                seen += line + "\n";
                if (std::regex_search(line, re)) return line;
            }
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) return std::nullopt;
            pollfd fd{m_out, POLLIN, 0};
            if (::poll(&fd, 1, int(left.count())) <= 0) continue;
            char chunk[4096];
            const ssize_t n = ::read(m_out, chunk, sizeof chunk);
            if (n <= 0) return std::nullopt;  // it ended
            m_buffer.append(chunk, size_t(n));
        }
    }

    // Sends `signal` and waits for the exit status (-1: killed or no exit within the patience).
    int stop(int signal) {
        ::kill(m_pid, signal);
        const auto deadline = std::chrono::steady_clock::now() + kPatience;
        int status = 0;
        while (::waitpid(m_pid, &status, WNOHANG) == 0) {
            if (std::chrono::steady_clock::now() > deadline) return -1;
            ::usleep(20000);
        }
        m_reaped = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

    std::string seen;  // every line read so far

private:
    pid_t m_pid = -1;
    int m_out = -1;
    bool m_reaped = false;
    std::string m_buffer;
};

const char* kBuilt = R"(^\[\d\d:\d\d:\d\d\] built .*out\.pdf: 1 page in \d+ ms)";

std::string terms(const std::string& expansion) { return "term,expansion\nQQA," + expansion + "\nQQB,Second Expansion\n"; }

// Writes a new file beside `path` and renames it over `path`, as many editors save.
void replace_by_rename(const std::string& path, const std::string& text) {
    write_file(path + ".new", text);
    std::filesystem::rename(path + ".new", path);
}

}  // namespace

TEST(WatchE2E, RebuildsOnEveryChangeKeepsTheLastGoodPdfAndEndsCleanly) {
    const std::string dir = scratch_dir("watch-" + std::to_string(::getpid()));
    const std::string data = dir + "/data/terms.csv", pdf = dir + "/out.pdf";
    write_file(data, terms("First Expansion"));
    write_file(dir + "/report.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report layout=\"" + source_root() +
                                        "/layouts/annual-report.xml\">\n<info><title>T</title></info>\n<section title=\"Glossary\">"
                                        "<table id=\"terms\" template=\"abbreviations\" data=\"data/terms.csv\"/></section>\n</report>\n");
    Watch watch(dir + "/report.xml", pdf, dir + "/stderr.txt");
    ASSERT_TRUE(watch.started());
    ASSERT_TRUE(watch.line_matching(kBuilt)) << watch.seen;
    ASSERT_TRUE(watch.line_matching(R"(^\[\d\d:\d\d:\d\d\] watching \d+ files in \d+ folders \(Ctrl-C to stop\)$)")) << watch.seen;
    const std::string first = read_file(pdf);
    auto text = [&] { return run("pdftotext -q " + quote(pdf) + " -").out; };
    EXPECT_NE(text().find("First Expansion"), std::string::npos);

    replace_by_rename(data, terms("Renamed Expansion"));
    ASSERT_TRUE(watch.line_matching(kBuilt)) << watch.seen;
    EXPECT_NE(text().find("Renamed Expansion"), std::string::npos) << watch.seen;

    write_file(data, terms("Rewritten Expansion"));  // in place: truncated and written
    ASSERT_TRUE(watch.line_matching(kBuilt)) << watch.seen;
    EXPECT_NE(text().find("Rewritten Expansion"), std::string::npos) << watch.seen;
    const std::string good = read_file(pdf);
    EXPECT_NE(good, first);

    replace_by_rename(data, "term,expansion\nQQA,One,Two\n");
    const auto failed = watch.line_matching(R"(failed:)");
    ASSERT_TRUE(failed) << watch.seen;
    EXPECT_TRUE(std::regex_match(*failed, std::regex(R"(^\[\d\d:\d\d:\d\d\] failed: 1 error \()" + pdf + R"( kept\)$)"))) << *failed;
    EXPECT_EQ(read_file(pdf), good) << "the last good PDF stays in place";
    EXPECT_NE(read_file(dir + "/stderr.txt").find("terms.csv:2:"), std::string::npos) << "the error in full";

    replace_by_rename(data, terms("Fixed Expansion"));
    ASSERT_TRUE(watch.line_matching(kBuilt)) << watch.seen;
    EXPECT_NE(text().find("Fixed Expansion"), std::string::npos) << watch.seen;

    EXPECT_EQ(watch.stop(SIGINT), 0) << watch.seen;
    EXPECT_TRUE(watch.line_matching(R"(^\[\d\d:\d\d:\d\d\] stopped$)")) << watch.seen;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
        EXPECT_EQ(entry.path().string().find(".tmp"), std::string::npos) << entry.path();
}

TEST(WatchE2E, SigtermEndsItCleanlyToo) {
    const std::string dir = scratch_dir("watch-term-" + std::to_string(::getpid()));
    write_file(dir + "/report.xml", "<report");  // an error: it still watches, for the fix
    Watch watch(dir + "/report.xml", dir + "/out.pdf", dir + "/stderr.txt");
    ASSERT_TRUE(watch.started());
    const auto failed = watch.line_matching("failed:");
    ASSERT_TRUE(failed) << watch.seen;
    EXPECT_NE(failed->find("(no PDF written yet)"), std::string::npos) << *failed;
    EXPECT_EQ(watch.stop(SIGTERM), 0) << watch.seen;
}
