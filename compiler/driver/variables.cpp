#include "driver/variables.h"

#include <cctype>

#include "doc/walk.h"
#include "driver/fields.h"
#include "pages/marginals.h"
#include "style/date_format.h"

namespace reportc::driver {
namespace {

struct PageBuiltin {
    const char* name;
    doc::PageValue value;
};

// The built-ins whose value is the page's: in body text they are settled by the relayout loop.
constexpr PageBuiltin kPageBuiltins[] = {
    {"page", doc::PageValue::Page},       {"page-label", doc::PageValue::Page},   {"pages", doc::PageValue::Pages},
    {"total-pages", doc::PageValue::TotalPages}, {"section", doc::PageValue::Section},
};

const PageBuiltin* page_builtin(const std::string& name) {
    for (const auto& b : kPageBuiltins)
        if (name == b.name) return &b;
    return nullptr;
}

bool is_builtin(const std::string& name) {
    for (const auto& b : builtin_variables())
        if (b == name) return true;
    return false;
}

std::vector<std::string> known_names(const Variables& variables) {
    std::vector<std::string> names = builtin_variables();
    for (const auto& [name, value] : variables.values)
        if (!is_builtin(name)) names.push_back(name);
    return names;
}

// "unknown variable 'editon' (did you mean 'edition'?); expected …"
std::string unknown_message(const std::string& name, const Variables& variables) {
    std::string hint = style::closest_name(name, known_names(variables));
    std::string builtins;
    for (const auto& b : builtin_variables()) builtins += (builtins.empty() ? "" : ", ") + b;
    return "unknown variable '" + name + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)") +
           "; expected a built-in one (" + builtins + ") or one defined by <variable> in <info> or --set";
}

bool is_known(const std::string& name, const Variables& variables) {
    return page_builtin(name) || variables.values.count(name) > 0;
}

class Resolver : public doc::PassOver<doc::Section, doc::Article, doc::List, doc::ListItem, doc::Table, doc::TableRow,
                                      doc::TableCell, doc::Figure, doc::Division, doc::Frame, doc::Rule, doc::Signature, doc::PageBreak, doc::Chart,
                                      doc::Diagram, doc::Contents, doc::Image,
                                      doc::Qr> {
public:
    using PassOver::enter;
    Resolver(const Variables& variables, Diagnostics& diags) : m_variables(variables), m_diags(diags) {}
    void enter(doc::Paragraph& p) { resolve(p.runs); }
    void enter(doc::Footnote& n) { resolve(n.runs); }

private:
    void resolve(std::vector<doc::TextRun>& runs) {
        for (auto& run : runs) {
            if (!run.rare().variable) continue;
            const std::string& name = run.rare().variable->name;
            doc::ResolvedVariable resolved;
            if (const auto* b = page_builtin(name)) {
                resolved.page_value = b->value;
                resolved.anchor = "variable-" + std::to_string(++m_anchors);
            } else if (auto it = m_variables.values.find(name); it != m_variables.values.end()) {
                auto text = formatted(run, it->second);
                if (!text) continue;
                resolved.text = std::move(*text);
            } else {
                m_diags.error(run.span, unknown_message(name, m_variables));
                continue;
            }
            run.rare_to_set().resolved_variable = std::move(resolved);
        }
    }

    std::optional<std::string> formatted(const doc::TextRun& run, const std::string& value) {
        const auto& use = *run.rare().variable;
        std::string error;
        auto format = var_format(use.letter_case, use.format, use.fallback, error);
        auto text = format ? format_field(use.name, value, *format, m_variables.date_format, error) : std::nullopt;
        if (!text) m_diags.error(run.span, error);
        return text;
    }

    const Variables& m_variables;
    Diagnostics& m_diags;
    int m_anchors = 0;
};

void check_slot(const std::vector<doc::TextRun>& slot, Variables& variables, Diagnostics& diags) {
    for (const auto& run : slot)
        for (const auto& field : pages::field_names(run.text)) {
            if (is_known(field, variables)) continue;
            std::string error;
            auto spec = parse_field(field, error);
            if (spec && !is_known(spec->name, variables)) error = unknown_message(spec->name, variables);
            else if (spec && page_builtin(spec->name))  // the page gives it after layout: printed as it is
                error = "expected '{" + spec->name + "}' without options: the page gives its value, printed as it is";
            auto value = spec && error.empty() ? variables.values.find(spec->name) : variables.values.end();
            if (value != variables.values.end())
                if (auto text = format_field(spec->name, value->second, spec->format, variables.date_format, error))
                    variables.values[field] = *text;
            if (!error.empty()) diags.error(run.span, error);
        }
}

}  // namespace

const std::vector<std::string>& builtin_variables() {
    static const std::vector<std::string> names = {"title", "date", "page", "pages", "page-label", "total-pages", "section"};
    return names;
}

bool is_variable_name(const std::string& name) {
    bool part_start = true;
    for (unsigned char c : name) {
        if (part_start && !std::isalpha(c)) return false;
        part_start = c == '.';
        if (!std::isalnum(c) && c != '-' && c != '_' && c != '.') return false;
    }
    return !name.empty() && !part_start;
}

Variables collect_variables(const doc::Document& document, const std::map<std::string, std::string>& command_line,
                            const style::Settings& settings, int64_t now, Diagnostics& diags) {
    Variables v;
    v.date_format = settings.date_format;
    v.values["title"] = document.info.title;
    v.values["date"] = style::format_date(settings.date_format, now);
    std::map<std::string, const doc::VariableDef*> first;
    for (const auto& def : document.info.variables) {
        if (!is_variable_name(def.name)) {
            diags.error(def.span, "expected a variable name (a letter, then letters, digits, '-' or '_'), found '" + def.name + "'");
            continue;
        }
        if (is_builtin(def.name)) {
            diags.error(def.span, "variable '" + def.name + "' is built in; give yours another name");
            continue;
        }
        if (auto [it, inserted] = first.emplace(def.name, &def); !inserted) {
            diags.error(def.span, "variable '" + def.name + "' is defined twice; each variable may be defined once");
            diags.note(it->second->span, "the first '" + def.name + "' is defined here");
            continue;
        }
        v.values[def.name] = def.value;
    }
    // The command line wins: the same report built for another edition.
    for (const auto& [name, value] : command_line) v.values[name] = value;
    return v;
}

void resolve_variables(doc::Document& document, const Variables& variables, Diagnostics& diags) {
    VariableResolution(variables, diags).resolve(document.blocks);
}

struct VariableResolution::Impl {
    Resolver resolver;
};

VariableResolution::VariableResolution(const Variables& variables, Diagnostics& diags)
    : m(std::make_unique<Impl>(Impl{Resolver(variables, diags)})) {}
VariableResolution::~VariableResolution() = default;
void VariableResolution::resolve(std::vector<doc::Block>& blocks) { doc::walk(blocks, m->resolver); }

void check_slot_fields(const style::Stylesheet& styles, Variables& variables, Diagnostics& diags) {
    for (const auto& master : styles.page_masters())
        for (const auto* decl : {&master.header, &master.footer})
            for (const auto* slot : {&decl->left, &decl->center, &decl->right}) check_slot(*slot, variables, diags);
}

}  // namespace reportc::driver
