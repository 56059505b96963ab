#pragma once
// Private to layout: the table of contents — one entry per heading, dot leaders, the page
// number right-aligned, the whole entry a link to its heading.
#include <functional>

#include "layout/block_layout.h"

namespace reportc::layout {

// `after_entry`, when set, is called after each entry is appended to `out` (BlockStream hands on
// what is settled of a long contents as it goes).
void layout_contents(const doc::Contents& contents, const BlockEnv& env, LayoutContext& ctx, std::vector<VItem>& out,
                     const std::function<void()>& after_entry = {});

}  // namespace reportc::layout
