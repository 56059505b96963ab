#pragma once
// Private to style: reading a layout's property values into a stylesheet's fields, each bad value
// reported at its property as "expected ..., found '...'" and the field left as it was.
#include <initializer_list>
#include <map>
#include <string>
#include <utility>

#include "base/diagnostic.h"
#include "doc/layout_source.h"
#include "style/stylesheet.h"
#include "style/values.h"

namespace reportc::style {

using Properties = std::map<std::string, const doc::Property*>;

// Collects the properties along the based-on chain, base first, so later entries override.
bool collect_chain(const std::map<std::string, const doc::StyleDecl*>& decls, const doc::StyleDecl& style,
                   Properties& out, Diagnostics& diags);

class ValueReader {
public:
    explicit ValueReader(Diagnostics& diags) : m_diags(diags) {}

    void length(const Properties& props, const char* name, Length em, Length& out) {
        if (auto p = find(props, name)) {
            if (auto v = parse_length(p->value, em)) out = *v;
            else bad(*p, "a length such as 12pt, 4mm, 1.5em");
        }
    }
    void color(const Properties& props, const char* name, Color& out) {
        if (auto p = find(props, name)) {
            if (auto v = parse_color(p->value)) out = *v;
            else bad(*p, "a colour such as #1f4e79");
        }
    }
    void boolean(const Properties& props, const char* name, bool& out) {
        if (auto p = find(props, name)) {
            if (auto v = parse_bool(p->value)) out = *v;
            else bad(*p, "true or false");
        }
    }
    void integer(const Properties& props, const char* name, int& out, int lo = 1, int hi = 10) {
        if (auto p = find(props, name)) {
            auto v = parse_number(p->value);
            if (v && *v >= lo && *v <= hi && *v == int(*v)) out = int(*v);
            else bad(*p, "a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
        }
    }
    template <typename T>
    void keyword(const Properties& props, const char* name, std::initializer_list<std::pair<const char*, T>> options, T& out) {
        auto p = find(props, name);
        if (!p) return;
        std::string expected;
        for (const auto& [word, value] : options) {
            if (p->value == word) { out = value; return; }
            expected += (expected.empty() ? "" : ", ") + std::string(word);
        }
        bad(*p, "one of: " + expected);
    }
    // "none", or "WIDTH [COLOUR] [double]" such as "1pt #1f4e79" or "3pt #000000 double".
    void border(const Properties& props, const char* name, BorderSide& out);
    // The page-break controls a paragraph, table or box style gives its blocks.
    void keeps(const Properties& props, BlockKeeps& out) {
        boolean(props, "keep-together", out.together);
        boolean(props, "keep-with-next", out.with_next);
        boolean(props, "page-break-before", out.break_before);
        boolean(props, "page-break-after", out.break_after);
    }
    void space_at_top(const Properties& props, bool& keep) {
        keyword<bool>(props, "space-before-at-top", {{"discard", false}, {"keep", true}}, keep);
    }
    const doc::Property* find(const Properties& props, const char* name) {
        auto it = props.find(name);
        return it == props.end() ? nullptr : it->second;
    }
    void bad(const doc::Property& p, const std::string& expected) {
        m_diags.error(p.span, "expected " + expected + " for " + p.name + ", found '" + p.value + "'");
    }

private:
    Diagnostics& m_diags;
};

}  // namespace reportc::style
