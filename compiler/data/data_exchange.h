#pragma once
// Data files to and from spreadsheets (`reportc data export` / `import`, docs/data-format.md#
// spreadsheets-and-back): a dataset as one sheet of cells, and a sheet's records as XML records.
#include <string>

#include "doc/dataset.h"
#include "input/xlsx_writer.h"

namespace reportc::data {

// One row per record under a header row. XML records put their group first ("group",
// "group-title", and "group.NAME" for each group field, repeated on each of the group's rows),
// then "id", then the fields in the order the file first writes them; a CSV file keeps its
// columns. Bold and italic stay rich text; <line>s are lines of the cell, <bullet>s lines
// starting "• ".
input::WrittenSheet sheet_of(const doc::Dataset& data, const std::string& sheet_name);

// The records of a sheet read back (input::read_spreadsheet) as an XML records file: the
// reverse of sheet_of (consecutive rows of one "group" value form a group; a cell whose lines
// all start with "•" is <bullet>s, another cell of several lines <line>s; bold and italic as
// <b> and <i>; a "(See also …)" run as <see-also>). An empty cell is an empty field.
std::string records_xml(const doc::Dataset& sheet);

}  // namespace reportc::data
