#include "xref/xref.h"

#include <cctype>
#include <algorithm>
#include <functional>
#include <set>

#include "base/utf8.h"

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
    }
    return "?";
}

struct RunContext {
    std::string table_id;
    std::string group;  // the row's group ("1" for the row "awp-1-b")
    bool in_register = false;
};

using RunVisitor = std::function<void(std::vector<doc::TextRun>&, const RunContext&)>;

class Walker {
public:
    Walker(const Options& options, Diagnostics& diags) : m_options(options), m_diags(diags) {}

    // First pass: ids, targets, figure numbers.
    void collect(std::vector<doc::Block>& blocks) {
        for (auto& b : blocks) std::visit([&](auto& n) { collect_node(n); }, b.node);
    }

    void visit_runs(std::vector<doc::Block>& blocks, const RunContext& ctx, const RunVisitor& f) {
        for (auto& b : blocks) {
            std::visit([&](auto& n) {
                using T = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<T, doc::Paragraph>) f(n.runs, ctx);
                else if constexpr (std::is_same_v<T, doc::Section> || std::is_same_v<T, doc::Article> || std::is_same_v<T, doc::Figure>)
                    visit_runs(n.children, ctx, f);
                else if constexpr (std::is_same_v<T, doc::List>) {
                    for (auto& item : n.items) visit_runs(item.blocks, ctx, f);
                } else if constexpr (std::is_same_v<T, doc::Table>) {
                    for (auto& row : n.rows) {
                        RunContext inner = ctx;
                        inner.table_id = n.id;
                        inner.in_register = !n.id.empty() && n.id == m_options.abbreviation_table;
                        if (!n.id.empty() && row.id.rfind(n.id + "-", 0) == 0) {
                            std::string rest = row.id.substr(n.id.size() + 1);
                            inner.group = rest.substr(0, rest.find('-'));
                        }
                        for (auto& cell : row.cells) visit_runs(cell.blocks, inner, f);
                    }
                }
            }, b.node);
        }
    }

    Registry registry;

private:
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

    void collect_node(doc::Section& s) {
        if (s.id.empty()) s.id = fresh_id(s.title, "section");
        add({Target::Kind::Section, s.id, s.title, "", s.span});
        collect(s.children);
    }
    void collect_node(doc::Article& a) {
        if (a.id.empty()) a.id = fresh_id(a.title, "article");
        add({Target::Kind::Article, a.id, a.title, "", a.span});
        collect(a.children);
    }
    void collect_node(doc::Figure& f) {
        if (f.id.empty()) f.id = fresh_id(f.caption, "figure");
        std::string number = figure_number(f.caption);
        if (number.empty()) number = std::to_string(m_figures + 1);
        ++m_figures;
        if (auto it = m_figure_numbers.find(number); it != m_figure_numbers.end())
            m_diags.warning(f.span, m_options.figure_label + " " + number + " is numbered twice: '" + it->second + "' and '" + f.id +
                                        "' (kept as published; references by number are ambiguous)");
        else
            m_figure_numbers.emplace(number, f.id);
        add({Target::Kind::Figure, f.id, f.caption, number, f.span});
        collect(f.children);
    }
    void collect_node(doc::Table& t) {
        add({Target::Kind::Table, t.id, "", "", t.span});
        for (auto& row : t.rows) {
            std::string title;
            if (!row.cells.empty())
                for (const auto& b : row.cells.front().blocks)
                    if (const auto* p = std::get_if<doc::Paragraph>(&b.node)) { title = doc::plain_text(p->runs); break; }
            add({Target::Kind::Row, row.id, title, "", row.span});
            for (auto& cell : row.cells) collect(cell.blocks);
        }
    }
    void collect_node(doc::List& l) {
        for (auto& item : l.items) collect(item.blocks);
    }
    void collect_node(doc::Paragraph& p) { add({Target::Kind::Paragraph, p.id, doc::plain_text(p.runs), "", p.span}); }
    template <typename T>
    void collect_node(T&) {}

    // "Diagram 4 – Four …" → "4" when the layout's label is "Diagram".
    std::string figure_number(const std::string& caption) const {
        const std::string& label = m_options.figure_label;
        if (label.empty() || caption.rfind(label + " ", 0) != 0) return {};
        size_t i = label.size() + 1, j = i;
        while (j < caption.size() && std::isdigit(static_cast<unsigned char>(caption[j]))) ++j;
        return caption.substr(i, j - i);
    }

    const Options& m_options;
    Diagnostics& m_diags;
    std::set<std::string> m_generated;
    std::map<std::string, std::string> m_figure_numbers;  // number -> first figure id
    int m_figures = 0;
};

// When the document is incomplete (an included file failed, and that is reported), an unknown id
// is most likely in the missing file: reporting each reference to it would bury the one cause.
void resolve_refs(std::vector<doc::TextRun>& runs, const Registry& registry, bool document_incomplete, Diagnostics& diags) {
    for (auto& run : runs) {
        if (run.ref_to.empty()) continue;
        const Target* t = registry.find(run.ref_to);
        if (!t) {
            if (!document_incomplete)
                diags.error(run.span, "expected the id of a section, article, figure, table or row, found '" + run.ref_to + "'");
            run.text = "??";
            run.ref_to.clear();
            continue;
        }
        run.link = "#" + t->id;
        if (run.ref_show == "title") run.text = t->title;
        else if (run.ref_show == "number") run.text = t->number.empty() ? t->title : t->number;
        // "page" is filled in by layout, once pages are known.
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

namespace {

bool is_word_char(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// Occurrences of `term` in `text` standing as a word (no letter or digit glued on either side).
bool contains_word(const std::string& text, const std::string& term) {
    for (size_t at = text.find(term); at != std::string::npos; at = text.find(term, at + 1)) {
        bool left = at == 0 || !is_word_char(static_cast<unsigned char>(text[at - 1]));
        size_t end = at + term.size();
        bool right = end >= text.size() || !std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == 's';
        if (left && right) return true;
    }
    return false;
}

// A token that reads as an abbreviation: two or more capitals, only capitals, digits, "/", "&"
// or "-" otherwise, optionally a plural "s" ("DGs"); roman numerals (Pillar II) are not.
bool looks_like_abbreviation(const std::string& token) {
    std::string t = token;
    if (t.size() > 2 && t.back() == 's') t.pop_back();
    size_t capitals = 0;
    bool roman = true;
    for (unsigned char c : t) {
        if (std::isupper(c)) ++capitals;
        else if (!(std::isdigit(c) || c == '/' || c == '&' || c == '-')) return false;
        if (std::string("IVX").find(char(c)) == std::string::npos) roman = false;
    }
    return capitals >= 2 && !roman && std::isupper(static_cast<unsigned char>(t.front()));
}

// Calls `found` for each token of `s` that reads as an abbreviation the register lacks. A
// compound such as "A/P" or "API/PNR" counts whole when registered, else by its parts; a
// capitalised word right after a name ("Pavida BOONMUN") is a surname, not an abbreviation.
template <typename F>
void scan_tokens(const std::string& s, const std::set<std::string>& defined, F&& found) {
    size_t i = 0;
    std::string previous;
    while (i < s.size()) {
        while (i < s.size() && !std::isalnum(static_cast<unsigned char>(s[i]))) {
            if (s[i] != ' ') previous.clear();
            ++i;
        }
        size_t j = i;
        while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '/' || s[j] == '&' || s[j] == '-')) ++j;
        std::string compound = s.substr(i, j - i);
        while (!compound.empty() && (compound.back() == '-' || compound.back() == '/')) compound.pop_back();
        i = j;
        if (compound.empty()) continue;
        bool after_name = previous.size() >= 2 && std::isupper(static_cast<unsigned char>(previous[0])) &&
                          std::islower(static_cast<unsigned char>(previous[1]));
        std::string word = compound;
        previous = compound;
        if (defined.count(compound) || after_name) continue;
        size_t start = 0;
        while (start <= word.size()) {
            size_t end = word.find_first_of("/-", start);
            if (end == std::string::npos) end = word.size();
            std::string part = word.substr(start, end - start);
            start = end + 1;
            bool digits = std::any_of(part.begin(), part.end(), [](unsigned char c) { return std::isdigit(c); });
            if (part.empty() || digits || !looks_like_abbreviation(part)) continue;
            std::string singular = part.size() > 2 && part.back() == 's' ? part.substr(0, part.size() - 1) : part;
            if (defined.count(part) || defined.count(singular)) continue;
            found(part);
        }
    }
}

struct Use {
    Span first;
    size_t count = 0;
};

void check_abbreviations(doc::Document& document, const Options& options, Walker& walker, Diagnostics& diags) {
    // The register: the first cell of each body row of the named table.
    std::vector<std::pair<std::string, Span>> terms;
    bool found_table = false;
    std::function<void(const std::vector<doc::Block>&)> find_register = [&](const std::vector<doc::Block>& blocks) {
        for (const auto& b : blocks)
            std::visit([&](const auto& n) {
                using T = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<T, doc::Table>) {
                    if (n.id != options.abbreviation_table) return;
                    found_table = true;
                    for (const auto& row : n.rows) {
                        if (row.kind != doc::TableRow::Kind::Body || row.cells.empty()) continue;
                        for (const auto& cb : row.cells.front().blocks)
                            if (const auto* p = std::get_if<doc::Paragraph>(&cb.node)) {
                                terms.emplace_back(doc::plain_text(p->runs), row.span);
                                break;
                            }
                    }
                } else if constexpr (std::is_same_v<T, doc::Section> || std::is_same_v<T, doc::Article> || std::is_same_v<T, doc::Figure>) {
                    find_register(n.children);
                }
            }, b.node);
    };
    find_register(document.blocks);
    if (!found_table) return;
    std::set<std::string> defined;
    for (const auto& [term, span] : terms) defined.insert(term);

    std::string text;  // all text outside the register, for finding uses
    std::map<std::string, Use> undefined;
    walker.visit_runs(document.blocks, {}, [&](std::vector<doc::TextRun>& runs, const RunContext& ctx) {
        if (ctx.in_register) return;
        for (const auto& run : runs) {
            text += run.text;
            text += ' ';
            if (run.abbreviation && !defined.count(run.text)) {
                diags.warning(run.span, "abbreviation '" + run.text + "' is marked with <abbr> but the register does not define it");
                continue;
            }
            // Multi-word terms ("RILO A/P", "SAFE FoS") are uses as a whole: mask them first.
            std::string masked = run.text;
            for (const auto& term : defined) {
                if (term.find(' ') == std::string::npos) continue;
                for (size_t at = masked.find(term); at != std::string::npos; at = masked.find(term, at + term.size()))
                    masked.replace(at, term.size(), std::string(term.size(), ' '));
            }
            scan_tokens(masked, defined, [&](const std::string& token) {
                auto& use = undefined[token];
                if (use.count++ == 0) use.first = run.span;
            });
        }
        text += '\n';
    });
    for (const auto& [token, use] : undefined)
        diags.warning(use.first, "abbreviation '" + token + "' is used " + std::to_string(use.count) +
                                     (use.count == 1 ? " time" : " times") + " but the register does not define it");
    for (const auto& [term, span] : terms)
        if (!contains_word(text, term))
            diags.warning(span, "abbreviation '" + term + "' is defined in the register but never used in the text");
}

}  // namespace

Registry resolve(doc::Document& document, const Options& options, Diagnostics& diags) {
    Walker walker(options, diags);
    walker.collect(document.blocks);
    const Registry& registry = walker.registry;
    walker.visit_runs(document.blocks, {}, [&](std::vector<doc::TextRun>& runs, const RunContext& ctx) {
        resolve_refs(runs, registry, document.incomplete, diags);
        std::vector<doc::TextRun> out;
        out.reserve(runs.size());
        for (auto& run : runs) {
            bool see_also = std::find(run.char_styles.begin(), run.char_styles.end(), "see-also") != run.char_styles.end();
            std::vector<doc::TextRun> pieces = see_also && !ctx.table_id.empty()
                                                   ? link_see_also(run, ctx.table_id, ctx.group, registry, diags)
                                                   : autolink(run);
            for (auto& p : pieces) out.push_back(std::move(p));
        }
        runs = std::move(out);
    });
    if (options.check_abbreviations && !options.abbreviation_table.empty()) check_abbreviations(document, options, walker, diags);
    return walker.registry;
}

std::ostream& operator<<(std::ostream& os, const Target& t) {
    return os << kind_name(t.kind) << " #" << t.id << " \"" << t.title << "\"" << (t.number.empty() ? "" : " number " + t.number);
}

}  // namespace reportc::xref
