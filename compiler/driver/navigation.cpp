#include "driver/navigation.h"

#include "doc/walk.h"

namespace reportc::driver {
namespace {

struct Collector
    : doc::PassOver<doc::List, doc::ListItem, doc::Table, doc::TableRow, doc::TableCell, doc::Figure, doc::Division,
                    doc::Signature, doc::PageBreak, doc::Chart, doc::Diagram, doc::Image> {
    using PassOver::enter;
    explicit Collector(int levels) : levels(levels) {}

    void enter(const doc::Section& s) { heading(s.level, s.title, s.id); }
    void enter(const doc::Article& a) { heading(a.level, a.title, a.id); }
    void enter(const doc::Paragraph& p) { runs(p.runs); }
    void enter(const doc::Footnote& n) {
        runs(n.runs);
        footnotes.push_back({n.node, n.id, n.span});
    }
    void runs(const std::vector<doc::TextRun>& list) {
        for (const auto& r : list)
            if (r.ref && r.ref->show == doc::RefShow::Page) page_refs.insert(r.ref->to);
    }
    void enter(const doc::Contents&) { has_contents = true; }

    void heading(int level, const std::string& title, const std::string& id) {
        if (level <= levels) toc.push_back({level, title, id});
    }

    int levels;
    bool has_contents = false;
    std::vector<layout::TocEntry> toc;
    std::set<std::string> page_refs;
    std::vector<FootnoteEntry> footnotes;
};

}  // namespace

Navigation collect_navigation(const doc::Document& document, int levels) {
    Collector c(levels);
    doc::walk(document.blocks, c);
    Navigation nav;
    nav.page_targets = std::move(c.page_refs);
    nav.footnotes = std::move(c.footnotes);
    if (c.has_contents) {
        nav.toc = std::move(c.toc);
        for (const auto& e : nav.toc) nav.page_targets.insert(e.anchor);
    }
    return nav;
}

bool check_footnote_styles(const Navigation& navigation, const style::Stylesheet& styles, Diagnostics& diags) {
    if (navigation.footnotes.empty()) return true;
    std::string missing;
    if (!styles.paragraph(style::kFootnoteStyle)) missing = std::string("a paragraph style '") + style::kFootnoteStyle + "'";
    if (!styles.character(style::kFootnoteMarkStyle))
        missing += (missing.empty() ? "" : " and ") + std::string("a character style '") + style::kFootnoteMarkStyle + "'";
    if (missing.empty()) return true;
    diags.error(navigation.footnotes.front().span,
                "expected " + missing + " in the layout for footnotes (the notes and their marks are set in them)");
    return false;
}

}  // namespace reportc::driver
