#pragma once
#include "base/diagnostic.h"
#include "source/source_manager.h"

namespace reportc::cli {

// Prints every diagnostic to stderr (the same message at the same place once: a missing glyph
// in a repeated run) and a count of errors and warnings.
void print_diagnostics(const Diagnostics& diags, const SourceManager& sources);

}  // namespace reportc::cli
