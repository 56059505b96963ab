#pragma once
// CSV data files (RFC 4180) into a doc::Dataset: the header row names the fields, every later
// row is a record of one implicit group.
#include <optional>
#include <string>

#include "base/diagnostic.h"
#include "doc/dataset.h"
#include "source/environment.h"
#include "source/source_manager.h"

namespace reportc::data {

// Reads `path`; `from` is where the file is named (a missing file is reported there). Quoted
// fields may hold commas, doubled quotes and line breaks; lines end in LF or CRLF; the final
// line break is optional and empty lines are skipped, as are rows of empty fields (",,,"). Record ids are "row-N" (N counts data rows
// from 1) and the dataset's `columns` are the header's names; each value is one TextRun, trimmed of spaces and tabs around it (inside quotes the text
// is kept as written), whose span is the cell's own position. A row with the wrong number of
// fields is reported and left out; an unterminated quote, invalid UTF-8, a bad header row
// (an empty or repeated name) or a header using ';' or tabs instead of commas makes the result
// nullopt.
std::optional<doc::Dataset> read_csv(const std::string& path, const Environment& env, SourceManager& sources,
                                     Diagnostics& diags, Span from);

}  // namespace reportc::data
