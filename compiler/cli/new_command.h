#pragma once
// `reportc new DIR [--title …]`: a starter report and a short layout that build at once.
#include <string>

namespace reportc::cli {

// The starter's two files, as `new` writes them (tests check that they build and stay short).
std::string starter_report(const std::string& title);
std::string starter_layout();

// Writes DIR/report.xml, DIR/layout.xml and a copy of the Liberation Sans fonts in DIR/fonts
// from `fonts_dir` (the repository's fonts/liberation). Never overwrites a file: when one of
// them exists it writes nothing. Returns the exit status (0, or 1 after an error on stderr).
int run_new(const std::string& dir, const std::string& title, const std::string& fonts_dir);

}  // namespace reportc::cli
