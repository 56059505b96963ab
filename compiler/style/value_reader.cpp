#include "style/value_reader.h"

#include <set>

namespace reportc::style {

bool collect_chain(const std::map<std::string, const doc::StyleDecl*>& decls, const doc::StyleDecl& style,
                   Properties& out, Diagnostics& diags) {
    std::vector<const doc::StyleDecl*> chain;
    std::set<std::string> seen;
    const doc::StyleDecl* current = &style;
    while (current) {
        if (!seen.insert(current->name).second) {
            diags.error(style.span, "style '" + style.name + "' inherits from itself through based-on '" + current->name + "'");
            return false;
        }
        chain.push_back(current);
        if (current->based_on.empty()) break;
        auto it = decls.find(current->based_on);
        if (it == decls.end()) {
            diags.error(current->span, "style '" + current->name + "' is based on '" + current->based_on +
                                           "', which is not a style of the same kind in this layout");
            return false;
        }
        current = it->second;
    }
    for (auto it = chain.rbegin(); it != chain.rend(); ++it)
        for (const auto& p : (*it)->properties) out[p.name] = &p;
    return true;
}

void ValueReader::border(const Properties& props, const char* name, BorderSide& out) {
    auto p = find(props, name);
    if (!p) return;
    if (p->value == "none") {
        out = BorderSide{};
        return;
    }
    BorderSide side;
    bool ok = true, have_width = false;
    size_t at = 0;
    while (ok && at < p->value.size()) {
        size_t start = p->value.find_first_not_of(' ', at);
        if (start == std::string::npos) break;
        size_t stop = std::min(p->value.find(' ', start), p->value.size());
        std::string word = p->value.substr(start, stop - start);
        if (word == "double") side.double_line = true;
        else if (auto c = parse_color(word)) side.color = *c;
        else if (auto w = parse_length(word, Length::from_pt(10)); w && *w >= Length{} && !have_width) {
            side.width = *w;
            have_width = true;
        } else ok = false;
        at = stop;
    }
    if (ok && have_width) out = side;
    else bad(*p, "a border such as '1pt #1f4e79', '3pt #000000 double' or none");
}

}  // namespace reportc::style
