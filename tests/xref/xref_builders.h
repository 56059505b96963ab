#pragma once
// Small document builders shared by the xref tests.
#include <string>
#include <vector>

#include "doc/document.h"
#include "doc/layout_source.h"

namespace reportc::xref_test {

inline doc::Block para(std::vector<doc::TextRun> runs, std::string id = "") {
    doc::Paragraph p;
    p.runs = std::move(runs);
    p.id = std::move(id);
    return {p};
}

inline doc::TextRun text(std::string s, std::vector<std::string> styles = {}, Span span = {}) {
    doc::TextRun r;
    r.text = std::move(s);
    r.char_styles = std::move(styles);
    r.span = span;
    return r;
}

// A table "awp" with rows awp-1-a … awp-1-e and awp-3-k.
inline doc::Table work_plan() {
    doc::Table t;
    t.id = "awp";
    for (const char* id : {"awp-1-a", "awp-1-b", "awp-1-c", "awp-1-d", "awp-1-e", "awp-3-k"}) {
        doc::TableRow row;
        row.id = id;
        doc::TableCell cell;
        cell.blocks.push_back(para({text(id)}));
        row.cells.push_back(cell);
        t.rows.push_back(row);
    }
    return t;
}

// One <numbering> rule: <element name="value" …/>.
inline doc::NumberingDecl rule(std::string element, std::vector<std::pair<std::string, std::string>> attributes, Span span = {}) {
    doc::NumberingDecl decl{std::move(element), {}, span};
    for (auto& [name, value] : attributes) decl.attributes.push_back({name, value, span});
    return decl;
}

inline std::string rendered(const std::vector<doc::TextRun>& runs) {
    std::string s;
    for (const auto& r : runs) {
        // A resolved reference links to its target's anchor; other links are as written or found.
        std::string link = r.rare().resolved && !r.rare().resolved->anchor.empty() ? "#" + r.rare().resolved->anchor : r.rare().link;
        s += link.empty() ? doc::shown_text(r) : "[" + doc::shown_text(r) + "->" + link + "]";
    }
    return s;
}

}  // namespace reportc::xref_test
