#pragma once
// Limits of what a document may hold, checked by the readers (docs/source-format.md, Limits).

#include <cstddef>

namespace reportc::doc {

// The most columns or rows one table cell may span.
inline constexpr int kMaxCellSpan = 1000;

// The most rows of one written table, and records of one data file: a row costs some KB once
// laid out, so this keeps a runaway table from taking gigabytes (docs/source-format.md, Limits).
inline constexpr size_t kMaxTableRows = 100000;

}  // namespace reportc::doc
