#include "compare_text_core.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>
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

// Sets match[i] = j for every pair (a[i], b[j]) on one longest common subsequence of a and b
// (match[i] stays -1 for the others).
void align(const std::vector<int>& a, const std::vector<Forms>& b, std::vector<int>& match) {
    struct Range {
        int a_lo, a_hi, b_lo, b_hi;
    };
    std::vector<Range> stack{{0, int(a.size()), 0, int(b.size())}};
    std::vector<int> v1, v2;
    while (!stack.empty()) {
        Range r = stack.back();
        stack.pop_back();
        // Common prefix and suffix are always on an optimal path. Every pair of the
        // subsequence is eventually recorded here: bisect only splits ranges.
        while (r.a_lo < r.a_hi && r.b_lo < r.b_hi && eq(a[std::size_t(r.a_lo)], b[std::size_t(r.b_lo)])) {
            match[std::size_t(r.a_lo)] = r.b_lo;
            ++r.a_lo;
            ++r.b_lo;
        }
        while (r.a_lo < r.a_hi && r.b_lo < r.b_hi &&
               eq(a[std::size_t(r.a_hi - 1)], b[std::size_t(r.b_hi - 1)])) {
            match[std::size_t(r.a_hi - 1)] = r.b_hi - 1;
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

// Both texts as interned ids; a PDF token carries one or two ids.
struct Interned {
    std::unordered_map<std::string_view, int> ids;
    std::vector<int> source;
    std::vector<Forms> pdf;
};

Interned intern_tokens(const std::vector<Token>& source, const std::vector<Token>& pdf) {
    Interned in;
    in.ids.reserve(source.size() + pdf.size());
    auto intern = [&](const std::string& s) {
        auto [it, inserted] = in.ids.emplace(s, int(in.ids.size()));
        return it->second;
    };
    in.source.reserve(source.size());
    for (const Token& t : source) in.source.push_back(intern(t.text));
    in.pdf.reserve(pdf.size());
    for (const Token& t : pdf) {
        const int primary = intern(t.text);
        const int alt = t.alt.empty() ? -1 : intern(t.alt);
        in.pdf.push_back({primary, alt == primary ? -1 : alt});
    }
    return in;
}

// Strict in-order alignment: for each source token, the index of the PDF token it is aligned
// with, or -1.
std::vector<int> strict_match(const Interned& in) {
    // Tokens with no equal on the other side can never match: dropping them leaves the
    // longest common subsequence unchanged and makes the diff much cheaper.
    std::vector<char> in_source(in.ids.size(), 0), in_pdf(in.ids.size(), 0);
    for (int id : in.source) in_source[std::size_t(id)] = 1;
    for (const Forms& f : in.pdf) {
        in_pdf[std::size_t(f.primary)] = 1;
        if (f.alt >= 0) in_pdf[std::size_t(f.alt)] = 1;
    }
    std::vector<int> a, a_index;
    for (std::size_t i = 0; i < in.source.size(); ++i)
        if (in_pdf[std::size_t(in.source[i])]) {
            a.push_back(in.source[i]);
            a_index.push_back(int(i));
        }
    std::vector<Forms> b;
    std::vector<int> b_index;
    for (std::size_t j = 0; j < in.pdf.size(); ++j) {
        const Forms& f = in.pdf[j];
        if (in_source[std::size_t(f.primary)] || (f.alt >= 0 && in_source[std::size_t(f.alt)])) {
            b.push_back(f);
            b_index.push_back(int(j));
        }
    }
    std::vector<int> compact(a.size(), -1);
    align(a, b, compact);
    std::vector<int> match(in.source.size(), -1);
    for (std::size_t i = 0; i < a.size(); ++i)
        if (compact[i] >= 0) match[std::size_t(a_index[i])] = b_index[std::size_t(compact[i])];
    return match;
}

std::size_t count_matched(const std::vector<int>& match) {
    return std::size_t(std::count_if(match.begin(), match.end(), [](int j) { return j >= 0; }));
}

// Nearby phase: fills nearby[i] = 1 for each source token i found among the PDF tokens the
// strict alignment left unused, within ±window of its anchor. Returns how many.
std::size_t find_nearby(const Interned& in, const std::vector<int>& match, std::size_t window,
                        std::vector<char>& nearby) {
    const std::size_t n = in.source.size();
    const long long m = (long long)in.pdf.size();
    std::vector<char> used(in.pdf.size(), 0);
    for (int j : match)
        if (j >= 0) used[std::size_t(j)] = 1;
    // PDF positions of each id among the unused PDF tokens, ascending.
    std::vector<std::vector<int>> where(in.ids.size());
    for (std::size_t j = 0; j < in.pdf.size(); ++j) {
        if (used[j]) continue;
        where[std::size_t(in.pdf[j].primary)].push_back(int(j));
        if (in.pdf[j].alt >= 0) where[std::size_t(in.pdf[j].alt)].push_back(int(j));
    }
    std::vector<std::size_t> next_candidate(in.ids.size(), 0);
    // Next aligned PDF index after each source position (m when none).
    std::vector<long long> next_pdf(n + 1, m);
    for (std::size_t i = n; i-- > 0;) next_pdf[i] = match[i] >= 0 ? match[i] : next_pdf[i + 1];
    long long prev_source = -1, prev_pdf = -1;
    const long long w = (long long)std::min<std::size_t>(window, std::size_t(std::numeric_limits<int>::max()));
    std::size_t found = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (match[i] >= 0) {
            prev_source = (long long)i;
            prev_pdf = match[i];
            continue;
        }
        const long long low = prev_pdf + 1;
        const long long high = std::max(low, next_pdf[i + 1] - 1);
        const long long anchor = std::clamp(prev_pdf + ((long long)i - prev_source), low, high);
        // The earliest unused candidate within [anchor - w, anchor + w]. Anchors never decrease
        // along the source, so a candidate left of one window is left of all later ones:
        // earliest-first then finds as many pairs as any assignment could (interval greedy).
        const std::vector<int>& cand = where[std::size_t(in.source[i])];
        std::size_t& p = next_candidate[std::size_t(in.source[i])];
        while (p < cand.size() && (used[std::size_t(cand[p])] || cand[p] < anchor - w)) ++p;
        const long long best = p < cand.size() && cand[p] <= anchor + w ? cand[p] : -1;
        if (best >= 0) {
            used[std::size_t(best)] = 1;
            nearby[i] = 1;
            ++found;
        }
    }
    return found;
}

// Bag of words: source tokens with an equal PDF token, each PDF token used once. Single-form
// PDF tokens are used first, then two-form ones (greedy; exact when no PDF token has an alt).
std::size_t count_present(const Interned& in) {
    std::vector<std::size_t> single(in.ids.size(), 0);
    std::vector<std::vector<int>> double_form(in.ids.size());
    for (std::size_t j = 0; j < in.pdf.size(); ++j) {
        const Forms& f = in.pdf[j];
        if (f.alt < 0) {
            ++single[std::size_t(f.primary)];
        } else {
            double_form[std::size_t(f.primary)].push_back(int(j));
            double_form[std::size_t(f.alt)].push_back(int(j));
        }
    }
    std::vector<char> used(in.pdf.size(), 0);
    std::size_t present = 0;
    for (int id : in.source) {
        if (single[std::size_t(id)] > 0) {
            --single[std::size_t(id)];
            ++present;
            continue;
        }
        auto& list = double_form[std::size_t(id)];
        while (!list.empty() && used[std::size_t(list.back())]) list.pop_back();
        if (!list.empty()) {
            used[std::size_t(list.back())] = 1;
            list.pop_back();
            ++present;
        }
    }
    return present;
}

Comparison finish(const std::vector<Token>& source, const Interned& in, const std::vector<int>& match,
                  std::size_t window) {
    Comparison result;
    result.source_words = source.size();
    result.window = window;
    result.found = count_matched(match);
    std::vector<char> nearby(source.size(), 0);
    result.found_nearby = find_nearby(in, match, window, nearby);
    result.present = count_present(in);
    bool in_run = false;
    for (std::size_t i = 0; i < source.size(); ++i) {
        if (match[i] >= 0 || nearby[i]) {
            in_run = false;
            continue;
        }
        if (!in_run) result.missing.push_back(MissingRun{source[i].line, source[i].line, {}});
        result.missing.back().words.push_back(source[i].text);
        result.missing.back().last_line = source[i].line;
        in_run = true;
    }
    return result;
}

// A line-break join candidate: words[first] ends in "-" or "/" and words[first + 1] starts a
// new line.
bool join_candidate(const std::vector<Token>& words, std::size_t first) {
    if (first + 1 >= words.size()) return false;
    const Token& w = words[first];
    if (w.text.size() < 2 || !w.alt.empty() || words[first + 1].line == w.line) return false;
    return w.text.back() == '-' || w.text.back() == '/';
}

Token joined_token(const Token& head, const Token& tail) {
    Token t{head.text + tail.text, {}, head.line};
    if (head.text.back() == '-') t.alt = head.text.substr(0, head.text.size() - 1) + tail.text;
    return t;
}

// Applies the joins at candidate positions for which `join(first, token)` is true; `origin`
// (if given) receives, per output token, the index of its first word and whether it is a join.
template <class Pred>
std::vector<Token> apply_joins(const std::vector<Token>& words, Pred&& join,
                               std::vector<std::pair<std::size_t, bool>>* origin = nullptr) {
    std::vector<Token> out;
    out.reserve(words.size());
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (join_candidate(words, i)) {
            Token t = joined_token(words[i], words[i + 1]);
            if (join(i, t)) {
                out.push_back(std::move(t));
                if (origin) origin->push_back({i, true});
                ++i;
                continue;
            }
        }
        out.push_back(words[i]);
        if (origin) origin->push_back({i, false});
    }
    return out;
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

std::vector<Token> tokenize_pdf_tsv(std::string_view tsv) {
    std::vector<Token> tokens;
    std::string previous_key;
    int line_number = 0;
    for_each_line(tsv, [&](std::string_view row, int) {
        if (!row.empty() && row.back() == '\r') row.remove_suffix(1);
        // level page_num par_num block_num line_num word_num left top width height conf text
        std::string_view fields[12];
        std::size_t count = 0, pos = 0;
        while (count < 11) {
            const std::size_t tab = row.find('\t', pos);
            if (tab == std::string_view::npos) return;  // header-less junk or a short row
            fields[count++] = row.substr(pos, tab - pos);
            pos = tab + 1;
        }
        fields[11] = row.substr(pos);  // the text (never holds a tab)
        if (fields[0] != "5") return;  // page, flow, block and line rows carry no words
        std::string key;
        for (std::size_t f = 1; f <= 4; ++f) {
            key += fields[f];
            key += '\t';
        }
        if (key != previous_key) {
            ++line_number;
            previous_key = std::move(key);
        }
        split_words(normalize_typography(fields[11]), line_number, tokens);
    });
    return tokens;
}

std::vector<Token> join_line_breaks(const std::vector<Token>& words, const std::vector<Token>& source) {
    std::unordered_set<std::string_view> vocabulary;
    for (const Token& t : source) vocabulary.insert(t.text);
    return apply_joins(words, [&](std::size_t, const Token& t) {
        return vocabulary.count(t.text) > 0 || (!t.alt.empty() && vocabulary.count(t.alt) > 0);
    });
}

double Comparison::percent() const {
    return source_words == 0 ? 100.0 : 100.0 * double(found) / double(source_words);
}

double Comparison::percent_local() const {
    return source_words == 0 ? 100.0 : 100.0 * double(found + found_nearby) / double(source_words);
}

double Comparison::percent_present() const {
    return source_words == 0 ? 100.0 : 100.0 * double(present) / double(source_words);
}

Comparison compare(const std::vector<Token>& source, const std::vector<Token>& pdf, std::size_t window) {
    const Interned in = intern_tokens(source, pdf);
    return finish(source, in, strict_match(in), window);
}

Comparison compare_pdf_words(const std::vector<Token>& source, const std::vector<Token>& words,
                             std::size_t window) {
    std::unordered_set<std::string_view> vocabulary;
    for (const Token& t : source) vocabulary.insert(t.text);
    auto known = [&](const std::string& s) { return !s.empty() && vocabulary.count(s) > 0; };

    // Pass 1: join wherever the source has a joined spelling.
    std::vector<std::pair<std::size_t, bool>> origin;
    const std::vector<Token> joined =
        apply_joins(words, [&](std::size_t, const Token& t) { return known(t.text) || known(t.alt); }, &origin);
    const Interned in1 = intern_tokens(source, joined);
    const std::vector<int> match1 = strict_match(in1);

    // Pass 2: undo the joins left unaligned whose halves are both source words.
    std::vector<char> aligned(joined.size(), 0);
    for (int j : match1)
        if (j >= 0) aligned[std::size_t(j)] = 1;
    std::unordered_set<std::size_t> undo;
    for (std::size_t k = 0; k < joined.size(); ++k) {
        const auto [first, is_join] = origin[k];
        if (is_join && !aligned[k] && known(words[first].text) && known(words[first + 1].text)) undo.insert(first);
    }
    if (!undo.empty()) {
        const std::vector<Token> rejoined = apply_joins(words, [&](std::size_t first, const Token& t) {
            return (known(t.text) || known(t.alt)) && undo.count(first) == 0;
        });
        Interned in2 = intern_tokens(source, rejoined);
        std::vector<int> match2 = strict_match(in2);
        if (count_matched(match2) >= count_matched(match1)) return finish(source, in2, match2, window);
    }
    return finish(source, in1, match1, window);
}

bool is_word(std::string_view token) {
    for (std::size_t i = 0; i < token.size();) {
        const auto c = static_cast<unsigned char>(token[i]);
        if (c < 0x80) {
            if (std::isalnum(c)) return true;
            ++i;
            continue;
        }
        const std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        char32_t cp = length == 1 ? c : char32_t(c & (0xFF >> (length + 1)));
        for (std::size_t k = 1; k < length && i + k < token.size(); ++k) cp = (cp << 6) | (token[i + k] & 0x3F);
        const bool symbol = cp < 0xC0 || (cp >= 0x2000 && cp < 0x2C00) || (cp >= 0x3000 && cp < 0x3040);
        if (!symbol) return true;
        i += length;
    }
    return false;
}

Comparison compare_texts(std::string_view source_text, std::string_view pdf_text, const CompareOptions& options) {
    std::vector<Token> source = tokenize_source(source_text, options.from_line, options.to_line);
    if (options.words_only) std::erase_if(source, [](const Token& t) { return !is_word(t.text); });
    if (options.format == PdfTextFormat::plain) return compare(source, tokenize_pdf(pdf_text), options.window);
    return compare_pdf_words(source, tokenize_pdf_tsv(pdf_text), options.window);
}

namespace {

std::string figure(const char* label, std::size_t count, double percent) {
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, "%s: %zu (%.2f%%)\n", label, count, percent);
    return buffer;
}

}  // namespace

std::string format_report(const Comparison& result, std::size_t show_missing) {
    std::string out;
    out += "source words: " + std::to_string(result.source_words) + "\n";
    out += figure("strict in order", result.found, result.percent());
    const std::string local = "in order with local reordering (\u00B1" + std::to_string(result.window) + " PDF words)";
    out += figure(local.c_str(), result.found + result.found_nearby, result.percent_local());
    out += figure("present anywhere", result.present, result.percent_present());
    std::size_t missing_words = 0;
    for (const MissingRun& run : result.missing) missing_words += run.words.size();
    const std::size_t shown = std::min(show_missing, result.missing.size());
    out += "missing (not even nearby): " + std::to_string(missing_words) + " words in " +
           std::to_string(result.missing.size()) + " runs (showing " + std::to_string(shown) + ")\n";
    for (std::size_t r = 0; r < shown; ++r) {
        const MissingRun& run = result.missing[r];
        out += 'L';
        out += std::to_string(run.line);
        if (run.last_line != run.line) {
            out += '-';
            out += std::to_string(run.last_line);
        }
        out += ':';
        for (const std::string& w : run.words) out += " " + w;
        out += "\n";
    }
    return out;
}

}  // namespace reportc::tools
