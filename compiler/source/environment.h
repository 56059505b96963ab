#pragma once
// All input/output and time goes through an Environment, so tests can use an in-memory one.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>

namespace reportc {

class Environment {
public:
    virtual ~Environment() = default;
    virtual std::optional<std::string> read_file(const std::string& path) const = 0;
    virtual bool file_exists(const std::string& path) const = 0;
    // SOURCE_DATE_EPOCH when set (reproducible builds), else the current time.
    virtual int64_t now() const = 0;
};

class RealEnvironment : public Environment {
public:
    std::optional<std::string> read_file(const std::string& path) const override;
    bool file_exists(const std::string& path) const override;
    int64_t now() const override;
};

class MemoryEnvironment : public Environment {
public:
    void set_file(const std::string& path, std::string content) { m_files[path] = std::move(content); }
    void set_now(int64_t t) { m_now = t; }
    std::optional<std::string> read_file(const std::string& path) const override;
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
    std::optional<std::string> read_file(const std::string& path) const override;
    bool file_exists(const std::string& path) const override { return m_inner.file_exists(path); }
    int64_t now() const override { return m_inner.now(); }
    const std::set<std::string>& paths_read() const { return m_read; }

private:
    const Environment& m_inner;
    mutable std::set<std::string> m_read;  // a record, not state the reads depend on
};

// Path helpers: lexical only (no filesystem access).
std::string parent_directory(const std::string& path);
std::string join_path(const std::string& base_dir, const std::string& relative);
std::string normalize_path(const std::string& path);

}  // namespace reportc
