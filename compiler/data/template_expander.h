#pragma once
// A table template over a dataset: the rows of a generated table.
#include "base/diagnostic.h"
#include "doc/dataset.h"
#include "doc/document.h"
#include "doc/table_template.h"

namespace reportc::data {

// Builds the table that replaces `placeholder` (the source's <table template data>): the
// template's columns, then for each group in order its group rows (Section) and header rows
// (Header) — records outside any group get the header rows once, before the first of them —,
// one record row (Body) per record, and the footer rows (Footer) once at the end. Record rows
// take the id "<placeholder id>-<record id>" (just the record id when the table has none).
// The placeholder's id, span and style are kept (its style unless it is the default "table"
// and the template names a table-style). Missing fields, list fields inside a <p>, values
// that are not numbers where format="number" asks for one, and rows wider than the columns
// are located errors; the table is still built. A field missing from a CSV file is one error at
// its header row (data.columns), not one per record.
doc::Table expand_template(const doc::TableTemplate& t, const doc::Dataset& data, const doc::Table& placeholder,
                           Diagnostics& diags);

// True when `text` reads as a number: an optional sign, digits (optionally grouped by commas in
// threes, "12,500"), an optional decimal part ("6.7").
bool is_number(std::string_view text);

}  // namespace reportc::data
