// Number formats and the layout's <numbering> rules, checked once per build.
#include <cctype>

#include "xref/numbering.h"

#include "base/utf8.h"
#include "xref/ref_format.h"

namespace reportc::xref {
namespace {

std::optional<CounterStyle> counter_style(char c) {
    switch (c) {
    case '1': return CounterStyle::Decimal;
    case 'A': return CounterStyle::UpperAlpha;
    case 'a': return CounterStyle::LowerAlpha;
    case 'I': return CounterStyle::UpperRoman;
    case 'i': return CounterStyle::LowerRoman;
    }
    return std::nullopt;
}

std::string roman(int value) {
    static const std::pair<int, const char*> kDigits[] = {{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"},
                                                         {90, "XC"},   {50, "L"},    {40, "XL"}, {10, "X"},   {9, "IX"},
                                                         {5, "V"},     {4, "IV"},    {1, "I"}};
    std::string out;
    for (const auto& [n, digits] : kDigits)
        for (; value >= n; value -= n) out += digits;
    return out;
}

std::string letters(int value, char first) {
    std::string out;
    for (; value > 0; value = (value - 1) / 26) out.insert(out.begin(), char(first + (value - 1) % 26));
    return out;
}

std::string lower(std::string text) {
    for (auto& c : text) c = char(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// One <numbering> rule's attributes, each read once; an unreadable value is an error at it.
class Attributes {
public:
    Attributes(const doc::NumberingDecl& decl, Diagnostics& diags) : m_decl(decl), m_diags(diags) {}

    const doc::Property* find(const char* name) const {
        for (const auto& p : m_decl.attributes)
            if (p.name == name) return &p;
        return nullptr;
    }
    std::string text(const char* name, const std::string& fallback = "") const {
        const auto* p = find(name);
        return p ? p->value : fallback;
    }
    std::optional<std::string> required(const char* name) const {
        if (const auto* p = find(name)) return p->value;
        m_diags.error(m_decl.span, "missing attribute '" + std::string(name) + "' on <" + m_decl.element + "> in <numbering>");
        return std::nullopt;
    }
    bool flag(const char* name, bool fallback) const {
        const auto* p = find(name);
        if (!p) return fallback;
        if (p->value == "true" || p->value == "false") return p->value == "true";
        m_diags.error(p->span, "expected " + std::string(name) + " 'true' or 'false', found '" + p->value + "'");
        return fallback;
    }
    // "none" or a format; a malformed one is an error (and numbers nothing).
    std::optional<NumberFormat> format(const std::string& fallback) const {
        const auto* p = find("format");
        const std::string value = p ? p->value : fallback;
        if (value == "none") return std::nullopt;
        auto f = NumberFormat::parse(value);
        if (!f) m_diags.error(p ? p->span : m_decl.span, "expected format such as 1, 1.1, A, a, I, i or none, found '" + value + "'");
        return f;
    }
    Span span_of(const char* name) const {
        const auto* p = find(name);
        return p ? p->span : m_decl.span;
    }

private:
    const doc::NumberingDecl& m_decl;
    Diagnostics& m_diags;
};

void read_heading(const doc::NumberingDecl& decl, NumberingRules& rules, Diagnostics& diags) {
    Attributes a(decl, diags);
    auto level_text = a.required("level");
    if (!level_text) return;
    constexpr int kMaxLevel = 9;
    if (level_text->size() != 1 || *level_text < "1" || *level_text > std::to_string(kMaxLevel))
        return diags.error(a.span_of("level"), "expected level as a whole number from 1 to 9, found '" + *level_text + "'");
    NumberRule rule;
    rule.format = a.format("1");
    rule.label = a.text("label");
    rule.separator = a.text("separator", " ");
    rule.show_label = a.flag("show-label", false);
    if (!rules.headings.emplace(std::stoi(*level_text), rule).second)
        diags.error(decl.span, "numbering of heading level " + *level_text + " is given twice; each level may appear once");
}

void read_figure(const doc::NumberingDecl& decl, NumberingRules& rules, Diagnostics& diags) {
    Attributes a(decl, diags);
    auto kind = a.required("kind");
    if (!kind) return;
    NumberRule rule;
    rule.format = a.format("1");
    rule.label = a.text("label");
    rule.separator = a.text("separator", ": ");
    rule.show_label = a.flag("show-label", true);
    const std::string scope = a.text("scope", "document");
    if (scope == "part") rule.per_part = true;
    else if (scope != "document") diags.error(a.span_of("scope"), "expected scope 'document' or 'part', found '" + scope + "'");
    if (!rules.figures.emplace(*kind, rule).second)
        diags.error(decl.span, "numbering of figure kind '" + *kind + "' is given twice; each kind may appear once");
}

void read_ref_format(const doc::NumberingDecl& decl, NumberingRules& rules, Diagnostics& diags) {
    Attributes a(decl, diags);
    auto name = a.required("name");
    auto text = a.required("text");
    if (!name || !text) return;
    if (auto problem = check_ref_format(*text)) return diags.error(a.span_of("text"), *problem);
    rules.ref_formats[*name] = *text;  // a layout's format replaces the built-in one of that name
}

}  // namespace

std::string format_counter(int value, CounterStyle style) {
    switch (style) {
    case CounterStyle::Decimal: return std::to_string(value);
    case CounterStyle::UpperAlpha: return value > 0 ? letters(value, 'A') : std::to_string(value);
    case CounterStyle::LowerAlpha: return value > 0 ? letters(value, 'a') : std::to_string(value);
    case CounterStyle::UpperRoman: return value > 0 && value < 4000 ? roman(value) : std::to_string(value);
    case CounterStyle::LowerRoman: return value > 0 && value < 4000 ? lower(roman(value)) : std::to_string(value);
    }
    return std::to_string(value);
}

std::optional<NumberFormat> NumberFormat::parse(const std::string& text) {
    NumberFormat f;
    std::string literal;
    // A letter beside another letter belongs to a word, which is literal text ("Pillar 1:",
    // "Part I"); a counter letter stands alone, as in "a)" or "(i)".
    auto is_letter = [&](size_t k) {
        const auto c = static_cast<unsigned char>(text[k]);
        if (c < 0x80) return std::isalpha(c) != 0;
        // Within a multi-byte character: a letter unless punctuation or a symbol (an en dash
        // after a counter, "I–", leaves it a counter).
        size_t start = k;
        while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
        auto cp = utf8::decode(text, start);
        return cp && !(*cp < 0xC0 || (*cp >= 0x2000 && *cp < 0x2C00) || (*cp >= 0x3000 && *cp < 0x3040));
    };
    auto in_word = [&](size_t k) { return (k > 0 && is_letter(k - 1)) || (k + 1 < text.size() && is_letter(k + 1)); };
    for (size_t k = 0; k < text.size(); ++k) {
        const char c = text[k];
        if (is_letter(k) && in_word(k)) {
            literal += c;
        } else if (auto style = counter_style(c)) {
            f.m_literals.push_back(literal);
            f.m_counters.push_back(*style);
            literal.clear();
        } else if (std::isalnum(static_cast<unsigned char>(c))) {
            return std::nullopt;  // a letter or digit that is no counter: a typing slip, not punctuation
        } else {
            literal += c;
        }
    }
    if (f.m_counters.empty()) return std::nullopt;
    f.m_literals.push_back(literal);
    return f;
}

std::string NumberFormat::print(const std::vector<int>& values, bool outer) const {
    std::string out;
    const size_t n = m_counters.size();
    for (size_t k = 0; k < n; ++k) {
        if (outer || k > 0) out += m_literals[k];
        // The last n values; a format with more counters than values prints 0 for the missing ones.
        const size_t from_end = n - k;
        const int value = from_end <= values.size() ? values[values.size() - from_end] : 0;
        out += format_counter(value, m_counters[k]);
    }
    if (outer) out += m_literals.back();
    return out;
}

std::string NumberFormat::format(const std::vector<int>& values) const { return print(values, true); }
std::string NumberFormat::core(const std::vector<int>& values) const { return print(values, false); }

NumberingRules compile_numbering(const std::vector<doc::NumberingDecl>& decls, Diagnostics& diags) {
    NumberingRules rules;
    rules.ref_formats = builtin_ref_formats();
    for (const auto& decl : decls) {
        if (decl.element == "heading") read_heading(decl, rules, diags);
        else if (decl.element == "figure") read_figure(decl, rules, diags);
        else if (decl.element == "footnote") rules.footnote_label = Attributes(decl, diags).text("label");
        else if (decl.element == "ref-format") read_ref_format(decl, rules, diags);
    }
    return rules;
}

}  // namespace reportc::xref
