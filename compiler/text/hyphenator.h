#pragma once
// Hyphenation points from libhyphen patterns (Debian's hyphen-en-us), with the word cleaning
// libhyphen itself does not do (docs/libharu-notes.md §L16). libhyphen stays behind the pimpl.
#include <memory>
#include <optional>
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
    // Why load() would refuse `bytes` (a repeated pattern, a first line other than "UTF-8"),
    // found without parsing them; nullopt when it would take them. The message is load()'s.
    static std::optional<std::string> refusal(const std::string& path_for_messages, std::string_view bytes);
    // load() for bytes that refusal() took: libhyphen's parse alone, the costly part, which can
    // then fail only for memory (fmemopen; libhyphen exits on a failed allocation). A caller may
    // run it on another thread once refusal() has been reported where load()'s error would be.
    static std::unique_ptr<Hyphenator> load_checked(const std::string& path_for_messages, const std::string& bytes,
                                                    std::string& error);
    // A Hyphenator for another thread: this one's dictionary, parsed once and read by both, and
    // a cache of its own (points() is not thread-safe, the dictionary is only read).
    std::unique_ptr<Hyphenator> another() const;
    // Reads `path` once through `env` and loads it ("cannot read hyphenation dictionary 'x'").
    static std::unique_ptr<Hyphenator> read(const Environment& env, const std::string& path, std::string& error);
    ~Hyphenator();
    Hyphenator(const Hyphenator&) = delete;
    Hyphenator& operator=(const Hyphenator&) = delete;

    // Byte offsets inside `word`, ascending, where a hyphen may be inserted (the hyphen goes
    // before that byte).
    // - Leading and trailing non-letters (quotes, brackets, commas, periods …) are stripped, and
    //   so is a final possessive "'s" / "’s"; points are offsets in the original word.
    // - A word with a dash (-, U+2010, U+2011, U+2013, U+2014) gets no points: it breaks only
    //   after its own dash ("E-Commerce", never "E-Com-merce"), which is the caller's business.
    // - The word gets no points if it has fewer than 5 letters or contains anything but letters
    //   (apostrophes, soft hyphens, dots …). Capitalised and all-capital words get their points
    //   ("ASEAN" as "asean"): how much a break there costs is the caller's policy (word_case).
    // - The word gets no points if it has a digit or looks like a URL or e-mail address
    //   ("://", "www.", '@', '/').
    // - At least 2 characters stay before a point and 3 after it.
    // Results are cached per word (not thread-safe: with -j each thread has a Hyphenator of its own,
    // sharing the dictionary: another(), driver/ahead.h);
    // the reference is the cache's, valid until the next call (no copy per word looked up).
    const std::vector<size_t>& points(std::string_view word) const;

    // How a word is written, for the hyphenation policy: all its letters capitals (at least two
    // of them: "ASEAN", "UNOHRLLS"), its first letter a capital ("Korea"), or neither.
    enum class Case { Lower, Capitalized, Upper };
    static Case word_case(std::string_view word);

private:
    struct Impl;
    explicit Hyphenator(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace reportc::text
