#include "source/environment.h"

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <vector>

namespace reportc {

std::optional<std::string> RealEnvironment::read_file(const std::string& path) const {
    struct stat st {};
    if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool RealEnvironment::file_exists(const std::string& path) const {
    struct stat st {};
    return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

int64_t RealEnvironment::now() const {
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
        char* end = nullptr;
        long long v = std::strtoll(epoch, &end, 10);
        if (end && *end == '\0' && end != epoch) return v;
    }
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::optional<std::string> MemoryEnvironment::read_file(const std::string& path) const {
    auto it = m_files.find(normalize_path(path));
    if (it == m_files.end()) it = m_files.find(path);
    if (it == m_files.end()) return std::nullopt;
    return it->second;
}

std::optional<std::string> RecordingEnvironment::read_file(const std::string& path) const {
    m_read.insert(normalize_path(path));
    return m_inner.read_file(path);
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
