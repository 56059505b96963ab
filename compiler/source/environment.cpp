#include "source/environment.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <vector>

namespace reportc {

namespace {

std::string too_large() { return "larger than the limit of " + std::to_string(kMaxInputFileBytes >> 20) + " MiB"; }

struct OpenFile {
    int fd = -1;
    ~OpenFile() {
        if (fd >= 0) ::close(fd);
    }
};

// Where the file open as `fd` really is (no symlink or `..` left, and not swapped since), from
// /proc; where /proc is missing, `path` resolved.
std::string opened_path(int fd, const std::string& path) {
    char target[4096];
    const std::string link = "/proc/self/fd/" + std::to_string(fd);
    ssize_t n = ::readlink(link.c_str(), target, sizeof target - 1);
    if (n <= 0 || target[0] != '/') return resolved_path(path);
    return std::string(target, size_t(n));
}

}  // namespace

std::optional<std::string> RealEnvironment::read_file(const std::string& path, FileUse use) const {
    // Checked before opening (opening a device outside can have effects), and again on the
    // opened file (the path may have been swapped in between).
    if (m_scope && !m_scope->permits(resolved_path(path), path, use)) return std::nullopt;
    // O_NONBLOCK: opening a FIFO with no writer returns at once (fstat then refuses it).
    OpenFile file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)};
    struct stat st {};
    if (file.fd < 0 || ::fstat(file.fd, &st) != 0 || !S_ISREG(st.st_mode) || uint64_t(st.st_size) > kMaxInputFileBytes)
        return std::nullopt;
    if (m_scope && !m_scope->permits(opened_path(file.fd, path), path, use)) return std::nullopt;
    std::string bytes;
    bytes.reserve(size_t(st.st_size));
    char buffer[65536];
    for (;;) {
        ssize_t n = ::read(file.fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return std::nullopt;
        if (n == 0) return bytes;
        if (bytes.size() + size_t(n) > kMaxInputFileBytes) return std::nullopt;  // grew while being read
        bytes.append(buffer, size_t(n));
    }
}

bool RealEnvironment::file_exists(const std::string& path) const {
    struct stat st {};
    return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string RealEnvironment::why_unreadable(const std::string& path, FileUse use) const {
    // First, so that what lies outside is not probed: a missing file there is refused alike.
    if (m_scope && !m_scope->permits(resolved_path(path), path, use)) return m_scope->refusal();
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return errno == ENOENT ? kNoSuchFile : std::strerror(errno);
    if (!S_ISREG(st.st_mode)) return std::string("not a regular file (") + file_kind(st.st_mode) + ")";
    if (uint64_t(st.st_size) > kMaxInputFileBytes) return too_large();
    if (::access(path.c_str(), R_OK) != 0) return std::strerror(errno);
    return "changed while being read";
}

const char* file_kind(unsigned mode) {
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISLNK(mode)) return "a symbolic link";
    return "another kind of file";
}

std::string Environment::why_unreadable(const std::string&, FileUse) const { return kNoSuchFile; }

int64_t RealEnvironment::now() const {
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
        char* end = nullptr;
        long long v = std::strtoll(epoch, &end, 10);
        if (end && *end == '\0' && end != epoch) return v;
    }
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::optional<std::string> MemoryEnvironment::read_file(const std::string& path, FileUse) const {
    auto it = m_files.find(normalize_path(path));
    if (it == m_files.end()) it = m_files.find(path);
    if (it == m_files.end()) return std::nullopt;
    return it->second;
}

std::optional<std::string> RecordingEnvironment::read_file(const std::string& path, FileUse use) const {
    m_read.insert(normalize_path(path));
    return m_inner.read_file(path, use);
}

bool MemoryEnvironment::file_exists(const std::string& path) const { return read_file(path).has_value(); }

std::string parent_directory(const std::string& path) {
    auto slash = path.find_last_of('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

std::string normalize_path(const std::string& path) {
    bool absolute = !path.empty() && path[0] == '/';
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(path);
    while (std::getline(in, part, '/')) {
        if (part.empty() || part == ".") continue;
        if (part == ".." && !parts.empty() && parts.back() != "..") { parts.pop_back(); continue; }
        if (part == ".." && absolute) continue;
        parts.push_back(part);
    }
    std::string out = absolute ? "/" : "";
    for (size_t i = 0; i < parts.size(); ++i) out += (i ? "/" : "") + parts[i];
    return out.empty() ? "." : out;
}

std::string join_path(const std::string& base_dir, const std::string& relative) {
    if (!relative.empty() && relative[0] == '/') return normalize_path(relative);
    return normalize_path(base_dir + "/" + relative);
}

}  // namespace reportc
