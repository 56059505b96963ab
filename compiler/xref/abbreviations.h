#pragma once
// The abbreviation register check of `reportc check`, over text runs: words that read as
// abbreviations but are neither in the register nor in the layout's ignore list, and register
// entries the text never uses. The rules are documented in docs/source-format.md
// ("The abbreviation register").
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "doc/document.h"
#include "doc/layout_source.h"

namespace reportc::xref {

// A source file's text (by its id) from byte `begin` up to its next tag ('<') or its end; empty
// when unknown. A part, not the whole: the texts are kept deflated once parsed.
using SourceText = std::function<std::string(uint32_t file, uint32_t begin)>;

struct RegisterEntry {
    std::string term;  // as written in the register's first column ("RILO A/P")
    Span span;         // the register row
};

// A word of two or more capital letters, digits allowed, optionally a plural "s" ("DGs"), that
// is not a roman numeral.
bool looks_like_abbreviation(std::string_view word);
// II, III, IV … XXXIX: written with I, V and X only, in standard form.
bool is_roman_numeral(std::string_view word);

class AbbreviationCheck {
public:
    // `source_text` (optional) lets findings point at the word in its source line instead of at
    // the start of its run.
    AbbreviationCheck(std::vector<RegisterEntry> entries, const std::vector<doc::IgnoredWord>& ignored,
                      SourceText source_text = {});

    // One paragraph's runs (outside the register). Warns at once about <abbr> runs the register
    // lacks; collects the rest for report().
    void scan(const std::vector<doc::TextRun>& runs, Diagnostics& diags);
    // Undefined abbreviations (once each, at the first use, with the count), register entries
    // never used, and ignore-list words never seen.
    void report(Diagnostics& diags) const;

private:
    struct Use {
        Span first;
        size_t count = 0;
    };
    void scan_run(const doc::TextRun& run);
    Span word_span(const doc::TextRun& run, size_t offset, size_t length) const;

    std::vector<RegisterEntry> m_entries;
    std::set<std::string> m_defined;  // the entries and each word of a multi-word entry
    std::map<std::string, Span> m_ignored;
    std::set<std::string> m_ignored_seen;
    SourceText m_source_text;
    std::map<std::string, Use> m_undefined;
    std::string m_text;  // all scanned text, for finding uses of the entries
};

// The register: the first cell of each body row of the table `table_id`, wherever `blocks`
// have it, added to `terms`. True when they have it.
bool find_register(const std::vector<doc::Block>& blocks, const std::string& table_id, std::vector<RegisterEntry>& terms);

}  // namespace reportc::xref
