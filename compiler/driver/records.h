#pragma once
// Private to driver: a merge's records (docs/merge.md): read from the run file's data file,
// checked row by row, each with its fields as variables ("participant.name"), its certificate
// number, verification URL and safe file name.
#include <map>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "input/run_reader.h"
#include "source/environment.h"
#include "source/source_manager.h"

namespace reportc::driver {

struct MergeRecord {
    size_t row = 0;  // 1 for the first record of the file
    Span span;       // the record's row (or element) in the data file
    std::string id, name, number, file;
    std::map<std::string, std::string> values;  // the record's fields, the run file's values, certificate.*
    struct Field {
        Span span;  // in the data file
        std::string text;
    };
    std::map<std::string, Field> fields;  // the record's own fields, by column
};

struct RecordSet {
    bool readable = false;  // false: the file, its header or a required column is wrong (nothing can be built)
    std::vector<MergeRecord> good;
    size_t bad = 0;  // rows left out, each reported
};

// Reads and checks the records: a missing required column (one error per column), an empty
// key or name, a repeated key, a malformed line, a number or file name its pattern cannot make;
// each bad row is reported at its place in the data file and left out of `good`. No record's
// file takes one of `taken_names` (the other files written into the records' folder).
RecordSet read_records(const input::RunFile& run, const std::string& date_format, const Environment& env,
                       SourceManager& sources, Diagnostics& diags, const std::vector<std::string>& taken_names = {});

}  // namespace reportc::driver
