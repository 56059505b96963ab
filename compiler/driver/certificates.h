#pragma once
// `reportc certificates RUN.xml`: a document built once per record (docs/merge.md): a print PDF
// of every record, a PDF per record and a manifest of them, from a run file.
#include <functional>
#include <string>

#include "base/diagnostic.h"
#include "source/environment.h"
#include "source/source_manager.h"

namespace reportc::driver {

struct MergeProgress {
    const char* stage;  // "building", "writing"
    size_t done = 0, total = 0;
};

struct MergeOptions {
    std::string run_file;
    std::string combined;  // the print PDF; empty: none
    std::string out_dir;   // one PDF per record in this folder (made when missing); empty: none
    std::string manifest;  // the manifest CSV; empty: none
    bool skip_bad = false;  // write the good records when some are bad (else nothing is written)
    unsigned threads = 1;   // for the per-record PDFs and their digests
    std::function<void(const MergeProgress&)> progress;  // called on the calling thread
};

struct MergeOutcome {
    bool success = false;
    size_t records = 0, bad = 0, written = 0;  // records read, rows left out, records written
    std::vector<std::string> files;             // every file written, in order
};

// Nothing is written when any record is bad (unless skip_bad) or any build fails; every file
// is written atomically, so a failed run leaves the files of an earlier one as they were.
MergeOutcome make_certificates(const MergeOptions& options, const Environment& env, SourceManager& sources, Diagnostics& diags);

// The manifest's text: a header row, then one row per record (RFC 4180 quoting).
std::string manifest_csv(const std::vector<std::vector<std::string>>& rows);

}  // namespace reportc::driver
