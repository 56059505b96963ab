#pragma once
// Private to driver: the laid-out document as frames, and the files written from them.
#include "base/diagnostic.h"
#include "doc/document.h"
#include "driver/compiler.h"
#include "driver/layout_passes.h"

namespace reportc::driver {

frame::FrameDocument assemble_frames(const doc::Document& document, LaidOut laid_out, int64_t creation_epoch);

// The trace and the PDF the options ask for, each written atomically and never over one of
// `inputs` (the files the build read); false on an error.
bool write_outputs(const frame::FrameDocument& frames, const Options& options, const std::vector<std::string>& inputs,
                   Diagnostics& diags);

}  // namespace reportc::driver
