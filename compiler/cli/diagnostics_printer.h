#pragma once
#include <iostream>

#include "base/diagnostic.h"
#include "source/source_manager.h"

namespace reportc::cli {

// Prints every diagnostic (the same message at the same place once: a missing glyph in a
// repeated run) and a count of the errors and warnings printed.
void print_diagnostics(const Diagnostics& diags, const SourceManager& sources, std::ostream& out = std::cerr);

}  // namespace reportc::cli
