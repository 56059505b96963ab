// The numbering walk: counters per heading level, per figure kind (and part), per numbered list.
#include "xref/numbering.h"

#include <algorithm>
#include <set>

#include "doc/walk.h"

namespace reportc::xref {
namespace {

constexpr int kLevels = 10;  // heading levels 1 to 9 (index 0 unused)

struct ListCounter {
    std::optional<NumberFormat> format;  // none: the list prints its marker
    int value = 0;
};

class Numberer : public doc::PassOver<doc::Paragraph, doc::Footnote, doc::Table, doc::TableRow, doc::TableCell,
                                      doc::Division, doc::Frame, doc::Rule, doc::Signature, doc::PageBreak, doc::Chart, doc::Diagram, doc::Image,
                                      doc::Qr> {
public:
    using PassOver::enter;
    Numberer(const NumberingRules& rules, Diagnostics& diags) : m_rules(rules), m_diags(diags) {}

    void enter(doc::Section& s) { s.numbered = heading(s.level, s.number, s.span); }
    void enter(doc::Article& a) { a.numbered = heading(a.level, a.number, a.span); }

    void enter(doc::Figure& f) {
        const auto it = m_rules.figures.find(f.kind);
        const NumberRule rule = it == m_rules.figures.end() ? NumberRule{std::nullopt, "", ": ", true, false} : it->second;
        m_kinds.insert(f.kind);
        std::string number, printed;
        if (!f.number.empty()) {
            number = printed = f.number;  // as published: the counter does not move
        } else if (rule.format) {
            const int n = ++m_figures[f.kind];
            number = rule.format->core({n});
            printed = rule.format->format({n});
            if (rule.per_part) {
                number = m_part + "-" + number;
                printed = m_part + "-" + printed;
            }
        } else {
            return;
        }
        const std::string separator = f.separator.empty() ? rule.separator : f.separator;
        f.numbered = doc::Numbered{rule.label, number, (rule.show_label && !rule.label.empty() ? rule.label + " " : "") + printed + separator};
        check_unique("figure " + f.kind, rule.label.empty() ? f.kind : rule.label, number, f.span);
    }

    void enter(doc::List& list) {
        ListCounter counter;
        if (!list.numbering.empty()) {
            counter.format = NumberFormat::parse(list.numbering);
            if (!counter.format)
                m_diags.error(list.span, "expected numbering such as 1. or a) or i., found '" + list.numbering + "'");
            counter.value = list.start - 1;
        }
        m_lists.push_back(counter);
    }
    void leave(doc::List&) { m_lists.pop_back(); }

    void enter(doc::ListItem& item) {
        ListCounter& counter = m_lists.back();
        if (!counter.format) {
            if (!item.number.empty())
                m_diags.error(item.span, "unexpected number on an item of a list without numbering; give the list numbering=\"1.\"");
            return;
        }
        if (item.number.empty()) ++counter.value;
        else if (item.number.find_first_not_of("0123456789") == std::string::npos && item.number.size() < 9)
            counter.value = std::stoi(item.number);  // as <li value> in HTML: the items after it follow on
        else
            m_diags.error(item.span, "expected number as a whole number in a numbered list, found '" + item.number + "'");
        // The values of the enclosing numbered lists, outermost first, for formats such as "1.1.".
        std::vector<int> values;
        for (const auto& c : m_lists)
            if (c.format) values.push_back(c.value);
        item.numbered = doc::Numbered{"", counter.format->core(values), counter.format->format(values)};
    }

    void enter(doc::Contents& c) {
        if (!c.kind.empty()) m_lists_of.push_back({c.kind, c.span});
    }

    // A list of figures names a kind the layout numbers or a figure has (or its plural).
    void check_lists_of_figures() {
        std::set<std::string> kinds = m_kinds;
        for (const auto& [kind, rule] : m_rules.figures) kinds.insert(kind);
        for (const auto& [kind, span] : m_lists_of) {
            bool known = false;
            std::string names;
            for (const auto& k : kinds) {
                known = known || kind == k || kind == k + "s";
                names += (names.empty() ? "" : ", ") + k + "s";
            }
            if (!known)
                m_diags.error(span, "expected kind naming a kind of figure" + (names.empty() ? std::string() : " (" + names + ")") +
                                        ", found '" + kind + "'");
        }
    }

private:
    std::optional<doc::Numbered> heading(int level, const std::string& explicit_number, Span span) {
        level = std::clamp(level, 1, kLevels - 1);
        const auto it = m_rules.headings.find(level);
        const NumberRule* rule = it == m_rules.headings.end() ? nullptr : &it->second;
        if (explicit_number.empty()) ++m_levels[level];
        for (int deeper = level + 1; deeper < kLevels; ++deeper) m_levels[deeper] = 0;
        std::optional<doc::Numbered> numbered;
        if (!explicit_number.empty() || (rule && rule->format)) {
            const std::vector<int> values(m_levels + 1, m_levels + level + 1);
            const std::string number = explicit_number.empty() ? rule->format->core(values) : explicit_number;
            const std::string printed = explicit_number.empty() ? rule->format->format(values) : explicit_number;
            const std::string label = rule ? rule->label : "";
            const bool show_label = rule && rule->show_label && !label.empty();
            numbered = doc::Numbered{label, number, (show_label ? label + " " : "") + printed + (rule ? rule->separator : " ")};
            check_unique("heading", label.empty() ? "heading" : label, number, span);
        }
        if (level == 1) {
            // A new part: figures counted by part start again, and print its number first.
            ++m_parts;
            m_part = numbered ? numbered->number : std::to_string(m_parts);
            for (auto& [kind, count] : m_figures)
                if (auto r = m_rules.figures.find(kind); r != m_rules.figures.end() && r->second.per_part) count = 0;
        }
        return numbered;
    }

    // The same label and number printed twice: references by number cannot tell them apart.
    void check_unique(const std::string& counter, const std::string& label, const std::string& number, Span span) {
        auto [it, inserted] = m_printed.emplace(counter + "\n" + number, span);
        if (inserted) return;
        m_diags.warning(span, label + " " + number + " is numbered twice; references by number are ambiguous");
        m_diags.note(it->second, "the first " + label + " " + number + " is here");
    }

    const NumberingRules& m_rules;
    Diagnostics& m_diags;
    int m_levels[kLevels] = {};
    int m_parts = 0;
    std::string m_part = "0";  // the current top-level section's number (figures before the first: 0)
    std::map<std::string, int> m_figures;  // by kind
    std::set<std::string> m_kinds;         // every figure kind the document uses
    std::vector<ListCounter> m_lists;
    std::vector<std::pair<std::string, Span>> m_lists_of;  // each list of figures' kind, as written (its block may be gone by the check)
    std::map<std::string, Span> m_printed;  // counter and number -> the first element printing it
};

}  // namespace

struct Numbering::Impl {
    Numberer numberer;
};

Numbering::Numbering(const NumberingRules& rules, Diagnostics& diags) : m(std::make_unique<Impl>(Impl{Numberer(rules, diags)})) {}
Numbering::~Numbering() = default;
void Numbering::number(std::vector<doc::Block>& blocks) { doc::walk(blocks, m->numberer); }
void Numbering::finish() { m->numberer.check_lists_of_figures(); }

void assign_numbers(doc::Document& document, const NumberingRules& rules, Diagnostics& diags) {
    Numbering numbering(rules, diags);
    numbering.number(document.blocks);
    numbering.finish();
}

}  // namespace reportc::xref
