#pragma once
// Limits of what a document may hold, checked by the readers (docs/source-format.md, Limits).

namespace reportc::doc {

// The most columns or rows one table cell may span.
inline constexpr int kMaxCellSpan = 1000;

}  // namespace reportc::doc
