#pragma once
// Private to input: one sheet of a spreadsheet as the .xlsx and .ods readers see it, cell by
// cell, before it becomes a dataset (input/spreadsheet_reader.h).
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "input/zip_archive.h"

namespace reportc::input {

// A piece of a cell's text with the emphasis the spreadsheet gives it (rich text).
struct SheetRun {
    std::string text;
    bool bold = false, italic = false;
};

struct SheetCell {
    uint32_t row = 0, column = 0;  // 1-based: C12 is row 12, column 3
    std::vector<SheetRun> runs;    // the value as shown; several runs only for rich text
    bool error = false;            // a formula's error value (#DIV/0!, #N/A …)
    bool merged_copy = false;      // the value of a merged range's first cell, repeated here
    std::string text() const;      // the runs joined
};

// Cells merged into one, the value in the first (top left) cell.
struct MergedRange {
    uint32_t first_row = 0, first_column = 0, last_row = 0, last_column = 0;
};

struct Sheet {
    std::string name;
    std::vector<SheetCell> cells;  // the cells that hold something, row by row, left to right
    std::vector<MergedRange> merged;
};

// Each member of a spreadsheet archive inflates to at most this much (a bound against zip bombs;
// a real workbook's largest part is a few megabytes).
inline constexpr size_t kMaxSpreadsheetMember = size_t(64) << 20;
// And a sheet holds at most this many cells with values.
inline constexpr size_t kMaxSheetCells = size_t(4) << 20;

// "C12" for row 12, column 3.
std::string cell_name(uint32_t row, uint32_t column);
// Row and column of "C12" (nullopt unless letters then digits, within the 16384 x 1048576 grid).
std::optional<std::pair<uint32_t, uint32_t>> parse_cell_name(std::string_view name);

// The sheet that `selector` names ("" = the first; else a sheet name, or failing that a 1-based
// index) of an Office Open XML workbook or an OpenDocument spreadsheet; nullopt with `error`.
std::optional<Sheet> read_xlsx_sheet(const ZipArchive& archive, const std::string& selector, std::string& error);
std::optional<Sheet> read_ods_sheet(const ZipArchive& archive, const std::string& selector, std::string& error);

std::ostream& operator<<(std::ostream& os, const Sheet& sheet);

}  // namespace reportc::input
