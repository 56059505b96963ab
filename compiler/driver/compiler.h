#pragma once
// compile(options): the whole pipeline, source -> document -> styles -> vertical list ->
// pages -> frames -> PDF, with every diagnostic collected on the way.
#include <optional>
#include <string>

#include "base/diagnostic.h"
#include "frame/frame.h"
#include "layout/block_layout.h"
#include "source/environment.h"
#include "source/source_manager.h"

namespace reportc::driver {

struct Options {
    std::string input;        // the report's XML file
    std::string output;       // the PDF to write; empty: none (check)
    std::string trace_output; // a text trace of the frames; empty: none
    bool werror = false;      // warnings fail the build
    bool check_register = false;  // also report abbreviations used but not defined, and defined but unused
    frame::FrameDocument* frames_out = nullptr;  // when set, receives the laid-out frames (previews)
};

struct Outcome {
    bool success = false;
    size_t pages = 0;
    int layout_passes = 0;  // layouts run until page references settled
    layout::LineStats stats;
};

Outcome compile(const Options& options, const Environment& env, SourceManager& sources, Diagnostics& diags);

// Writes `bytes` to `path` atomically: a temporary file beside it, then rename. A failure
// leaves an existing file untouched. Returns an error message, or empty on success.
std::string write_file_atomically(const std::string& path, const std::string& bytes);

}  // namespace reportc::driver
