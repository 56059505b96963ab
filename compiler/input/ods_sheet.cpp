// OpenDocument spreadsheets (.ods; OASIS OpenDocument 1.3, part 3, §9.1 tables): content.xml's
// tables, rows and cells with their repeat counts (never expanded blindly: a sheet ends in a
// million repeated empty rows), spans (merged cells), typed values, and the text:p paragraphs
// that hold what a cell shows, with bold and italic from the automatic text styles.
#include <pugixml.hpp>

#include <algorithm>
#include <functional>
#include <map>

#include "input/sheet.h"
#include "input/xml_file.h"
#include "input/sheet_values.h"

namespace reportc::input {
namespace {

bool is(pugi::xml_node node, std::string_view qualified) { return std::string_view(node.name()) == qualified; }

struct TextStyle {
    bool bold = false, italic = false;
};

// The automatic styles that make text bold or italic: style name -> emphasis.
std::map<std::string, TextStyle> text_styles(pugi::xml_node content) {
    std::map<std::string, TextStyle> out;
    for (auto style : content.child("office:automatic-styles").children("style:style")) {
        auto props = style.child("style:text-properties");
        if (!props) continue;
        TextStyle t;
        std::string_view weight = props.attribute("fo:font-weight").as_string();
        t.bold = weight == "bold" || weight == "600" || weight == "700" || weight == "800" || weight == "900";
        t.italic = std::string_view(props.attribute("fo:font-style").as_string()) == "italic";
        out[style.attribute("style:name").as_string()] = t;
    }
    return out;
}

// A paragraph's text as runs: spans carry styles; <text:s c="3"/> is spaces, <text:tab/> a tab,
// <text:line-break/> a line break.
void paragraph_runs(pugi::xml_node node, TextStyle style, const std::map<std::string, TextStyle>& styles, std::vector<SheetRun>& out) {
    for (auto c : node.children()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
            out.push_back({c.value(), style.bold, style.italic});
        } else if (is(c, "text:span")) {
            TextStyle inner = style;
            if (auto it = styles.find(c.attribute("text:style-name").as_string()); it != styles.end()) {
                inner.bold = inner.bold || it->second.bold;
                inner.italic = inner.italic || it->second.italic;
            }
            paragraph_runs(c, inner, styles, out);
        } else if (is(c, "text:s")) {
            out.push_back({std::string(std::min(c.attribute("text:c").as_uint(1), 1000u), ' '), style.bold, style.italic});
        } else if (is(c, "text:tab")) {
            out.push_back({"\t", style.bold, style.italic});
        } else if (is(c, "text:line-break")) {
            out.push_back({"\n", style.bold, style.italic});
        } else if (c.type() == pugi::node_element) {
            paragraph_runs(c, style, styles, out);  // links and other wrappers: their text
        }
    }
}

// What a cell shows: dates as ISO 8601 from their value, booleans as TRUE/FALSE, anything else
// as its paragraphs (the text the spreadsheet displays, numbers formatted as shown).
std::vector<SheetRun> cell_runs(pugi::xml_node cell, const std::map<std::string, TextStyle>& styles) {
    const std::string_view type = cell.attribute("office:value-type").as_string();
    if (type == "date") {
        std::string v = cell.attribute("office:date-value").as_string();
        if (v.size() > 10 && v[10] == 'T') {
            std::string day = v.substr(0, 10), clock = v.substr(11, 5);
            v = day;
            if (clock != "00:00") v.append(" ").append(clock);
        }
        return {{v}};
    }
    if (type == "boolean") return {{std::string_view(cell.attribute("office:boolean-value").as_string()) == "true" ? "TRUE" : "FALSE"}};
    std::vector<SheetRun> runs;
    bool first = true;
    for (auto p : cell.children("text:p")) {
        if (!first) runs.push_back({"\n"});
        first = false;
        paragraph_runs(p, {}, styles, runs);
    }
    return runs;
}

}  // namespace

std::optional<Sheet> read_ods_sheet(const ZipArchive& archive, const std::string& selector, std::string& error) {
    // An encrypted package lists its encryption in the manifest; its content is not XML.
    if (archive.has("META-INF/manifest.xml")) {
        auto manifest = archive.read("META-INF/manifest.xml", kMaxSpreadsheetMember, error);
        if (!manifest) return std::nullopt;
        if (manifest->find("encryption-data") != std::string::npos) {
            error = "it is encrypted (saved with a password)";
            return std::nullopt;
        }
    }
    auto bytes = archive.read("content.xml", kMaxSpreadsheetMember, error);
    if (!bytes) return std::nullopt;
    if (auto problems = check_xml_text(*bytes); !problems.empty()) {  // what pugixml would pass silently
        error = "its part '" + std::string("content.xml") + "' is not valid: " + problems.front().message;
        return std::nullopt;
    }
    pugi::xml_document doc;
    if (auto r = doc.load_buffer(bytes->data(), bytes->size(), pugi::parse_default | pugi::parse_ws_pcdata); !r) {
        error = std::string("its part 'content.xml' is not well-formed XML (") + r.description() + ")";
        return std::nullopt;
    }
    auto content = doc.child("office:document-content");
    const auto styles = text_styles(content);
    std::vector<pugi::xml_node> tables;
    for (auto t : content.child("office:body").child("office:spreadsheet").children("table:table")) tables.push_back(t);
    auto index = select_sheet(tables.size(), [&](size_t i) { return std::string(tables[i].attribute("table:name").as_string()); },
                              selector, error);
    if (!index) return std::nullopt;
    Sheet sheet;
    sheet.name = tables[*index].attribute("table:name").as_string();
    constexpr uint32_t kMaxRow = 1048576, kMaxColumn = 16384;
    uint32_t row_number = 0;
    std::vector<pugi::xml_node> rows;
    // Rows stand in the table or in row groups and header-row blocks.
    std::function<void(pugi::xml_node)> gather = [&](pugi::xml_node parent) {
        for (auto c : parent.children()) {
            if (is(c, "table:table-row")) rows.push_back(c);
            else if (is(c, "table:table-row-group") || is(c, "table:table-header-rows") || is(c, "table:table-rows")) gather(c);
        }
    };
    gather(tables[*index]);
    for (auto row : rows) {
        const uint32_t repeat = std::max(1u, row.attribute("table:number-rows-repeated").as_uint(1));
        std::vector<SheetCell> cells;
        uint32_t column = 0;
        for (auto c : row.children()) {
            const bool covered = is(c, "table:covered-table-cell");
            if (!covered && !is(c, "table:table-cell")) continue;
            const uint32_t times = std::max(1u, c.attribute("table:number-columns-repeated").as_uint(1));
            std::vector<SheetRun> runs = covered ? std::vector<SheetRun>{} : cell_runs(c, styles);
            bool empty = true;
            for (const auto& r : runs) empty = empty && r.text.empty();
            if (!empty) {
                for (uint32_t t = 0; t < times && column + t < kMaxColumn; ++t) {
                    SheetCell cell;
                    cell.column = column + t + 1;
                    cell.runs = runs;
                    cells.push_back(std::move(cell));
                }
                const uint32_t across = c.attribute("table:number-columns-spanned").as_uint(1);
                const uint32_t down = c.attribute("table:number-rows-spanned").as_uint(1);
                if (across > 1 || down > 1)
                    sheet.merged.push_back({row_number + 1, column + 1, row_number + std::min(down, kMaxRow), column + std::min(across, kMaxColumn)});
            }
            column = std::min(kMaxColumn, column + times);
        }
        // Repeated rows with values are repeated (rarely many); empty ones only advance.
        const uint32_t copies = cells.empty() ? 0 : repeat;
        for (uint32_t k = 0; k < copies; ++k) {
            if (sheet.cells.size() + cells.size() > kMaxSheetCells) {
                error = "its sheet '" + sheet.name + "' has more than " + std::to_string(kMaxSheetCells) + " cells with values";
                return std::nullopt;
            }
            for (auto cell : cells) {
                cell.row = row_number + k + 1;
                sheet.cells.push_back(std::move(cell));
            }
        }
        row_number = std::min(kMaxRow, row_number + repeat);
    }
    for (auto& m : sheet.merged) {
        m.last_row = std::min(m.last_row, kMaxRow);
        m.last_column = std::min(m.last_column, kMaxColumn);
    }
    return sheet;
}

}  // namespace reportc::input
