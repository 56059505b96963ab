#pragma once
// Core of the compare-text tool: tokenises a plain-text source and the words extracted from a
// PDF (pdftotext's TSV or plain output), aligns the two token sequences in order (Myers'
// O((N+M)·D) diff, linear space), then looks for the unaligned source words nearby (local
// reordering, e.g. table cells) and anywhere (bag of words), and reports which source words the
// PDF lacks. Standard library only; see tools/README.md.
#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace reportc::tools {

// One word token. `alt` is a second accepted spelling (non-empty only for a word the PDF text
// hyphenated at a line end: `text` keeps the hyphen, `alt` drops it). `line` is 1-based: the
// source line, or the PDF text line (for TSV words: lines numbered through the whole document).
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

// Tokens of the PDF's plain text (`pdftotext -enc UTF-8 PDF -`; form feeds end pages). A line
// ending in a letter + "-" followed by a line starting with a lowercase letter is joined into
// one token that matches with or without the hyphen. (The --plain mode of the tool.)
std::vector<Token> tokenize_pdf(std::string_view text);

// Words of `pdftotext -tsv -enc UTF-8 PDF -` output (level-5 rows), one token per word, in the
// order listed; no joining. Token::line numbers the PDF's text lines through the document (a
// new line starts whenever page, flow, block or line number changes), so a word starts a line
// exactly when its `line` differs from the previous word's.
std::vector<Token> tokenize_pdf_tsv(std::string_view tsv);

// Line-break joins on TSV words. A word ending in "-" (with at least one character before it)
// whose next word starts a new line is joined with it into one token: `text` keeps the hyphen
// ("COVID-19"), `alt` drops it ("Customs" from "Cus-"/"toms"). A word ending in "/" followed by
// a line start is joined likewise ("2020/2021.", no alt). A join is made only when the source
// has one of the joined spellings among its words; see compare_pdf_words for the final choice.
std::vector<Token> join_line_breaks(const std::vector<Token>& words, const std::vector<Token>& source);

constexpr std::size_t kDefaultWindow = 400;

struct MissingRun {
    int line = 0;                    // source line of the run's first word
    int last_line = 0;               // source line of the run's last word
    std::vector<std::string> words;  // consecutive source words not found (even nearby), in order
};

struct Comparison {
    std::size_t source_words = 0;
    std::size_t found = 0;         // strict: source words matched in order (length of the alignment)
    std::size_t found_nearby = 0;  // further source words found among unaligned PDF words nearby
    std::size_t present = 0;       // source words present anywhere in the PDF (bag of words)
    std::size_t window = kDefaultWindow;
    std::vector<MissingRun> missing;  // runs of source words found neither in order nor nearby
    // Each figure / source_words · 100 (100 for an empty source).
    double percent() const;         // strict in order
    double percent_local() const;   // strict + nearby
    double percent_present() const; // anywhere
};

// Compares `source` with `pdf`, tokens as given (no joining). Token equality: the source text
// equals the PDF token's text or alt.
//  1. Strict: a longest common subsequence (Myers).
//  2. Nearby: each source word left unaligned is "found nearby" when an equal PDF word, left
//     unaligned and not yet used, lies within ±window PDF tokens of its anchor, the PDF
//     position the alignment puts it at: the PDF index of the previous aligned source word plus
//     the source distance from it, clamped into the gap before the next aligned pair. Source
//     words take, in source order, the earliest such PDF word in their window; as anchors
//     never decrease, this finds the largest number of pairs.
//  3. Present: multiset intersection of the two token bags (each PDF token used once).
Comparison compare(const std::vector<Token>& source, const std::vector<Token>& pdf,
                   std::size_t window = kDefaultWindow);

// compare() on TSV words after join_line_breaks, with one correction so that a join stands only
// where it helps the alignment: joins whose token the strict alignment left unmatched, and
// whose two halves both occur among the source words, are undone and the alignment is rerun;
// the rerun is kept when it aligns at least as many words.
Comparison compare_pdf_words(const std::vector<Token>& source, const std::vector<Token>& words,
                             std::size_t window = kDefaultWindow);

enum class PdfTextFormat { tsv, plain };

struct CompareOptions {
    PdfTextFormat format = PdfTextFormat::tsv;
    std::size_t window = kDefaultWindow;
    int from_line = 1;
    int to_line = std::numeric_limits<int>::max();
    // Source tokens without a letter or digit (list bullets "-", "•", "➢", lone dashes) are not
    // words: a layout may print its own marker, and a bare bullet may be left out.
    bool words_only = false;
};

// Whether a token holds a letter or a digit (ASCII, or a non-ASCII character outside the
// punctuation and symbol blocks U+0080–U+00BF, U+2000–U+2BFF and U+3000–U+303F).
bool is_word(std::string_view token);

// tokenize_source + (tsv: tokenize_pdf_tsv + compare_pdf_words | plain: tokenize_pdf + compare).
Comparison compare_texts(std::string_view source_text, std::string_view pdf_text,
                         const CompareOptions& options = {});

// The tool's report: the three figures (counts and percentages, two decimals), then the first
// `show_missing` runs of words found neither in order nor nearby, as "L123: word word" (or
// "L123-125: …" when the run spans source lines).
std::string format_report(const Comparison& result, std::size_t show_missing);

}  // namespace reportc::tools
