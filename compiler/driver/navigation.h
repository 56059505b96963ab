#pragma once
// Private to driver: what the relayout loop must know before laying out: the contents' entries
// every anchor whose page number the text shows, and the footnotes to number.
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "doc/document.h"
#include "layout/context.h"

namespace reportc::driver {

struct FootnoteEntry {
    doc::NodeId node;
    std::string anchor;
    Span span;
};

// A <var> whose value is its page's (page, pages, section …): laid out with an anchor.
struct PageVariableEntry {
    std::string anchor;
    doc::PageValue value;
};

struct Navigation {
    std::vector<layout::TocEntry> toc;    // empty when the document has no <contents/>
    std::map<std::string, std::vector<layout::TocEntry>> figure_lists;  // by <contents kind="…"/>
    std::set<std::string> page_targets;  // anchors whose page is printed: contents, page refs
    std::vector<FootnoteEntry> footnotes;  // in document order
    std::vector<PageVariableEntry> page_variables;  // in document order
};

// Headings down to `levels` for the contents, footnotes, page-dependent variables, and the
// targets of <ref show="page"/>, a part (a top-level block) at a time, in document order:
// collect() each part once resolved; page_references() a part again once its references are
// (xref::Resolution::link).
class NavigationCollector {
public:
    explicit NavigationCollector(int levels);
    ~NavigationCollector();
    void collect(const std::vector<doc::Block>& blocks);
    void page_references(const std::vector<doc::Block>& blocks);
    Navigation finish();

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

// A document with footnotes needs the layout's footnote styles: one error at the first note
// when they are missing (not one per note). False then.
bool check_footnote_styles(const Navigation& navigation, const style::Stylesheet& styles, Diagnostics& diags);

}  // namespace reportc::driver
