#pragma once
// A row template from a layout: how records of a dataset become table rows.
#include <ostream>
#include <string>
#include <vector>

#include "base/span.h"
#include "doc/document.h"

namespace reportc::doc {

// A piece of template text: literal text, or the value of a field of the record (or of its
// group, scope "group"; "title" and "id" of a group are fields too).
struct TemplatePart {
    enum class Kind { Text, Field };
    Kind kind = Kind::Text;
    std::string text;   // Text
    std::string field;  // Field
    bool group_scope = false;
    bool optional = false;  // a missing field is empty instead of an error
    bool number = false;    // format="number": the field's value must read as a number
    std::vector<std::string> char_styles;
    Span span;
};

// A block of a template cell: a paragraph of parts, or a whole field placed as blocks
// (bullets become a list, lines become paragraphs, text a paragraph).
struct TemplateBlock {
    enum class Kind { Paragraph, FieldBlock };
    Kind kind = Kind::Paragraph;
    std::string style;                 // paragraph style; empty = the cell's default
    std::vector<TemplatePart> parts;   // Paragraph
    TemplatePart field;                // FieldBlock
    std::string marker = "•";          // FieldBlock with bullets: the list marker
    Span span;
};

struct TemplateCell {
    int colspan = 1;
    std::string align, valign;  // empty = the table style's
    std::vector<TemplateBlock> blocks;
    Span span;
};

struct TemplateRow {
    enum class Kind { Header, Group, Record, Footer };
    Kind kind = Kind::Record;
    std::vector<TemplateCell> cells;
    Span span;
};

struct TableTemplate {
    std::string name;
    std::string table_style;
    std::string sort_field;  // non-empty: records are set sorted by this field, else in data order
    Span sort_span;
    std::vector<ColumnSpec> columns;
    std::vector<TemplateRow> rows;
    Span span;
};

// The layout element a row kind is written as ("group-row", "header-row", …).
const char* element_name(TemplateRow::Kind kind);

std::ostream& operator<<(std::ostream& os, const TableTemplate& t);

}  // namespace reportc::doc
