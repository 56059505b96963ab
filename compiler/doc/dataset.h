#pragma once
// Records read from a data file (XML records or CSV): the input of table templates.
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "base/span.h"
#include "doc/document.h"

namespace reportc::doc {

struct FieldValue {
    enum class Kind { Text, Bullets, Lines };
    Kind kind = Kind::Text;
    // Text: one entry; Bullets and Lines: one entry per <bullet>/<line> (an empty entry is an
    // empty bullet, kept as printed).
    std::vector<std::vector<TextRun>> items;
    Span span;
};

struct Record {
    std::string id;
    std::map<std::string, FieldValue> fields;  // keyed by name (a string, never a pointer)
    Span span;
};

struct RecordGroup {
    std::string id, title;
    bool implicit = false;  // records that were not inside a <group> (and every CSV record)
    std::map<std::string, FieldValue> fields;
    std::vector<Record> records;
    Span span;
};

struct Dataset {
    std::string path;
    std::vector<RecordGroup> groups;
    // A CSV file's header row: the fields every record has, and where they are named. Empty for
    // XML records, which name their own fields one by one.
    std::vector<std::string> columns;
    Span header_span;
    size_t record_count() const;
};

std::ostream& operator<<(std::ostream& os, const FieldValue& v);
std::ostream& operator<<(std::ostream& os, const Dataset& d);

}  // namespace reportc::doc
