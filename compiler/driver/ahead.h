#pragma once
// Private to driver: paragraphs set ahead on other threads (`reportc build -j N`).
//
// The first layout pass sets every paragraph, the largest share of a build (docs/performance.md).
// With `jobs` > 1 the top-level blocks are cut into `jobs` runs of about equal size (by their
// count of numbered nodes), the first of them the caller's. Each other run is laid out at the
// same time on a thread of its own, with fonts, a dictionary and a paragraph cache of its own
// (the font and hyphenation caches are not shared across threads), and only its paragraph cache
// is kept. A thread decodes each block of its run from the encoded document as it reaches it
// (doc/encoded_blocks.h: decoding reads the codec's tables and the store only, from any number
// of threads) and drops it once laid out.
//
// A thread lays out its run from its last block back, and the caller, going forward, tells it
// each block it reaches (reached): the thread stops before a block the caller has reached, and
// the caller, once it reaches a block the thread has done, waits for the thread (at most the
// block it is on) and adopts its entries; the blocks between, it sets itself. So the two meet
// wherever their speeds make them meet, rather than one waiting for the other at a fixed point
// (the caller also builds the pages, and the thread first loads its fonts: which is slower
// depends on the document). The first thread's run begins at the caller's second block for that
// reason. An entry is used only where its whole input matches what the caller sets
// (layout::ParagraphCache), so the output is the same for any `jobs`, whoever set the paragraph.
#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

#include "doc/document.h"
#include "doc/encoded_blocks.h"
#include "driver/resources.h"
#include "layout/context.h"
#include "layout/paragraph_cache.h"

namespace reportc::driver {

class ParagraphsAhead {
public:
    // Starts the threads; `paragraphs` calls back into this object until it is destroyed.
    // Nothing is started for `jobs` < 2 or a document of one top-level block.
    // `node_count`: the document's NodeIds (doc::Document::node_count).
    ParagraphsAhead(const doc::EncodedBlocks& blocks, uint32_t node_count, const Resources& res,
                    const layout::LayoutInputs& inputs, const layout::BlockEnv& env, unsigned jobs,
                    layout::ParagraphCache& paragraphs);
    ~ParagraphsAhead();  // stops and waits for every thread
    // The caller is about to lay out top-level block `block` (in order, from 0).
    void reached(size_t block);
    ParagraphsAhead(const ParagraphsAhead&) = delete;
    ParagraphsAhead& operator=(const ParagraphsAhead&) = delete;

    struct Run;

private:
    layout::ParagraphCache& m_paragraphs;
    std::vector<std::unique_ptr<Run>> m_runs;  // in document order
    size_t m_adopted = 0;                      // runs whose entries the caller's cache took
};

// A run laid out ahead first loads fonts of its own and takes a hyphenator sharing the parsed
// dictionary (25-30 ms of CPU when the dictionary was parsed again per run, docs/performance.md
// "Small builds"; 1.4 ms since it is shared), which a small run does not win back: each run is given at
// least this many nodes (about 37 pages of the generated workload), so a document of fewer than
// twice as many starts no thread, and one of n times as many at most n runs.
inline constexpr uint32_t kNodesPerRun = 1000;

// Where a run's thread, going back from the run's end, and the caller, going forward, meet
// (ParagraphsAhead). The thread asks before each block whether it may take it, and says when it
// has done it; the caller says which block it has reached and learns whether the thread has done
// it (then the run is adopted) or not (then the caller sets the block itself). Shared by the two
// threads: every member may be called from either at any time.
class Meeting {
public:
    explicit Meeting(size_t end) : m_done_from(end) {}
    // The thread: block `i` is still ahead of the caller (the caller has not reached it).
    bool thread_may_take(size_t i) const { return i > m_caller_at.load(std::memory_order_acquire); }
    void thread_did(size_t i) { m_done_from.store(i, std::memory_order_release); }
    // The caller is at `block`: true when the thread has done it (the two have met), false when
    // the caller is to set it. Either way the thread takes no block from `block` down any more.
    bool caller_reached(size_t block) {
        m_caller_at.store(block, std::memory_order_release);
        return block >= m_done_from.load(std::memory_order_acquire);
    }
    void stop() { m_caller_at.store(SIZE_MAX, std::memory_order_release); }

private:
    std::atomic<size_t> m_caller_at{0};  // block 0 is always the caller's
    std::atomic<size_t> m_done_from;     // the first of the blocks the thread has done
};

// What a run's paragraph cache keeps in memory (layout::ParagraphCache::limit_share): the rest it
// writes to the build's spill file as it sets it, and the caller reads each back when it reaches
// it. Kept in memory, a run's half of the budget sat in its thread's malloc arena, which the
// caller's arena could not reuse, and the pages drawn later on another thread took over that
// arena: 4,009 pages with -j 2, 69.9 -> 62.5-63.0 MB resident (docs/performance.md, "A run's
// rare parts behind one pointer, free pages given back, the paragraphs set ahead written out").
inline constexpr size_t kAheadCacheBytes = size_t(1) << 20;

// How many runs a document of `node_count` nodes is cut into with `jobs` threads (1: no thread).
unsigned runs_worth_starting(uint32_t node_count, unsigned jobs);

// The first node of each of `parts` runs of top-level blocks of about equal size, the blocks given
// by their first nodes (doc::EncodedBlocks::first_nodes): the blocks' indices where the runs
// after the first begin (ascending, fewer when there are few blocks). ParagraphsAhead starts the
// first thread's run at block 1 whatever this gives (see above).
std::vector<size_t> split_blocks(const std::vector<doc::NodeId>& first_nodes, uint32_t node_count, unsigned parts);

}  // namespace reportc::driver
