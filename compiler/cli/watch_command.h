#pragma once
// `reportc watch REPORT.xml`: build, then build again whenever a file the last build read
// changes, with one resident compiler (docs/watch.md).
#include <string>

#include "cli/arguments.h"

namespace reportc::cli {

// Runs until SIGINT or SIGTERM (then 0); 1 when it cannot watch at all.
int run_watch(const Arguments& arguments);

}  // namespace reportc::cli
