#pragma once
// The one way reportc writes a file (docs/cli.md#output-files): the PDF, the trace, the
// certificates' files and the PNG previews.
#include <string>
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

// Flushes `folder` itself to disk, which makes the renames in it durable.
void sync_folder(const std::string& folder);

}  // namespace reportc
