#include "input/spreadsheet_reader.h"

#include <algorithm>
#include <map>
#include <set>

#include "input/inline_reader.h"
#include "input/sheet.h"
#include "input/zip_archive.h"

namespace reportc::input {
namespace {

std::string extension(const std::string& path) {
    size_t dot = path.find_last_of('.');
    std::string ext = dot == std::string::npos ? "" : path.substr(dot + 1);
    for (char& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

// "Actions!C12", "'Work plan'!C12" (a name with anything but letters, digits and _ is quoted).
std::string cell_ref(const std::string& sheet, uint32_t row, uint32_t column) {
    const bool plain = !sheet.empty() && std::all_of(sheet.begin(), sheet.end(), [](unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; });
    std::string quoted = "'";
    for (char c : sheet) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    return (plain ? sheet : quoted + "'") + "!" + cell_name(row, column);
}

// Merged ranges below the header row give their value to every cell they cover (a pillar's name
// merged down the rows of its actions belongs to each of them); a row is a record only when it
// has a value of its own.
void fill_merged(Sheet& sheet, uint32_t header_row) {
    std::map<std::pair<uint32_t, uint32_t>, size_t> at;
    for (size_t i = 0; i < sheet.cells.size(); ++i) at[{sheet.cells[i].row, sheet.cells[i].column}] = i;
    std::vector<SheetCell> added;
    for (const auto& m : sheet.merged) {
        if (m.first_row <= header_row) continue;
        auto it = at.find({m.first_row, m.first_column});
        if (it == at.end()) continue;
        // Bounded by the cells a sheet may hold.
        const uint64_t area = uint64_t(m.last_row - m.first_row + 1) * (m.last_column - m.first_column + 1);
        if (area > kMaxSheetCells) continue;
        for (uint32_t r = m.first_row; r <= m.last_row; ++r)
            for (uint32_t c = m.first_column; c <= m.last_column; ++c) {
                if (at.count({r, c})) continue;
                SheetCell copy = sheet.cells[it->second];
                copy.merged_copy = true;
                copy.row = r;
                copy.column = c;
                added.push_back(std::move(copy));
            }
    }
    for (auto& c : added) sheet.cells.push_back(std::move(c));
    std::sort(sheet.cells.begin(), sheet.cells.end(),
              [](const SheetCell& a, const SheetCell& b) { return std::tie(a.row, a.column) < std::tie(b.row, b.column); });
}

// The sheet as a source file: a line per cell, "Actions!C12: value" (line breaks in a value
// written as spaces, so offsets into the value stay those of its text), and where each cell's
// value starts in it.
struct Listing {
    std::string text;
    std::vector<uint32_t> value_at;  // per cell
};

Listing listing(const Sheet& sheet) {
    Listing out;
    for (const auto& cell : sheet.cells) {
        out.text += cell_ref(sheet.name, cell.row, cell.column) + ": ";
        out.value_at.push_back(uint32_t(out.text.size()));
        std::string value = cell.text();
        std::replace(value.begin(), value.end(), '\n', ' ');
        std::replace(value.begin(), value.end(), '\r', ' ');
        out.text += value + "\n";
    }
    return out;
}

// A cell's runs: bold as strong, italic as emphasis; a line break in the text is a forced line
// break; spaces around the whole value trimmed.
std::vector<doc::TextRun> cell_runs(const SheetCell& cell, uint32_t file, uint32_t at) {
    std::vector<doc::TextRun> runs;
    uint32_t offset = at;
    for (const auto& r : cell.runs) {
        std::vector<std::string> styles;
        if (r.bold) styles.push_back(markup_char_style("b"));
        if (r.italic) styles.push_back(markup_char_style("i"));
        size_t start = 0;
        for (;;) {
            size_t nl = r.text.find('\n', start);
            std::string piece = r.text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
            Span span{file, uint32_t(offset + start), uint32_t(offset + start + piece.size())};
            if (!piece.empty()) runs.push_back({piece, styles, "", false, span});
            if (nl == std::string::npos) break;
            runs.push_back({"", styles, "", true, span});
            start = nl + 1;
        }
        offset += uint32_t(r.text.size());
    }
    auto is_space = [](char c) { return c == ' ' || c == '\t'; };
    while (!runs.empty() && !runs.front().line_break && !runs.front().text.empty() && is_space(runs.front().text.front())) {
        runs.front().text.erase(0, 1);
        if (runs.front().text.empty()) runs.erase(runs.begin());
    }
    while (!runs.empty() && !runs.back().line_break && !runs.back().text.empty() && is_space(runs.back().text.back())) {
        runs.back().text.pop_back();
        if (runs.back().text.empty()) runs.pop_back();
    }
    if (runs.empty()) runs.push_back({"", {}, "", false, Span{file, at, at}});
    return runs;
}

}  // namespace

std::optional<doc::Dataset> read_spreadsheet(const std::string& path, const std::string& sheet_name, const Environment& env,
                                             SourceManager& sources, Diagnostics& diags, Span from) {
    auto bytes = env.read_file(path);
    if (!bytes) {
        diags.error(from, "cannot read file '" + path + "': " + env.why_unreadable(path));
        return std::nullopt;
    }
    const std::string ext = extension(path);
    const char* what = ext == "ods" ? "an OpenDocument spreadsheet" : "an Office Open XML workbook";
    // Encrypted workbooks (and old .xls files) are OLE compound files, not zip archives.
    if (bytes->rfind("\xD0\xCF\x11\xE0", 0) == 0) {
        diags.error(from, std::string("expected ") + what + " in '" + path +
                              "', found an encrypted workbook or an old .xls file (save it unencrypted, as ." + ext + ")");
        return std::nullopt;
    }
    if (bytes->empty()) {
        diags.error(from, std::string("expected ") + what + " in '" + path + "', found an empty file");
        return std::nullopt;
    }
    std::string error;
    auto archive = ZipArchive::open(std::move(*bytes), error);
    if (!archive) {
        diags.error(from, std::string("expected ") + what + " in '" + path + "', found a file that is " + error);
        return std::nullopt;
    }
    auto sheet = ext == "ods" ? read_ods_sheet(*archive, sheet_name, error) : read_xlsx_sheet(*archive, sheet_name, error);
    if (!sheet) {
        diags.error(from, "cannot read the spreadsheet '" + path + "': " + error);
        return std::nullopt;
    }
    if (sheet->cells.empty()) {
        diags.error(from, "expected a header row naming the fields in sheet '" + sheet->name + "' of '" + path + "', found an empty sheet");
        return std::nullopt;
    }
    const uint32_t header_row = sheet->cells.front().row;
    fill_merged(*sheet, header_row);
    Listing list = listing(*sheet);
    const uint32_t file = sources.add(path, std::move(list.text), SourceKind::Cells);
    auto cell_span = [&](size_t i) {
        const uint32_t at = list.value_at[i];
        return Span{file, at, uint32_t(at + sheet->cells[i].text().size())};
    };

    doc::Dataset data;
    data.path = path;
    std::map<uint32_t, std::string> names;  // column -> field name
    bool ok = true;
    size_t i = 0;
    for (std::set<std::string> seen; i < sheet->cells.size() && sheet->cells[i].row == header_row; ++i) {
        std::string name = sheet->cells[i].text();
        while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.pop_back();
        while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.erase(0, 1);
        if (!seen.insert(name).second) {
            diags.error(cell_span(i), "expected unique field names in the header row, found '" + name + "' again");
            ok = false;
        }
        names[sheet->cells[i].column] = name;
        data.columns.push_back(name);
        if (!data.header_span.valid()) data.header_span = cell_span(i);
    }
    doc::RecordGroup group;
    group.implicit = true;
    group.span = data.header_span;
    std::set<uint32_t> unnamed;  // columns already reported
    while (i < sheet->cells.size()) {
        const uint32_t row = sheet->cells[i].row;
        size_t end = i;
        bool own = false;
        for (; end < sheet->cells.size() && sheet->cells[end].row == row; ++end) own = own || !sheet->cells[end].merged_copy;
        if (!own) {
            i = end;
            continue;
        }
        doc::Record record;
        record.id = "row-" + std::to_string(row);
        record.span = cell_span(i);
        for (; i < sheet->cells.size() && sheet->cells[i].row == row; ++i) {
            const SheetCell& cell = sheet->cells[i];
            auto name = names.find(cell.column);
            if (name == names.end()) {
                if (unnamed.insert(cell.column).second)
                    diags.error(cell_span(i), "expected a field name in the header row above this value (" +
                                                  cell_ref(sheet->name, header_row, cell.column) + "), found an empty cell");
                ok = false;
                continue;
            }
            if (cell.error) {
                diags.error(cell_span(i), "expected a value, found the formula error " + cell.text());
                ok = false;
                continue;
            }
            doc::FieldValue value;
            value.span = cell_span(i);
            value.items.push_back(cell_runs(cell, file, list.value_at[i]));
            record.fields.emplace(name->second, std::move(value));
        }
        // Fields the row leaves empty are empty values, as in a CSV file.
        for (const auto& [column, name] : names)
            if (!record.fields.count(name)) {
                doc::FieldValue empty;
                empty.span = record.span;
                empty.items.push_back({{"", {}, "", false, Span{file, record.span.begin, record.span.begin}}});
                record.fields.emplace(name, std::move(empty));
            }
        group.records.push_back(std::move(record));
    }
    if (!ok) return std::nullopt;
    data.groups.push_back(std::move(group));
    return data;
}

}  // namespace reportc::input
