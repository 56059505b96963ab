#pragma once
// Private to driver: the report as read (input::read_report) kept between builds of a resident
// compiler, keyed by the bytes of every file the reading read (the report and its includes).
// While none of them changed, a build takes a copy instead of parsing them again, and reports
// what reading them reported then; data files, layouts and images are read later and are not
// part of the key.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "doc/document.h"
#include "source/environment.h"
#include "source/source_manager.h"

namespace reportc::driver {

class DocumentCache {
public:
    using Files = std::map<std::string, std::optional<std::string>>;  // a file's bytes by path (none: unreadable)

    // input::read_report's document, parsed or reused.
    std::optional<doc::Document> read(const std::string& path, const Environment& env, SourceManager& sources, Diagnostics& diags);
    size_t reuses() const { return m_reuses; }
    // Off: nothing is kept, every read parses.
    void set_enabled(bool enabled) {
        m_enabled = enabled;
        if (!enabled) m_last.reset();
    }

private:
    struct Entry {
        std::string path;
        Files files;  // every file read, with its bytes
        doc::Document document;
        std::vector<Diagnostic> diagnostics;  // the warnings reading gave (an entry is kept only without errors)
    };
    // Whether every file `e` read reads the same now; what it read now goes into `read` (up to the
    // first that differs), for the parse that follows when one does.
    bool unchanged(const Entry& e, const std::string& path, const Environment& env, Files& read) const;

    std::optional<Entry> m_last;
    size_t m_reuses = 0;
    bool m_enabled = true;
};

}  // namespace reportc::driver
