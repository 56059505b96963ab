#pragma once
// Blocks -> vertical list: paragraphs, headings, articles, lists, figures, tables.
#include <utility>
#include <vector>

#include "doc/document.h"
#include "layout/context.h"
#include "layout/paragraph_cache.h"
#include "layout/vlist.h"

namespace reportc::layout {

// The blocks set in `env`: every box is stamped with the page master it is set on.
std::vector<VItem> layout_blocks(const std::vector<doc::Block>& blocks, const BlockEnv& env, LayoutContext& ctx);

// Minimum and maximum content widths of blocks (automatic table columns).
std::pair<Length, Length> measure_blocks(const std::vector<doc::Block>& blocks, const BlockEnv& env, LayoutContext& ctx);

}  // namespace reportc::layout
