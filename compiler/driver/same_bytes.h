#pragma once
// Private to driver: the report read again from the bytes the build read first.
//
// A layout pass that streams its pages to the PDF releases each top-level block of the parsed
// document once laid out (driver/layout_passes.h), so that the document shrinks as libharu's
// objects grow. A pass that then does not settle needs the document again: it is read and
// resolved again through this environment, which answers every read as the build's first
// reading and resolving were answered (the files may have changed on disk meanwhile), and gives
// the same time. The texts the source manager keeps (the report, its includes, CSV files) are
// taken from it, deflated there, and only their size and hash are noted here (a copy would
// double the report's bytes while it is parsed); spreadsheets, whose cells' listing the manager
// keeps instead of their bytes (ZIP archives), are kept here as read. Images are decoded once by
// the build's ImageLoader and never read again.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "source/environment.h"
#include "source/source_manager.h"

namespace reportc::driver {

class SameBytes : public Environment {
public:
    // `inner` is read through until seal(); its time is read once, here.
    SameBytes(const Environment& inner, const SourceManager& sources);

    std::optional<std::string> read_file(const std::string& path, FileUse use = FileUse::Project) const override;
    bool file_exists(const std::string& path) const override;
    std::string why_unreadable(const std::string& path, FileUse use = FileUse::Project) const override {
        return m_inner.why_unreadable(path, use);  // for messages only, and a reading again reports none
    }
    int64_t now() const override { return m_now; }

    // Reading and resolving are done: from here on every read is answered from what they read,
    // and the bytes the source manager holds the same of are dropped here. Call it before the
    // manager compacts its texts.
    void seal();
    // Whether every read can be answered again (each file's bytes kept here or by the manager);
    // false before seal().
    bool complete() const { return m_complete; }

private:
    struct Read {
        bool found = false;                // the read gave bytes
        size_t size = 0;
        size_t hash = 0;
        std::optional<std::string> bytes;  // a copy, for the files the manager does not keep
        uint32_t source = 0;               // the manager's file with these bytes; 0: none
    };
    const Environment& m_inner;
    const SourceManager& m_sources;
    const int64_t m_now;
    bool m_sealed = false;
    bool m_complete = false;
    mutable std::map<std::string, Read> m_reads;   // by path as asked; the last read of a path is the one parsed
    mutable std::map<std::string, bool> m_exists;  // file_exists' answers
};

}  // namespace reportc::driver
