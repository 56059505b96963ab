#pragma once
// `reportc data export` and `reportc data import`: a data file as a spreadsheet a planning team
// can edit, and a sheet back as XML records (docs/data-format.md#spreadsheets-and-back).
#include <string>

#include "base/diagnostic.h"
#include "source/environment.h"
#include "source/source_manager.h"

namespace reportc::driver {

// The data file `input` (.xml, .csv, or a sheet of .xlsx/.ods as "file.xlsx#Sheet") written as
// a one-sheet workbook at `output` (.xlsx, replaced atomically), its sheet named `sheet` (empty:
// the input's file name). False when nothing was written (the reasons are in `diags`).
bool export_data(const std::string& input, const std::string& output, const std::string& sheet, const Environment& env,
                 SourceManager& sources, Diagnostics& diags);

// The sheet `sheet` (empty: the first) of the spreadsheet `input` written as an XML records
// file at `output` (.xml, replaced atomically).
bool import_data(const std::string& input, const std::string& sheet, const std::string& output, const Environment& env,
                 SourceManager& sources, Diagnostics& diags);

}  // namespace reportc::driver
