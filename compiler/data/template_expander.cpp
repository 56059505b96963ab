#include "data/template_expander.h"

#include <algorithm>
#include <cctype>

#include <set>
#include <string_view>
#include <utility>

#include "input/data_reader.h"

namespace reportc::data {

bool is_number(std::string_view s) {
    auto digit = [&](size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; };
    size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t start = i;
    while (digit(i)) ++i;
    size_t lead = i - start;
    if (lead == 0) return false;
    if (i < s.size() && s[i] == ',') {
        if (lead > 3) return false;
        while (i < s.size() && s[i] == ',') {
            if (!digit(i + 1) || !digit(i + 2) || !digit(i + 3)) return false;
            i += 4;
        }
        if (digit(i)) return false;
    }
    if (i < s.size() && s[i] == '.') {
        size_t frac = ++i;
        while (digit(i)) ++i;
        if (i == frac) return false;
    }
    return i == s.size();
}

namespace {

// What a template part is evaluated against: a record (record rows) and its group.
struct Scope {
    const doc::RecordGroup* group = nullptr;
    std::string group_name;  // "group '2'" or "group #3", for messages
    const doc::Record* record = nullptr;
    std::string record_name;  // "record '1-a'" or "record #7"
};

class Expander {
public:
    Expander(const doc::TableTemplate& t, const doc::Dataset& data, const doc::Table& placeholder, Diagnostics& diags)
        : m_template(t), m_data(data), m_placeholder(placeholder), m_diags(diags) {}

    doc::Table expand();

private:
    void check_column_count();
    size_t row_count() const;
    void add_rows(doc::TemplateRow::Kind kind, doc::TableRow::Kind as, const Scope& scope, std::vector<doc::TableRow>& out);
    doc::TableCell expand_cell(const doc::TemplateCell& cell, const Scope& scope);
    void expand_block(const doc::TemplateBlock& block, const Scope& scope, std::vector<doc::Block>& out);
    void expand_paragraph(const doc::TemplateBlock& block, const Scope& scope, std::vector<doc::Block>& out);
    // The field's value, or nullptr when it is missing (an error unless the part is optional).
    const doc::FieldValue* lookup(const doc::TemplatePart& part, const Scope& scope);
    void check_number(const doc::TemplatePart& part, const doc::FieldValue& value);
    void report_missing_column(const doc::TemplatePart& part);
    // Reports once per location and message (a template part is used by every record); true
    // when this call reported it.
    bool error(Span span, std::string message);

    const doc::TableTemplate& m_template;
    const doc::Dataset& m_data;
    const doc::Table& m_placeholder;
    Diagnostics& m_diags;
    std::set<std::pair<Span, std::string>> m_reported;
    doc::FieldValue m_group_attribute;  // scratch value for a group's "title" and "id"
};

bool Expander::error(Span span, std::string message) {
    if (!m_reported.emplace(span, message).second) return false;
    m_diags.error(span, std::move(message));
    return true;
}

// Every record of a CSV file has the header's fields, so a field missing from one is missing
// from the header: one error there (not one per record), and a note at the template's field.
void Expander::report_missing_column(const doc::TemplatePart& part) {
    std::string found;
    for (const auto& name : m_data.columns) found += (found.empty() ? "" : ", ") + name;
    if (error(m_data.header_span, "expected a column named '" + part.field + "' in the header row, found columns: " + found))
        m_diags.note(part.span, "template '" + m_template.name + "' uses the field '" + part.field + "' here");
}


void Expander::check_column_count() {
    if (m_template.columns.empty()) return;  // the layout counts the columns from the rows
    for (const auto& row : m_template.rows) {
        int span = 0;
        for (const auto& cell : row.cells) span += cell.colspan;
        if (span > int(m_template.columns.size()))
            error(row.span, "expected cells spanning at most " + std::to_string(m_template.columns.size()) + " columns in a <" +
                                doc::element_name(row.kind) + "> of template '" + m_template.name + "', found " + std::to_string(span));
    }
}

// The rows expand() makes, so that the table's rows are allocated once, at their size: a table
// of many records is held through both layout passes (docs/performance.md, "Peak memory").
size_t Expander::row_count() const {
    auto rows_of = [&](doc::TemplateRow::Kind kind) {
        return size_t(std::count_if(m_template.rows.begin(), m_template.rows.end(), [&](const auto& r) { return r.kind == kind; }));
    };
    size_t n = rows_of(doc::TemplateRow::Kind::Footer);
    bool implicit_headers = false;
    for (const auto& group : m_data.groups) {
        if (!group.implicit) n += rows_of(doc::TemplateRow::Kind::Group) + rows_of(doc::TemplateRow::Kind::Header);
        else if (!group.records.empty()) implicit_headers = true;
        n += group.records.size() * rows_of(doc::TemplateRow::Kind::Record);
    }
    return n + (implicit_headers ? rows_of(doc::TemplateRow::Kind::Header) : 0);
}

doc::Table Expander::expand() {
    check_column_count();
    doc::Table table;
    table.rows.reserve(row_count());
    table.style = m_placeholder.style == "table" && !m_template.table_style.empty() ? m_template.table_style : m_placeholder.style;
    table.id = m_placeholder.id;
    table.span = m_placeholder.span;
    table.data_span = m_placeholder.data_span;
    table.columns = m_template.columns;

    bool implicit_headers_done = false;
    size_t record_number = 0;
    Scope scope;
    for (size_t g = 0; g < m_data.groups.size(); ++g) {
        const auto& group = m_data.groups[g];
        scope.group = &group;
        scope.group_name = !group.id.empty() ? "group '" + group.id + "'" : "group #" + std::to_string(g + 1);
        scope.record = nullptr;
        if (!group.implicit) {
            add_rows(doc::TemplateRow::Kind::Group, doc::TableRow::Kind::Section, scope, table.rows);
            add_rows(doc::TemplateRow::Kind::Header, doc::TableRow::Kind::Header, scope, table.rows);
        } else if (!implicit_headers_done && !group.records.empty()) {
            add_rows(doc::TemplateRow::Kind::Header, doc::TableRow::Kind::Header, scope, table.rows);
            implicit_headers_done = true;
        }
        // Records in data order, or sorted by a field when the template says so (a stable,
        // case-insensitive sort on the field's text; records lacking the field come last).
        std::vector<const doc::Record*> ordered;
        for (const auto& record : group.records) ordered.push_back(&record);
        if (!m_template.sort_field.empty()) {
            auto key = [&](const doc::Record* r) {
                std::string k;
                if (auto it = r->fields.find(m_template.sort_field); it != r->fields.end() && !it->second.items.empty())
                    for (const auto& run : it->second.items.front())
                        for (char c : run.text) k += char(std::tolower(static_cast<unsigned char>(c)));
                return k;
            };
            std::stable_sort(ordered.begin(), ordered.end(), [&](const doc::Record* a, const doc::Record* b) {
                std::string ka = key(a), kb = key(b);
                if (ka.empty() != kb.empty()) return kb.empty();
                return ka < kb;
            });
        }
        for (const doc::Record* record_ptr : ordered) {
            const auto& record = *record_ptr;
            ++record_number;
            scope.record = &record;
            scope.record_name = !record.id.empty() ? "record '" + record.id + "'" : "record #" + std::to_string(record_number);
            size_t first = table.rows.size();
            add_rows(doc::TemplateRow::Kind::Record, doc::TableRow::Kind::Body, scope, table.rows);
            if (first < table.rows.size() && !record.id.empty())
                table.rows[first].id = m_placeholder.id.empty() ? record.id : m_placeholder.id + "-" + record.id;
            for (size_t i = first; i < table.rows.size(); ++i) table.rows[i].span = record.span;
        }
    }
    // Footer rows read the last group's fields.
    scope.record = nullptr;
    add_rows(doc::TemplateRow::Kind::Footer, doc::TableRow::Kind::Footer, scope, table.rows);
    return table;
}

void Expander::add_rows(doc::TemplateRow::Kind kind, doc::TableRow::Kind as, const Scope& scope, std::vector<doc::TableRow>& out) {
    for (const auto& row : m_template.rows) {
        if (row.kind != kind) continue;
        doc::TableRow result;
        result.kind = as;
        result.span = kind == doc::TemplateRow::Kind::Group && scope.group ? scope.group->span : row.span;
        result.cells.reserve(row.cells.size());
        for (const auto& cell : row.cells) result.cells.push_back(expand_cell(cell, scope));
        out.push_back(std::move(result));
    }
}

doc::TableCell Expander::expand_cell(const doc::TemplateCell& cell, const Scope& scope) {
    doc::TableCell result;
    result.colspan = cell.colspan;
    result.align = cell.align;
    result.valign = cell.valign;
    result.span = cell.span;
    result.blocks.reserve(cell.blocks.size());  // one block each but for a field of lines
    for (const auto& block : cell.blocks) expand_block(block, scope, result.blocks);
    return result;
}

const doc::FieldValue* Expander::lookup(const doc::TemplatePart& part, const Scope& scope) {
    if (part.group_scope) {
        if (!scope.group) return nullptr;
        if (part.field == "title" || part.field == "id") {
            const std::string& text = part.field == "title" ? scope.group->title : scope.group->id;
            if (!text.empty()) {
                m_group_attribute = {};
                m_group_attribute.span = scope.group->span;
                m_group_attribute.items.push_back({doc::TextRun{text, {}, "", false, scope.group->span}});
                return &m_group_attribute;
            }
        } else if (auto it = scope.group->fields.find(part.field); it != scope.group->fields.end()) {
            return &it->second;
        }
        if (!part.optional)
            error(scope.group->span, scope.group_name + " has no field '" + part.field + "', which template '" + m_template.name + "' uses");
        return nullptr;
    }
    if (!scope.record) return nullptr;  // a record field outside a record row: the template reader reported it
    if (auto it = scope.record->fields.find(part.field); it != scope.record->fields.end()) return &it->second;
    if (part.optional) return nullptr;
    if (!m_data.columns.empty())
        report_missing_column(part);
    else
        error(scope.record->span, scope.record_name + " has no field '" + part.field + "', which template '" + m_template.name + "' uses");
    return nullptr;
}

void Expander::check_number(const doc::TemplatePart& part, const doc::FieldValue& value) {
    if (!part.number) return;
    for (const auto& item : value.items) {
        std::string text = doc::plain_text(item);
        if (is_number(text)) continue;
        Span at = value.span;
        for (const auto& run : item)
            if (!run.text.empty()) { at = run.span; break; }
        error(at, "expected a number in field '" + part.field + "', found '" + text + "'");
    }
}

void Expander::expand_block(const doc::TemplateBlock& block, const Scope& scope, std::vector<doc::Block>& out) {
    if (block.kind == doc::TemplateBlock::Kind::Paragraph) {
        expand_paragraph(block, scope, out);
        return;
    }
    const doc::FieldValue* value = lookup(block.field, scope);
    if (!value) return;
    check_number(block.field, *value);
    auto paragraph = [&](const std::vector<doc::TextRun>& runs, const std::string& style) {
        doc::Paragraph p;
        p.style = style;
        p.span = block.span;
        p.runs.reserve(runs.size());
        for (const auto& run : runs) {
            doc::TextRun copy = run;
            copy.char_styles = copy.char_styles.inside(block.field.char_styles);
            p.runs.push_back(std::move(copy));
        }
        input::normalize_run_spaces(p.runs);
        return p;
    };
    switch (value->kind) {
    case doc::FieldValue::Kind::Text:
        out.push_back({paragraph(value->items.empty() ? std::vector<doc::TextRun>{} : value->items.front(), block.style)});
        break;
    case doc::FieldValue::Kind::Lines:
        for (const auto& line : value->items) out.push_back({paragraph(line, block.style)});
        break;
    case doc::FieldValue::Kind::Bullets: {
        doc::List list;
        list.style = block.style.empty() ? "table-list" : block.style;
        list.marker = block.marker;
        list.span = block.span;
        list.items.reserve(value->items.size());
        for (const auto& bullet : value->items) {
            doc::ListItem item;
            item.span = value->span;
            item.blocks.push_back({paragraph(bullet, list.style)});
            list.items.push_back(std::move(item));
        }
        out.push_back({std::move(list)});
        break;
    }
    }
}

// A paragraph whose only content is missing optional fields is left out, so an absent value
// leaves no empty line in the cell.
void Expander::expand_paragraph(const doc::TemplateBlock& block, const Scope& scope, std::vector<doc::Block>& out) {
    doc::Paragraph p;
    p.style = block.style;
    p.span = block.span;
    bool missing_optional = false;
    for (const auto& part : block.parts) {
        if (part.kind == doc::TemplatePart::Kind::Text) {
            p.runs.push_back({part.text, part.char_styles, "", false, part.span});
            continue;
        }
        const doc::FieldValue* value = lookup(part, scope);
        if (!value) {
            missing_optional = missing_optional || part.optional;
            continue;
        }
        if (value->kind == doc::FieldValue::Kind::Bullets) {
            error(part.span, "expected a text field inside <p>, found field '" + part.field +
                                 "' holding bullets; place the <field> directly in the <cell>");
            continue;
        }
        check_number(part, *value);
        // Text is one item; lines inside a paragraph are separated by forced line breaks.
        for (size_t i = 0; i < value->items.size(); ++i) {
            if (i > 0) p.runs.push_back({"", part.char_styles, "", true, value->span});
            for (const auto& run : value->items[i]) {
                doc::TextRun copy = run;
                copy.char_styles = copy.char_styles.inside(part.char_styles);
                p.runs.push_back(std::move(copy));
            }
        }
    }
    input::normalize_run_spaces(p.runs);
    if (p.runs.empty() && missing_optional) return;
    out.push_back({std::move(p)});
}

}  // namespace

doc::Table expand_template(const doc::TableTemplate& t, const doc::Dataset& data, const doc::Table& placeholder,
                           Diagnostics& diags) {
    return Expander(t, data, placeholder, diags).expand();
}

}  // namespace reportc::data
