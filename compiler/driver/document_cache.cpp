#include "driver/document_cache.h"

#include "input/source_reader.h"

namespace reportc::driver {
namespace {

// Forwards reads and keeps what each returned: the cache's key is the bytes the parse saw,
// not the bytes read again afterwards. A file the check for changes has just read (through the
// same environment, which recorded it) is given from those bytes rather than read a second time.
class CapturingEnvironment : public Environment {
public:
    CapturingEnvironment(const Environment& inner, DocumentCache::Files just_read)
        : m_inner(inner), m_just_read(std::move(just_read)) {}
    std::optional<std::string> read_file(const std::string& path, FileUse use = FileUse::Project) const override {
        std::optional<std::string> bytes;
        if (auto it = m_just_read.find(path); it != m_just_read.end()) {
            bytes = std::move(it->second);
            m_just_read.erase(it);
        } else {
            bytes = m_inner.read_file(path, use);
        }
        files.emplace(path, bytes);
        return bytes;
    }
    bool file_exists(const std::string& path) const override { return m_inner.file_exists(path); }
    std::string why_unreadable(const std::string& path, FileUse use = FileUse::Project) const override {
        return m_inner.why_unreadable(path, use);
    }
    int64_t now() const override { return m_inner.now(); }
    mutable DocumentCache::Files files;  // a record, not state the reads depend on

private:
    const Environment& m_inner;
    mutable DocumentCache::Files m_just_read;  // each given once: a file read twice is read again
};

}  // namespace

bool DocumentCache::unchanged(const Entry& e, const std::string& path, const Environment& env, Files& read) const {
    if (e.path != path) return false;
    for (const auto& [file, bytes] : e.files) {
        auto now = env.read_file(file);
        const bool same = now == bytes;
        read.emplace(file, std::move(now));
        if (!same) return false;
    }
    return true;
}

std::optional<doc::Document> DocumentCache::read(const std::string& path, const Environment& env, SourceManager& sources,
                                                 Diagnostics& diags) {
    Files just_read;
    if (m_last && unchanged(*m_last, path, env, just_read)) {
        ++m_reuses;
        for (const auto& d : m_last->diagnostics) diags.add(d);
        return m_last->document;
    }
    m_last.reset();
    // Nothing kept (a one-shot build): no copy of every file read held while the report is read.
    if (!m_enabled) return input::read_report(path, env, sources, diags);
    CapturingEnvironment capture(env, std::move(just_read));
    Diagnostics reading;
    auto document = input::read_report(path, capture, sources, reading);
    for (const auto& d : reading.all()) diags.add(d);
    if (m_enabled && document && !reading.has_errors())
        m_last = Entry{path, std::move(capture.files), *document, reading.all()};
    return document;
}

}  // namespace reportc::driver
