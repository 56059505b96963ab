#pragma once
// A generated annual-report workload of a chosen length, with the annual report's layout: A4,
// 11 pt justified hyphenated prose, bullet lists, a work-plan table per chapter whose header
// repeats on continued pages, the contents, and a register of abbreviations read from CSV.
// The text is pseudo-random but fixed by the chapter count, so every run builds the same pages.
#include <string>

namespace reportc::bench {

// About this many pages per chapter (measured with the annual report's layout).
inline constexpr double kPagesPerChapter = 5.1;

// Writes report.xml and its data files into `dir` (created) and returns report.xml's path.
std::string write_workload(const std::string& dir, int chapters);

// The chapters for about `pages` pages (at least one).
int chapters_for(int pages);

}  // namespace reportc::bench
