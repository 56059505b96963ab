#pragma once
// A review copy's marks (`build --changes-since OLD`): every table generated from a data file is
// compared with the same file under the earlier sources, record by record, and its rows marked
// (doc::TableRow::change, doc::TableCell::changed); removed records are listed after the table.
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "doc/document.h"
#include "doc/table_template.h"
#include "source/environment.h"
#include "source/source_manager.h"

namespace reportc::data {

// One line of the summary of changes.
struct RecordChange {
    enum class Kind { Changed, Added, Removed };
    Kind kind = Kind::Changed;
    std::string part;    // the id of the top-level section holding the table ("annex-i"); empty: none
    std::string table;   // the table's id; empty: none
    std::string record;  // the record's id ("1-a", "row-12"), or "#N" for its place
    std::string field;   // Changed: the field; else empty
    std::string old_value, new_value;  // the field's text (Changed), or the record's first field
};

const char* kind_name(RecordChange::Kind kind);  // "changed", "added", "removed"

struct ChangeOptions {
    std::string old_root;  // the folder holding the earlier sources
    std::string new_root;  // the report's folder: a data path under it is found under old_root
    std::string removed_style = "body";  // the paragraph style of the "Removed: …" list
};

// Compares every expanded table with its data file under `old_root`: records matched by id (an
// XML record's id, a CSV or sheet's "id" column), or by place when some record has none (one
// warning per table). A record row is marked Changed or Added, its changed cells `changed`; a
// paragraph "Removed: …" follows a table that lost records. Run after expand_tables, before the
// nodes are numbered. Returns the summary, in document order.
std::vector<RecordChange> mark_changes(doc::Document& document, const std::vector<doc::TableTemplate>& templates,
                                       const ChangeOptions& options, const Environment& env, SourceManager& sources,
                                       Diagnostics& diags);

// The summary as CSV: part,table,record,change,field,old,new (RFC 4180 quoting).
std::string changes_csv(const std::vector<RecordChange>& changes);

// One line per change: "annex-i sap 1-a: changed kpi: 'old' -> 'new'".
std::string format_change(const RecordChange& change);

}  // namespace reportc::data
