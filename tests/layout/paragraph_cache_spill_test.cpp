// The paragraph cache within a byte budget (issue 16): entries beyond it are written to a spill
// store and read back when used, giving the same layouts, field for field.
#include <gtest/gtest.h>

#include "layout/paragraph_cache.h"
#include "layout_fixture.h"
#include "paragraph_samples.h"

using namespace reportc;
using namespace reportc::layout;
using namespace reportc::layout::testing;

namespace {

ParagraphKey key(uint32_t node) { return {doc::NodeId{node}}; }

// Paragraphs of different texts (no two entries alike), the first the varied one.
std::vector<inl::ParagraphInput> paragraphs(size_t count) {
    std::vector<inl::ParagraphInput> out{varied_paragraph()};
    for (size_t i = 1; i < count; ++i) {
        inl::ParagraphInput in;
        in.width = pt(120);
        in.align = style::Align::Justify;
        in.runs.push_back(run("Paragraph " + std::to_string(i) + " of the regional intelligence liaison offices' report"));
        out.push_back(std::move(in));
    }
    return out;
}

}  // namespace

TEST(layout_ParagraphSpill, EveryEntryWrittenOutIsReusedAsSet) {
    // A budget of no bytes: every paragraph set is written to the store at once; the second pass
    // reads each back instead of setting it again, and gets the same lines (the link's extras
    // the same object, not a copy).
    LayoutFixture f;
    MemorySpillStore store;
    ParagraphSpill spill(store, 0);
    f.paragraphs.spill_to(&spill);
    const auto inputs = paragraphs(20);
    std::vector<inl::ParagraphLayout> first;
    Diagnostics diags;
    for (size_t i = 0; i < inputs.size(); ++i) first.push_back(f.paragraphs.set(key(uint32_t(i + 1)), inputs[i], diags));
    EXPECT_EQ(f.paragraphs.counts().spilled, inputs.size());
    EXPECT_EQ(f.paragraphs.held_bytes(), 0u);
    EXPECT_GT(store.size(), 0u);
    for (size_t i = 0; i < inputs.size(); ++i) {
        SCOPED_TRACE(i);
        expect_same(f.paragraphs.set(key(uint32_t(i + 1)), inputs[i], diags), first[i]);
    }
    const auto& c = f.paragraphs.counts();
    EXPECT_EQ(c.sets, inputs.size());
    EXPECT_EQ(c.set_reuses, inputs.size());
    EXPECT_EQ(c.spill_reads, inputs.size());
    EXPECT_EQ(c.spilled, inputs.size());  // read back unchanged: not written again
    EXPECT_EQ(f.paragraphs.held_bytes(), 0u);
}

TEST(layout_ParagraphSpill, AnEntryWrittenOutIsComparedWholeBeforeUse) {
    // Read back, an entry is still used only when its whole input matches: changed text under the
    // same node is set anew; a new measure is set and kept beside the first.
    LayoutFixture f;
    MemorySpillStore store;
    ParagraphSpill spill(store, 0);
    f.paragraphs.spill_to(&spill);
    Diagnostics diags;
    auto in = paragraphs(2)[1];
    f.paragraphs.set(key(1), in, diags);
    in.runs[0].text = "Border management";
    const auto changed = f.paragraphs.set(key(1), in, diags);
    ASSERT_EQ(changed.lines.size(), 1u);
    EXPECT_EQ(changed.lines[0].fragments[0].text, "Border");
    in.width = pt(60);
    f.paragraphs.set(key(1), in, diags);
    in.width = pt(120);
    f.paragraphs.set(key(1), in, diags);
    const auto& c = f.paragraphs.counts();
    EXPECT_EQ(c.sets, 3u);
    EXPECT_EQ(c.set_reuses, 1u);
}

TEST(layout_ParagraphSpill, HeldBytesStayWithinTheBudget) {
    // Many paragraphs, a budget of 32 KB: the bytes held never pass it, while the same
    // paragraphs kept without a store hold far more.
    constexpr size_t kBudget = 32 * 1024;
    const auto inputs = paragraphs(2000);
    LayoutFixture unbounded;
    Diagnostics diags;
    for (size_t i = 0; i < inputs.size(); ++i) unbounded.paragraphs.set(key(uint32_t(i + 1)), inputs[i], diags);
    EXPECT_GT(unbounded.paragraphs.held_bytes(), 10 * kBudget);

    LayoutFixture f;
    MemorySpillStore store;
    ParagraphSpill spill(store, kBudget);
    f.paragraphs.spill_to(&spill);
    size_t most = 0;
    for (int pass = 0; pass < 2; ++pass)
        for (size_t i = 0; i < inputs.size(); ++i) {
            f.paragraphs.set(key(uint32_t(i + 1)), inputs[i], diags);
            most = std::max(most, f.paragraphs.held_bytes());
        }
    EXPECT_LE(most, kBudget);
    EXPECT_GT(most, kBudget / 2);
    EXPECT_EQ(f.paragraphs.counts().sets, inputs.size());
    EXPECT_EQ(f.paragraphs.counts().set_reuses, inputs.size());
}

TEST(layout_ParagraphSpill, ACacheLimitedBelowItsShareHoldsOnlyItsLimit) {
    // A cache filled ahead for another to adopt (driver/ahead.h): the spill's budget is large,
    // its limit small; it holds no more than the limit, writes the rest, and every entry is
    // still reused as set.
    constexpr size_t kLimit = 8 * 1024;
    const auto inputs = paragraphs(400);
    LayoutFixture f;
    MemorySpillStore store;
    ParagraphSpill spill(store, size_t(64) << 20);
    f.paragraphs.spill_to(&spill);
    f.paragraphs.limit_share(kLimit);
    Diagnostics diags;
    size_t most = 0;
    std::vector<inl::ParagraphLayout> first;
    for (size_t i = 0; i < inputs.size(); ++i) {
        first.push_back(f.paragraphs.set(key(uint32_t(i + 1)), inputs[i], diags));
        most = std::max(most, f.paragraphs.held_bytes());
    }
    EXPECT_LE(most, kLimit);
    EXPECT_GT(f.paragraphs.counts().spilled, inputs.size() / 2);
    for (size_t i = 0; i < inputs.size(); ++i) expect_same(f.paragraphs.set(key(uint32_t(i + 1)), inputs[i], diags), first[i]);
    EXPECT_EQ(f.paragraphs.counts().sets, inputs.size());
    EXPECT_EQ(f.paragraphs.counts().set_reuses, inputs.size());
}

TEST(layout_ParagraphSpill, AStoreThatCannotKeepBytesLeavesEntriesInMemory) {
    // A full disk: nothing is written, every entry stays in memory and is reused as before.
    LayoutFixture f;
    MemorySpillStore store;
    store.fail_appends(true);
    ParagraphSpill spill(store, 0);
    f.paragraphs.spill_to(&spill);
    const auto inputs = paragraphs(5);
    Diagnostics diags;
    for (int pass = 0; pass < 2; ++pass)
        for (size_t i = 0; i < inputs.size(); ++i) f.paragraphs.set(key(uint32_t(i + 1)), inputs[i], diags);
    EXPECT_EQ(f.paragraphs.counts().spilled, 0u);
    EXPECT_EQ(f.paragraphs.counts().set_reuses, inputs.size());
}

TEST(layout_ParagraphSpill, EntriesWrittenOutAheadAreAdoptedWithTheirPlaces) {
    // Paragraphs set ahead on another thread's cache sharing the spill: its entries written out
    // are adopted as written and read back when used; one written to another store is set again.
    LayoutFixture f, ahead, elsewhere;
    MemorySpillStore store, other_store;
    ParagraphSpill spill(store, 0), other(other_store, 0);
    f.paragraphs.spill_to(&spill);
    ahead.paragraphs.spill_to(&spill);
    elsewhere.paragraphs.spill_to(&other);
    const auto inputs = paragraphs(4);
    Diagnostics diags;
    std::vector<inl::ParagraphLayout> first;
    for (size_t i = 0; i < 3; ++i) first.push_back(ahead.paragraphs.set(key(uint32_t(i + 1)), inputs[i], diags));
    elsewhere.paragraphs.set(key(4), inputs[3], diags);
    f.paragraphs.adopt(std::move(ahead.paragraphs));
    f.paragraphs.adopt(std::move(elsewhere.paragraphs));
    for (size_t i = 0; i < 3; ++i) expect_same(f.paragraphs.set(key(uint32_t(i + 1)), inputs[i], diags), first[i]);
    f.paragraphs.set(key(4), inputs[3], diags);
    const auto& c = f.paragraphs.counts();
    EXPECT_EQ(c.adopted, 3u);
    EXPECT_EQ(c.set_reuses, 3u);
    EXPECT_EQ(c.sets, 1u);
}

TEST(layout_ParagraphSpill, CachesSharingASpillStayWithinOneBudgetTogether) {
    // With -j N the caches of the threads set ahead share the main thread's spill: the budget is
    // the build's, not each cache's. Two caches each setting half of the paragraphs hold no
    // more together than one cache setting them all, and the count follows entries as they are
    // adopted and as a cache goes.
    const auto inputs = paragraphs(40);
    Diagnostics diags;
    size_t alone_bytes = 0;
    {
        LayoutFixture f;
        MemorySpillStore store;
        ParagraphSpill spill(store);
        f.paragraphs.spill_to(&spill);
        for (size_t i = 0; i < inputs.size(); ++i) f.paragraphs.set(key(uint32_t(i + 1)), inputs[i], diags);
        alone_bytes = f.paragraphs.held_bytes();
        ASSERT_EQ(spill.held.load(), alone_bytes);
    }
    const size_t budget = alone_bytes / 2;  // half of what every paragraph takes
    LayoutFixture main, ahead;
    MemorySpillStore store;
    ParagraphSpill spill(store, budget);
    main.paragraphs.spill_to(&spill);
    ahead.paragraphs.spill_to(&spill);
    for (size_t i = 0; i < inputs.size(); i += 2) {
        main.paragraphs.set(key(uint32_t(i + 1)), inputs[i], diags);
        ahead.paragraphs.set(key(uint32_t(i + 2)), inputs[i + 1], diags);
        EXPECT_LE(spill.held.load(), budget);
        EXPECT_EQ(spill.held.load(), main.paragraphs.held_bytes() + ahead.paragraphs.held_bytes());
    }
    EXPECT_GT(main.paragraphs.counts().spilled + ahead.paragraphs.counts().spilled, 0u);
    EXPECT_EQ(spill.share(), budget / 2);  // each cache keeps at most half
    main.paragraphs.adopt(std::move(ahead.paragraphs));
    EXPECT_EQ(spill.held.load(), main.paragraphs.held_bytes());
    EXPECT_LE(spill.held.load(), budget);
    ahead.paragraphs.spill_to(nullptr);  // adopted and gone: the main cache's share is the whole budget
    EXPECT_EQ(spill.share(), budget);
    spill.budget = SIZE_MAX;  // nothing written out from here on
    {
        LayoutFixture passing;
        passing.paragraphs.spill_to(&spill);
        passing.paragraphs.set(key(1000), inputs[0], diags);
        EXPECT_GT(spill.held.load(), main.paragraphs.held_bytes());
    }
    EXPECT_EQ(spill.held.load(), main.paragraphs.held_bytes());  // a cache that goes takes its count along
}
