// Paragraphs set ahead (-j): how the top-level blocks are cut into runs of about equal size.
#include <gtest/gtest.h>

#include "doc/walk.h"
#include "driver/ahead.h"

using namespace reportc;

namespace {

// `sizes[i]` paragraphs in the i-th top-level section, numbered as the compiler numbers them.
doc::Document sections(const std::vector<int>& sizes) {
    doc::Document d;
    for (int size : sizes) {
        doc::Section section;
        for (int p = 0; p < size; ++p) section.children.push_back(doc::Block{doc::Paragraph{}});
        d.blocks.push_back(doc::Block{std::move(section)});
    }
    doc::number_nodes(d);
    return d;
}

using Starts = std::vector<size_t>;

// The blocks' first nodes, as doc::EncodedBlocks gives them.
std::vector<doc::NodeId> firsts(const doc::Document& d) {
    std::vector<doc::NodeId> nodes;
    for (const auto& b : d.blocks) nodes.push_back(doc::visit_node([](const auto& n) { return n.node; }, b));
    return nodes;
}

}  // namespace

TEST(driver_SplitBlocks, RunsOfAboutEqualSizeByNodes) {
    auto d = sections({3, 3, 3, 3});  // 4 nodes each
    EXPECT_EQ(driver::split_blocks(firsts(d), d.node_count, 2), (Starts{2}));
    EXPECT_EQ(driver::split_blocks(firsts(d), d.node_count, 4), (Starts{1, 2, 3}));
    // A large first section keeps the runs after it together.
    auto big = sections({9, 1, 1, 1});
    EXPECT_EQ(driver::split_blocks(firsts(big), big.node_count, 2), (Starts{1}));
}

TEST(driver_SplitBlocks, NothingToSplit) {
    auto d = sections({3, 3});
    EXPECT_TRUE(driver::split_blocks(firsts(d), d.node_count, 1).empty());  // -j 1
    auto one = sections({20});
    EXPECT_TRUE(driver::split_blocks(firsts(one), one.node_count, 8).empty());
    // More threads than blocks: one run per block.
    EXPECT_EQ(driver::split_blocks(firsts(d), d.node_count, 8), (Starts{1}));
    doc::Document unnumbered;
    unnumbered.blocks = {doc::Block{doc::Paragraph{}}, doc::Block{doc::Paragraph{}}};
    EXPECT_TRUE(driver::split_blocks(firsts(unnumbered), 0, 2).empty());
}

TEST(driver_RunsWorthStarting, SmallDocumentsStartNoThread) {
    // A run's own fonts and dictionary cost more than a small run sets: fewer runs, or none.
    EXPECT_EQ(driver::runs_worth_starting(257, 2), 1u);  // the generated 10 pages
    EXPECT_EQ(driver::runs_worth_starting(2 * driver::kNodesPerRun - 1, 2), 1u);
    EXPECT_EQ(driver::runs_worth_starting(2 * driver::kNodesPerRun, 2), 2u);
    EXPECT_EQ(driver::runs_worth_starting(2255, 8), 2u);  // the generated 100 (83 pages)
    EXPECT_EQ(driver::runs_worth_starting(21791, 8), 8u);  // the generated 1000 (803 pages)
    EXPECT_EQ(driver::runs_worth_starting(0, 2), 1u);
    EXPECT_EQ(driver::runs_worth_starting(5000, 1), 1u);
}

// A run of blocks 1..9 (end 10): the thread goes back from 9, the caller forward from 0.
TEST(driver_Meeting, TheThreadStopsWhereTheCallerIsAndTheCallerAdoptsWhereTheThreadWas) {
    driver::Meeting m(10);
    EXPECT_FALSE(m.thread_may_take(0));  // block 0 is the caller's
    EXPECT_TRUE(m.thread_may_take(9));
    m.thread_did(9);
    EXPECT_TRUE(m.thread_may_take(8));
    m.thread_did(8);
    // The caller sets blocks 1 to 6 itself while the thread goes on down to 7.
    for (size_t b = 1; b <= 6; ++b) {
        EXPECT_FALSE(m.caller_reached(b)) << b;
        if (b == 3) {
            EXPECT_TRUE(m.thread_may_take(7));
            m.thread_did(7);
        }
    }
    EXPECT_FALSE(m.thread_may_take(6));  // reached by the caller: not the thread's any more
    EXPECT_FALSE(m.thread_may_take(5));
    EXPECT_TRUE(m.caller_reached(7));  // done by the thread: adopt
}

TEST(driver_Meeting, ABlockBothAreOnIsDoneTwiceAndAdoptedAfter) {
    driver::Meeting m(5);
    EXPECT_TRUE(m.thread_may_take(4));  // the thread starts block 4 ...
    EXPECT_FALSE(m.caller_reached(4));  // ... the caller reaches it before it is done: sets it too
    m.thread_did(4);
    EXPECT_FALSE(m.thread_may_take(3));
    EXPECT_TRUE(m.caller_reached(5));  // past the run: adopted (the same settings, kept once)
}

TEST(driver_Meeting, AThreadThatDidNothingIsAdoptedOnlyPastItsRun) {
    driver::Meeting m(4);
    for (size_t b = 1; b < 4; ++b) EXPECT_FALSE(m.caller_reached(b));
    EXPECT_TRUE(m.caller_reached(4));
    driver::Meeting stopped(4);
    stopped.stop();
    EXPECT_FALSE(stopped.thread_may_take(3));
}
