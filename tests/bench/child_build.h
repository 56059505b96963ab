#pragma once
// scale_bench's builds of a report by the command line, each in a child process: its wall time,
// CPU time and peak resident memory, measured by a small process forked before the benchmark
// holds any document. The generated reports live in a temporary folder and are allowed to read
// the repository (REPORTC_SOURCE_ROOT: its layout and fonts).
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace reportc::bench {

struct Run {
    double ms = 0, peak_mb = 0;
    double cpu_ms = 0;  // user and system time of the child, all its threads
    bool ok = false;
};

// One `reportc build` in a child process: its wall time and its own peak RSS (wait4 reports
// the child's rusage alone, not the maximum over earlier children). `jobs` 0: reportc's default
// (the machine's cores), else -j jobs. Called in the Spawner's process.
inline Run build_once(const std::string& reportc, const std::string& report, const std::string& pdf, int jobs) {
    std::fflush(nullptr);  // or the child's freopen writes what this process has buffered
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    if (pid == 0) {
        std::freopen("/dev/null", "w", stdout);
        std::freopen("/dev/null", "w", stderr);
        // The generated reports live in a temporary folder and use the repository's layout.
        const std::string j = std::to_string(jobs);
        if (jobs > 0)
            ::execl(reportc.c_str(), reportc.c_str(), "build", report.c_str(), "-o", pdf.c_str(), "--allow-read", REPORTC_SOURCE_ROOT,
                    "-j", j.c_str(), static_cast<char*>(nullptr));
        else
            ::execl(reportc.c_str(), reportc.c_str(), "build", report.c_str(), "-o", pdf.c_str(), "--allow-read", REPORTC_SOURCE_ROOT,
                    static_cast<char*>(nullptr));
        std::_Exit(127);
    }
    int status = 0;
    rusage usage{};
    ::wait4(pid, &status, 0, &usage);
    Run r;
    r.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    r.peak_mb = double(usage.ru_maxrss) / 1024.0;
    auto ms_of = [](const timeval& t) { return double(t.tv_sec) * 1000.0 + double(t.tv_usec) / 1000.0; };
    r.cpu_ms = ms_of(usage.ru_utime) + ms_of(usage.ru_stime);
    r.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    return r;
}

// The builds are started by a small process forked before this one holds any document: a child
// forked from a large process counts its parent's resident pages in its own peak (Linux keeps
// the forked image's high-water mark when the child execs), and this process holds a document's
// frames for the floor while it times the builds. Requests and answers go through two pipes.
class Spawner {
public:
    Spawner() {
        int to[2], from[2];
        if (::pipe(to) != 0 || ::pipe(from) != 0) std::exit(1);
        std::fflush(nullptr);
        m_pid = ::fork();
        if (m_pid == 0) {
            ::close(to[1]);
            ::close(from[0]);
            serve(to[0], from[1]);
            std::_Exit(0);
        }
        ::close(to[0]);
        ::close(from[1]);
        m_to = to[1];
        m_from = from[0];
    }
    ~Spawner() {
        ::close(m_to);
        ::close(m_from);
        ::waitpid(m_pid, nullptr, 0);
    }
    Run build(const std::string& reportc, const std::string& report, const std::string& pdf, int jobs) {
        const std::string request = reportc + '\0' + report + '\0' + pdf + '\0' + std::to_string(jobs) + '\0';
        const uint32_t size = uint32_t(request.size());
        Run r;
        if (!write_all(m_to, &size, sizeof size) || !write_all(m_to, request.data(), size) || !read_all(m_from, &r, sizeof r) ||
            !r.ok) {
            std::fprintf(stderr, "reportc build %s failed\n", report.c_str());
            std::exit(1);
        }
        return r;
    }

private:
    static bool write_all(int fd, const void* data, size_t n) {
        for (auto* p = static_cast<const char*>(data); n > 0;) {
            const ssize_t w = ::write(fd, p, n);
            if (w <= 0) return false;
            p += w;
            n -= size_t(w);
        }
        return true;
    }
    static bool read_all(int fd, void* data, size_t n) {
        for (auto* p = static_cast<char*>(data); n > 0;) {
            const ssize_t r = ::read(fd, p, n);
            if (r <= 0) return false;
            p += r;
            n -= size_t(r);
        }
        return true;
    }
    static void serve(int in, int out) {
        for (;;) {
            uint32_t size = 0;
            if (!read_all(in, &size, sizeof size)) return;  // the parent is done
            std::string request(size, '\0');
            if (!read_all(in, request.data(), size)) return;
            std::vector<std::string> fields;
            for (size_t at = 0; at < request.size();) {
                const size_t end = request.find('\0', at);
                fields.push_back(request.substr(at, end - at));
                at = end + 1;
            }
            const Run r = fields.size() == 4 ? build_once(fields[0], fields[1], fields[2], std::atoi(fields[3].c_str())) : Run{};
            if (!write_all(out, &r, sizeof r)) return;
        }
    }

    pid_t m_pid = -1;
    int m_to = -1, m_from = -1;
};

}  // namespace reportc::bench
