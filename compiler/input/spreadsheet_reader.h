#pragma once
// Spreadsheets as data files: one sheet of an Office Open XML workbook (.xlsx) or an
// OpenDocument spreadsheet (.ods) read into a dataset, as a CSV file is: the first row that holds
// anything names the fields, every later row with a value is a record. Errors are located by
// cell ("work-plan.xlsx:Actions!C12: error: …").
#include <optional>
#include <string>

#include "base/diagnostic.h"
#include "doc/dataset.h"
#include "source/environment.h"
#include "source/source_manager.h"

namespace reportc::input {

// The sheet `sheet` names ("" the first; a name; else a 1-based number) of the workbook at
// `path`. `from` is where the file is named: a missing, unreadable, encrypted or damaged file,
// a missing sheet, or a member that inflates past the reader's bound is reported there. Record
// ids are "row-N", N the sheet's row number; each value's runs carry strong/emphasis for bold and
// italic rich text; merged cells below the header give their value to every cell they cover;
// a formula's error value (#DIV/0!) is an error at its cell.
std::optional<doc::Dataset> read_spreadsheet(const std::string& path, const std::string& sheet, const Environment& env,
                                             SourceManager& sources, Diagnostics& diags, Span from);

}  // namespace reportc::input
