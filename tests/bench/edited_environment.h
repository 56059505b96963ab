#pragma once
// The benchmarks' edit between two rebuilds of a resident compiler: the real files, with one
// file's text changed in memory on every odd `version` (and as read on every even one), never
// on disk. The time is pinned (SOURCE_DATE_EPOCH's role), so every build's bytes compare.
#include <functional>
#include <optional>
#include <string>
#include <utility>

#include "source/environment.h"

namespace reportc::bench {

class EditedEnvironment : public Environment {
public:
    // Changes `text`, read from `path`, in place, or leaves it (a file it does not edit).
    using Edit = std::function<void(const std::string& path, std::string& text)>;
    EditedEnvironment(const Environment& inner, Edit edit) : m_inner(inner), m_edit(std::move(edit)) {}

    std::optional<std::string> read_file(const std::string& path, FileUse use = FileUse::Project) const override {
        auto text = m_inner.read_file(path, use);
        if (text && version % 2 == 1) m_edit(path, *text);
        return text;
    }
    bool file_exists(const std::string& path) const override { return m_inner.file_exists(path); }
    int64_t now() const override { return 0; }
    int version = 0;

private:
    const Environment& m_inner;
    Edit m_edit;
};

}  // namespace reportc::bench
