#pragma once
// What block layout works with, in three parts that say who may change what:
// - LayoutInputs: read-only for a whole layout pass (styles, fonts, the previous pass's pages);
// - BlockEnv: where a block is set (measure, indent, page master, defaults a table cell gives
//   its paragraphs), passed down by value: a child gets a changed copy, nothing is restored;
// - LayoutResults: what the pass produces besides the vertical list (frame fonts, diagnostics,
//   line statistics), appended to and never read back by layout.
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/length.h"
#include "doc/node_id.h"
#include "layout/font_table.h"
#include "style/stylesheet.h"
#include "text/font_registry.h"
#include "text/hyphenator.h"

namespace reportc::layout {

class ParagraphCache;

// Typographic quality of justified lines, measured while setting them.
struct LineStats {
    size_t lines = 0;            // all lines set
    size_t justified_lines = 0;  // lines stretched or shrunk to the measure
    size_t over_1_5 = 0;         // justified lines with a space wider than 1.5x natural
    size_t over_2 = 0;           // … wider than 2x natural
    double max_space_factor = 0;
    size_t overfull_lines = 0;
};

struct TocEntry {
    int level = 1;
    std::string title, anchor;
};

struct LayoutInputs {
    const style::Stylesheet& styles;
    const text::FontRegistry& fonts;
    const text::Hyphenator* hyphenator = nullptr;
    // From the previous layout pass: the page label each anchor landed on (contents, page
    // references); null on the first pass.
    const std::map<std::string, std::string>* anchor_pages = nullptr;
    std::vector<TocEntry> toc;  // the entries of <contents/>, in document order
    // The number each footnote prints (by document, or by page from the previous pass).
    std::map<doc::NodeId, int> footnote_numbers;
    // What each page-dependent <var> prints, by its anchor, from the previous pass's pages.
    std::map<std::string, std::string> variable_texts;
    // The entries of each <contents kind="…"/> (a list of figures), by the kind as written.
    std::map<std::string, std::vector<TocEntry>> figure_lists;
    // The layout's ties for the document's language (null: spaces break anywhere).
    std::shared_ptr<const style::TieRules> ties;
    // A pass that only notes where things fall (pages::PageOutput::Mode::Survey, and the runs set
    // ahead on other threads, driver/ahead.h): a paragraph's lines get their heights, breaks,
    // anchors, notes and extras as always, but none of the items that only drawing needs (text,
    // images, links, highlights, decorations), which the page builder would drop unread.
    bool survey = false;
};

struct BlockEnv {
    Length width;        // the measure: the body's width, or a table cell's inner width
    Length indent;       // from the measure's left edge (list nesting)
    std::string master;  // the page master the block is set on
    std::string paragraph_style = "body";  // for paragraphs that name none (a table cell's style)
    std::optional<style::Align> align;     // a table cell's align, over its paragraphs' styles

    BlockEnv indented(Length more) const {
        BlockEnv e = *this;
        e.indent += more;
        return e;
    }
};

struct LayoutResults {
    FontTable& font_table;
    Diagnostics& diags;
    LineStats stats;
    int anchor_counter = 0;  // for headings without an id ("anchor-N")
};

// One layout pass: its inputs, its results, and the paragraph cache (which outlives the pass:
// the next pass reuses every paragraph whose input is unchanged).
struct LayoutContext {
    const LayoutInputs& in;
    LayoutResults& out;
    ParagraphCache& paragraphs;
};

std::ostream& operator<<(std::ostream& os, const LineStats& s);
std::ostream& operator<<(std::ostream& os, const BlockEnv& e);

}  // namespace reportc::layout
