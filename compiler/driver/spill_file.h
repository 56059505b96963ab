#pragma once
// Private to driver: the paragraph cache's spill store of a build (layout/spill_store.h), and the
// one the pages' deflated content streams wait in until the PDF is saved: an unnamed temporary
// file in the output's folder (issue 16: memory that does not grow with the body). It is made
// when the first bytes are stored (the cache first goes over its budget), so a small build makes
// none; it has no name (O_TMPFILE, else made and unlinked at once), so it is never left behind, whatever
// ends the build.
#include <mutex>
#include <string>

#include "base/diagnostic.h"
#include "layout/spill_store.h"

namespace reportc::driver {

class FileSpillStore final : public layout::SpillStore {
public:
    // `purpose` names what the bytes are for in the errors ("the paragraph cache").
    explicit FileSpillStore(std::string directory, std::string purpose = "the paragraph cache")
        : m_directory(std::move(directory)), m_purpose(std::move(purpose)) {}
    ~FileSpillStore() override;
    FileSpillStore(const FileSpillStore&) = delete;
    FileSpillStore& operator=(const FileSpillStore&) = delete;

    std::optional<Place> append(std::string_view bytes) override;
    bool read(Place place, std::string& out) override;
    // Why bytes could not be kept (the cache then keeps its entries in memory); empty: they were.
    std::string error() const;
    // How many times read() went to the file (pread(2) calls), and append() (pwrite(2)); for tests.
    size_t file_reads() const;
    size_t file_writes() const;
    // The bytes appended so far (written to the file or gathered for it).
    uint64_t size() const;

    // Bytes read from the file at once for a small place, kept for the places around it, and
    // gathered before they are written. A cache entry is a few KB and its neighbours are read
    // next: the main thread reads back in document order what a thread setting paragraphs ahead
    // wrote from the end of its run backwards, and what the cache itself spilled oldest first.
    // One call per entry was, in the 803-page build, 14,586 pread(2) on the main thread and
    // 12,487 pwrite(2) on it and the thread setting ahead; now 1,039 reads and 184 writes in all.
    static constexpr size_t kWindowBytes = 64 * 1024;

private:
    bool open_file();
    bool flush();  // m_pending to the file; false (and m_stuck) when it cannot be written
    bool write_at(const char* bytes, size_t size, uint64_t offset);
    bool pread_all(int fd, char* to, size_t size, uint64_t offset);
    bool read_through_window(int fd, Place place, uint64_t written, std::string& out);

    mutable std::mutex m_mutex;
    std::string m_directory;
    std::string m_purpose;
    int m_fd = -1;
    uint64_t m_size = 0;     // what the places cover: the file's bytes, then m_pending's
    uint64_t m_flushed = 0;  // how much of it is in the file
    std::string m_pending;   // appended, not written yet (at most kWindowBytes)
    bool m_stuck = false;    // m_pending could not be written: it stays, nothing more is kept
    size_t m_file_writes = 0;
    std::string m_error;
    // The windows: bytes [at, at + size) of the file, which never change once written (the file
    // is only appended to), one for each stream of reads (the main thread reading the document's
    // blocks and the paragraphs set ahead, a thread setting ahead reading its blocks). Their own
    // lock, so that appends do not wait for reads.
    struct Window {
        std::string bytes;
        uint64_t at = 0;
        uint64_t last_read_at = 0;  // where its last read began: whether its reads go forward or back
    };
    mutable std::mutex m_window_mutex;
    Window m_windows[4];
    size_t m_file_reads = 0;
};

// Warns once when `store` could not keep bytes: `kept` says what stayed in memory instead.
void warn_if_failed(const FileSpillStore& store, std::string_view kept, Diagnostics& diags);

// The output's folder; with no output (a check), the system's temporary folder.
std::string spill_directory(const std::string& output);

}  // namespace reportc::driver
