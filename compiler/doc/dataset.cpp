// Readable dumps of datasets and table templates (for failing tests and `--debug` output).
#include "doc/dataset.h"
#include "doc/table_template.h"

namespace reportc::doc {

const char* element_name(TemplateRow::Kind kind) {
    switch (kind) {
    case TemplateRow::Kind::Group: return "group-row";
    case TemplateRow::Kind::Header: return "header-row";
    case TemplateRow::Kind::Record: return "record-row";
    case TemplateRow::Kind::Footer: return "footer-row";
    }
    return "?";
}

size_t Dataset::record_count() const {
    size_t n = 0;
    for (const auto& g : groups) n += g.records.size();
    return n;
}

namespace {

void print_runs(std::ostream& os, const std::vector<TextRun>& runs) {
    os << "[";
    for (size_t i = 0; i < runs.size(); ++i) os << (i ? " " : "") << runs[i];
    os << "]";
}

void print_fields(std::ostream& os, const std::map<std::string, FieldValue>& fields, const std::string& pad) {
    for (const auto& [name, value] : fields) os << pad << name << ": " << value << "\n";
}

const char* row_kind(TemplateRow::Kind k) {
    switch (k) {
    case TemplateRow::Kind::Header: return "header-row";
    case TemplateRow::Kind::Group: return "group-row";
    case TemplateRow::Kind::Record: return "record-row";
    case TemplateRow::Kind::Footer: return "footer-row";
    }
    return "?";
}

void print_part(std::ostream& os, const TemplatePart& p) {
    if (p.kind == TemplatePart::Kind::Text) os << "\"" << p.text << "\"";
    else os << "{" << p.field << (p.group_scope ? "@group" : "") << (p.optional ? "?" : "") << (p.number ? "#" : "") << "}";
    for (const auto& s : p.char_styles) os << "[" << s << "]";
}

}  // namespace

// text ["a" "b"[see-also]]   bullets ["x"] []   lines ["1"] ["2"]
std::ostream& operator<<(std::ostream& os, const FieldValue& v) {
    switch (v.kind) {
    case FieldValue::Kind::Text: os << "text"; break;
    case FieldValue::Kind::Bullets: os << "bullets"; break;
    case FieldValue::Kind::Lines: os << "lines"; break;
    }
    for (const auto& item : v.items) {
        os << " ";
        print_runs(os, item);
    }
    return os;
}

std::ostream& operator<<(std::ostream& os, const Dataset& d) {
    os << "dataset " << d.path << " (" << d.record_count() << " records)\n";
    for (const auto& g : d.groups) {
        os << "  group";
        if (g.implicit) os << " (implicit)";
        if (!g.id.empty()) os << " #" << g.id;
        if (!g.title.empty()) os << " \"" << g.title << "\"";
        os << "\n";
        print_fields(os, g.fields, "    ");
        for (const auto& r : g.records) {
            os << "    record" << (r.id.empty() ? "" : " #" + r.id) << "\n";
            print_fields(os, r.fields, "      ");
        }
    }
    return os;
}

std::ostream& operator<<(std::ostream& os, const TableTemplate& t) {
    os << "table-template " << t.name;
    if (!t.table_style.empty()) os << " table-style=" << t.table_style;
    os << " columns=";
    for (size_t i = 0; i < t.columns.size(); ++i) os << (i ? "," : "") << t.columns[i].value;
    os << "\n";
    for (const auto& row : t.rows) {
        os << "  " << row_kind(row.kind) << "\n";
        for (const auto& cell : row.cells) {
            os << "    cell";
            if (cell.colspan != 1) os << " colspan=" << cell.colspan;
            if (!cell.align.empty()) os << " align=" << cell.align;
            if (!cell.valign.empty()) os << " valign=" << cell.valign;
            os << "\n";
            for (const auto& b : cell.blocks) {
                if (b.kind == TemplateBlock::Kind::Paragraph) {
                    os << "      p(" << b.style << ")";
                    for (const auto& p : b.parts) {
                        os << " ";
                        print_part(os, p);
                    }
                } else {
                    os << "      field ";
                    print_part(os, b.field);
                    os << " marker=\"" << b.marker << "\"";
                    if (!b.style.empty()) os << " style=" << b.style;
                }
                os << "\n";
            }
        }
    }
    return os;
}

}  // namespace reportc::doc
