#include "driver/spill_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <algorithm>
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

// Small appends gather in memory and go to the file a window's worth at a time (one pwrite(2)
// each, not one per entry); a large one is written at once, after what was gathered.
std::optional<layout::SpillStore::Place> FileSpillStore::append(std::string_view bytes) {
    std::lock_guard lock(m_mutex);
    if (bytes.empty() || bytes.size() > UINT32_MAX || m_stuck || !open_file()) return std::nullopt;
    const bool large = bytes.size() > kWindowBytes / 2;
    if ((large || m_pending.size() + bytes.size() > kWindowBytes) && !flush()) return std::nullopt;
    const Place place{m_size, uint32_t(bytes.size())};
    if (large) {
        if (!write_at(bytes.data(), bytes.size(), m_size)) return std::nullopt;
        m_flushed += bytes.size();
    } else {
        m_pending.append(bytes);
    }
    m_size += bytes.size();
    return place;
}

bool FileSpillStore::flush() {
    if (m_pending.empty()) return true;
    if (!write_at(m_pending.data(), m_pending.size(), m_flushed)) {
        // The places already given for these bytes stay readable from memory; nothing more is kept.
        m_stuck = true;
        return false;
    }
    m_flushed += m_pending.size();
    m_pending.clear();
    return true;
}

bool FileSpillStore::write_at(const char* bytes, size_t size, uint64_t offset) {
    ++m_file_writes;
    for (size_t done = 0; done < size;) {
        const ssize_t n = ::pwrite(m_fd, bytes + done, size - done, off_t(offset + done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (m_error.empty())
                m_error = std::string("cannot write the temporary file for ").append(m_purpose).append(" in '").append(m_directory).append("': ").append(n < 0 ? reason() : "no space written");
            return false;
        }
        done += size_t(n);
    }
    return true;
}

bool FileSpillStore::read(Place place, std::string& out) {
    int fd = -1;
    uint64_t flushed = 0;
    {
        std::lock_guard lock(m_mutex);
        if (place.size == 0 || place.offset + place.size > m_size) return false;
        if (place.offset >= m_flushed) {  // still gathered in memory
            out.assign(m_pending, size_t(place.offset - m_flushed), place.size);
            return true;
        }
        fd = m_fd;
        flushed = m_flushed;
    }
    if (place.size > kWindowBytes / 2) {
        out.resize(place.size);
        std::lock_guard lock(m_window_mutex);
        return pread_all(fd, out.data(), place.size, place.offset);
    }
    return read_through_window(fd, place, flushed, out);
}

bool FileSpillStore::pread_all(int fd, char* to, size_t size, uint64_t offset) {
    ++m_file_reads;
    for (size_t done = 0; done < size;) {
        const ssize_t n = ::pread(fd, to + done, size - done, off_t(offset + done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += size_t(n);
    }
    return true;
}

// A place no window holds brings a new window into the one whose last read was nearest (the same
// stream of reads, most likely): the window after the place when that stream goes forward, the
// one before it (ending where the place ends) when it goes back, within what has been written.
bool FileSpillStore::read_through_window(int fd, Place place, uint64_t written, std::string& out) {
    std::lock_guard lock(m_window_mutex);
    const uint64_t end = place.offset + place.size;
    auto holds = [&](const Window& w) { return place.offset >= w.at && end <= w.at + w.bytes.size(); };
    auto distance = [&](const Window& w) { return w.last_read_at > place.offset ? w.last_read_at - place.offset : place.offset - w.last_read_at; };
    Window* window = std::find_if(std::begin(m_windows), std::end(m_windows), holds);
    if (window == std::end(m_windows)) {
        window = std::min_element(std::begin(m_windows), std::end(m_windows),
                                  [&](const Window& a, const Window& b) { return distance(a) < distance(b); });
        const bool back = place.offset < window->last_read_at;
        const uint64_t from = back ? (end > kWindowBytes ? end - kWindowBytes : 0) : place.offset;
        const uint64_t to = back ? end : std::min<uint64_t>(written, place.offset + kWindowBytes);
        window->bytes.resize(size_t(to - from));
        window->at = from;
        if (!pread_all(fd, window->bytes.data(), window->bytes.size(), from)) {
            window->bytes.clear();
            return false;
        }
    }
    window->last_read_at = place.offset;
    out.assign(window->bytes, size_t(place.offset - window->at), place.size);
    return true;
}

size_t FileSpillStore::file_reads() const {
    std::lock_guard lock(m_window_mutex);
    return m_file_reads;
}

size_t FileSpillStore::file_writes() const {
    std::lock_guard lock(m_mutex);
    return m_file_writes;
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

uint64_t FileSpillStore::size() const {
    std::lock_guard lock(m_mutex);
    return m_size;
}

std::string FileSpillStore::error() const {
    std::lock_guard lock(m_mutex);
    return m_error;
}

}  // namespace reportc::driver
