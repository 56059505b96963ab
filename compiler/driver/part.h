#pragma once
// Private to driver: one part of the report on its own (`build --part ID`). The whole document is
// laid out as usual; only the part's pages are written, so its page numbers, running headers and
// cross-reference texts are those of the full report.
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "doc/document.h"
#include "frame/frame.h"

namespace reportc::driver {

// The ids of the sections that can be built on their own: the top-level and second-level ones.
std::vector<std::string> part_ids(const doc::Document& document);

// An unknown `id` is an error at `at` (the report's root) listing the valid ids; false then.
bool check_part(const doc::Document& document, const std::string& id, Span at, Diagnostics& diags);

// The frames of the part whose heading has the anchor `id`: its pages (from the page of its
// heading to the page before the next heading of its level or above, that page too when the part's
// text continues on it), their labels as in the full document, the outline entries of the part
// (its heading at the top level), links to anchors outside these pages dropped (their text stays),
// and the title naming the part. The document unchanged when the part's heading is not found.
frame::FrameDocument select_part(frame::FrameDocument frames, const std::string& id);

}  // namespace reportc::driver
