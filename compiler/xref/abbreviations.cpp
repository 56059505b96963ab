#include "xref/abbreviations.h"

#include <algorithm>
#include <cctype>

#include "doc/walk.h"

namespace reportc::xref {
namespace {

bool is_ascii_alnum(char c) { return c >= 0 && std::isalnum(static_cast<unsigned char>(c)); }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Calls `f(offset, length)` for each word of `text`: a maximal run of ASCII letters and digits.
// Everything else separates words, so "A/P" is "A" and "P" and "COVID-19" is "COVID" and "19".
template <typename F>
void for_each_word(std::string_view text, F&& f) {
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && !is_ascii_alnum(text[i])) ++i;
        size_t j = i;
        while (j < text.size() && is_ascii_alnum(text[j])) ++j;
        if (j > i) f(i, j - i);
        i = j;
    }
}

// "DGs" → "DG"; a word of two letters or fewer keeps its "s".
std::string_view singular(std::string_view word) {
    return word.size() > 2 && word.back() == 's' ? word.substr(0, word.size() - 1) : word;
}

bool whole_word_at(std::string_view text, size_t at, size_t length) {
    bool left = at == 0 || !is_ascii_alnum(text[at - 1]);
    size_t end = at + length;
    bool right = end >= text.size() || !is_ascii_alnum(text[end]);
    return left && right;
}

// Where the n-th (0-based) whole-word occurrence of `word` starts in `text`, or npos.
size_t nth_occurrence(std::string_view text, std::string_view word, size_t n) {
    for (size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1))
        if (whole_word_at(text, at, word.size()) && n-- == 0) return at;
    return std::string_view::npos;
}

// `term` stands in `text` as a word of its own (a plural "s" may follow).
bool contains_word(const std::string& text, const std::string& term) {
    for (size_t at = text.find(term); at != std::string::npos; at = text.find(term, at + 1)) {
        bool left = at == 0 || !is_ascii_alnum(text[at - 1]);
        size_t end = at + term.size();
        bool right = end >= text.size() || !is_ascii_alnum(text[end]) || text[end] == 's';
        if (left && right) return true;
    }
    return false;
}

// The forms of `word` a list may hold: the word, its singular, and the word without trailing
// digits ("FY2020" is a use of "FY", "HS2022" of "HS").
std::string listed_form(const std::string& word, const auto& list) {
    if (list.count(word)) return word;
    if (std::string s(singular(word)); list.count(s)) return s;
    size_t end = word.size();
    while (end > 0 && is_digit(word[end - 1])) --end;
    if (end > 0 && end < word.size() && list.count(word.substr(0, end))) return word.substr(0, end);
    return {};
}

}  // namespace

bool is_roman_numeral(std::string_view word) {
    static constexpr std::string_view kUnits[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
    size_t tens = 0;
    while (tens < word.size() && tens < 3 && word[tens] == 'X') ++tens;
    std::string_view units = word.substr(tens);
    bool standard = std::find(std::begin(kUnits), std::end(kUnits), units) != std::end(kUnits);
    return !word.empty() && standard;
}

bool looks_like_abbreviation(std::string_view word) {
    std::string_view w = singular(word);
    size_t capitals = 0;
    for (char c : w) {
        if (is_upper(c)) ++capitals;
        else if (!is_digit(c)) return false;
    }
    return capitals >= 2 && !is_roman_numeral(w);
}

AbbreviationCheck::AbbreviationCheck(std::vector<RegisterEntry> entries, const std::vector<doc::IgnoredWord>& ignored,
                                     SourceText source_text)
    : m_entries(std::move(entries)), m_source_text(std::move(source_text)) {
    for (const auto& entry : m_entries) {
        m_defined.insert(entry.term);
        for_each_word(entry.term, [&](size_t at, size_t length) { m_defined.insert(entry.term.substr(at, length)); });
    }
    for (const auto& w : ignored) m_ignored.emplace(w.word, w.span);
}


void AbbreviationCheck::scan(const std::vector<doc::TextRun>& runs, Diagnostics& diags) {
    for (const auto& run : runs) {
        if (run.abbreviation && !m_defined.count(run.text))
            diags.warning(run.span, "abbreviation '" + run.text + "' is marked with <abbr> but the register does not define it");
        else if (!run.abbreviation)
            scan_run(run);
        m_text += run.line_break ? " " : run.text;
    }
    m_text += '\n';
}

void AbbreviationCheck::scan_run(const doc::TextRun& run) {
    for_each_word(run.text, [&](size_t at, size_t length) {
        std::string word = run.text.substr(at, length);
        if (std::string ignored = listed_form(word, m_ignored); !ignored.empty()) {
            m_ignored_seen.insert(ignored);
            return;
        }
        if (!looks_like_abbreviation(word) || !listed_form(word, m_defined).empty()) return;
        auto& use = m_undefined[word];
        if (use.count++ == 0) use.first = word_span(run, at, length);
    });
}

// The run's Span marks where its text starts in the source; the word is the same n-th
// occurrence there (collapsed whitespace and entities do not make or break words of capitals),
// searched no further than the next tag.
Span AbbreviationCheck::word_span(const doc::TextRun& run, size_t offset, size_t length) const {
    if (!m_source_text || !run.span.valid()) return run.span;
    std::string_view text = run.text;
    std::string_view word = text.substr(offset, length);
    size_t n = 0;  // occurrences before this one
    for (size_t at = text.find(word); at < offset; at = text.find(word, at + 1)) n += whole_word_at(text, at, length);
    const std::string tail = m_source_text(run.span.file, run.span.begin);
    std::string_view source = std::string_view(tail).substr(0, tail.find('<'));
    size_t at = nth_occurrence(source, word, n);
    if (at == std::string_view::npos) return run.span;
    uint32_t begin = run.span.begin + uint32_t(at);
    return Span{run.span.file, begin, begin + uint32_t(length)};
}

void AbbreviationCheck::report(Diagnostics& diags) const {
    for (const auto& [word, use] : m_undefined)
        diags.warning(use.first, "abbreviation '" + word + "' is used " + std::to_string(use.count) +
                                     (use.count == 1 ? " time" : " times") + " but the register does not define it");
    std::set<std::string> acknowledged;  // unused entries the ignore list names
    for (const auto& entry : m_entries) {
        if (contains_word(m_text, entry.term)) continue;
        if (m_ignored.count(entry.term)) acknowledged.insert(entry.term);
        else diags.warning(entry.span, "abbreviation '" + entry.term + "' is defined in the register but never used in the text");
    }
    for (const auto& [word, span] : m_ignored)
        if (!m_ignored_seen.count(word) && !acknowledged.count(word))
            diags.warning(span, "'" + word + "' is in the abbreviation ignore list but the text never uses it");
}

// The register: the first cell of each body row of the named table, wherever `blocks` have it.
// True when they have it.
bool find_register(const std::vector<doc::Block>& blocks, const std::string& table_id, std::vector<RegisterEntry>& terms) {
    struct RegisterFinder
        : doc::PassOver<doc::Section, doc::Article, doc::Paragraph, doc::List, doc::ListItem, doc::TableRow, doc::TableCell,
                        doc::Figure, doc::Division, doc::Frame, doc::Rule, doc::Signature, doc::PageBreak, doc::Chart, doc::Diagram, doc::Contents,
                        doc::Footnote, doc::Image,
                        doc::Qr> {
        using PassOver::enter;
        RegisterFinder(const std::string& id, std::vector<RegisterEntry>& t) : table_id(id), terms(t) {}
        const std::string& table_id;
        std::vector<RegisterEntry>& terms;
        bool found = false;
        doc::Walk enter(const doc::Table& t) {
            if (t.id != table_id) return doc::Walk::Into;
            found = true;
            for (const auto& row : doc::rows_of(t)) {
                if (row.kind != doc::TableRow::Kind::Body || row.cells.empty()) continue;
                for (const auto& cb : row.cells.front().blocks)
                    if (const auto* p = std::get_if<doc::Paragraph>(&cb.node)) {
                        terms.push_back({doc::plain_text(p->runs), row.span});
                        break;
                    }
            }
            return doc::Walk::Skip;
        }
    };
    RegisterFinder finder(table_id, terms);
    doc::walk(blocks, finder);
    return finder.found;
}

}  // namespace reportc::xref
