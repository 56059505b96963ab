#pragma once
// Private to layout: the table of contents — one entry per heading, dot leaders, the page
// number right-aligned, the whole entry a link to its heading.
#include "layout/block_layout.h"

namespace reportc::layout {

void layout_contents(const doc::Contents& contents, const BlockEnv& env, LayoutContext& ctx, std::vector<VItem>& out);

}  // namespace reportc::layout
