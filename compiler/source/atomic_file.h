#pragma once
// The one way reportc writes a file (docs/cli.md#output-files): the PDF, the trace, the
// certificates' files and the PNG previews.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace reportc {

// "DIR/.NAME.tmp-" and 16 random hex digits: the temporary file beside `path`, a new name each
// call, so that nothing can be planted at it beforehand.
std::string temporary_name(const std::string& path);

// Why `path` cannot be an output, or empty: it is a symlink, not a regular file (a device, a
// FIFO, a folder), or the same file as one of `inputs` (the files the build read).
std::string refusal_to_write(const std::string& path, const std::vector<std::string>& inputs);

// Writes `bytes` to `path` atomically: a temporary file of an unpredictable name beside it
// (created exclusively, never through a symlink), synced, then renamed over `path`; a replaced
// file keeps its permission bits. Refused when `path` is a symlink, not a regular file, or one
// of `inputs` (the files the build read). A failure, SIGINT or SIGTERM leaves an existing file
// untouched and no temporary file. Returns an error message, or empty on success.
std::string write_file_atomically(const std::string& path, const std::string& bytes, const std::vector<std::string>& inputs = {});

// The same for one file of many written into one folder (perhaps on several threads at once):
// the file is synced before its rename all the same, but the folder is left to one sync_folder
// call after the last file, instead of a flush of the folder after each.
std::string write_file_atomically_in_batch(const std::string& path, const std::string& bytes, const std::vector<std::string>& inputs = {});

// A file written atomically in pieces, so that its bytes need never be held whole (the PDF,
// docs/performance.md): the temporary file is made at construction, refused as
// write_file_atomically refuses; write() appends to it; commit() syncs it and renames it over
// `path`. A file not committed (an error, an exception, a build that failed half-way) is removed
// when the object goes, leaving an existing file at `path` untouched; SIGINT and SIGTERM remove
// it as well.
class AtomicFile {
public:
    AtomicFile(const std::string& path, const std::vector<std::string>& inputs = {});
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    // Why the file cannot be written (the refusal, or the first failed write); empty while it can.
    const std::string& error() const;
    // False (error() says why, the temporary file removed) when the bytes could not be written.
    bool write(std::string_view bytes);
    // Syncs the file, renames it over `path` and, unless `in_batch`, syncs the folder (see
    // write_file_atomically_in_batch). Returns an error message, or empty on success.
    std::string commit(bool in_batch = false);

private:
    struct State;
    std::unique_ptr<State> m;
};

// Flushes `folder` itself to disk, which makes the renames in it durable.
void sync_folder(const std::string& folder);

}  // namespace reportc
