#pragma once
// Keeps and breaks on any block, as penalties in the vertical list (TeX's page builder model:
// 10000 forbids a break, -10000 forces one). The page builder knows no block kind: a kept
// block is a run of items without a legal breakpoint, and its splittable boxes are marked
// whole.
#include <vector>

#include "base/length.h"
#include "doc/document.h"
#include "layout/vlist.h"
#include "style/stylesheet.h"

namespace reportc::layout {

// The controls in force: the style's, each overridden by the block's attribute when it has one.
style::BlockKeeps merge_keeps(style::BlockKeeps from_style, const doc::Keeps& attributes);

// The height of items[from, to) from the first box to the last, the space between included.
Length natural_height(const std::vector<VItem>& items, size_t from, size_t to);

// Applies `keeps` to the block laid out as items[start, end of list). keep-together holds only
// when the block fits in `page_body`: one taller than any page is split as usual.
void apply_keeps(std::vector<VItem>& items, size_t start, const style::BlockKeeps& keeps, Length page_body);

// A run of items that keeps `space` at the top of a page: an empty box holds the space, which
// glue alone would lose there.
void keep_space_at_top(std::vector<VItem>& items, Length space, Span source);

}  // namespace reportc::layout
