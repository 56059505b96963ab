#pragma once
// Waits for changes to a set of files (Linux inotify), or for SIGINT/SIGTERM: what `reportc
// watch` sleeps on between builds. The folders holding the files are watched and events are
// filtered by name, so an editor that saves by writing a new file and renaming it over the old
// one is seen as well as one that writes in place. POSIX and Linux headers stay in the .cpp.
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace reportc::cli {

class FileWatcher {
public:
    // Blocks SIGINT and SIGTERM for the process (they are read from a descriptor instead, so a
    // build in progress is never interrupted half-written). `error` is set when it cannot start.
    explicit FileWatcher(std::string& error);
    ~FileWatcher();
    FileWatcher(const FileWatcher&) = delete;
    FileWatcher& operator=(const FileWatcher&) = delete;

    // Watches exactly these files from now on (a folder no longer needed is let go). A file
    // whose folder does not exist cannot be watched and is left out.
    void watch(const std::vector<std::string>& files);
    size_t folder_count() const { return m_folders.size(); }

    enum class Wake { Changed, Stop };
    // Returns Changed once a watched file has changed and then nothing more for `quiet` (so a
    // save that writes in several steps gives one rebuild), or Stop on SIGINT or SIGTERM.
    Wake wait(std::chrono::milliseconds quiet);

private:
    bool read_events();  // true when one of them names a watched file

    int m_inotify = -1;
    int m_signals = -1;
    struct Folder {
        int descriptor = -1;
        std::set<std::string> names;  // the watched files in it
    };
    std::map<std::string, Folder> m_folders;  // by folder path
    std::map<int, std::string> m_by_descriptor;
};

}  // namespace reportc::cli
