// The heap trimmed as the document is laid out (driver/heap_trim.h, issue 16): once every
// `every` bytes of encoded blocks, counted across blocks of any size.
#include <gtest/gtest.h>

#include "doc/encoded_blocks.h"
#include "driver/heap_trim.h"

using namespace reportc;

namespace {

int g_trims = 0;
void count_trim() { ++g_trims; }

}  // namespace

TEST(driver_HeapTrim, TrimsOnceEveryBudgetOfBytesLaidOut) {
    g_trims = 0;
    driver::HeapTrim trim(1000, &count_trim);
    trim.laid_out(400);
    trim.laid_out(400);
    EXPECT_EQ(g_trims, 0);
    trim.laid_out(400);  // 1,200: one trim, and the count starts again
    EXPECT_EQ(g_trims, 1);
    trim.laid_out(700);
    EXPECT_EQ(g_trims, 1);
    trim.laid_out(5000);  // one large block: one trim, not five
    EXPECT_EQ(g_trims, 2);
    trim.laid_out(0);
    EXPECT_EQ(g_trims, 2);
    EXPECT_EQ(trim.trims(), 2u);
}

TEST(driver_HeapTrim, ADocumentKeptAsReadIsNeverTrimmed) {
    g_trims = 0;
    driver::HeapTrim trim(1000, &count_trim);
    for (int i = 0; i < 100; ++i) trim.laid_out(0);  // EncodedBlocks::bytes_of of a kept block
    EXPECT_EQ(g_trims, 0);
}

// What the trim counts: each block's encoded bytes, which together are the document's bytes; a
// document kept as read has none.
TEST(driver_HeapTrim, EncodedBlocksGiveEachBlocksBytes) {
    auto blocks = [] {
        std::vector<doc::Block> b;
        for (int i = 0; i < 3; ++i) {
            doc::Paragraph p;
            p.runs.push_back(doc::TextRun{std::string(size_t(100 * (i + 1)), 'w')});
            b.push_back(doc::Block{std::move(p)});
        }
        return b;
    };
    const doc::EncodedBlocks encoded(blocks(), nullptr, size_t(1) << 20);
    size_t sum = 0;
    for (size_t i = 0; i < encoded.size(); ++i) sum += encoded.bytes_of(i);
    EXPECT_EQ(sum, encoded.bytes_in_memory());
    EXPECT_LT(encoded.bytes_of(0), encoded.bytes_of(1));
    EXPECT_EQ(encoded.bytes_of(3), 0u);
    const doc::EncodedBlocks kept(blocks(), nullptr, size_t(1) << 20, 10, 100);
    ASSERT_TRUE(kept.kept());
    EXPECT_EQ(kept.bytes_of(0), 0u);
}
