#pragma once
// Where a build may read (docs/cli.md#the-project-root): the project root and its subfolders,
// the files and folders --allow-read names, and, for fonts and hyphenation dictionaries only,
// the system's read-only font and dictionary folders. Paths are compared after symlinks are
// resolved, so neither `../`, an absolute path nor a symlink leads outside.
#include <optional>
#include <string>
#include <vector>

namespace reportc {

// What a file is read for: fonts and dictionaries may also come from the system folders below.
enum class FileUse { Project, FontOrDictionary };

// The folders a layout may take fonts and hyphenation dictionaries from besides the project:
// Debian's (fonts-*, hunspell and hyphen-* packages install there), read-only for users.
inline constexpr const char* kSystemResourceFolders[] = {"/usr/share/fonts", "/usr/local/share/fonts", "/usr/share/hyphen"};

// A file a project root is found by: the nearest folder holding it, from the main input's up.
inline constexpr const char* kRootMarker = ".reportc-root";

class ReadScope {
public:
    // `root` and `allowed` must exist; nullopt and `error` set otherwise.
    static std::optional<ReadScope> make(const std::string& root, const std::vector<std::string>& allowed, std::string& error);

    const std::string& root() const { return m_root; }
    // Whether the file at `path` (resolved: the file opened, or its nearest existing folder) may be read.
    bool permits(const std::string& resolved, const std::string& as_written, FileUse use) const;
    // "outside the project root '/r' (--root or --allow-read admit it)"
    std::string refusal() const;

private:
    std::string m_root;
    std::vector<std::string> m_allowed;
};

// The project root when no --root is given: the nearest folder holding kRootMarker, starting at
// the folder of `input` and going up; when there is none, the folder of `input` itself.
std::string default_root(const std::string& input);

// `path` with every symlink resolved and made absolute; for a file that does not exist, its
// nearest existing folder resolved and the rest appended lexically.
std::string resolved_path(const std::string& path);

}  // namespace reportc
