#pragma once
// Blocks -> vertical list: paragraphs, headings, articles, lists, figures, tables.
#include <functional>
#include <memory>
#include <utility>
#include <vector>

#include "doc/document.h"
#include "layout/context.h"
#include "layout/paragraph_cache.h"
#include "layout/vlist.h"

namespace reportc::layout {

// The blocks set in `env`: every box is stamped with the page master it is set on.
std::vector<VItem> layout_blocks(const std::vector<doc::Block>& blocks, const BlockEnv& env, LayoutContext& ctx);

// The same, block by block, as pagination consumes them: add() lays out the next block and
// returns the part of the list that no later block can change (glue collapsed), so that the
// whole document's list is never held; finish() returns the rest. The pieces, joined, are what
// layout_blocks gives for the same blocks.
class BlockStream {
public:
    // What is settled of a long block before the block is done (a long contents: see
    // BlockLayouter::one), in order, before what add() returns for it; without it add() returns all.
    using Pieces = std::function<void(std::vector<VItem>)>;
    BlockStream(const BlockEnv& env, LayoutContext& ctx, Pieces pieces = {});
    ~BlockStream();
    std::vector<VItem> add(const doc::Block& block);
    std::vector<VItem> finish();
    size_t held_capacity() const;  // the open end's buffer, in items (release_spare_items after add)

private:
    struct State;
    std::unique_ptr<State> m;
};

// Minimum and maximum content widths of blocks (automatic table columns).
std::pair<Length, Length> measure_blocks(const std::vector<doc::Block>& blocks, const BlockEnv& env, LayoutContext& ctx);

}  // namespace reportc::layout
