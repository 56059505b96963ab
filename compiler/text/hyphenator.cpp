#include "text/hyphenator.h"

#include <hyphen.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "base/utf8.h"
#include "text/letters.h"

namespace reportc::text {
namespace {

constexpr size_t kMinLetters = 5;     // shorter words are never worth a hyphen
// The dictionary header says LEFTHYPHENMIN 2, RIGHTHYPHENMIN 3 (docs/libharu-notes.md §L16).
constexpr int kLeftMin = 2;
constexpr int kRightMin = 3;
constexpr size_t kMaxWordBytes = 200; // longer "words" are data, not prose
constexpr size_t kMaxCacheEntries = 200000;

struct Char {
    char32_t cp;
    size_t offset;  // byte offset in the original word
};

bool is_dash(char32_t cp) { return cp == U'-' || (cp >= 0x2010 && cp <= 0x2014 && cp != 0x2012); }
bool is_apostrophe(char32_t cp) { return cp == U'\'' || cp == 0x2019; }

bool looks_like_address(std::string_view word) {
    if (word.find("://") != std::string_view::npos || word.find_first_of("@/") != std::string_view::npos) return true;
    for (size_t i = 0; i + 4 <= word.size(); ++i) {
        std::string_view s = word.substr(i, 4);
        if ((s[0] | 0x20) == 'w' && (s[1] | 0x20) == 'w' && (s[2] | 0x20) == 'w' && s[3] == '.') return true;
    }
    return false;
}

// Frees what hnj_hyphen_hyphenate2 may allocate for non-standard (replacement) hyphenation:
// arrays of `word_size` entries, indexed by byte before libhyphen renormalises them.
void free_nonstandard(char** rep, int* pos, int* cut, int word_size) {
    if (rep) {
        for (int i = 0; i < word_size; ++i) std::free(rep[i]);
        std::free(rep);
    }
    std::free(pos);
    std::free(cut);
}

// A pattern's letters: the pattern as written (before any '/' replacement part), its digits
// skipped. Compared and hashed without being copied out of the dictionary's bytes: the check runs
// on every load, once per thread under -j (issue 16: loading is paid on each build).
struct PatternLetters {
    std::string_view written;

    template <class F>
    void each_letter(F f) const {
        for (char c : written)
            if (!std::isdigit(static_cast<unsigned char>(c))) f(c);
    }
    std::string str() const {
        std::string out;
        each_letter([&](char c) { out += c; });
        return out;
    }
    bool operator==(const PatternLetters& o) const {
        size_t i = 0, j = 0;
        auto skip = [](std::string_view s, size_t& k) {
            while (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) ++k;
        };
        for (;; ++i, ++j) {
            skip(written, i);
            skip(o.written, j);
            if (i == written.size() || j == o.written.size()) return i == written.size() && j == o.written.size();
            if (written[i] != o.written[j]) return false;
        }
    }
};

struct PatternLettersHash {
    size_t operator()(const PatternLetters& p) const {
        size_t h = 14695981039346656037ull;  // FNV-1a
        p.each_letter([&](char c) { h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull; });
        return h;
    }
};

// libhyphen keeps one entry per pattern (its letters, digits left out) and one NOHYPHEN line per
// level; a second one within a level is dropped without being freed (LeakSanitizer). TeX calls a
// repeated pattern an error too ("Duplicate pattern", The TeXbook, appendix H), so such a
// dictionary is refused: the message names the line and the earlier one.
std::optional<std::string> repeated_entry(std::string_view bytes) {
    static constexpr std::string_view kNoHyphen = "NOHYPHEN";
    std::unordered_map<PatternLetters, size_t, PatternLettersHash> seen;  // pattern letters (or "NOHYPHEN") -> line
    seen.reserve(size_t(std::count(bytes.begin(), bytes.end(), '\n')) + 1);
    size_t line_number = 0;
    for (size_t pos = 0; pos < bytes.size();) {
        size_t end = std::min(bytes.find('\n', pos), bytes.size());
        std::string_view line = bytes.substr(pos, end - pos);
        pos = end + 1;
        if (++line_number == 1) continue;  // the character set
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
        if (line.empty() || line.front() == '%') continue;
        PatternLetters key;
        if (line == "NEXTLEVEL") {
            seen.clear();
            continue;
        }
        if (line.starts_with(kNoHyphen)) key.written = kNoHyphen;
        else if (std::isupper(static_cast<unsigned char>(line.front()))) continue;  // LEFTHYPHENMIN 2 and the like
        else key.written = line.substr(0, line.find('/'));
        auto [it, added] = seen.emplace(key, line_number);
        if (!added)
            return "line " + std::to_string(line_number) + " repeats " + (key.written == kNoHyphen ? std::string("NOHYPHEN") : std::string("the pattern '").append(key.str()).append("'")) +
                   " of line " + std::to_string(it->second) + " (libhyphen takes each once per level)";
    }
    return std::nullopt;
}

// The character set's name as libhyphen reads it (hnj_hyphen_load_file): fgets into its
// `cset` field (at most sizeof - 1 bytes, up to and with the first newline), every CR and LF in
// it made a NUL, the name what comes before the first NUL. libhyphen takes the patterns as UTF-8
// when that name is "UTF-8".
std::string character_set(std::string_view bytes) {
    std::string_view head = bytes.substr(0, sizeof(HyphenDict::cset) - 1);
    if (size_t newline = head.find('\n'); newline != std::string_view::npos) head = head.substr(0, newline);
    return std::string(head.substr(0, head.find_first_of(std::string_view("\r\0", 2))));
}

}  // namespace

struct Hyphenator::Impl {
    // Shared by the Hyphenators of other threads (Hyphenator::another): libhyphen's hyphenation
    // only reads it (hyphen.c, hnj_hyphen_hyph_: the patterns' states and the next level are
    // read; what it writes is the caller's buffers).
    std::shared_ptr<const HyphenDict> shared;
    HyphenDict* dict = nullptr;  // shared's, for libhyphen's non-const parameters
    // Looked up by string_view (heterogeneous lookup): no key string made per word.
    struct WordHash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    mutable std::unordered_map<std::string, std::vector<size_t>, WordHash, std::equal_to<>> cache;


    // Points for the dash-free word chars[begin, end), appended to `out`.
    void hyphenate_word(const std::vector<Char>& chars, size_t begin, size_t end, std::vector<size_t>& out) const {
        using namespace letters;
        while (begin < end && !is_letter(chars[begin].cp)) ++begin;
        while (end > begin && !is_letter(chars[end - 1].cp)) --end;
        // A possessive "'s" is not part of the word the patterns know ("organization's").
        if (end - begin > 2 && is_apostrophe(chars[end - 2].cp) && to_lower(chars[end - 1].cp) == U's') end -= 2;
        if (end - begin < kMinLetters) return;
        std::string lowered;
        for (size_t i = begin; i < end; ++i) {
            char32_t cp = chars[i].cp;
            if (!is_letter(cp)) return;  // inner apostrophes, dots, soft hyphens: leave alone
            // The patterns are lowercase (docs/libharu-notes.md §L16).
            utf8::append(lowered, to_lower(cp));
        }

        // hyphens needs word_size + 5 bytes; for a UTF-8 dictionary entry i is the i-th
        // *character*, odd meaning "may break after it" (docs/libharu-notes.md §L16).
        const int size = int(lowered.size());
        std::vector<char> hyphens(lowered.size() + 5, '0');
        char** rep = nullptr;
        int* pos = nullptr;
        int* cut = nullptr;
        int rc = hnj_hyphen_hyphenate2(dict, lowered.c_str(), size, hyphens.data(), nullptr, &rep, &pos, &cut);
        const int n = int(end - begin);
        if (rc == 0) {
            for (int i = 0; i + 1 < n; ++i) {
                if (!(hyphens[size_t(i)] & 1)) continue;
                int left = i + 1, right = n - left;
                if (left < std::max(kLeftMin, int(dict->lhmin)) || right < std::max(kRightMin, int(dict->rhmin))) continue;
                if (rep && rep[i]) continue;                // a spelling change we cannot typeset
                if (is_mark(chars[begin + size_t(left)].cp)) continue;  // never split a base from its accent
                out.push_back(chars[begin + size_t(left)].offset);
            }
        }
        free_nonstandard(rep, pos, cut, size);
    }

    std::vector<size_t> compute(std::string_view word) const {
        std::vector<size_t> out;
        if (word.size() > kMaxWordBytes || looks_like_address(word)) return out;
        std::vector<Char> chars;
        for (size_t pos = 0; pos < word.size();) {
            size_t offset = pos;
            std::optional<char32_t> cp = utf8::decode(word, pos);
            if (!cp || *cp == 0) return out;
            if (*cp >= U'0' && *cp <= U'9') return out;
            // A word with a dash breaks only there (The TeXbook, chapter 14: TeX does not
            // hyphenate such a word either).
            if (is_dash(*cp)) return out;
            chars.push_back({*cp, offset});
        }
        hyphenate_word(chars, 0, chars.size(), out);
        return out;
    }
};

std::optional<std::string> Hyphenator::refusal(const std::string& dic_path, std::string_view bytes) {
    if (auto repeated = repeated_entry(bytes)) return "hyphenation dictionary '" + dic_path + "': " + *repeated;
    const std::string cset = character_set(bytes);
    if (cset != "UTF-8")
        return "hyphenation dictionary '" + dic_path + "' is not UTF-8: its first line is '" + cset + "', expected 'UTF-8'";
    return std::nullopt;
}

std::unique_ptr<Hyphenator> Hyphenator::load(const std::string& dic_path, const std::string& bytes, std::string& error) {
    if (auto why = refusal(dic_path, bytes)) {
        error = std::move(*why);
        return nullptr;
    }
    return load_checked(dic_path, bytes, error);
}

std::unique_ptr<Hyphenator> Hyphenator::load_checked(const std::string& dic_path, const std::string& bytes, std::string& error) {
    // libhyphen parses only from a FILE*; fmemopen gives it one over the bytes (no copy, no disk).
    std::FILE* f = fmemopen(const_cast<char*>(bytes.data()), bytes.size(), "r");
    if (!f) {
        error = "cannot read hyphenation dictionary '" + dic_path + "': " + std::strerror(errno);
        return nullptr;
    }
    auto impl = std::make_unique<Impl>();
    impl->dict = hnj_hyphen_load_file(f);  // does not close `f`
    std::fclose(f);
    if (impl->dict) impl->shared.reset(impl->dict, [](const HyphenDict* d) { hnj_hyphen_free(const_cast<HyphenDict*>(d)); });
    // Neither can happen after refusal() (libhyphen returns a dictionary or exits; its UTF-8
    // flag is the first line's test refusal() made): kept so that a libhyphen that differs
    // is an error, not a crash or wrong points.
    if (!impl->dict) {
        error = "cannot read hyphenation dictionary '" + dic_path + "'";
        return nullptr;
    }
    if (!impl->dict->utf8) {
        std::string cset(impl->dict->cset, strnlen(impl->dict->cset, sizeof impl->dict->cset));
        error = "hyphenation dictionary '" + dic_path + "' is not UTF-8: its first line is '" + cset +
                "', expected 'UTF-8'";
        return nullptr;
    }
    return std::unique_ptr<Hyphenator>(new Hyphenator(std::move(impl)));
}

std::unique_ptr<Hyphenator> Hyphenator::another() const {
    auto impl = std::make_unique<Impl>();
    impl->shared = m_impl->shared;
    impl->dict = m_impl->dict;
    return std::unique_ptr<Hyphenator>(new Hyphenator(std::move(impl)));
}

std::unique_ptr<Hyphenator> Hyphenator::read(const Environment& env, const std::string& path, std::string& error) {
    std::optional<std::string> bytes = env.read_file(path, FileUse::FontOrDictionary);
    if (!bytes) {
        error = "cannot read hyphenation dictionary '" + path + "': " + env.why_unreadable(path, FileUse::FontOrDictionary);
        return nullptr;
    }
    return load(path, *bytes, error);
}

Hyphenator::Hyphenator(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Hyphenator::~Hyphenator() = default;

Hyphenator::Case Hyphenator::word_case(std::string_view word) {
    size_t count = 0, capitals = 0;
    bool first_capital = false;
    for (size_t pos = 0; pos < word.size();) {
        std::optional<char32_t> cp = utf8::decode(word, pos);
        if (!cp || !letters::is_letter(*cp) || letters::is_mark(*cp)) continue;
        const bool capital = letters::is_upper(*cp);
        if (count == 0) first_capital = capital;
        ++count;
        capitals += capital ? 1 : 0;
    }
    if (count >= 2 && capitals == count) return Case::Upper;
    return first_capital ? Case::Capitalized : Case::Lower;
}

const std::vector<size_t>& Hyphenator::points(std::string_view word) const {
    auto& cache = m_impl->cache;
    if (auto it = cache.find(word); it != cache.end()) return it->second;
    if (cache.size() >= kMaxCacheEntries) cache.clear();
    return cache.emplace(std::string(word), m_impl->compute(word)).first->second;
}

}  // namespace reportc::text
