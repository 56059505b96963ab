#include "input/template_reader.h"

#include "doc/limits.h"
#include "input/inline_reader.h"

#include <cstring>
#include <string>

namespace reportc::input {
namespace {


class TemplateReader {
public:
    TemplateReader(const XmlFile& file, Diagnostics& diags) : m_file(file), m_diags(diags) {}

    doc::TableTemplate read(pugi::xml_node node);

private:
    doc::ColumnSpec read_column(pugi::xml_node node);
    doc::TemplateRow read_row(pugi::xml_node node, doc::TemplateRow::Kind kind);
    doc::TemplateCell read_cell(pugi::xml_node node, doc::TemplateRow::Kind kind);
    doc::TemplateBlock read_paragraph(pugi::xml_node node, doc::TemplateRow::Kind kind);
    void read_parts(pugi::xml_node parent, int depth, std::vector<std::string>& styles, doc::TemplateRow::Kind kind,
                    std::vector<doc::TemplatePart>& out);
    // A <field/>: `in_cell` when it stands directly in a <cell> (then marker and style apply).
    doc::TemplatePart read_field(pugi::xml_node node, doc::TemplateRow::Kind kind, bool in_cell);

    const XmlFile& m_file;
    Diagnostics& m_diags;
    bool m_too_deep = false;  // the inline depth limit was reported (once)
};

doc::TableTemplate TemplateReader::read(pugi::xml_node node) {
    m_file.check_attributes(node, {"name", "table-style", "sort"}, m_diags);
    doc::TableTemplate t;
    t.name = m_file.required(node, "name", m_diags).value_or("");
    t.table_style = node.attribute("table-style").value();
    t.sort_field = node.attribute("sort").value();
    if (!t.sort_field.empty()) t.sort_span = m_file.attribute_span(node, "sort");
    t.span = m_file.span(node);
    bool has_record_row = false;
    for (auto child : node.children()) {
        if ((child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) && !is_blank(child.value())) {
            m_diags.error(m_file.span(child), "unexpected text in <table-template>; expected <column> or a row element");
            continue;
        }
        if (child.type() != pugi::node_element) continue;
        std::string_view name = child.name();
        if (name == "column") {
            t.columns.push_back(read_column(child));
        } else if (name == "group-row") {
            t.rows.push_back(read_row(child, doc::TemplateRow::Kind::Group));
        } else if (name == "header-row") {
            t.rows.push_back(read_row(child, doc::TemplateRow::Kind::Header));
        } else if (name == "record-row") {
            has_record_row = true;
            t.rows.push_back(read_row(child, doc::TemplateRow::Kind::Record));
        } else if (name == "footer-row") {
            t.rows.push_back(read_row(child, doc::TemplateRow::Kind::Footer));
        } else {
            m_diags.error(m_file.span(child), "unexpected element <" + std::string(name) +
                                                  "> in <table-template>; expected one of: column, group-row, header-row, "
                                                  "record-row, footer-row");
        }
    }
    if (!has_record_row)
        m_diags.error(t.span, "expected a <record-row> in <table-template> '" + t.name + "', found none");
    return t;
}

// Widths are classified as the source reader does; the table layout checks the values.
doc::ColumnSpec TemplateReader::read_column(pugi::xml_node node) {
    m_file.check_attributes(node, {"width"}, m_diags);
    m_file.expect_empty(node, "", m_diags);
    doc::ColumnSpec column;
    column.value = node.attribute("width").as_string("auto");
    column.span = node.attribute("width") ? m_file.attribute_span(node, "width") : m_file.span(node);
    if (column.value == "auto") column.kind = doc::ColumnSpec::Kind::Auto;
    else if (column.value.size() > 2 && column.value.ends_with("fr")) column.kind = doc::ColumnSpec::Kind::Fraction;
    else column.kind = doc::ColumnSpec::Kind::Fixed;
    return column;
}

doc::TemplateRow TemplateReader::read_row(pugi::xml_node node, doc::TemplateRow::Kind kind) {
    m_file.check_attributes(node, {}, m_diags);
    doc::TemplateRow row;
    row.kind = kind;
    row.span = m_file.span(node);
    for (auto child : node.children()) {
        if ((child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) && !is_blank(child.value())) {
            m_diags.error(m_file.span(child), "unexpected text in <" + std::string(node.name()) + ">; expected <cell>");
            continue;
        }
        if (child.type() != pugi::node_element) continue;
        if (std::strcmp(child.name(), "cell") != 0) {
            m_diags.error(m_file.span(child), "unexpected element <" + std::string(child.name()) + "> in <" +
                                                  node.name() + ">; expected <cell>");
            continue;
        }
        row.cells.push_back(read_cell(child, kind));
    }
    if (row.cells.empty()) m_diags.error(row.span, "expected at least one <cell> in <" + std::string(node.name()) + ">, found none");
    return row;
}

doc::TemplateCell TemplateReader::read_cell(pugi::xml_node node, doc::TemplateRow::Kind kind) {
    m_file.check_attributes(node, {"colspan", "align", "valign"}, m_diags);
    doc::TemplateCell cell;
    cell.span = m_file.span(node);
    cell.align = node.attribute("align").value();
    cell.valign = node.attribute("valign").value();
    if (!cell.align.empty() && cell.align != "left" && cell.align != "center" && cell.align != "right" && cell.align != "justify")
        m_diags.error(m_file.attribute_span(node, "align"), "expected align left, center, right or justify, found '" + cell.align + "'");
    if (!cell.valign.empty() && cell.valign != "top" && cell.valign != "middle" && cell.valign != "bottom")
        m_diags.error(m_file.attribute_span(node, "valign"), "expected valign top, middle or bottom, found '" + cell.valign + "'");
    if (auto a = node.attribute("colspan")) {
        int v = a.as_int(0);
        if (v < 1 || std::to_string(v) != a.value())
            m_diags.error(m_file.attribute_span(node, "colspan"),
                          std::string("expected a positive whole number for colspan, found '") + a.value() + "'");
        else if (v > doc::kMaxCellSpan)
            m_diags.error(m_file.attribute_span(node, "colspan"),
                          "expected colspan at most " + std::to_string(doc::kMaxCellSpan) + ", found " + a.value());
        else cell.colspan = v;
    }
    for (auto child : node.children()) {
        if ((child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) && !is_blank(child.value())) {
            m_diags.error(m_file.span(child), "unexpected text in <cell>; expected <p> or <field>");
            continue;
        }
        if (child.type() != pugi::node_element) continue;
        std::string_view name = child.name();
        if (name == "p") {
            cell.blocks.push_back(read_paragraph(child, kind));
        } else if (name == "field") {
            doc::TemplateBlock block;
            block.kind = doc::TemplateBlock::Kind::FieldBlock;
            block.span = m_file.span(child);
            block.style = child.attribute("style").value();
            block.marker = child.attribute("marker").as_string("•");
            block.field = read_field(child, kind, true);
            cell.blocks.push_back(std::move(block));
        } else {
            m_diags.error(m_file.span(child), "unexpected element <" + std::string(name) + "> in <cell>; expected <p> or <field>");
        }
    }
    return cell;
}

doc::TemplateBlock TemplateReader::read_paragraph(pugi::xml_node node, doc::TemplateRow::Kind kind) {
    m_file.check_attributes(node, {"style"}, m_diags);
    doc::TemplateBlock block;
    block.kind = doc::TemplateBlock::Kind::Paragraph;
    block.style = node.attribute("style").value();
    block.span = m_file.span(node);
    std::vector<std::string> styles;
    read_parts(node, 0, styles, kind, block.parts);
    return block;
}

void TemplateReader::read_parts(pugi::xml_node parent, int depth, std::vector<std::string>& styles, doc::TemplateRow::Kind kind,
                                std::vector<doc::TemplatePart>& out) {
    for (auto child : parent.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            doc::TemplatePart part;
            part.kind = doc::TemplatePart::Kind::Text;
            part.text = collapse_whitespace(child.value());
            part.char_styles = styles;
            part.span = m_file.span(child);
            out.push_back(std::move(part));
            continue;
        }
        if (child.type() != pugi::node_element) continue;
        std::string_view name = child.name();
        if (!within_inline_depth(m_file, child, depth + 1, m_too_deep, m_diags)) continue;
        const size_t outer_styles = styles.size();  // added to and restored, not copied per level
        if (name == "field") {
            doc::TemplatePart part = read_field(child, kind, false);
            part.char_styles = styles;
            out.push_back(std::move(part));
            continue;
        } else if (const char* style = markup_char_style(name)) {
            m_file.check_attributes(child, {}, m_diags);
            styles.push_back(style);
        } else if (name == "span") {
            m_file.check_attributes(child, {"style"}, m_diags);
            if (auto style = m_file.required(child, "style", m_diags)) styles.push_back(*style);
        } else {
            m_diags.error(m_file.span(child), "unexpected element <" + std::string(name) +
                                                  "> in a template paragraph; expected one of: field, b, i, span");
            continue;
        }
        read_parts(child, depth + 1, styles, kind, out);
        styles.resize(outer_styles);
    }
}

doc::TemplatePart TemplateReader::read_field(pugi::xml_node node, doc::TemplateRow::Kind kind, bool in_cell) {
    if (!in_cell) {
        for (const char* attr : {"marker", "style"})
            if (node.attribute(attr))
                m_diags.error(m_file.attribute_span(node, attr),
                              std::string("expected '") + attr + "' only on a <field> placed directly in a <cell>, found it inside <p>");
    }
    m_file.check_attributes(node, {"name", "scope", "optional", "format", "marker", "style"}, m_diags);
    m_file.expect_empty(node, "a field takes its value from the data", m_diags);
    doc::TemplatePart part;
    part.kind = doc::TemplatePart::Kind::Field;
    part.span = m_file.span(node);
    part.field = m_file.required(node, "name", m_diags).value_or("");
    std::string scope = node.attribute("scope").as_string("record");
    if (scope == "group") part.group_scope = true;
    else if (scope != "record")
        m_diags.error(m_file.attribute_span(node, "scope"), "expected scope 'record' or 'group', found '" + scope + "'");
    std::string optional = node.attribute("optional").as_string("false");
    if (optional == "true") part.optional = true;
    else if (optional != "false")
        m_diags.error(m_file.attribute_span(node, "optional"), "expected optional 'true' or 'false', found '" + optional + "'");
    if (auto format = node.attribute("format")) {
        if (std::string(format.value()) == "number") part.number = true;
        else m_diags.error(m_file.attribute_span(node, "format"), "expected format 'number', found '" + std::string(format.value()) + "'");
    }
    // Only record rows have a record: elsewhere a field must read the group.
    if (kind != doc::TemplateRow::Kind::Record && !part.group_scope && scope == "record")
        m_diags.error(part.span, std::string("expected a group field (scope=\"group\") in <") + doc::element_name(kind) +
                                     ">, found the record field '" + part.field + "'");
    return part;
}

}  // namespace

doc::TableTemplate read_table_template(const XmlFile& file, pugi::xml_node node, Diagnostics& diags) {
    return TemplateReader(file, diags).read(node);
}

}  // namespace reportc::input
