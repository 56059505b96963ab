#include "xref/ref_format.h"

#include <vector>

namespace reportc::xref {
namespace {

const std::vector<std::string>& field_names() {
    static const std::vector<std::string> names = {"label", "number", "title", "page"};
    return names;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

std::string trim_front(std::string s) {
    size_t i = 0;
    while (i < s.size() && is_space(s[i])) ++i;
    return s.substr(i);
}
std::string trim_back(std::string s) {
    while (!s.empty() && is_space(s.back())) s.pop_back();
    return s;
}

// Calls `text` for literal pieces and `field` for {name}s, in order; false at the first malformed brace.
template <typename Text, typename Field>
bool scan(const std::string& format, Text text, Field field) {
    size_t at = 0;
    while (at < format.size()) {
        size_t open = format.find('{', at);
        size_t close_stray = format.find('}', at);
        if (close_stray < open) return false;
        if (open == std::string::npos) {
            text(format.substr(at));
            break;
        }
        size_t close = format.find('}', open);
        if (close == std::string::npos) return false;
        text(format.substr(at, open - at));
        if (!field(format.substr(open + 1, close - open - 1))) return false;
        at = close + 1;
    }
    return true;
}

}  // namespace

std::map<std::string, std::string> builtin_ref_formats() {
    return {{"label", "{label} {number}"}, {"number", "{number}"}, {"title", "{title}"}, {"page", "page {page}"}};
}

std::optional<std::string> check_ref_format(const std::string& text) {
    std::optional<std::string> problem;
    int pages = 0;
    bool well_formed = scan(text, [](const std::string&) {}, [&](const std::string& name) {
        bool known = false;
        for (const auto& f : field_names()) known = known || f == name;
        if (!known && !problem) problem = "expected fields {label}, {number}, {title} or {page} in a reference format, found '{" + name + "}'";
        if (name == "page") ++pages;
        return true;
    });
    if (!well_formed) return "expected a reference format with fields in braces such as '{label} {number}', found '" + text + "'";
    if (!problem && pages > 1) problem = "expected {page} at most once in a reference format, found it " + std::to_string(pages) + " times";
    return problem;
}

doc::ResolvedReference format_reference(const std::string& format, const RefFields& fields, const std::string& anchor) {
    doc::ResolvedReference out;
    out.anchor = anchor;
    const bool numbered = !fields.number.empty();
    std::string* into = &out.text;
    scan(format, [&](const std::string& text) { *into += text; }, [&](const std::string& name) {
        if (name == "label") *into += numbered ? fields.label : "";
        else if (name == "number") *into += numbered ? fields.number : fields.title;
        else if (name == "title") *into += fields.title;
        else if (name == "page") {
            out.shows_page = true;
            into = &out.after_page;
        }
        return true;
    });
    out.text = trim_front(std::move(out.text));
    if (out.shows_page) out.after_page = trim_back(std::move(out.after_page));
    else out.text = trim_back(std::move(out.text));
    return out;
}

}  // namespace reportc::xref
