#include "style/typography.h"

#include <charconv>

namespace reportc::style {
namespace {

constexpr int kMaxPenalty = 10000;  // TeX's "infinite" penalty: no break at all

// A whole number from `low` to `high`, or an error at the attribute.
bool read_int(const doc::Property& p, int low, int high, int& out, Diagnostics& diags) {
    int value = 0;
    const char* end = p.value.data() + p.value.size();
    auto [ptr, ec] = std::from_chars(p.value.data(), end, value);
    if (ec != std::errc() || ptr != end || value < low || value > high) {
        diags.error(p.span, "expected a whole number from " + std::to_string(low) + " to " + std::to_string(high) + " for " +
                                p.name + ", found '" + p.value + "'");
        return false;
    }
    out = value;
    return true;
}

}  // namespace

HyphenationPolicy read_hyphenation_policy(const std::vector<doc::Property>& properties, Diagnostics& diags) {
    HyphenationPolicy policy;
    constexpr int kMaxDemerits = 1000000;
    for (const auto& p : properties) {
        if (p.name == "hyphen-penalty") read_int(p, 0, kMaxPenalty, policy.hyphen_penalty, diags);
        else if (p.name == "explicit-hyphen-penalty") read_int(p, 0, kMaxPenalty, policy.explicit_hyphen_penalty, diags);
        else if (p.name == "capitalized-penalty") read_int(p, 0, kMaxPenalty, policy.capitalized_penalty, diags);
        else if (p.name == "uppercase-penalty") read_int(p, 0, kMaxPenalty, policy.uppercase_penalty, diags);
        else if (p.name == "double-hyphen-demerits") read_int(p, 0, kMaxDemerits, policy.double_hyphen_demerits, diags);
        else if (p.name == "final-hyphen-demerits") read_int(p, 0, kMaxDemerits, policy.final_hyphen_demerits, diags);
        else if (p.name == "max-hyphenated-lines") read_int(p, 0, 100, policy.max_hyphenated_lines, diags);
        else if (p.name == "emergency-penalty") read_int(p, 0, kMaxPenalty, policy.emergency_penalty, diags);
    }
    return policy;
}

std::vector<std::shared_ptr<const TieRules>> read_ties(const std::vector<doc::TiesDecl>& decls, Diagnostics& diags) {
    std::vector<std::shared_ptr<const TieRules>> out;
    for (const auto& decl : decls) {
        if (decl.lang.empty()) continue;  // the reader reported the missing attribute
        if (ties_for(out, decl.lang) && ties_for(out, decl.lang)->lang == decl.lang) {
            diags.error(decl.span, "ties for language '" + decl.lang + "' are defined twice");
            continue;
        }
        auto rules = std::make_shared<TieRules>();
        rules->lang = decl.lang;
        for (const auto& w : decl.after) rules->after.push_back(w.word);
        for (const auto& w : decl.before_number) rules->before_number.push_back(w.word);
        for (const auto& a : decl.attributes) {
            if (a.value == "true" || a.value == "false") rules->after_number = a.value == "true";
            else diags.error(a.span, "expected true or false for after-number, found '" + a.value + "'");
        }
        out.push_back(std::move(rules));
    }
    return out;
}

std::shared_ptr<const TieRules> ties_for(const std::vector<std::shared_ptr<const TieRules>>& all, const std::string& lang) {
    for (const auto& t : all)
        if (t->lang == lang) return t;
    const std::string primary = lang.substr(0, lang.find('-'));
    for (const auto& t : all)
        if (t->lang == primary) return t;
    return nullptr;
}

}  // namespace reportc::style
