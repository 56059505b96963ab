#include "source/atomic_file.h"

#include <array>
#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <optional>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "source/environment.h"

namespace reportc {

namespace {

// The temporary files being written, for the signal handler to remove: fixed slots of fixed
// size, so the handler reads them with async-signal-safe calls only (signal-safety(7)).
struct TemporarySlot {
    std::atomic<int> state{0};  // 0 free, 1 being filled, 2 a file to remove on a signal
    char path[PATH_MAX] = {};
};
std::array<TemporarySlot, 64> g_temporaries;

void remove_temporaries_and_reraise(int signal) {
    for (auto& slot : g_temporaries)
        if (slot.state.load() == 2) ::unlink(slot.path);
    ::signal(signal, SIG_DFL);
    ::raise(signal);
}

// SIGINT and SIGTERM remove the temporary files, then end the process as they would have;
// a signal the process ignores (nohup) stays ignored.
void install_handlers() {
    static std::once_flag once;
    std::call_once(once, [] {
        for (int signal : {SIGINT, SIGTERM}) {
            struct sigaction old {};
            if (::sigaction(signal, nullptr, &old) != 0 || old.sa_handler == SIG_IGN) continue;
            struct sigaction action {};
            action.sa_handler = remove_temporaries_and_reraise;
            sigemptyset(&action.sa_mask);
            ::sigaction(signal, &action, nullptr);
        }
    });
}

// A temporary file's name held for the signal handler while it exists.
class Registered {
public:
    explicit Registered(const std::string& path) {
        if (path.size() >= PATH_MAX) return;
        for (auto& slot : g_temporaries) {
            int expected = 0;
            if (!slot.state.compare_exchange_strong(expected, 1)) continue;
            std::memcpy(slot.path, path.c_str(), path.size() + 1);
            slot.state.store(2);
            m_slot = &slot;
            return;
        }
    }
    ~Registered() {
        if (m_slot) m_slot->state.store(0);
    }
    Registered(const Registered&) = delete;
    Registered& operator=(const Registered&) = delete;

private:
    TemporarySlot* m_slot = nullptr;
};

std::string random_hex() {
    unsigned char bytes[8] = {};
    size_t got = 0;
    while (got < sizeof bytes) {
        ssize_t n = ::getrandom(bytes + got, sizeof bytes - got, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += size_t(n);
    }
    static const char digits[] = "0123456789abcdef";
    std::string hex;
    for (unsigned char b : bytes) hex += digits[b >> 4], hex += digits[b & 15];
    return hex;
}

bool write_all(int fd, std::string_view bytes) {
    size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += size_t(n);
    }
    return true;
}

bool same_file(const struct stat& a, const struct stat& b) { return a.st_dev == b.st_dev && a.st_ino == b.st_ino; }

}  // namespace

// The rename is durable only once the folder holding the new name is on disk too.
void sync_folder(const std::string& folder) {
    int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

std::string temporary_name(const std::string& path) {
    const auto slash = path.find_last_of('/');
    const std::string folder = slash == std::string::npos ? "" : path.substr(0, slash + 1);
    const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    return folder + "." + name + ".tmp-" + random_hex();
}

std::string refusal_to_write(const std::string& path, const std::vector<std::string>& inputs) {
    struct stat out {};
    if (::lstat(path.c_str(), &out) != 0) return {};  // a new file
    if (S_ISLNK(out.st_mode)) return "cannot write '" + path + "': it is a symbolic link; expected a regular file or no file";
    if (!S_ISREG(out.st_mode))
        return "cannot write '" + path + "': not a regular file (" + file_kind(out.st_mode) + "); expected a regular file or no file";
    for (const auto& input : inputs) {
        struct stat in {};
        if (::stat(input.c_str(), &in) == 0 && same_file(in, out))
            return "cannot write '" + path + "': the build reads that file ('" + input + "'); expected an output that is not an input";
    }
    return {};
}

std::string write_file_atomically(const std::string& path, const std::string& bytes, const std::vector<std::string>& inputs) {
    std::string error = write_file_atomically_in_batch(path, bytes, inputs);
    if (error.empty()) sync_folder(parent_directory(path));
    return error;
}

std::string write_file_atomically_in_batch(const std::string& path, const std::string& bytes, const std::vector<std::string>& inputs) {
    AtomicFile file(path, inputs);
    if (!file.write(bytes)) return file.error();
    return file.commit(true);
}

struct AtomicFile::State {
    std::string path;
    std::string tmp;
    int fd = -1;
    struct stat old {};
    bool replacing = false;
    std::optional<Registered> registered;
    std::string error;

    // Closes and removes the temporary file; the error names `what` and errno.
    void fail(const char* what) {
        std::string why = std::strerror(errno);
        if (fd >= 0) ::close(fd);
        fd = -1;
        ::unlink(tmp.c_str());
        registered.reset();
        error = "cannot write '" + path + "': " + what + ": " + why;
    }
};

AtomicFile::AtomicFile(const std::string& path, const std::vector<std::string>& inputs) : m(std::make_unique<State>()) {
    m->path = path;
    if (m->error = refusal_to_write(path, inputs); !m->error.empty()) return;
    // A replaced file keeps its permission bits (a rename cannot keep its hard links: the
    // name gets a new file); a new one gets 0666 less the umask, as any new file.
    m->replacing = ::stat(path.c_str(), &m->old) == 0;
    install_handlers();
    // SIGINT and SIGTERM wait while the file is made and registered: between the two, the
    // handler would not know the file it must remove.
    sigset_t interrupts, before;
    sigemptyset(&interrupts);
    sigaddset(&interrupts, SIGINT);
    sigaddset(&interrupts, SIGTERM);
    ::pthread_sigmask(SIG_BLOCK, &interrupts, &before);
    for (int attempt = 0; attempt < 8 && m->fd < 0; ++attempt) {
        m->tmp = temporary_name(path);
        m->fd = ::open(m->tmp.c_str(), O_CREAT | O_EXCL | O_NOFOLLOW | O_WRONLY | O_CLOEXEC, 0666);
        if (m->fd < 0 && errno != EEXIST) break;
    }
    const int open_errno = errno;
    if (m->fd >= 0) m->registered.emplace(m->tmp);
    ::pthread_sigmask(SIG_SETMASK, &before, nullptr);
    if (m->fd < 0) {
        m->error = "cannot write '" + path + "': cannot create a temporary file beside it: " + std::strerror(open_errno);
        return;
    }
    if (m->replacing && ::fchmod(m->fd, m->old.st_mode & 07777) != 0) m->fail("cannot keep its permissions");
}

AtomicFile::~AtomicFile() {
    if (m->fd < 0) return;
    ::close(m->fd);
    ::unlink(m->tmp.c_str());
}

const std::string& AtomicFile::error() const { return m->error; }

bool AtomicFile::write(std::string_view bytes) {
    if (m->fd < 0) {
        if (m->error.empty()) m->error = "cannot write '" + m->path + "': the file was already committed";
        return false;
    }
    if (write_all(m->fd, bytes)) return true;
    m->fail("cannot write the temporary file");
    return false;
}

std::string AtomicFile::commit(bool in_batch) {
    if (m->fd < 0) return m->error.empty() ? "cannot write '" + m->path + "': the file was already committed" : m->error;
    if (::fsync(m->fd) != 0) {
        m->fail("cannot flush the temporary file to disk");
        return m->error;
    }
    const int fd = m->fd;
    m->fd = -1;
    if (::close(fd) != 0) {
        m->fail("cannot close the temporary file");
        return m->error;
    }
    if (::rename(m->tmp.c_str(), m->path.c_str()) != 0) {
        m->fail("cannot replace it");
        return m->error;
    }
    m->registered.reset();
    if (!in_batch) sync_folder(parent_directory(m->path));
    return {};
}

}  // namespace reportc
