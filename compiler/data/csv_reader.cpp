#include "data/csv_reader.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <string_view>

#include "base/utf8.h"

namespace reportc::data {
namespace {

struct Cell {
    std::string text;
    uint32_t begin = 0, end = 0;  // the cell as written, without the spaces around it
};

struct Row {
    std::vector<Cell> cells;
    uint32_t begin = 0;
};

bool is_space(char c) { return c == ' ' || c == '\t'; }

// ",,," or a line of spaces: what spreadsheets export for the blank rows below a list.
bool is_blank_row(const Row& row) {
    for (const auto& cell : row.cells)
        if (!cell.text.empty()) return false;
    return true;
}

// Splits the text into rows of cells (RFC 4180, leniently: spaces around a quoted field are
// allowed). Reports and stops at an unterminated quote.
class CsvParser {
public:
    CsvParser(const SourceFile& source, uint32_t file, Diagnostics& diags)
        : m_source(source), m_text(source.text()), m_file(file), m_diags(diags) {}

    std::optional<std::vector<Row>> parse(size_t start) {
        std::vector<Row> rows;
        size_t pos = start;
        while (pos < m_text.size()) {
            if (size_t eol = line_end_length(pos)) {  // an empty line
                pos += eol;
                continue;
            }
            Row row;
            row.begin = uint32_t(pos);
            for (;;) {
                auto cell = parse_cell(pos);
                if (!cell) return std::nullopt;
                row.cells.push_back(std::move(*cell));
                if (pos < m_text.size() && m_text[pos] == ',') {
                    ++pos;
                    continue;
                }
                pos += line_end_length(pos);
                break;
            }
            rows.push_back(std::move(row));
        }
        return rows;
    }

private:
    // 1 for LF, 2 for CRLF, 1 for a CR alone (as old Mac spreadsheets write), 0 elsewhere.
    size_t line_end_length(size_t pos) const {
        if (pos >= m_text.size()) return 0;
        if (m_text[pos] == '\n') return 1;
        if (m_text[pos] == '\r') return pos + 1 < m_text.size() && m_text[pos + 1] == '\n' ? 2 : 1;
        return 0;
    }
    bool at_cell_end(size_t pos) const { return pos >= m_text.size() || m_text[pos] == ',' || line_end_length(pos) > 0; }
    Span span(size_t begin, size_t end) const { return Span{m_file, uint32_t(begin), uint32_t(end)}; }

    std::optional<Cell> parse_cell(size_t& pos) {
        size_t p = pos;
        while (p < m_text.size() && is_space(m_text[p])) ++p;
        Cell cell;
        if (p < m_text.size() && m_text[p] == '"') {
            size_t open = p++, close = 0;
            for (;;) {
                if (p >= m_text.size()) {
                    m_diags.error(span(open, open + 1), "expected a closing quote for the field opened here, found the end of the file");
                    return std::nullopt;
                }
                if (m_text[p] == '"') {
                    if (p + 1 < m_text.size() && m_text[p + 1] == '"') {
                        cell.text += '"';
                        p += 2;
                        continue;
                    }
                    close = p++;
                    break;
                }
                cell.text += m_text[p++];
            }
            cell.begin = uint32_t(open);
            cell.end = uint32_t(p);
            while (p < m_text.size() && is_space(m_text[p])) ++p;
            if (!at_cell_end(p)) {
                size_t cp = p;
                utf8::decode(m_text, cp);
                const std::string found(m_text.substr(p, cp - p));
                if (cell.text.find_first_of("\r\n") != std::string::npos) {
                    // The value ran on over line breaks to a quote that text follows: most likely
                    // its own closing quote is missing, so say where it opened; the rows read
                    // after it cannot be trusted.
                    LineCol at = m_source.line_col(uint32_t(close));
                    m_diags.error(span(open, open + 1), "expected a closing quote for the field opened here, found the quote at " +
                                                            std::to_string(at.line) + ":" + std::to_string(at.column) +
                                                            " followed by '" + found + "'");
                    return std::nullopt;
                }
                m_diags.error(span(p, cp), "expected a comma or the end of the line after the closing quote, found '" + found + "'");
                while (!at_cell_end(p)) ++p;
            }
        } else {
            size_t begin = p;
            while (!at_cell_end(p)) ++p;
            size_t end = p;
            while (end > begin && is_space(m_text[end - 1])) --end;
            cell.text = std::string(m_text.substr(begin, end - begin));
            cell.begin = uint32_t(begin);
            cell.end = uint32_t(end);
        }
        pos = p;
        return cell;
    }

    const SourceFile& m_source;
    std::string_view m_text;
    uint32_t m_file;
    Diagnostics& m_diags;
};

std::string fields(size_t n) { return std::to_string(n) + (n == 1 ? " field" : " fields"); }

// A spreadsheet saved with another delimiter (';' in many locales, or tabs) reads as one field
// per line, and every record would be an error: say what is wrong once, at the first delimiter.
bool uses_other_delimiter(std::string_view text, size_t start, uint32_t file, Diagnostics& diags) {
    while (start < text.size() && (text[start] == '\n' || text[start] == '\r')) ++start;  // empty lines
    std::string_view header = text.substr(start, text.find_first_of("\r\n", start) - start);
    size_t at = header.find_first_of(";\t");
    if (header.find(',') != std::string_view::npos || at == std::string_view::npos) return false;
    diags.error(Span{file, uint32_t(start + at), uint32_t(start + at + 1)},
                "expected fields separated by commas, found one field '" + std::string(header) + "'; the file seems to use " +
                    (header[at] == ';' ? "';'" : "tabs") + " between fields, and reportc reads comma-separated files");
    return true;
}

}  // namespace

// Each record costs about 7 KB by the time its table is laid out: the limit keeps a runaway
// export from taking gigabytes, far above any table a report prints (docs/data-format.md).
constexpr size_t kMaxCsvRecords = 100000;

std::optional<doc::Dataset> read_csv(const std::string& path, const Environment& env, SourceManager& sources,
                                     Diagnostics& diags, Span from) {
    auto content = env.read_file(path);
    if (!content) {
        diags.error(from, "cannot read file '" + path + "': " + env.why_unreadable(path));
        return std::nullopt;
    }
    uint32_t file = sources.add(path, std::move(*content));
    // Once parsed, the text serves diagnostics only: kept deflated from then on, so that the
    // data files' texts are never whole together (SourceFile::compact).
    struct CompactWhenParsed {
        SourceManager& sources;
        uint32_t file;
        SourceFile* source;
        CompactWhenParsed(SourceManager& m, uint32_t id) : sources(m), file(id), source(m.file(id)) { source->pin(); }
        ~CompactWhenParsed() {
            source->unpin();
            sources.compact_parsed(file);
        }
    } compact_when_parsed{sources, file};
    std::string_view text = sources.file(file)->text();
    if (size_t bad = utf8::first_invalid(text); bad != std::string::npos) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", unsigned(static_cast<unsigned char>(text[bad])));
        diags.error(Span{file, uint32_t(bad), uint32_t(bad + 1)}, std::string("expected UTF-8 text, found the invalid byte ") + hex);
        return std::nullopt;
    }
    if (size_t nul = text.find('\0'); nul != std::string::npos) {  // no text holds one; it would cut a cell short
        diags.error(Span{file, uint32_t(nul), uint32_t(nul + 1)}, "expected text, found a NUL byte (0x00)");
        return std::nullopt;
    }
    size_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;  // a byte order mark, as spreadsheets write
    if (uses_other_delimiter(text, start, file, diags)) return std::nullopt;
    auto rows = CsvParser(*sources.file(file), file, diags).parse(start);
    if (!rows) return std::nullopt;
    if (rows->empty()) {
        diags.error(Span{file, uint32_t(start), uint32_t(start)}, "expected a header row naming the fields, found an empty file");
        return std::nullopt;
    }

    const Row& header = rows->front();
    bool header_ok = true;
    std::set<std::string> names;
    for (const auto& cell : header.cells) {
        Span at{file, cell.begin, cell.end};
        if (cell.text.empty()) {
            diags.error(at, "expected a field name in the header row, found an empty cell");
            header_ok = false;
        } else if (!names.insert(cell.text).second) {
            diags.error(at, "expected unique field names in the header row, found '" + cell.text + "' again");
            header_ok = false;
        }
    }

    doc::Dataset data;
    data.path = path;
    for (const auto& cell : header.cells) data.columns.push_back(cell.text);
    data.header_span = Span{file, header.begin, header.cells.back().end};
    doc::RecordGroup group;
    group.implicit = true;
    group.span = Span{file, uint32_t(start), uint32_t(start)};
    group.records.reserve(std::min(rows->size() - 1, kMaxCsvRecords));
    for (size_t r = 1; r < rows->size(); ++r) {
        const Row& row = (*rows)[r];
        if (is_blank_row(row)) continue;
        Span row_span{file, row.begin, row.begin};
        if (group.records.size() == kMaxCsvRecords) {
            diags.error(row_span, "expected at most " + std::to_string(kMaxCsvRecords) + " records in a CSV file, found more");
            return std::nullopt;
        }
        if (row.cells.size() != header.cells.size()) {
            diags.error(row_span, "expected " + fields(header.cells.size()) + ", found " + std::to_string(row.cells.size()));
            continue;
        }
        doc::Record record;
        record.id = "row-" + std::to_string(r);
        record.span = row_span;
        for (size_t c = 0; c < row.cells.size(); ++c) {
            const Cell& cell = row.cells[c];
            doc::FieldValue value;
            value.kind = doc::FieldValue::Kind::Text;
            value.span = Span{file, cell.begin, cell.end};
            // A line break inside a quoted value is a forced line break in the cell.
            std::vector<doc::TextRun> runs;
            size_t start = 0;
            while (true) {
                size_t nl = cell.text.find_first_of("\r\n", start);  // LF, CRLF or CR alone
                std::string line = cell.text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
                if (!runs.empty()) runs.push_back({"", {}, "", true, value.span});
                runs.push_back({std::move(line), {}, "", false, value.span});
                if (nl == std::string::npos) break;
                start = nl + (cell.text.compare(nl, 2, "\r\n") == 0 ? 2 : 1);
            }
            value.items.push_back(std::move(runs));
            record.fields.emplace(header.cells[c].text, std::move(value));
        }
        group.records.push_back(std::move(record));
    }
    if (!header_ok) return std::nullopt;
    data.groups.push_back(std::move(group));
    return data;
}

}  // namespace reportc::data
