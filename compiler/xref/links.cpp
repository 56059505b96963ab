#include <cctype>

#include "xref/xref.h"

namespace reportc::xref {
namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t'; }

// Trailing punctuation is not part of a URL or address: "www.rocb-ap.org." ends before the dot.
size_t trim_trailing_punctuation(const std::string& s, size_t begin, size_t end) {
    while (end > begin && std::string(".,;:)]”’\"'").find(s[end - 1]) != std::string::npos) --end;
    return end;
}

bool looks_like_email(const std::string& word) {
    auto at = word.find('@');
    if (at == std::string::npos || at == 0) return false;
    auto dot = word.find('.', at);
    return dot != std::string::npos && dot > at + 1 && dot + 1 < word.size();
}

}  // namespace

std::vector<doc::TextRun> autolink(const doc::TextRun& run) {
    std::vector<doc::TextRun> out;
    if (!run.link.empty() || run.line_break || !run.ref_to.empty()) return {run};
    const std::string& s = run.text;
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
        while (word_begin < i && std::string("(“‘\"'[").find(s[word_begin]) != std::string::npos) ++word_begin;
        size_t word_end = trim_trailing_punctuation(s, word_begin, i);
        std::string word = s.substr(word_begin, word_end - word_begin);
        std::string target;
        if (word.rfind("http://", 0) == 0 || word.rfind("https://", 0) == 0) target = word;
        else if (word.rfind("www.", 0) == 0 && word.size() > 6) target = "https://" + word;
        else if (looks_like_email(word)) target = "mailto:" + word;
        if (target.empty()) continue;
        emit_plain(word_begin);
        doc::TextRun link = run;
        link.text = word;
        link.link = target;
        out.push_back(std::move(link));
        plain_from = word_end;
    }
    emit_plain(s.size());
    return out;
}

std::vector<doc::TextRun> link_see_also(const doc::TextRun& run, const std::string& table_id, const std::string& group,
                                        const Registry& registry, Diagnostics& diags) {
    // The grammar as printed: an optional pillar number followed by "-" or "–" (with spaces or
    // not) sets the group; each "(x)" with letters is an item of the current group. Everything
    // else ("(See also", ", ", " and ", the closing ")") stays plain text.
    std::vector<doc::TextRun> out;
    const std::string& s = run.text;
    std::string current = group;
    size_t plain_from = 0;
    auto emit_plain = [&](size_t end) {
        if (end > plain_from) {
            doc::TextRun piece = run;
            piece.text = s.substr(plain_from, end - plain_from);
            out.push_back(std::move(piece));
        }
    };
    for (size_t i = 0; i < s.size(); ++i) {
        if (std::isdigit(static_cast<unsigned char>(s[i])) && (i == 0 || !std::isalnum(static_cast<unsigned char>(s[i - 1])))) {
            size_t j = i;
            while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
            size_t k = j;
            while (k < s.size() && s[k] == ' ') ++k;
            bool dash = k < s.size() && s[k] == '-';
            if (!dash && s.compare(k, 3, "\xE2\x80\x93") == 0) dash = true;  // en dash
            if (dash) current = s.substr(i, j - i);
            continue;
        }
        if (s[i] != '(') continue;
        size_t j = i + 1;
        while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j]))) ++j;
        if (j == i + 1 || j >= s.size() || s[j] != ')' || j - i - 1 > 3) continue;
        std::string letters = s.substr(i + 1, j - i - 1);
        if (letters == "See") continue;
        std::string lower;
        for (char c : letters) lower += char(std::tolower(static_cast<unsigned char>(c)));
        std::string anchor = table_id + "-" + current + "-" + lower;
        if (!registry.find(anchor)) {
            diags.error(run.span, "reference '" + s.substr(i, j - i + 1) + "' in '" + s + "' names no row " + current + "-" + lower +
                                      " of table '" + table_id + "'");
            continue;
        }
        emit_plain(i);
        doc::TextRun link = run;
        link.text = s.substr(i, j - i + 1);
        link.link = "#" + anchor;
        out.push_back(std::move(link));
        plain_from = j + 1;
        i = j;
    }
    emit_plain(s.size());
    return out;
}

}  // namespace reportc::xref
