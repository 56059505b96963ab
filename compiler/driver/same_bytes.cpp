#include "driver/same_bytes.h"

namespace reportc::driver {

SameBytes::SameBytes(const Environment& inner, const SourceManager& sources)
    : m_inner(inner), m_sources(sources), m_now(inner.now()) {}

std::optional<std::string> SameBytes::read_file(const std::string& path, FileUse use) const {
    if (!m_sealed) {
        auto bytes = m_inner.read_file(path, use);
        m_reads[path] = Read{bytes, 0};
        return bytes;
    }
    auto it = m_reads.find(path);
    if (it == m_reads.end()) return std::nullopt;  // the first reading never asked for it
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
    // The manager's files of the same path and bytes: a text whole until compacted, so the
    // comparison inflates nothing. The newest version is tried first.
    for (auto& [path, read] : m_reads) {
        if (!read.bytes) continue;
        for (uint32_t id = uint32_t(m_sources.size()); id > 0; --id) {
            const SourceFile* file = m_sources.file(id);
            if (file && file->kind() == SourceKind::Text && file->path() == path && file->text() == *read.bytes) {
                read.source = id;
                read.bytes.reset();
                break;
            }
        }
    }
}

}  // namespace reportc::driver
