#pragma once
// All input/output and time goes through an Environment, so tests can use an in-memory one.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "source/read_scope.h"

namespace reportc {

inline constexpr const char* kNoSuchFile = "no such file";  // Environment::why_unreadable's answer

class Environment {
public:
    virtual ~Environment() = default;
    // `use`: fonts and dictionaries may come from more folders than the project's (read_scope.h).
    virtual std::optional<std::string> read_file(const std::string& path, FileUse use = FileUse::Project) const = 0;
    virtual bool file_exists(const std::string& path) const = 0;
    // Why read_file(path, use) gives nothing, to end a message: "no such file", "not a regular
    // file (a FIFO)", "larger than the limit of 256 MiB", "outside the project root '/r' (…)"...
    virtual std::string why_unreadable(const std::string& path, FileUse use = FileUse::Project) const;
    // SOURCE_DATE_EPOCH when set (reproducible builds), else the current time.
    virtual int64_t now() const = 0;
};

// Every file a build reads is at most this large (docs/source-format.md, Limits): a sparse or
// endless file ends as an error, not as memory without bound.
constexpr size_t kMaxInputFileBytes = size_t(256) << 20;

// Reads only regular files of at most kMaxInputFileBytes, checked on the opened file (a path
// swapped for a FIFO or a device after a check is still refused, and never blocks). Once
// confined, only files the scope permits, judged by where the opened file really is.
class RealEnvironment : public Environment {
public:
    std::optional<std::string> read_file(const std::string& path, FileUse use = FileUse::Project) const override;
    bool file_exists(const std::string& path) const override;
    std::string why_unreadable(const std::string& path, FileUse use = FileUse::Project) const override;
    int64_t now() const override;
    void confine(ReadScope scope) { m_scope = std::move(scope); }

private:
    std::optional<ReadScope> m_scope;  // none: any readable file (tests, tools)
};

class MemoryEnvironment : public Environment {
public:
    void set_file(const std::string& path, std::string content) { m_files[path] = std::move(content); }
    void set_now(int64_t t) { m_now = t; }
    std::optional<std::string> read_file(const std::string& path, FileUse use = FileUse::Project) const override;
    bool file_exists(const std::string& path) const override;
    int64_t now() const override { return m_now; }

private:
    std::map<std::string, std::string> m_files;
    int64_t m_now = 0;
};

// Forwards to another environment and remembers every path read through it: a build's inputs,
// which watch mode watches.
class RecordingEnvironment : public Environment {
public:
    explicit RecordingEnvironment(const Environment& inner) : m_inner(inner) {}
    std::optional<std::string> read_file(const std::string& path, FileUse use = FileUse::Project) const override;
    bool file_exists(const std::string& path) const override { return m_inner.file_exists(path); }
    std::string why_unreadable(const std::string& path, FileUse use = FileUse::Project) const override {
        return m_inner.why_unreadable(path, use);
    }
    int64_t now() const override { return m_inner.now(); }
    const std::set<std::string>& paths_read() const { return m_read; }

private:
    const Environment& m_inner;
    mutable std::set<std::string> m_read;  // a record, not state the reads depend on
};

// "a directory", "a FIFO", "a device", "a socket"... for a file that is not a regular one.
const char* file_kind(unsigned mode);

// Path helpers: lexical only (no filesystem access).
std::string parent_directory(const std::string& path);
std::string join_path(const std::string& base_dir, const std::string& relative);
std::string normalize_path(const std::string& path);

}  // namespace reportc
