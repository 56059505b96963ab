#include "driver/spill_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "source/environment.h"

namespace reportc::driver {
namespace {

std::string reason() { return std::strerror(errno); }

// An unnamed file in `directory`: O_TMPFILE where the file system has it (open(2)), else a named
// one removed at once (mkstemp(3), unlink(2)), open only through `fd`.
int unnamed_file(const std::string& directory) {
    int fd = ::open(directory.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd >= 0) return fd;
    std::string name = directory + "/.reportc-paragraphs-XXXXXX";
    fd = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd >= 0) ::unlink(name.c_str());
    return fd;
}

}  // namespace

FileSpillStore::~FileSpillStore() {
    if (m_fd >= 0) ::close(m_fd);
}

bool FileSpillStore::open_file() {
    if (m_fd >= 0) return true;
    if (!m_error.empty()) return false;
    m_fd = unnamed_file(m_directory);
    if (m_fd < 0)
        m_error = std::string("cannot make a temporary file in '").append(m_directory).append("' for ").append(m_purpose).append(": ").append(reason());
    return m_fd >= 0;
}

std::optional<layout::SpillStore::Place> FileSpillStore::append(std::string_view bytes) {
    std::lock_guard lock(m_mutex);
    if (bytes.empty() || bytes.size() > UINT32_MAX || !open_file()) return std::nullopt;
    const Place place{m_size, uint32_t(bytes.size())};
    for (size_t done = 0; done < bytes.size();) {
        const ssize_t n = ::pwrite(m_fd, bytes.data() + done, bytes.size() - done, off_t(m_size + done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (m_error.empty())
                m_error = std::string("cannot write the temporary file for ").append(m_purpose).append(" in '").append(m_directory).append("': ").append(n < 0 ? reason() : "no space written");
            return std::nullopt;
        }
        done += size_t(n);
    }
    m_size += bytes.size();
    return place;
}

bool FileSpillStore::read(Place place, std::string& out) {
    int fd = -1;
    {
        std::lock_guard lock(m_mutex);
        if (place.size == 0 || place.offset + place.size > m_size) return false;
        fd = m_fd;
    }
    out.resize(place.size);
    for (size_t done = 0; done < place.size;) {
        const ssize_t n = ::pread(fd, out.data() + done, place.size - done, off_t(place.offset + done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += size_t(n);
    }
    return true;
}

std::string spill_directory(const std::string& output) {
    if (!output.empty()) return parent_directory(output);
    std::error_code ec;
    const auto tmp = std::filesystem::temp_directory_path(ec);
    return ec ? std::string("/tmp") : tmp.string();
}

void warn_if_failed(const FileSpillStore& store, std::string_view kept, Diagnostics& diags) {
    if (const auto error = store.error(); !error.empty()) diags.warning({}, std::string(error).append("; ").append(kept).append(" kept in memory"));
}

std::string FileSpillStore::error() const {
    std::lock_guard lock(m_mutex);
    return m_error;
}

}  // namespace reportc::driver
