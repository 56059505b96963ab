#include "source/read_scope.h"

#include <climits>
#include <cstdlib>
#include <sys/stat.h>
#include <unistd.h>

#include "source/environment.h"

namespace reportc {

namespace {

std::string current_directory() {
    char buffer[PATH_MAX];
    return ::getcwd(buffer, sizeof buffer) ? std::string(buffer) : std::string("/");
}

std::string absolute(const std::string& path) {
    return normalize_path(!path.empty() && path[0] == '/' ? path : current_directory() + "/" + path);
}

bool inside(const std::string& path, const std::string& folder) {
    if (folder == "/") return true;
    return path == folder || (path.size() > folder.size() && path.compare(0, folder.size(), folder) == 0 && path[folder.size()] == '/');
}

bool exists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}

}  // namespace

std::string resolved_path(const std::string& path) {
    if (char* real = ::realpath(path.c_str(), nullptr)) {
        std::string out(real);
        std::free(real);
        return out;
    }
    // Not there (or not reachable): its folder resolved, the name appended.
    std::string abs = absolute(path);
    if (abs == "/") return abs;
    std::string parent = parent_directory(abs);
    std::string name = abs.substr(parent.size() + (parent == "/" ? 0 : 1));
    return normalize_path(resolved_path(parent) + "/" + name);
}

std::optional<ReadScope> ReadScope::make(const std::string& root, const std::vector<std::string>& allowed, std::string& error) {
    ReadScope scope;
    struct stat st {};
    if (::stat(root.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
        error = "expected an existing folder after --root, found '" + root + "'";
        return std::nullopt;
    }
    scope.m_root = resolved_path(root);
    for (const auto& path : allowed) {
        if (!exists(path)) {
            error = "expected an existing file or folder after --allow-read, found '" + path + "'";
            return std::nullopt;
        }
        scope.m_allowed.push_back(resolved_path(path));
    }
    return scope;
}

bool ReadScope::permits(const std::string& resolved, const std::string& as_written, FileUse use) const {
    if (inside(resolved, m_root)) return true;
    for (const auto& allowed : m_allowed)
        if (inside(resolved, allowed)) return true;
    if (use != FileUse::FontOrDictionary) return false;
    // The system folders are root's: a symlink there (fonts-* packages make some) is trusted.
    const std::string written = absolute(as_written);
    for (const char* folder : kSystemResourceFolders)
        if (inside(written, folder) || inside(resolved, folder) || inside(resolved, resolved_path(folder))) return true;
    return false;
}

std::string ReadScope::refusal() const {
    return "outside the project root '" + m_root + "' (--root DIR or --allow-read PATH admit it)";
}

std::string default_root(const std::string& input) {
    const std::string start = parent_directory(resolved_path(input));
    for (std::string folder = start;; folder = parent_directory(folder)) {
        if (exists(folder + (folder == "/" ? "" : "/") + kRootMarker)) return folder;
        if (folder == "/") break;
    }
    return start;
}

}  // namespace reportc
