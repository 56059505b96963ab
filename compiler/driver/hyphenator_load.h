#pragma once
// Private to driver: the layout's hyphenation dictionary parsed while the build goes on. Parsing
// the patterns (libhyphen, about 37 million instructions for Debian's en-US) leads the resources
// phase of a small report; nothing needs them before layout, so with -j 2 or more they are parsed
// on a thread of their own while the report is resolved and encoded, and waited for where layout
// first sets a paragraph. Everything that can refuse a dictionary (unreadable, a repeated pattern,
// not UTF-8) is found before the thread starts (text::Hyphenator::refusal), where the error was
// always reported; the thread can fail only for memory.
#include <future>
#include <memory>
#include <string>

#include "text/hyphenator.h"

namespace reportc::driver {

class HyphenatorLoad {
public:
    HyphenatorLoad() = default;  // no dictionary
    // Parses `bytes`, which text::Hyphenator::refusal took and which outlive this object: on a
    // thread when `on_thread` (and one can be started), here otherwise.
    HyphenatorLoad(const std::string& path, const std::string& bytes, bool on_thread);

    // The dictionary, waiting for its parse; null when there is none or its parse failed.
    const text::Hyphenator* get() const { return m_loaded.valid() ? m_loaded.get().hyphenator.get() : nullptr; }
    // Why the parse failed (out of memory only), waiting for it; empty when it did not.
    const std::string& error() const;
    // Whether the parse ran on a thread of its own (for tests and --stats).
    bool on_thread() const { return m_on_thread; }

private:
    struct Loaded {
        std::unique_ptr<text::Hyphenator> hyphenator;
        std::string error;
    };
    // std::async's: destroying its last copy waits for the thread, so the bytes it reads outlive it.
    std::shared_future<Loaded> m_loaded;
    bool m_on_thread = false;
};

}  // namespace reportc::driver
