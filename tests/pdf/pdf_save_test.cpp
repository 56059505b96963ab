// The save: libharu's output goes to a ByteSink in pieces as it is written, never whole in
// memory (docs/libharu-notes.md §L23), and the bytes are the ones write_pdf returns.
#include <algorithm>

#include "pdf_test_support.h"

namespace reportc::pdf::testing {
namespace {

// Counts the pieces it is given and keeps their bytes (to compare); refuses the piece after
// `accept` pieces.
struct CountingSink : ByteSink {
    size_t accept = SIZE_MAX;
    size_t pieces = 0, largest = 0, after_refusal = 0;
    bool refused = false;
    std::string bytes;
    bool write(std::string_view piece) override {
        if (refused) ++after_refusal;
        if (pieces == accept) refused = true;
        if (refused) return false;
        ++pieces;
        largest = std::max(largest, piece.size());
        bytes.append(piece);
        return true;
    }
};

// Enough pages of distinct text that the file is several pieces long.
frame::FrameDocument many_pages(int count) {
    frame::FrameDocument doc = base_document();
    for (int p = 0; p < count; ++p) {
        frame::Page page = a4();
        for (int line = 0; line < 40; ++line)
            page.items.push_back(text(line % 2, 10, 72, 60 + 18 * line,
                                      "Page " + std::to_string(p) + " line " + std::to_string(line) + ": " +
                                          std::to_string(uint64_t(p) * 7919u + uint64_t(line) * 104729u)));
        doc.pages.push_back(page);
    }
    return doc;
}

TEST(pdf_Save, WrittenThroughTheSinkInPiecesNeverWhole) {
    const frame::FrameDocument doc = many_pages(200);
    Diagnostics diags;
    const std::optional<std::string> whole = write_pdf(doc, diags);
    ASSERT_TRUE(whole) << diagnostics_text(diags);
    ASSERT_GT(whole->size(), 4 * kSavePiece);

    CountingSink sink;
    ASSERT_TRUE(write_pdf(doc, diags, sink)) << diagnostics_text(diags);
    EXPECT_TRUE(sink.bytes == *whole) << sink.bytes.size() << " bytes against " << whole->size();
    EXPECT_LE(sink.largest, kSavePiece);
    EXPECT_EQ(sink.pieces, (whole->size() + kSavePiece - 1) / kSavePiece);

    // Page by page, as a streamed build writes, the same pieces.
    PageWriter writer(diags);
    for (const auto& page : doc.pages) writer.add(page, doc.fonts);
    CountingSink streamed;
    ASSERT_TRUE(writer.finish(doc, streamed)) << diagnostics_text(diags);
    EXPECT_TRUE(streamed.bytes == *whole);
    EXPECT_EQ(streamed.pieces, sink.pieces);
    EXPECT_FALSE(diags.has_errors()) << diagnostics_text(diags);
}

TEST(pdf_Save, SinkThatStopsStopsTheSaveWithoutAnErrorOfItsOwn) {
    // The sink (the output file) reports why it stopped; libharu's failed write is its echo.
    CountingSink sink;
    sink.accept = 2;
    Diagnostics diags;
    EXPECT_FALSE(write_pdf(many_pages(200), diags, sink));
    EXPECT_TRUE(sink.refused);
    EXPECT_EQ(sink.pieces, 2u);
    EXPECT_EQ(sink.after_refusal, 0u);
    EXPECT_EQ(diags.error_count(), 0u) << diagnostics_text(diags);
    // The next document is written normally.
    CountingSink next;
    EXPECT_TRUE(write_pdf(two_page_document(), diags, next)) << diagnostics_text(diags);
    EXPECT_EQ(next.bytes.compare(0, 8, "%PDF-1.3"), 0);
}

TEST(pdf_Save, LibharuHeapIsCountedAndGivenBackWithTheDocument) {
    // What libharu holds is counted through the allocation functions the document is made with:
    // at the save it grows with the pages, and all of it is freed with the document.
    count_libharu_heap(true);
    const LibharuHeap before = libharu_heap();
    Diagnostics diags;
    ASSERT_TRUE(write_pdf(two_page_document(), diags)) << diagnostics_text(diags);
    const LibharuHeap two = libharu_heap();
    ASSERT_TRUE(write_pdf(many_pages(200), diags)) << diagnostics_text(diags);
    const LibharuHeap many = libharu_heap();
    EXPECT_EQ(two.bytes, before.bytes);
    EXPECT_EQ(many.bytes, before.bytes);
    EXPECT_EQ(many.blocks, before.blocks);
    EXPECT_GT(two.save_bytes, 0u);
    EXPECT_GT(many.save_bytes, two.save_bytes + 200 * 1000) << many.save_bytes << " against " << two.save_bytes;
    EXPECT_GT(many.save_blocks, two.save_blocks);
    EXPECT_GE(many.peak_bytes, many.save_bytes);
    // The same document asks for the same bytes.
    ASSERT_TRUE(write_pdf(many_pages(200), diags)) << diagnostics_text(diags);
    EXPECT_EQ(libharu_heap().save_bytes, many.save_bytes);
    count_libharu_heap(false);
}

}  // namespace
}  // namespace reportc::pdf::testing
