#include <algorithm>
#include <cstring>

#include "doc/limits.h"
#include "input/aggregate_reader.h"
#include "input/inline_reader.h"
#include "input/report_reader.h"

namespace reportc::input {

bool has_block_child(pugi::xml_node node) {
    // An <image> is a block unless text stands beside it: then it is part of a line.
    bool has_text = false;
    for (auto child : node.children())
        if (child.type() == pugi::node_pcdata && std::string_view(child.value()).find_first_not_of(" \t\r\n") != std::string_view::npos)
            has_text = true;
    for (auto child : node.children()) {
        if (child.type() != pugi::node_element) continue;
        if (!is_inline_element(child.name())) return true;
        if (std::strcmp(child.name(), "image") == 0 && !has_text) return true;
    }
    return false;
}

doc::Paragraph ReportReader::read_paragraph(const XmlFile& file, pugi::xml_node node, std::string default_style) {
    doc::Paragraph paragraph;
    paragraph.style = node.attribute("style").as_string(default_style.c_str());
    paragraph.id = node.attribute("id").value();
    paragraph.span = file.span(node);
    paragraph.runs = read_inline(file, node, m_diags);
    return paragraph;
}

std::vector<doc::Block> ReportReader::read_flexible(const XmlFile& file, pugi::xml_node node, int level, const std::string& style) {
    std::vector<doc::Block> blocks;
    if (has_block_child(node)) {
        read_blocks(file, node, level, blocks);
    } else {
        doc::Paragraph paragraph;
        paragraph.style = style;
        paragraph.span = file.span(node);
        paragraph.runs = read_inline(file, node, m_diags);
        blocks.push_back({std::move(paragraph)});
    }
    return blocks;
}

doc::List ReportReader::read_list(const XmlFile& file, pugi::xml_node node, int level) {
    file.check_attributes(node, {"marker", "style", "numbering", "start"}, m_diags);
    doc::List list;
    list.numbering = node.attribute("numbering").value();
    if (auto start = node.attribute("start")) {
        std::string text = start.value();
        bool digits = !text.empty() && text.size() < 9 && text.find_first_not_of("0123456789") == std::string::npos;
        if (!digits) m_diags.error(file.attribute_span(node, "start"), "expected start as a whole number such as 3, found '" + text + "'");
        else list.start = std::stoi(text);
    }
    list.marker = node.attribute("marker").as_string("");
    list.style = node.attribute("style").as_string("list-item");
    list.span = file.span(node);
    for (auto child : node.children()) {
        if (child.type() == pugi::node_pcdata && !is_blank(child.value())) {
            m_diags.error(file.span(child), "unexpected text in <list>; expected <item>");
            continue;
        }
        if (child.type() != pugi::node_element) continue;
        if (std::strcmp(child.name(), "item") != 0) {
            m_diags.error(file.span(child), "unexpected element <" + std::string(child.name()) + "> in <list>; expected <item>");
            continue;
        }
        file.check_attributes(child, {"label", "id", "number"}, m_diags);
        doc::ListItem item;
        item.label = child.attribute("label").value();
        item.id = child.attribute("id").value();
        item.number = child.attribute("number").value();
        item.span = file.span(child);
        item.blocks = read_flexible(file, child, level, list.style);
        list.items.push_back(std::move(item));
    }
    return list;
}

doc::Table ReportReader::read_table(const XmlFile& file, pugi::xml_node node, int level) {
    file.check_attributes(node, {"style", "id", "template", "data",
                                 "where", "group-by", "count", "sum", "sort"}, m_diags);
    doc::Table table;
    table.style = node.attribute("style").as_string("table");
    table.id = node.attribute("id").value();
    table.span = file.span(node);
    table.template_name = node.attribute("template").value();
    if (auto data = node.attribute("data")) {
        table.data_path = join_path(file.directory(), data.value());
        table.data_span = file.attribute_span(node, "data");
        table.aggregate = read_aggregate(file, node, m_diags);
    } else {
        reject_aggregate(file, node, "it works on the records of a data file", m_diags);
    }
    if (table.template_name.empty() != table.data_path.empty())
        m_diags.error(table.span, "expected both 'template' and 'data' on a generated <table>, found only one");
    for (auto child : node.children()) {
        if (child.type() == pugi::node_pcdata && !is_blank(child.value())) {
            m_diags.error(file.span(child), "unexpected text in <table>; expected <column> or <row>");
            continue;
        }
        if (child.type() != pugi::node_element) continue;
        std::string_view name = child.name();
        if (name == "column") {
            if (!table.template_name.empty())
                m_diags.error(file.span(child), "expected no columns in a <table> generated from a template; its columns come from the template");
            file.check_attributes(child, {"width"}, m_diags);
            file.expect_empty(child, "", m_diags);
            doc::ColumnSpec column;
            column.value = child.attribute("width").as_string("auto");
            column.span = file.attribute_span(child, "width");
            if (column.value == "auto") column.kind = doc::ColumnSpec::Kind::Auto;
            else if (column.value.size() > 2 && column.value.ends_with("fr")) column.kind = doc::ColumnSpec::Kind::Fraction;
            else column.kind = doc::ColumnSpec::Kind::Fixed;
            table.columns.push_back(column);
        } else if (name == "row") {
            if (table.rows.size() == doc::kMaxTableRows) {
                m_diags.error(file.span(child), "expected at most " + std::to_string(doc::kMaxTableRows) + " rows in a table, found more");
                break;
            }
            if (!table.template_name.empty())
                m_diags.error(file.span(child), "expected no rows in a <table> generated from a template; its rows come from the data");
            file.check_attributes(child, {"kind", "id", "shade", "style"}, m_diags);
            doc::TableRow row;
            row.span = file.span(child);
            row.id = child.attribute("id").value();
            row.shade = child.attribute("shade").value();
            row.style = child.attribute("style").value();
            std::string kind = child.attribute("kind").as_string("body");
            if (kind == "header") row.kind = doc::TableRow::Kind::Header;
            else if (kind == "section") row.kind = doc::TableRow::Kind::Section;
            else if (kind == "footer") row.kind = doc::TableRow::Kind::Footer;
            else if (kind != "body")
                m_diags.error(file.attribute_span(child, "kind"), "expected row kind 'body', 'header', 'section' or 'footer', found '" + kind + "'");
            // Cell paragraphs without a style take the table style's cell, header or group style.
            std::string cell_style;
            for (auto cell_node : child.children()) {
                if (cell_node.type() == pugi::node_pcdata && !is_blank(cell_node.value())) {
                    m_diags.error(file.span(cell_node), "unexpected text in <row>; expected <cell>");
                    continue;
                }
                if (cell_node.type() != pugi::node_element) continue;
                if (std::strcmp(cell_node.name(), "cell") != 0) {
                    m_diags.error(file.span(cell_node), "unexpected element <" + std::string(cell_node.name()) + "> in <row>; expected <cell>");
                    continue;
                }
                file.check_attributes(cell_node, {"colspan", "rowspan", "align", "valign", "shade", "style"}, m_diags);
                doc::TableCell cell;
                cell.span = file.span(cell_node);
                cell.shade = cell_node.attribute("shade").value();
                cell.style = cell_node.attribute("style").value();
                cell.align = cell_node.attribute("align").value();
                cell.valign = cell_node.attribute("valign").value();
                if (!cell.align.empty() && cell.align != "left" && cell.align != "center" && cell.align != "right" && cell.align != "justify")
                    m_diags.error(file.attribute_span(cell_node, "align"), "expected align left, center, right or justify, found '" + cell.align + "'");
                if (!cell.valign.empty() && cell.valign != "top" && cell.valign != "middle" && cell.valign != "bottom")
                    m_diags.error(file.attribute_span(cell_node, "valign"), "expected valign top, middle or bottom, found '" + cell.valign + "'");
                for (const char* attr : {"colspan", "rowspan"}) {
                    if (auto a = cell_node.attribute(attr)) {
                        int v = a.as_int(0);
                        if (v < 1 || std::to_string(v) != a.value())
                            m_diags.error(file.attribute_span(cell_node, attr), std::string("expected a positive whole number for ") + attr + ", found '" + a.value() + "'");
                        else if (v > doc::kMaxCellSpan)
                            m_diags.error(file.attribute_span(cell_node, attr), std::string("expected ") + attr + " at most " + std::to_string(doc::kMaxCellSpan) + ", found " + a.value());
                        else (std::strcmp(attr, "colspan") == 0 ? cell.colspan : cell.rowspan) = v;
                    }
                }
                cell.blocks = read_flexible(file, cell_node, level, cell_style);
                row.cells.push_back(std::move(cell));
            }
            table.rows.push_back(std::move(row));
        } else {
            m_diags.error(file.span(child), "unexpected element <" + std::string(name) + "> in <table>; expected <column> or <row>");
        }
    }
    return table;
}

}  // namespace reportc::input
