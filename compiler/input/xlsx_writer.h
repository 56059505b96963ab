#pragma once
// Writes one sheet of cells as an Office Open XML workbook (.xlsx) that spreadsheet programs
// open and the spreadsheet reader reads back: `reportc data export` (docs/data-format.md).
// libzip stays in the .cpp.
#include <string>
#include <vector>

namespace reportc::input {

struct CellRun {
    std::string text;
    bool bold = false, italic = false;
};

// A cell's text as runs; a '\n' in a run's text is a line break in the cell.
using WrittenCell = std::vector<CellRun>;

struct WrittenSheet {
    std::string name = "Sheet1";
    std::vector<std::vector<WrittenCell>> rows;  // the first is the header row (set in bold)
};

// The workbook's bytes, or empty with `error` set.
std::string xlsx_bytes(const WrittenSheet& sheet, std::string& error);

}  // namespace reportc::input
