#include "cli/file_watcher.h"

#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace reportc::cli {

namespace {

// Written in place (modify, close), replaced (moved to, created), removed, or touched.
constexpr uint32_t kEvents = IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_ATTRIB;

std::pair<std::string, std::string> folder_and_name(const std::string& path) {
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos) return {".", path};
    return {slash == 0 ? "/" : path.substr(0, slash), path.substr(slash + 1)};
}

}  // namespace

FileWatcher::FileWatcher(std::string& error) {
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGINT);
    sigaddset(&mask, SIGTERM);
    if (sigprocmask(SIG_BLOCK, &mask, nullptr) != 0 || (m_signals = signalfd(-1, &mask, SFD_CLOEXEC)) < 0) {
        error = std::string("cannot wait for signals: ").append(std::strerror(errno));
        return;
    }
    m_inotify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (m_inotify < 0) error = std::string("cannot watch files: ").append(std::strerror(errno));
}

FileWatcher::~FileWatcher() {
    if (m_inotify >= 0) ::close(m_inotify);
    if (m_signals >= 0) ::close(m_signals);
}

void FileWatcher::watch(const std::vector<std::string>& files) {
    std::map<std::string, std::set<std::string>> wanted;
    for (const auto& file : files) {
        auto [folder, name] = folder_and_name(file);
        wanted[folder].insert(name);
    }
    for (auto it = m_folders.begin(); it != m_folders.end();) {
        if (wanted.count(it->first)) {
            ++it;
            continue;
        }
        inotify_rm_watch(m_inotify, it->second.descriptor);
        m_by_descriptor.erase(it->second.descriptor);
        it = m_folders.erase(it);
    }
    for (auto& [folder, names] : wanted) {
        auto found = m_folders.find(folder);
        if (found == m_folders.end()) {
            const int descriptor = inotify_add_watch(m_inotify, folder.c_str(), kEvents);
            if (descriptor < 0) continue;  // a folder that does not exist (yet)
            found = m_folders.emplace(folder, Folder{descriptor, {}}).first;
            m_by_descriptor[descriptor] = folder;
        }
        found->second.names = std::move(names);
    }
}

bool FileWatcher::read_events() {
    alignas(inotify_event) char buffer[16384];
    bool relevant = false;
    for (;;) {
        const ssize_t n = ::read(m_inotify, buffer, sizeof buffer);
        if (n <= 0) return relevant;  // EAGAIN: all read
        for (ssize_t at = 0; at < n;) {
            const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
            at += ssize_t(sizeof(inotify_event) + event->len);
            auto folder = m_by_descriptor.find(event->wd);
            if (folder == m_by_descriptor.end() || event->len == 0) continue;
            const auto& names = m_folders[folder->second].names;
            if (names.count(event->name)) relevant = true;
        }
    }
}

FileWatcher::Wake FileWatcher::wait(std::chrono::milliseconds quiet) {
    bool changed = false;
    for (;;) {
        pollfd fds[2] = {{m_signals, POLLIN, 0}, {m_inotify, POLLIN, 0}};
        const int ready = ::poll(fds, 2, changed ? int(quiet.count()) : -1);
        if (ready < 0) {
            if (errno == EINTR) continue;
            return Wake::Stop;  // cannot wait any more: end as on Ctrl-C
        }
        if (fds[0].revents & POLLIN) return Wake::Stop;
        if (ready == 0) return Wake::Changed;  // quiet for long enough after a change
        if (fds[1].revents & POLLIN) changed = read_events() || changed;
    }
}

}  // namespace reportc::cli
