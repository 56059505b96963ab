#include "driver/same_bytes.h"

#include <functional>
#include <string_view>

namespace reportc::driver {
namespace {

size_t hash_of(std::string_view bytes) { return std::hash<std::string_view>{}(bytes); }

// A spreadsheet (.xlsx: a ZIP archive): the manager keeps a listing of its cells, not its bytes.
bool zip_archive(std::string_view bytes) { return bytes.starts_with(std::string_view("PK\x03\x04", 4)); }

}  // namespace

SameBytes::SameBytes(const Environment& inner, const SourceManager& sources)
    : m_inner(inner), m_sources(sources), m_now(inner.now()) {}

std::optional<std::string> SameBytes::read_file(const std::string& path, FileUse use) const {
    if (!m_sealed) {
        auto bytes = m_inner.read_file(path, use);
        Read& read = m_reads[path] = Read{};
        if (!bytes) return bytes;
        read.found = true;
        read.size = bytes->size();
        read.hash = hash_of(*bytes);
        if (zip_archive(*bytes)) read.bytes = *bytes;
        return bytes;
    }
    auto it = m_reads.find(path);
    if (it == m_reads.end() || !it->second.found) return std::nullopt;  // not read, or not readable, the first time
    if (it->second.source != 0) return m_sources.file(it->second.source)->text();
    return it->second.bytes;
}

bool SameBytes::file_exists(const std::string& path) const {
    if (!m_sealed) return m_exists[path] = m_inner.file_exists(path);
    auto it = m_exists.find(path);
    return it != m_exists.end() && it->second;
}

void SameBytes::seal() {
    m_sealed = true;
    m_complete = true;
    // Each text read is the manager's file of the same path, size and hash: whole until the
    // manager compacts it, so nothing is inflated here. The newest version is tried first.
    for (auto& [path, read] : m_reads) {
        if (!read.found || read.bytes) continue;
        for (uint32_t id = uint32_t(m_sources.size()); id > 0 && !read.source; --id) {
            const SourceFile* file = m_sources.file(id);
            if (file && file->kind() == SourceKind::Text && file->path() == path && file->text().size() == read.size &&
                hash_of(file->text()) == read.hash)
                read.source = id;
        }
        if (!read.source) m_complete = false;  // read, but kept by no one: it cannot be read again
    }
}

}  // namespace reportc::driver
