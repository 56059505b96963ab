#pragma once
// Hyphenation points from libhyphen patterns (Debian's hyphen-en-us), with the word cleaning
// libhyphen itself does not do (docs/libharu-notes.md §L16). libhyphen stays behind the pimpl.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "source/environment.h"

namespace reportc::text {

class Hyphenator {
public:
    // The dictionary in `bytes` (a whole .dic file); `path_for_messages` only names it in
    // errors. Only UTF-8 pattern files (first line "UTF-8") are accepted: points are mapped back
    // from character indices, which is what libhyphen returns for those.
    static std::unique_ptr<Hyphenator> load(const std::string& path_for_messages, const std::string& bytes,
                                            std::string& error);
    // Reads `path` once through `env` and loads it ("cannot read hyphenation dictionary 'x'").
    static std::unique_ptr<Hyphenator> read(const Environment& env, const std::string& path, std::string& error);
    ~Hyphenator();
    Hyphenator(const Hyphenator&) = delete;
    Hyphenator& operator=(const Hyphenator&) = delete;

    // Byte offsets inside `word`, ascending, where a hyphen may be inserted (the hyphen goes
    // before that byte).
    // - Leading and trailing non-letters (quotes, brackets, commas, periods …) are stripped, and
    //   so is a final possessive "'s" / "’s"; points are offsets in the original word.
    // - Explicit dashes (-, U+2010, U+2011, U+2013, U+2014) split the word; each part is
    //   hyphenated on its own and the dash itself is never returned (the caller breaks there).
    // - A part gets no points if it has fewer than 5 letters, has no lowercase letter
    //   ("ASEAN", "ROCB"), or contains anything but letters (apostrophes, soft hyphens, dots …).
    // - The whole word gets no points if it has a digit or looks like a URL or e-mail address
    //   ("://", "www.", '@', '/').
    // - At least 2 characters stay before a point and 3 after it, within the part.
    // Results are cached per word (not thread-safe; the compiler is single-threaded here).
    std::vector<size_t> points(std::string_view word) const;

private:
    struct Impl;
    explicit Hyphenator(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace reportc::text
