#pragma once
// Cross-references over the whole document, after data expansion and before layout: ids and
// their targets (duplicates are errors), numbers (xref/numbering.h), <ref> texts, the links the layout's
// <link-pattern>s declare, links for URLs and e-mail addresses in text, and the abbreviation
// register check.
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "doc/document.h"
#include "doc/layout_source.h"
#include "xref/abbreviations.h"

namespace reportc::xref {

struct Target {
    enum class Kind { Section, Article, Figure, Table, Row, Paragraph, Footnote, Item };
    Kind kind = Kind::Section;
    std::string id, title, number;  // number: empty when the target is not numbered; title: empty when no <ref> names the id
    Span span;
    std::string label;  // what a reference prints before the number ("Diagram", "Section")
};

struct Options {
    std::vector<doc::NumberingDecl> numbering;  // the layout's <numbering> rules
    std::string abbreviation_table;        // id of the table whose rows are the register
    bool check_abbreviations = false;      // report the register's findings (reportc check)
    std::vector<doc::IgnoredWord> abbreviation_ignore;  // words that are not abbreviations
    std::vector<doc::LinkPatternDecl> link_patterns;
    std::vector<std::string> link_schemes;  // <links allow-schemes>: beside http, https and mailto (lowercase)
    SourceText source_text;  // optional: locates the register's findings at the word
};

struct Registry {
    std::map<std::string, Target> targets;  // by id (a string key)
    const Target* find(const std::string& id) const;
};

// Numbers headings, figures and list items (assign_numbers), gives every section, article and
// figure an id (from its title when it has none), checks ids, resolves references and links. Errors and warnings are located at the sources. A reference to
// an unknown id is an error unless the document is `incomplete` (its cause is reported already).
Registry resolve(doc::Document& document, const Options& options, Diagnostics& diags);

// resolve() in steps, for a document resolved a part (a top-level block) at a time: number()
// and collect() each part in document order, numbered() after the last; then link() the parts
// that need it (links_in) once every target is known, check_abbreviations() every part (when
// the options check them) and checked(). Diagnostics come in that order; resolve() gives the
// same results, note_references() letting it make only the titles a reference prints.
class Resolution {
public:
    Resolution(const Options& options, bool document_incomplete, Diagnostics& diags);  // `options` outlives it
    ~Resolution();
    // The ids the whole document's references name: only their targets get a title. Without
    // it (a document not whole yet) every target gets its title.
    void note_references(std::vector<doc::Block>& blocks);
    void number(std::vector<doc::Block>& blocks);
    void numbered();  // every part numbered: each list of figures checked against the kinds numbered
    void collect(std::vector<doc::Block>& blocks);
    // Whether link() would change or check anything in `blocks` (references, links, declared
    // link patterns, addresses in text; every paragraph when abbreviations are checked).
    bool links_in(std::vector<doc::Block>& blocks);
    void link(std::vector<doc::Block>& blocks);
    void check_abbreviations(std::vector<doc::Block>& blocks);
    void checked();
    const Registry& registry() const;
    Registry take_registry();

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

// Whether a link may go to `target`: a place in the document ("#id"), or an address whose
// scheme is http, https, mailto or one of `schemes`; else an error at `at`, with the scheme only.
bool check_link_target(const std::string& target, Span at, const std::vector<std::string>& schemes, Diagnostics& diags);

// Splits runs so URLs (https://…, www.…) and e-mail addresses become links. Exposed for tests.
std::vector<doc::TextRun> autolink(const doc::TextRun& run);
// The same split, or nullopt when the run has no URL or address and stays as it is: most runs,
// which are then neither copied nor moved.
std::optional<std::vector<doc::TextRun>> split_at_links(const doc::TextRun& run);
// Whether split_at_links looks into the run: plain text with an address's mark ("@", "://",
// "www."), or empty (it is dropped). Else it stays as it is.
bool looked_into_for_links(const doc::TextRun& run);

std::string slug(const std::string& title);
std::ostream& operator<<(std::ostream& os, const Target& t);

}  // namespace reportc::xref
