#pragma once
// Core of the compare-text tool: tokenises a plain-text source and the text extracted from a
// PDF, aligns the two token sequences in order (Myers' O((N+M)·D) diff, linear space) and
// reports which source words the PDF lacks. Standard library only; see tools/README.md.
#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace reportc::tools {

// One word token. `alt` is a second accepted spelling (non-empty only for a word the PDF text
// hyphenated at a line end: `text` keeps the hyphen, `alt` drops it). `line` is 1-based.
struct Token {
    std::string text;
    std::string alt;
    int line = 0;
};

// Maps the typographic variants that extraction commonly changes: U+00A0 → space and the
// Latin ligatures U+FB00–U+FB04 (ﬀ ﬁ ﬂ ﬃ ﬄ) → their letters. Quotes and dashes are kept.
std::string normalize_typography(std::string_view text);

// Tokens of the plain-text source, lines [from_line, to_line] only (1-based, inclusive). A
// line whose first character is a single space is a page marker: the space is dropped.
std::vector<Token> tokenize_source(std::string_view text, int from_line = 1,
                                   int to_line = std::numeric_limits<int>::max());

// Tokens of the PDF's text (pdftotext output; form feeds end pages). A line ending in a
// letter + "-" followed by a line starting with a lowercase letter is joined into one token
// that matches with or without the hyphen.
std::vector<Token> tokenize_pdf(std::string_view text);

struct MissingRun {
    int line = 0;                    // source line of the run's first word
    std::vector<std::string> words;  // consecutive source words not found, in order
};

struct Comparison {
    std::size_t source_words = 0;
    std::size_t found = 0;  // source words matched in order (length of the alignment)
    std::vector<MissingRun> missing;
    double percent() const;  // found / source_words · 100 (100 for an empty source)
};

// Aligns `source` against `pdf` in order (a longest common subsequence under the token
// equality: source text equals the PDF token's text or alt).
Comparison compare(const std::vector<Token>& source, const std::vector<Token>& pdf);

// tokenize_source + tokenize_pdf + compare.
Comparison compare_texts(std::string_view source_text, std::string_view pdf_text, int from_line = 1,
                         int to_line = std::numeric_limits<int>::max());

// The tool's report: counts, percentage (two decimals) and the first `show_missing` runs as
// "L123: word word word".
std::string format_report(const Comparison& result, std::size_t show_missing);

}  // namespace reportc::tools
