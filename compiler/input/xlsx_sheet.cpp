// Office Open XML workbooks (.xlsx; ECMA-376 Part 1, §18 SpreadsheetML): the workbook's sheet
// list and relationships, shared strings (with rich text runs), cell styles' number formats,
// and one worksheet's cells and merged ranges. Cells keep their value as the sheet shows it
// closely enough for a report: strings as written, numbers by their number format's decimals,
// grouping and percent, dates as ISO 8601, booleans as TRUE/FALSE, formulas by their cached
// value.
#include <pugixml.hpp>

#include <cmath>
#include <cstdio>
#include <map>

#include "input/sheet.h"
#include "input/xml_file.h"
#include "input/sheet_values.h"

namespace reportc::input {
namespace {

using Document = std::unique_ptr<pugi::xml_document>;

// Element names compared without their namespace prefix: writers differ ("x:row", "row").
bool is(pugi::xml_node node, std::string_view local) {
    std::string_view name = node.name();
    size_t colon = name.find(':');
    return (colon == std::string_view::npos ? name : name.substr(colon + 1)) == local;
}

pugi::xml_node child(pugi::xml_node node, std::string_view local) {
    for (auto c : node.children())
        if (c.type() == pugi::node_element && is(c, local)) return c;
    return {};
}

// An attribute by local name ("r:id" and "id" alike).
pugi::xml_attribute attribute(pugi::xml_node node, std::string_view local) {
    for (auto a : node.attributes()) {
        std::string_view name = a.name();
        size_t colon = name.find(':');
        if ((colon == std::string_view::npos ? name : name.substr(colon + 1)) == local) return a;
    }
    return {};
}

std::optional<Document> part(const ZipArchive& archive, const std::string& name, std::string& error) {
    auto bytes = archive.read(name, kMaxSpreadsheetMember, error);
    if (!bytes) return std::nullopt;
    if (auto problems = check_xml_text(*bytes); !problems.empty()) {  // what pugixml would pass silently
        error = "its part '" + name + "' is not valid: " + problems.front().message;
        return std::nullopt;
    }
    auto doc = std::make_unique<pugi::xml_document>();
    auto result = doc->load_buffer(bytes->data(), bytes->size(), pugi::parse_default | pugi::parse_ws_pcdata);
    if (!result) {
        error = "its part '" + name + "' is not well-formed XML (" + result.description() + ")";
        return std::nullopt;
    }
    return doc;
}

// "worksheets/sheet1.xml" from "xl/workbook.xml" is "xl/worksheets/sheet1.xml"; "/xl/…" is
// from the archive's root; ".." climbs.
std::string resolve_target(const std::string& from_part, const std::string& target) {
    std::string base = target.starts_with('/') ? "" : from_part.substr(0, from_part.find_last_of('/') + 1);
    std::string path = base + (target.starts_with('/') ? target.substr(1) : target);
    std::vector<std::string> parts;
    size_t at = 0;
    while (at <= path.size()) {
        size_t slash = std::min(path.find('/', at), path.size());
        std::string seg = path.substr(at, slash - at);
        if (seg == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!seg.empty() && seg != ".") {
            parts.push_back(seg);
        }
        at = slash + 1;
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

// The part's relationships: id -> target part.
std::map<std::string, std::string> relationships(const ZipArchive& archive, const std::string& of_part, std::string& error) {
    const size_t slash = of_part.find_last_of('/');
    const std::string dir = slash == std::string::npos ? "" : of_part.substr(0, slash + 1);
    const std::string name = dir + "_rels/" + of_part.substr(slash == std::string::npos ? 0 : slash + 1) + ".rels";
    std::map<std::string, std::string> out;
    if (!archive.has(name)) return out;
    auto doc = part(archive, name, error);
    if (!doc) return out;
    for (auto rel : child(**doc, "Relationships").children())
        if (is(rel, "Relationship"))
            out[attribute(rel, "Id").as_string()] = resolve_target(of_part, attribute(rel, "Target").as_string());
    return out;
}

// Runs of an <si> or <is>: plain <t>, or rich <r> runs with their <rPr> (phonetic <rPh> skipped).
std::vector<SheetRun> string_item(pugi::xml_node item) {
    std::vector<SheetRun> runs;
    for (auto c : item.children()) {
        if (is(c, "t")) {
            runs.push_back({c.text().get()});
        } else if (is(c, "r")) {
            SheetRun run{child(c, "t").text().get()};
            if (auto pr = child(c, "rPr")) {
                auto on = [](pugi::xml_node flag) { return flag && std::string_view(attribute(flag, "val").as_string("1")) != "0" &&
                                                            std::string_view(attribute(flag, "val").as_string("1")) != "false"; };
                run.bold = on(child(pr, "b"));
                run.italic = on(child(pr, "i"));
            }
            runs.push_back(std::move(run));
        }
    }
    return runs;
}

struct Workbook {
    std::string part_name;
    struct Entry {
        std::string name, target;
    };
    std::vector<Entry> sheets;
    bool date1904 = false;
    std::vector<std::vector<SheetRun>> shared;
    std::vector<NumberFormat> cell_formats;  // by cell style index (the c element's s)
};

std::optional<Workbook> read_workbook(const ZipArchive& archive, std::string& error) {
    Workbook wb;
    wb.part_name = "xl/workbook.xml";
    for (const auto& [id, target] : relationships(archive, "", error))
        if (target.ends_with(".xml") && target.find("workbook") != std::string::npos) wb.part_name = target;
    if (!archive.has(wb.part_name)) {
        error = "it has no workbook part (is it an .xlsx file?)";
        return std::nullopt;
    }
    auto doc = part(archive, wb.part_name, error);
    if (!doc) return std::nullopt;
    auto root = child(**doc, "workbook");
    if (auto pr = child(root, "workbookPr")) {
        std::string_view v = attribute(pr, "date1904").as_string("0");
        wb.date1904 = v == "1" || v == "true";
    }
    auto rels = relationships(archive, wb.part_name, error);
    std::string shared_part, styles_part;
    for (const auto& [id, target] : rels) {
        if (target.ends_with("sharedStrings.xml")) shared_part = target;
        if (target.ends_with("styles.xml")) styles_part = target;
    }
    for (auto s : child(root, "sheets").children())
        if (is(s, "sheet")) wb.sheets.push_back({attribute(s, "name").as_string(), rels[attribute(s, "id").as_string()]});
    if (!shared_part.empty() && archive.has(shared_part)) {
        auto sst = part(archive, shared_part, error);
        if (!sst) return std::nullopt;
        for (auto si : child(**sst, "sst").children())
            if (is(si, "si")) wb.shared.push_back(string_item(si));
    }
    if (!styles_part.empty() && archive.has(styles_part)) {
        auto styles = part(archive, styles_part, error);
        if (!styles) return std::nullopt;
        auto ss = child(**styles, "styleSheet");
        std::map<int, std::string> custom;
        for (auto f : child(ss, "numFmts").children())
            if (is(f, "numFmt")) custom[attribute(f, "numFmtId").as_int()] = attribute(f, "formatCode").as_string();
        for (auto xf : child(ss, "cellXfs").children()) {
            if (!is(xf, "xf")) continue;
            const int id = attribute(xf, "numFmtId").as_int();
            auto it = custom.find(id);
            wb.cell_formats.push_back(it != custom.end() ? parse_number_format(it->second) : builtin_number_format(id));
        }
    }
    return wb;
}

// The value a cell shows, from its type (t), style (s) and value (<v>, or <is> for inline text).
SheetCell read_cell(pugi::xml_node c, const Workbook& wb) {
    SheetCell cell;
    const std::string_view type = attribute(c, "t").as_string("n");
    const std::string v = child(c, "v").text().get();
    if (type == "s") {
        size_t index = size_t(std::strtoul(v.c_str(), nullptr, 10));
        if (!v.empty() && index < wb.shared.size()) cell.runs = wb.shared[index];
    } else if (type == "inlineStr") {
        cell.runs = string_item(child(c, "is"));
    } else if (type == "b") {
        cell.runs.push_back({v == "1" ? "TRUE" : "FALSE"});
    } else if (type == "e") {
        cell.runs.push_back({v});
        cell.error = true;
    } else if (type == "str" || type == "d") {
        cell.runs.push_back({v});
    } else if (!v.empty()) {
        const size_t style = attribute(c, "s").as_uint(0);
        const NumberFormat format = style < wb.cell_formats.size() ? wb.cell_formats[style] : NumberFormat{};
        char* end = nullptr;
        const double number = std::strtod(v.c_str(), &end);
        cell.runs.push_back({end && *end == '\0' ? format_number(number, format, wb.date1904) : v});
    }
    return cell;
}

std::optional<Sheet> read_worksheet(const ZipArchive& archive, const Workbook& wb, const Workbook::Entry& entry, std::string& error) {
    auto doc = part(archive, entry.target, error);
    if (!doc) return std::nullopt;
    auto root = child(**doc, "worksheet");
    Sheet sheet;
    sheet.name = entry.name;
    uint32_t row_number = 0;
    for (auto row : child(root, "sheetData").children()) {
        if (!is(row, "row")) continue;
        row_number = attribute(row, "r") ? attribute(row, "r").as_uint() : row_number + 1;
        uint32_t column = 0;
        for (auto c : row.children()) {
            if (!is(c, "c")) continue;
            ++column;
            if (auto ref = attribute(c, "r")) {
                auto at = parse_cell_name(ref.as_string());
                if (!at) {
                    error = "its sheet '" + entry.name + "' has a cell named '" + ref.as_string() + "'";
                    return std::nullopt;
                }
                column = at->second;
            }
            SheetCell cell = read_cell(c, wb);
            cell.row = row_number;
            cell.column = column;
            if (cell.text().empty()) continue;
            if (sheet.cells.size() == kMaxSheetCells) {
                error = "its sheet '" + entry.name + "' has more than " + std::to_string(kMaxSheetCells) + " cells with values";
                return std::nullopt;
            }
            sheet.cells.push_back(std::move(cell));
        }
    }
    for (auto m : child(root, "mergeCells").children()) {
        if (!is(m, "mergeCell")) continue;
        std::string_view ref = attribute(m, "ref").as_string();
        size_t colon = ref.find(':');
        auto first = parse_cell_name(ref.substr(0, colon));
        auto last = colon == std::string_view::npos ? first : parse_cell_name(ref.substr(colon + 1));
        if (first && last) sheet.merged.push_back({first->first, first->second, last->first, last->second});
    }
    return sheet;
}

}  // namespace

std::optional<Sheet> read_xlsx_sheet(const ZipArchive& archive, const std::string& selector, std::string& error) {
    auto wb = read_workbook(archive, error);
    if (!wb) return std::nullopt;
    auto index = select_sheet(wb->sheets.size(), [&](size_t i) { return wb->sheets[i].name; }, selector, error);
    if (!index) return std::nullopt;
    const auto& entry = wb->sheets[*index];
    if (entry.target.empty() || !archive.has(entry.target)) {
        error = "its sheet '" + entry.name + "' has no worksheet part";
        return std::nullopt;
    }
    return read_worksheet(archive, *wb, entry, error);
}

}  // namespace reportc::input
