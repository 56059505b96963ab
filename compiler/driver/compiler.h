#pragma once
// compile(options): the whole pipeline, source -> document -> styles -> vertical list ->
// pages -> frames -> PDF, with every diagnostic collected on the way.
#include <optional>
#include <string>

#include "base/diagnostic.h"
#include "layout/block_layout.h"
#include "source/environment.h"
#include "source/source_manager.h"

namespace reportc::driver {

struct Options {
    std::string input;        // the report's XML file
    std::string output;       // the PDF to write; empty: none (check)
    std::string trace_output; // a text trace of the frames; empty: none
    bool werror = false;      // warnings fail the build
};

struct Outcome {
    bool success = false;
    size_t pages = 0;
    layout::LineStats stats;
};

Outcome compile(const Options& options, const Environment& env, SourceManager& sources, Diagnostics& diags);

// Writes `bytes` to `path` atomically: a temporary file beside it, then rename. A failure
// leaves an existing file untouched. Returns an error message, or empty on success.
std::string write_file_atomically(const std::string& path, const std::string& bytes);

}  // namespace reportc::driver
