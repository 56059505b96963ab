#include "xref/xref.h"

#include <cctype>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <utility>

#include "base/utf8.h"
#include "doc/walk.h"
#include "xref/link_pattern.h"
#include "xref/link_runs.h"
#include "xref/numbering.h"
#include "xref/ref_format.h"

namespace reportc::xref {
namespace {

const char* kind_name(Target::Kind k) {
    switch (k) {
    case Target::Kind::Section: return "section";
    case Target::Kind::Article: return "article";
    case Target::Kind::Figure: return "figure";
    case Target::Kind::Table: return "table";
    case Target::Kind::Row: return "row";
    case Target::Kind::Paragraph: return "paragraph";
    case Target::Kind::Footnote: return "footnote";
    case Target::Kind::Item: return "list item";
    }
    return "?";
}

struct RunContext {
    bool in_register = false;  // inside the abbreviation register's own table
};

using RunVisitor = std::function<void(std::vector<doc::TextRun>&, const RunContext&)>;

// Nothing to register in lists, cells, divisions, signatures, breaks, charts, diagrams, contents.
class Walker : public doc::PassOver<doc::List, doc::TableCell, doc::Division, doc::Frame, doc::Rule, doc::Signature, doc::PageBreak,
                                    doc::Chart, doc::Diagram, doc::Contents, doc::Image> {
public:
    using PassOver::enter;
    Walker(const Options& options, const NumberingRules& rules, Diagnostics& diags)
        : m_options(options), m_rules(rules), m_diags(diags) {}

    // Ids and targets, with the numbers assign_numbers gave.
    void collect(std::vector<doc::Block>& blocks) { doc::walk(blocks, *this); }

    // The ids the whole document's <ref>s name, before it is collected: only their targets get
    // a title (the text of every row and paragraph with an id, copied, was most of the registry:
    // 4.6 MB at 4,009 pages). Without it every target gets its title.
    void note_references(std::vector<doc::Block>& blocks) {
        m_all_titles = false;
        visit_runs(blocks, [this](std::vector<doc::TextRun>& runs, const RunContext&) {
            for (const auto& run : runs)
                if (run.rare().ref) m_referenced.insert(run.extras->ref->to);
        });
    }

    // Calls `f` with the runs of every paragraph, anywhere in the document, and the table they
    // sit in (the register check skips the register's own text).
    void visit_runs(std::vector<doc::Block>& blocks, const RunVisitor& f) {
        struct RunWalker : doc::PassOver<doc::Section, doc::Article, doc::List, doc::ListItem, doc::TableRow, doc::TableCell,
                                         doc::Figure, doc::Division, doc::Frame, doc::Rule, doc::Signature, doc::PageBreak, doc::Chart, doc::Diagram,
                                         doc::Contents, doc::Image,
                                         doc::Qr> {
            using PassOver::enter;
            RunWalker(const Options& o, const RunVisitor& fn) : options(o), f(fn) {}
            const Options& options;
            const RunVisitor& f;
            std::vector<RunContext> context{RunContext{}};
            void enter(doc::Paragraph& p) { f(p.runs, context.back()); }
            void enter(doc::Footnote& n) { f(n.runs, context.back()); }
            void enter(doc::Table& t) {
                RunContext inner = context.back();
                inner.in_register = !t.id.empty() && t.id == options.abbreviation_table;
                context.push_back(inner);
            }
            void leave(doc::Table&) { context.pop_back(); }
        };
        doc::walk(blocks, RunWalker(m_options, f));
    }

    // The walk's visitor for collect().
    void enter(doc::Section& s) {
        if (s.id.empty()) s.id = fresh_id(s.title, "section");
        add(numbered({Target::Kind::Section, s.id, title_for(s.id, s.title), "", s.span}, s.numbered));
    }
    void enter(doc::Article& a) {
        if (a.id.empty()) a.id = fresh_id(a.title, "article");
        add(numbered({Target::Kind::Article, a.id, title_for(a.id, a.title), "", a.span}, a.numbered));
    }
    void enter(doc::Figure& f) {
        if (f.id.empty()) f.id = fresh_id(f.caption, "figure");
        add(numbered({Target::Kind::Figure, f.id, title_for(f.id, f.caption), "", f.span}, f.numbered));
    }
    void enter(doc::ListItem& item) {
        add(numbered({Target::Kind::Item, item.id, first_paragraph_text(item.id, item.blocks), "", item.span}, item.numbered));
    }
    void enter(doc::Table& t) { add({Target::Kind::Table, t.id, "", "", t.span}); }
    void enter(doc::TableRow& row) {
        const std::string title = row.cells.empty() ? std::string() : first_paragraph_text(row.id, row.cells.front().blocks);
        add({Target::Kind::Row, row.id, title, "", row.span});
    }
    void enter(doc::Paragraph& p) {
        add({Target::Kind::Paragraph, p.id, referenced(p.id) ? doc::plain_text(p.runs) : std::string(), "", p.span});
    }
    // A code whose data is a link (link="yes", or by default for web and e-mail addresses).
    void enter(doc::Qr& qr) {
        if (qr.link) check_link_target(qr.data, qr.span, m_options.link_schemes, m_diags);
    }
    // Every footnote gets an id (its mark links to it); a reference to one prints its number in
    // the document.
    void enter(doc::Footnote& n) {
        ++m_footnotes;
        if (n.id.empty()) n.id = fresh_id("footnote " + std::to_string(m_footnotes), "footnote");
        const std::string number = std::to_string(m_footnotes);
        add({Target::Kind::Footnote, n.id, number, number, n.span, m_rules.footnote_label});
    }

    Registry registry;

private:
    bool referenced(const std::string& id) const { return !id.empty() && (m_all_titles || m_referenced.count(id) > 0); }
    std::string title_for(const std::string& id, const std::string& title) const { return referenced(id) ? title : std::string(); }
    // A list item's or a row's title: the text of its (first cell's) first paragraph.
    std::string first_paragraph_text(const std::string& id, const std::vector<doc::Block>& blocks) const {
        if (!referenced(id)) return {};
        for (const auto& b : blocks)
            if (const auto* p = std::get_if<doc::Paragraph>(&b.node)) return doc::plain_text(p->runs);
        return {};
    }

    void add(Target t) {
        if (t.id.empty()) return;
        auto [it, inserted] = registry.targets.emplace(t.id, t);
        if (!inserted) {
            m_diags.error(t.span, "id '" + t.id + "' is already used by a " + kind_name(it->second.kind) + "; ids must be unique");
            m_diags.note(it->second.span, "the first use of '" + t.id + "' is here");
        }
    }

    std::string fresh_id(const std::string& title, const char* fallback) {
        std::string base = slug(title);
        if (base.empty()) base = fallback;
        std::string id = base;
        for (int n = 2; registry.targets.count(id) || m_generated.count(id); ++n) id = base + "-" + std::to_string(n);
        m_generated.insert(id);
        return id;
    }

    static Target numbered(Target t, const doc::Boxed<doc::Numbered>& n) {
        if (n) {
            t.label = n->label;
            t.number = n->number;
        }
        return t;
    }

    const Options& m_options;
    const NumberingRules& m_rules;
    Diagnostics& m_diags;
    std::set<std::string> m_generated;
    std::set<std::string> m_referenced;  // every id a <ref> names (note_references)
    bool m_all_titles = true;
    int m_footnotes = 0;
};

// When the document is incomplete (an included file failed, and that is reported), an unknown id
// is most likely in the missing file: reporting each reference to it would bury the one cause.
void resolve_refs(std::vector<doc::TextRun>& runs, const Registry& registry, const NumberingRules& rules, bool document_incomplete,
                  Diagnostics& diags) {
    for (auto& run : runs) {
        if (!run.rare().ref) continue;
        const doc::Reference& ref = *run.extras->ref;
        const Target* t = registry.find(ref.to);
        const auto format = rules.ref_formats.find(ref.show);
        if (format == rules.ref_formats.end()) {
            std::string names;
            size_t k = 0;
            for (const auto& [name, text] : rules.ref_formats)
                names += (k++ == 0 ? "'" : k == rules.ref_formats.size() ? " or '" : ", '") + name + "'";
            diags.error(ref.show_span, "expected show " + names + ", found '" + ref.show + "'");
        }
        if (!t) {
            if (!document_incomplete)
                diags.error(run.span, "expected the id of a section, article, figure, table, row, list item or footnote, found '" +
                                          ref.to + "'");
        }
        if (!t || format == rules.ref_formats.end()) {
            run.extras->resolved = doc::ResolvedReference{"", "??"};
            continue;
        }
        run.extras->resolved = format_reference(format->second, {t->label, t->number, t->title}, t->id);
    }
}

}  // namespace

const Target* Registry::find(const std::string& id) const {
    auto it = targets.find(id);
    return it == targets.end() ? nullptr : &it->second;
}

std::string slug(const std::string& title) {
    std::string out;
    bool dash = false;
    for (unsigned char c : title) {
        if (std::isalnum(c)) {
            if (dash && !out.empty()) out += '-';
            out += char(std::tolower(c));
            dash = false;
        } else {
            dash = true;
        }
        if (out.size() >= 48) break;
    }
    return out;
}

struct Resolution::Impl {
    Impl(const Options& o, bool incomplete, Diagnostics& d)
        : options(o), document_incomplete(incomplete), diags(d), rules(compile_numbering(o.numbering, d)), numbering(rules, d),
          walker(o, rules, d) {}
    const Options& options;
    bool document_incomplete;
    Diagnostics& diags;
    const NumberingRules rules;
    Numbering numbering;
    Walker walker;
    LinkPatterns patterns;
    bool patterns_compiled = false;
    bool checking = false;  // the abbreviation register is checked
    bool register_found = false;
    std::vector<RegisterEntry> terms;
    std::optional<AbbreviationCheck> check;

    const LinkPatterns& link_patterns() {
        if (!patterns_compiled) patterns = compile_link_patterns(options.link_patterns, diags);
        patterns_compiled = true;
        return patterns;
    }
};

Resolution::Resolution(const Options& options, bool document_incomplete, Diagnostics& diags)
    : m(std::make_unique<Impl>(options, document_incomplete, diags)) {
    m->checking = options.check_abbreviations && !options.abbreviation_table.empty();
}

Resolution::~Resolution() = default;

void Resolution::note_references(std::vector<doc::Block>& blocks) { m->walker.note_references(blocks); }

void Resolution::number(std::vector<doc::Block>& blocks) { m->numbering.number(blocks); }

void Resolution::numbered() { m->numbering.finish(); }

void Resolution::collect(std::vector<doc::Block>& blocks) {
    m->walker.collect(blocks);
    if (m->checking && find_register(blocks, m->options.abbreviation_table, m->terms)) m->register_found = true;
}

bool Resolution::links_in(std::vector<doc::Block>& blocks) {
    if (m->checking) return true;  // every paragraph is scanned
    const LinkPatterns& patterns = m->link_patterns();
    bool any = false;
    m->walker.visit_runs(blocks, [&](std::vector<doc::TextRun>& runs, const RunContext&) {
        for (const auto& run : runs) any = any || may_link(run, patterns);
    });
    return any;
}

void Resolution::link(std::vector<doc::Block>& blocks) {
    const LinkPatterns& patterns = m->link_patterns();
    const Registry& registry = m->walker.registry;
    m->walker.visit_runs(blocks, [&](std::vector<doc::TextRun>& runs, const RunContext&) {
        resolve_refs(runs, registry, m->rules, m->document_incomplete, m->diags);
        link_runs(runs, patterns, m->options.link_schemes, registry, m->diags);
    });
}

void Resolution::check_abbreviations(std::vector<doc::Block>& blocks) {
    if (!m->checking || !m->register_found) return;
    if (!m->check) m->check.emplace(std::move(m->terms), m->options.abbreviation_ignore, m->options.source_text);
    m->walker.visit_runs(blocks, [&](std::vector<doc::TextRun>& runs, const RunContext& ctx) {
        if (!ctx.in_register) m->check->scan(runs, m->diags);
    });
}

void Resolution::checked() {
    if (m->check) m->check->report(m->diags);
}

const Registry& Resolution::registry() const { return m->walker.registry; }

Registry Resolution::take_registry() { return std::move(m->walker.registry); }

Registry resolve(doc::Document& document, const Options& options, Diagnostics& diags) {
    Resolution resolution(options, document.incomplete, diags);
    resolution.number(document.blocks);
    resolution.numbered();
    resolution.note_references(document.blocks);
    resolution.collect(document.blocks);
    resolution.link(document.blocks);
    resolution.check_abbreviations(document.blocks);
    resolution.checked();
    return resolution.take_registry();  // not a copy: the registry is as large as the document has ids
}

std::ostream& operator<<(std::ostream& os, const Target& t) {
    return os << kind_name(t.kind) << " #" << t.id << " \"" << t.title << "\"" << (t.label.empty() ? "" : " label " + t.label)
              << (t.number.empty() ? "" : " number " + t.number);
}

}  // namespace reportc::xref
