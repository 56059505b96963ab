#include "driver/navigation.h"

#include "doc/walk.h"

namespace reportc::driver {
namespace {

struct Collector
    : doc::PassOver<doc::List, doc::ListItem, doc::Table, doc::TableRow, doc::TableCell, doc::Division, doc::Frame, doc::Rule,
                    doc::Signature, doc::PageBreak, doc::Chart, doc::Diagram, doc::Image,
                    doc::Qr> {
    using PassOver::enter;
    explicit Collector(int levels) : levels(levels) {}

    // The contents list a heading's short title when it has one (LaTeX's optional argument).
    void enter(const doc::Section& s) { heading(s.level, doc::numbered_title(shown(s), s.numbered), s.id); }
    void enter(const doc::Article& a) { heading(a.level, doc::numbered_title(shown(a), a.numbered), a.id); }
    template <typename Node>
    static const std::string& shown(const Node& n) { return n.short_title.empty() ? n.title : n.short_title; }
    void enter(const doc::Figure& f) { figures.push_back({f.kind, {1, doc::numbered_title(f.caption, f.numbered), f.id}}); }
    void enter(const doc::Paragraph& p) { runs(p.runs); }
    void enter(const doc::Footnote& n) {
        runs(n.runs);
        footnotes.push_back({n.node, n.id, n.span});
    }
    void runs(const std::vector<doc::TextRun>& list) {
        for (const auto& run : list) {
            const doc::RunExtras& r = run.rare();
            if (r.resolved && r.resolved->shows_page && !r.resolved->anchor.empty()) page_refs.insert(r.resolved->anchor);
            if (r.resolved_variable && r.resolved_variable->page_value)
                page_variables.push_back({r.resolved_variable->anchor, *r.resolved_variable->page_value});
        }
    }
    void enter(const doc::Contents& c) {
        if (c.kind.empty()) has_contents = true;
        else lists_of.insert(c.kind);
    }

    void heading(int level, const std::string& title, const std::string& id) {
        if (level <= levels) toc.push_back({level, title, id});
    }

    int levels;
    bool has_contents = false;
    std::set<std::string> lists_of;  // the kinds of <contents kind="…"/>, as written
    std::vector<std::pair<std::string, layout::TocEntry>> figures;  // every figure, with its kind
    std::vector<layout::TocEntry> toc;
    std::set<std::string> page_refs;
    std::vector<FootnoteEntry> footnotes;
    std::vector<PageVariableEntry> page_variables;
};


// Only the targets of page references: a part walked again once its references are resolved.
struct PageReferences
    : doc::PassOver<doc::Section, doc::Article, doc::List, doc::ListItem, doc::Table, doc::TableRow, doc::TableCell, doc::Figure,
                    doc::Division, doc::Frame, doc::Rule, doc::Signature, doc::PageBreak, doc::Chart, doc::Diagram, doc::Contents,
                    doc::Image, doc::Qr> {
    using PassOver::enter;
    explicit PageReferences(std::set<std::string>& refs) : page_refs(refs) {}
    void enter(const doc::Paragraph& p) { runs(p.runs); }
    void enter(const doc::Footnote& n) { runs(n.runs); }
    void runs(const std::vector<doc::TextRun>& list) {
        for (const auto& run : list)
            if (const auto& r = run.rare().resolved; r && r->shows_page && !r->anchor.empty()) page_refs.insert(r->anchor);
    }
    std::set<std::string>& page_refs;
};

}  // namespace

struct NavigationCollector::Impl {
    Collector collector;
};

NavigationCollector::NavigationCollector(int levels) : m(std::make_unique<Impl>(Impl{Collector(levels)})) {}
NavigationCollector::~NavigationCollector() = default;

void NavigationCollector::collect(const std::vector<doc::Block>& blocks) { doc::walk(blocks, m->collector); }

void NavigationCollector::page_references(const std::vector<doc::Block>& blocks) {
    doc::walk(blocks, PageReferences(m->collector.page_refs));
}

Navigation NavigationCollector::finish() {
    Collector& c = m->collector;
    Navigation nav;
    nav.page_targets = std::move(c.page_refs);
    nav.footnotes = std::move(c.footnotes);
    nav.page_variables = std::move(c.page_variables);
    if (c.has_contents) {
        nav.toc = std::move(c.toc);
        for (const auto& e : nav.toc) nav.page_targets.insert(e.anchor);
    }
    // A list of figures names their kind or its plural ("diagrams").
    for (const auto& list : c.lists_of)
        for (const auto& [kind, entry] : c.figures)
            if (list == kind || list == kind + "s") {
                nav.figure_lists[list].push_back(entry);
                nav.page_targets.insert(entry.anchor);
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
