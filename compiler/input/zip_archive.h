#pragma once
// Private to input: the members of a zip archive (the container of .xlsx and .ods files), read
// from bytes through libzip with a bound on what a member may inflate to, so that a crafted
// archive (a "zip bomb") costs at most that bound, never unbounded memory.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

namespace reportc::input {

class ZipArchive {
public:
    // The archive in `bytes`, or nullopt with `error` saying why ("not a zip archive").
    static std::unique_ptr<ZipArchive> open(std::string bytes, std::string& error);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    bool has(const std::string& name) const;
    // The member's bytes; nullopt with `error` when it is missing, encrypted, damaged, or
    // inflates past `limit` bytes.
    std::optional<std::string> read(const std::string& name, size_t limit, std::string& error) const;

private:
    struct Handle;
    explicit ZipArchive(std::unique_ptr<Handle> handle);
    std::unique_ptr<Handle> m_handle;
};

}  // namespace reportc::input
