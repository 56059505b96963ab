#include <cctype>
#include <string_view>

#include "xref/xref.h"

namespace reportc::xref {
namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t'; }

// Trailing punctuation is not part of a URL or address: "www.rocb-ap.org." ends before the dot.
// Compared byte by byte, so the curly quotes' bytes each count (UTF-8, 3 bytes each).
constexpr std::string_view kTrailing = ".,;:)]”’\"'";
constexpr std::string_view kLeading = "(“‘\"'[";

size_t trim_trailing_punctuation(const std::string& s, size_t begin, size_t end) {
    while (end > begin && kTrailing.find(s[end - 1]) != std::string_view::npos) --end;
    return end;
}

bool looks_like_email(std::string_view word) {
    auto at = word.find('@');
    if (at == std::string_view::npos || at == 0) return false;
    auto dot = word.find('.', at);
    return dot != std::string_view::npos && dot > at + 1 && dot + 1 < word.size();
}

// The scheme of `target` lowercased ("https" of "HTTPS://…"), or empty when it has none
// (RFC 3986 §3.1: a letter, then letters, digits, '+', '-' or '.', then ':').
std::string scheme_of(const std::string& target) {
    size_t colon = target.find(':');
    if (colon == std::string::npos || colon == 0 || !std::isalpha(static_cast<unsigned char>(target[0]))) return {};
    std::string scheme;
    for (size_t i = 0; i < colon; ++i) {
        unsigned char c = static_cast<unsigned char>(target[i]);
        if (!std::isalnum(c) && c != '+' && c != '-' && c != '.') return {};
        scheme += char(std::tolower(c));
    }
    return scheme;
}

}  // namespace

bool check_link_target(const std::string& target, Span at, const std::vector<std::string>& schemes, Diagnostics& diags) {
    if (target.starts_with("#")) return true;
    const std::string scheme = scheme_of(target);
    if (scheme == "http" || scheme == "https" || scheme == "mailto") return true;
    for (const auto& allowed : schemes)
        if (scheme == allowed) return true;
    const std::string found = scheme.empty() ? "a target without a scheme" : "the scheme '" + scheme + ":'";
    diags.error(at, "expected a link to an http, https or mailto address or to '#id' (other schemes need the layout's "
                    "<links allow-schemes>), found " + found);
    return false;
}

bool looked_into_for_links(const doc::TextRun& run) {
    if (const doc::RunExtras& x = run.rare(); !x.link.empty() || run.line_break || x.ref || x.footnote || x.variable || x.image) return false;
    const std::string& s = run.text;
    // Every link below starts "http://", "https://" or "www.", or is an address with "@": a run
    // with none of them, nearly every run, is not looked at word by word.
    return s.empty() || s.find('@') != std::string::npos || s.find("://") != std::string::npos || s.find("www.") != std::string::npos;
}

std::optional<std::vector<doc::TextRun>> split_at_links(const doc::TextRun& run) {
    if (!looked_into_for_links(run)) return std::nullopt;
    const std::string& s = run.text;
    std::vector<doc::TextRun> out;
    size_t plain_from = 0, i = 0;
    auto emit_plain = [&](size_t end) {
        if (end > plain_from) {
            doc::TextRun piece = run;
            piece.text = s.substr(plain_from, end - plain_from);
            out.push_back(std::move(piece));
        }
    };
    while (i < s.size()) {
        while (i < s.size() && is_space(s[i])) ++i;
        size_t begin = i;
        while (i < s.size() && !is_space(s[i])) ++i;
        if (begin == i) break;
        // Leading punctuation such as "(" stays outside the link.
        size_t word_begin = begin;
        while (word_begin < i && kLeading.find(s[word_begin]) != std::string_view::npos) ++word_begin;
        size_t word_end = trim_trailing_punctuation(s, word_begin, i);
        // Looked at in place: a string is made only for a word that links.
        const std::string_view word = std::string_view(s).substr(word_begin, word_end - word_begin);
        std::string target;
        if (word.starts_with("http://") || word.starts_with("https://")) target = word;
        else if (word.starts_with("www.") && word.size() > 6) target = "https://" + std::string(word);
        else if (looks_like_email(word)) target = "mailto:" + std::string(word);
        if (target.empty()) continue;
        emit_plain(word_begin);
        doc::TextRun link = run;
        link.text = word;
        link.rare_to_set().link = target;
        out.push_back(std::move(link));
        plain_from = word_end;
    }
    // No link found: the run stays as it is (an empty one is dropped, as the split always did).
    if (plain_from == 0 && !s.empty()) return std::nullopt;
    emit_plain(s.size());
    return out;
}

std::vector<doc::TextRun> autolink(const doc::TextRun& run) {
    auto pieces = split_at_links(run);
    return pieces ? std::move(*pieces) : std::vector<doc::TextRun>{run};
}

}  // namespace reportc::xref
