#pragma once
// A merge run file (docs/merge.md#the-run-file): the document to build once per record, its
// layout, the records and the values every record shares (the workshop, the signatories), and
// the patterns of certificate numbers, verification URLs and file names.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "source/environment.h"
#include "source/source_manager.h"

namespace reportc::input {

struct RunPattern {
    std::string text;  // as written, with {fields}
    Span span;
};

struct RunFile {
    std::string source, layout;  // resolved against the run file's folder; layout empty: the source's
    std::string records;         // the data file (.csv or .xml records), resolved likewise
    Span records_span;
    std::string record_name = "participant";  // fields are variables "<record_name>.<column>"
    std::string key = "id";                   // the column that identifies a record (required, unique)
    std::vector<std::string> required;        // columns every record must have (key and name by default)
    std::string name_column = "name";         // a record's printed name: must not be empty
    // workshop.title, workshop.start, signatory1.name, … : values every record sees.
    std::map<std::string, std::string> values;
    RunPattern number, url, file_name;
    int pages = 0;  // pages="N": each record's document must fit on N pages (a certificate: 1); 0: any
};

// Reads `path`; nullopt when it cannot be read or has errors (reported).
std::optional<RunFile> read_run_file(const std::string& path, const Environment& env, SourceManager& sources, Diagnostics& diags);

}  // namespace reportc::input
