#include "compare_text_core.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>
#include <utility>

namespace reportc::tools {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Decodes the UTF-8 code point that ends just before `end` (which must be > 0). Malformed
// input decodes to U+FFFD, which is neither a letter nor lowercase.
char32_t last_code_point(std::string_view s, std::size_t end) {
    std::size_t start = end - 1;
    while (start > 0 && end - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    unsigned char lead = byte(start);
    std::size_t len = end - start;
    if (lead < 0x80) return len == 1 ? lead : U'\uFFFD';
    if ((lead & 0xE0) == 0xC0 && len == 2) return char32_t(((lead & 0x1F) << 6) | (byte(start + 1) & 0x3F));
    if ((lead & 0xF0) == 0xE0 && len == 3)
        return char32_t(((lead & 0x0F) << 12) | ((byte(start + 1) & 0x3F) << 6) | (byte(start + 2) & 0x3F));
    if ((lead & 0xF8) == 0xF0 && len == 4)
        return char32_t(((lead & 0x07) << 18) | ((byte(start + 1) & 0x3F) << 12) | ((byte(start + 2) & 0x3F) << 6) |
                        (byte(start + 3) & 0x3F));
    return U'\uFFFD';
}

char32_t first_code_point(std::string_view s) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    if (s.empty()) return U'\uFFFD';
    unsigned char lead = byte(0);
    auto cont = [&](std::size_t i) { return i < s.size() && (byte(i) & 0xC0) == 0x80; };
    if (lead < 0x80) return lead;
    if ((lead & 0xE0) == 0xC0 && cont(1)) return char32_t(((lead & 0x1F) << 6) | (byte(1) & 0x3F));
    if ((lead & 0xF0) == 0xE0 && cont(1) && cont(2))
        return char32_t(((lead & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F));
    return U'\uFFFD';
}

// Letters of ASCII, Latin-1 and Latin Extended-A/B (enough for the words a report hyphenates).
bool is_letter(char32_t c) {
    if ((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z')) return true;
    if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;
    return false;
}

// Lowercase letters of ASCII, Latin-1 and (approximately: odd code points) Latin Extended-A.
bool is_lowercase(char32_t c) {
    if (c >= U'a' && c <= U'z') return true;
    if (c >= 0xDF && c <= 0xFF) return c != 0xF7;
    if (c >= 0x100 && c <= 0x17F) return (c % 2) == 1;
    return false;
}

// Splits `line` on whitespace, appending tokens tagged with `line_number`.
void split_words(std::string_view line, int line_number, std::vector<Token>& out) {
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && is_space(line[i])) ++i;
        std::size_t start = i;
        while (i < line.size() && !is_space(line[i])) ++i;
        if (i > start) out.push_back(Token{std::string(line.substr(start, i - start)), {}, line_number});
    }
}

// Calls f(line, line_number) for each '\n'-separated line (a final line without a newline
// included; an empty text has no lines).
template <class F>
void for_each_line(std::string_view text, F&& f) {
    std::size_t pos = 0;
    int number = 1;
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        std::size_t end = nl == std::string_view::npos ? text.size() : nl;
        f(text.substr(pos, end - pos), number);
        ++number;
        if (nl == std::string_view::npos) break;
        pos = nl + 1;
    }
}

// ---- Alignment ------------------------------------------------------------------------------

struct Forms {
    int primary;
    int alt;  // -1 when none
};

inline bool eq(int a, const Forms& b) { return a == b.primary || a == b.alt; }

// Myers' middle snake in its linear-space form (as in diff-match-patch's bisect): returns a
// point (x, y) that lies on a shortest edit path between a[0..n) and b[0..m), or false when
// the two sequences share no token. `v1`, `v2` are scratch buffers.
bool bisect(const int* a, int n, const Forms* b, int m, int& split_x, int& split_y, std::vector<int>& v1,
            std::vector<int>& v2) {
    const int max_d = (n + m + 1) / 2;
    const int v_offset = max_d;
    const int v_length = 2 * max_d + 2;
    v1.assign(std::size_t(v_length), -1);
    v2.assign(std::size_t(v_length), -1);
    v1[std::size_t(v_offset + 1)] = 0;
    v2[std::size_t(v_offset + 1)] = 0;
    const int delta = n - m;
    const bool front = (delta % 2 != 0);  // the forward path checks for overlap
    int k1start = 0, k1end = 0, k2start = 0, k2end = 0;
    for (int d = 0; d < max_d; ++d) {
        for (int k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
            const int k1_offset = v_offset + k1;
            int x1;
            if (k1 == -d || (k1 != d && v1[std::size_t(k1_offset - 1)] < v1[std::size_t(k1_offset + 1)]))
                x1 = v1[std::size_t(k1_offset + 1)];
            else
                x1 = v1[std::size_t(k1_offset - 1)] + 1;
            int y1 = x1 - k1;
            while (x1 < n && y1 < m && eq(a[x1], b[y1])) {
                ++x1;
                ++y1;
            }
            v1[std::size_t(k1_offset)] = x1;
            if (x1 > n) {
                k1end += 2;  // ran off the right edge
            } else if (y1 > m) {
                k1start += 2;  // ran off the bottom edge
            } else if (front) {
                const int k2_offset = v_offset + delta - k1;
                if (k2_offset >= 0 && k2_offset < v_length && v2[std::size_t(k2_offset)] != -1) {
                    const int x2 = n - v2[std::size_t(k2_offset)];
                    if (x1 >= x2) {
                        split_x = x1;
                        split_y = y1;
                        return true;
                    }
                }
            }
        }
        for (int k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
            const int k2_offset = v_offset + k2;
            int x2;
            if (k2 == -d || (k2 != d && v2[std::size_t(k2_offset - 1)] < v2[std::size_t(k2_offset + 1)]))
                x2 = v2[std::size_t(k2_offset + 1)];
            else
                x2 = v2[std::size_t(k2_offset - 1)] + 1;
            int y2 = x2 - k2;
            while (x2 < n && y2 < m && eq(a[n - x2 - 1], b[m - y2 - 1])) {
                ++x2;
                ++y2;
            }
            v2[std::size_t(k2_offset)] = x2;
            if (x2 > n) {
                k2end += 2;
            } else if (y2 > m) {
                k2start += 2;
            } else if (!front) {
                const int k1_offset = v_offset + delta - k2;
                if (k1_offset >= 0 && k1_offset < v_length && v1[std::size_t(k1_offset)] != -1) {
                    const int x1 = v1[std::size_t(k1_offset)];
                    const int y1 = v_offset + x1 - k1_offset;
                    if (x1 >= n - x2) {
                        split_x = x1;
                        split_y = y1;
                        return true;
                    }
                }
            }
        }
    }
    return false;
}

// Marks in `matched` every a-index on one longest common subsequence of a and b.
void align(const std::vector<int>& a, const std::vector<Forms>& b, std::vector<char>& matched) {
    struct Range {
        int a_lo, a_hi, b_lo, b_hi;
    };
    std::vector<Range> stack{{0, int(a.size()), 0, int(b.size())}};
    std::vector<int> v1, v2;
    while (!stack.empty()) {
        Range r = stack.back();
        stack.pop_back();
        // Common prefix and suffix are always on an optimal path.
        while (r.a_lo < r.a_hi && r.b_lo < r.b_hi && eq(a[std::size_t(r.a_lo)], b[std::size_t(r.b_lo)])) {
            matched[std::size_t(r.a_lo)] = 1;
            ++r.a_lo;
            ++r.b_lo;
        }
        while (r.a_lo < r.a_hi && r.b_lo < r.b_hi &&
               eq(a[std::size_t(r.a_hi - 1)], b[std::size_t(r.b_hi - 1)])) {
            matched[std::size_t(r.a_hi - 1)] = 1;
            --r.a_hi;
            --r.b_hi;
        }
        const int n = r.a_hi - r.a_lo, m = r.b_hi - r.b_lo;
        if (n == 0 || m == 0) continue;
        int x = 0, y = 0;
        if (!bisect(a.data() + r.a_lo, n, b.data() + r.b_lo, m, x, y, v1, v2)) continue;
        if ((x == 0 && y == 0) || (x == n && y == m)) continue;  // cannot happen; never loop
        stack.push_back({r.a_lo + x, r.a_hi, r.b_lo + y, r.b_hi});
        stack.push_back({r.a_lo, r.a_lo + x, r.b_lo, r.b_lo + y});
    }
}

}  // namespace

std::string normalize_typography(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
            out += ' ';  // U+00A0 no-break space
            ++i;
            continue;
        }
        if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xAC) {
            static constexpr const char* kLigatures[] = {"ff", "fi", "fl", "ffi", "ffl"};
            const unsigned char third = static_cast<unsigned char>(text[i + 2]);
            if (third >= 0x80 && third <= 0x84) {  // U+FB00..U+FB04
                out += kLigatures[third - 0x80];
                i += 2;
                continue;
            }
        }
        out += char(c);
    }
    return out;
}

std::vector<Token> tokenize_source(std::string_view text, int from_line, int to_line) {
    const std::string normalized = normalize_typography(text);
    std::vector<Token> tokens;
    for_each_line(normalized, [&](std::string_view line, int number) {
        if (number < from_line || number > to_line) return;
        // Page marker: a single leading space (a converted form feed), not content.
        if (!line.empty() && line[0] == ' ' && (line.size() == 1 || line[1] != ' ')) line.remove_prefix(1);
        split_words(line, number, tokens);
    });
    return tokens;
}

std::vector<Token> tokenize_pdf(std::string_view text) {
    const std::string normalized = normalize_typography(text);
    std::vector<Token> tokens;
    // Index in `tokens` of the last token of the previous line when that line ends in a
    // letter + "-" (a candidate for joining), else npos.
    std::size_t pending = std::string::npos;
    for_each_line(normalized, [&](std::string_view line, int number) {
        const std::size_t first = tokens.size();
        split_words(line, number, tokens);
        if (pending != std::string::npos && tokens.size() > first &&
            is_lowercase(first_code_point(tokens[first].text))) {
            Token& head = tokens[pending];
            const std::string tail = std::move(tokens[first].text);
            head.alt = head.text.substr(0, head.text.size() - 1) + tail;  // hyphen dropped
            head.text += tail;                                            // hyphen kept
            tokens.erase(tokens.begin() + std::ptrdiff_t(first));
        }
        pending = std::string::npos;
        if (tokens.size() > first) {
            const std::string& last = tokens.back().text;
            if (last.size() >= 2 && last.back() == '-' && tokens.back().alt.empty() &&
                is_letter(last_code_point(last, last.size() - 1)))
                pending = tokens.size() - 1;
        }
    });
    return tokens;
}

double Comparison::percent() const {
    return source_words == 0 ? 100.0 : 100.0 * double(found) / double(source_words);
}

Comparison compare(const std::vector<Token>& source, const std::vector<Token>& pdf) {
    // Intern every spelling; a PDF token carries one or two ids.
    std::unordered_map<std::string_view, int> ids;
    ids.reserve(source.size() + pdf.size());
    auto intern = [&](const std::string& s) {
        auto [it, inserted] = ids.emplace(s, int(ids.size()));
        return it->second;
    };
    std::vector<int> source_ids;
    source_ids.reserve(source.size());
    for (const Token& t : source) source_ids.push_back(intern(t.text));
    std::vector<Forms> pdf_forms;
    pdf_forms.reserve(pdf.size());
    for (const Token& t : pdf) pdf_forms.push_back({intern(t.text), t.alt.empty() ? -1 : intern(t.alt)});

    // Tokens with no equal on the other side can never match: dropping them leaves the
    // longest common subsequence unchanged and makes the diff much cheaper.
    std::vector<char> in_source(ids.size(), 0), in_pdf(ids.size(), 0);
    for (int id : source_ids) in_source[std::size_t(id)] = 1;
    for (const Forms& f : pdf_forms) {
        in_pdf[std::size_t(f.primary)] = 1;
        if (f.alt >= 0) in_pdf[std::size_t(f.alt)] = 1;
    }
    std::vector<int> a;
    std::vector<std::size_t> a_index;
    for (std::size_t i = 0; i < source_ids.size(); ++i)
        if (in_pdf[std::size_t(source_ids[i])]) {
            a.push_back(source_ids[i]);
            a_index.push_back(i);
        }
    std::vector<Forms> b;
    for (const Forms& f : pdf_forms)
        if (in_source[std::size_t(f.primary)] || (f.alt >= 0 && in_source[std::size_t(f.alt)])) b.push_back(f);

    std::vector<char> compact_matched(a.size(), 0);
    align(a, b, compact_matched);
    std::vector<char> matched(source.size(), 0);
    for (std::size_t i = 0; i < a.size(); ++i)
        if (compact_matched[i]) matched[a_index[i]] = 1;

    Comparison result;
    result.source_words = source.size();
    bool in_run = false;
    for (std::size_t i = 0; i < source.size(); ++i) {
        if (matched[i]) {
            ++result.found;
            in_run = false;
            continue;
        }
        if (!in_run) result.missing.push_back(MissingRun{source[i].line, {}});
        result.missing.back().words.push_back(source[i].text);
        in_run = true;
    }
    return result;
}

Comparison compare_texts(std::string_view source_text, std::string_view pdf_text, int from_line, int to_line) {
    return compare(tokenize_source(source_text, from_line, to_line), tokenize_pdf(pdf_text));
}

std::string format_report(const Comparison& result, std::size_t show_missing) {
    char percent[32];
    std::snprintf(percent, sizeof percent, "%.2f", result.percent());
    std::string out;
    out += "source words: " + std::to_string(result.source_words) + "\n";
    out += "found in order: " + std::to_string(result.found) + "\n";
    out += "percentage: " + std::string(percent) + "%\n";
    std::size_t missing_words = 0;
    for (const MissingRun& run : result.missing) missing_words += run.words.size();
    const std::size_t shown = std::min(show_missing, result.missing.size());
    out += "missing: " + std::to_string(missing_words) + " words in " + std::to_string(result.missing.size()) +
           " runs (showing " + std::to_string(shown) + ")\n";
    for (std::size_t r = 0; r < shown; ++r) {
        const MissingRun& run = result.missing[r];
        out += 'L';
        out += std::to_string(run.line);
        out += ':';
        for (const std::string& w : run.words) out += " " + w;
        out += "\n";
    }
    return out;
}

}  // namespace reportc::tools
