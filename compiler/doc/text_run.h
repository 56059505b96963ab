#pragma once
// Inline content: the text runs paragraphs and headings are made of, and what a run may carry
// (a link, a reference, a footnote, a variable, an inline image), as `input` reads them and the
// resolving stages (xref, variables) complete them. Part of doc/document.h, which includes it.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/span.h"
#include "doc/boxed.h"
#include "doc/name.h"
#include "doc/node_id.h"

namespace reportc::doc {

// <ref to="id" show="…"/> as the source wrote it. `show` names a reference format: label (the
// default: "Diagram 4"), number, title, page, or one the layout's <numbering> defines.
struct Reference {
    std::string to;
    std::string show = "label";
    Span show_span;  // the show attribute (an unknown format is reported there)
};

// What cross-reference resolution made of a reference. Only xref sets it, so whether a
// reference has been resolved is stated by the type, not by the stage a run is looked at.
struct ResolvedReference {
    std::string anchor;  // the target's anchor; empty when the id is unknown (reported)
    std::string text;    // what is printed ("Diagram 4"); with a page, the part before it
    // The format prints the target's page ("page {page}"): layout prints text, the page, then
    // after_page, once pages are known.
    bool shows_page = false;
    std::string after_page;
};

// <var name="…"/> as the source wrote it: a built-in or user variable printed in the text.
struct VariableUse {
    std::string name;
    // case="upper|lower|title", format="date" or zeros ("0000"), default="…" for an empty value
    // (docs/merge.md); checked by variable resolution.
    std::string letter_case, format;
    std::optional<std::string> fallback;
};

// What the page shows where a page-dependent variable lands (docs/source-format.md#variables).
enum class PageValue { Page, Pages, TotalPages, Section };

// What variable resolution made of a <var>: its text, or, for a variable whose value depends on
// the page it lands on, what to show and the anchor layout puts at it (the relayout loop reads
// that anchor's page, as it does for a page reference).
struct ResolvedVariable {
    std::string text;                     // the value when it does not depend on the page
    std::optional<PageValue> page_value;  // else what the page shows
    std::string anchor;                   // the anchor layout puts at a page-dependent one ("variable-2")
};

// The number numbering (xref) gave a heading, figure or list item, from the layout's rules or
// an explicit number="…": typed parts, so references and contents print them as they need.
struct Numbered {
    std::string label;   // "Diagram", "Section", "Annex"; empty for list items
    std::string number;  // "4", "2.1", "IV", "b"
    // What the heading or caption prints before its title ("Diagram 4: ", "2.1 "), or a list
    // item's marker ("b)").
    std::string prefix;
};

// A heading's or caption's text as printed: the number's prefix, then the title.
std::string numbered_title(const std::string& title, const Boxed<Numbered>& numbered);

struct TextRun;
struct Image;

// <footnote>: a note set at the foot of the page on which its mark falls. The run that holds it
// prints the mark; the note's own text is inline content (it holds no footnote of its own).
struct Footnote {
    std::string id;  // given by xref when the source gives none ("footnote-3")
    std::vector<TextRun> runs;
    Span span;
    NodeId node;  // given once by number_nodes
};

// The rare parts of a run, held by a run behind one pointer (TextRun::extras): most runs are
// plain text and have none of them.
struct RunExtras {
    // As written (<a href>), or found in the text by xref (URLs, e-mail addresses, the layout's
    // link patterns): "https://…", "mailto:…", or "#id" for a place in the document.
    std::string link;
    Boxed<Reference> ref;                 // as written
    Boxed<ResolvedReference> resolved;    // set by xref for a reference
    Boxed<Footnote> footnote;  // a footnote's mark: the run has no text of its own
    Boxed<VariableUse> variable;           // <var>: the run has no text of its own
    Boxed<ResolvedVariable> resolved_variable;  // set by variable resolution
    // <image> in the text: set inline as one box; the run has no text of its own. Shared by
    // copies of the run (the driver loads the file into it once).
    std::shared_ptr<Image> image;
};

// Inline content is flattened into runs: text plus the character styles in force
// (outermost first), an optional link target, or a forced line break. A run is 64 bytes: a
// document's runs are many (59,793 at 4,009 pages of the generated workload), and the whole
// document is held while it is resolved (docs/performance.md, "A run's rare parts behind one
// pointer, free pages given back, the paragraphs set ahead written out").
struct TextRun {
    TextRun() = default;
    // The run of text as the readers make it: `link` empty for none.
    TextRun(std::string t, StyleList styles = {}, std::string link = {}, bool brk = false, Span at = {})
        : text(std::move(t)), char_styles(styles), span(at), line_break(brk) {
        if (!link.empty()) extras.emplace().link = std::move(link);
    }

    std::string text;  // as written, whitespace already collapsed; empty for a reference
    StyleList char_styles;  // interned (doc/name.h)
    Span span;
    bool line_break = false;
    bool abbreviation = false;  // marked with <abbr>: a use of the abbreviation register
    // The link, reference, footnote, variable and image: null when the run has none. Read them
    // with rare(); set them with rare_to_set().
    Boxed<RunExtras> extras;

    // The rare parts to read: a run without any reads as one whose parts are all unset.
    const RunExtras& rare() const;
    // The rare parts to set: made when the run has none yet.
    RunExtras& rare_to_set() { return extras ? *extras : extras.emplace(); }
};

// The text a run prints before pages are known: a resolved reference's title or number, a
// resolved variable's value, else the text as written.
const std::string& shown_text(const TextRun& run);

}  // namespace reportc::doc
