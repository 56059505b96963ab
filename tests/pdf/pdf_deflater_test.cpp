// Pages' content deflated on a thread of its own while the next pages are drawn
// (PageWriter::deflate_on_a_thread, pdf::Deflater; issue 16: both cores): the same bytes as
// deflating in place, in the same order, with or without a store or frozen pages.
#include <zlib.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "pdf/pdf_deflater.h"
#include "pdf/pdf_page_stream.h"
#include "pdf_test_support.h"

namespace reportc::pdf::testing {
namespace {

std::string inflated(const std::string& bytes) {
    std::string out(1 << 20, '\0');
    uLongf size = uLongf(out.size());
    if (uncompress(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(bytes.data()), uLong(bytes.size())) != Z_OK)
        return "(not zlib)";
    out.resize(size);
    return out;
}

std::string operators(int n) {
    std::string s;
    for (int i = 0; i < 50 + n * 97; ++i) s += "BT /F1 11 Tf " + std::to_string(i * 31 + n) + " 700 Td <0041> Tj ET\n";
    return s;
}

TEST(pdf_Deflater, GivesWhatDeflatingInPlaceGivesInTheOrderGiven) {
    Deflater deflater(deflate_like_libharu);
    for (int n = 0; n < 24; ++n) deflater.submit(operators(n));
    EXPECT_EQ(deflater.pending(), 24u);
    for (int n = 0; n < 24; ++n) {
        const std::optional<std::string> out = deflater.take_oldest();
        ASSERT_TRUE(out) << n;
        EXPECT_EQ(*out, deflate_like_libharu(operators(n))) << n;
        EXPECT_EQ(inflated(*out), operators(n)) << n;
    }
    EXPECT_EQ(deflater.pending(), 0u);
    EXPECT_FALSE(deflater.oldest_done());
}

// The worker held on the oldest submission: the caller of take_oldest, rather than wait for it,
// deflates the three the worker has not started, then takes the oldest once the worker is done;
// every result is the one deflating in place gives, in the order submitted.
std::atomic<int> g_calls{0}, g_done{0};
std::atomic<bool> g_gave_up{false};
std::string first_held(std::string_view plain) {
    if (g_calls++ == 0) {  // the worker's first job waits until the other three are done (at most 5 s)
        int waited = 0;
        for (; waited < 5000 && g_done.load() < 3; ++waited) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        g_gave_up = g_done.load() < 3;
    }
    std::string out = deflate_like_libharu(plain);
    ++g_done;
    return out;
}

TEST(pdf_Deflater, TheCallerDeflatesWhatTheWorkerHasNotStartedRatherThanWait) {
    Deflater deflater(first_held);
    for (int n = 0; n < 4; ++n) deflater.submit(operators(n));
    for (int i = 0; i < 10000 && g_calls.load() == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    ASSERT_EQ(g_calls.load(), 1);  // the worker holds the first
    for (int n = 0; n < 4; ++n) {
        const std::optional<std::string> out = deflater.take_oldest();
        ASSERT_TRUE(out) << n;
        EXPECT_EQ(*out, deflate_like_libharu(operators(n))) << n;
    }
    EXPECT_FALSE(g_gave_up.load());  // the other three were done while the worker held the first
    EXPECT_EQ(deflater.helped(), 3u);
    EXPECT_EQ(g_calls.load(), 4);
}

TEST(pdf_Deflater, TakesMoreAfterItWasEmpty) {
    Deflater deflater(deflate_like_libharu);
    deflater.submit(operators(1));
    EXPECT_EQ(*deflater.take_oldest(), deflate_like_libharu(operators(1)));
    deflater.submit(operators(2));
    EXPECT_EQ(*deflater.take_oldest(), deflate_like_libharu(operators(2)));
}

TEST(pdf_Deflater, EndsWithWorkLeftUntaken) {
    auto deflater = std::make_unique<Deflater>(deflate_like_libharu);
    for (int n = 0; n < 64; ++n) deflater->submit(operators(n));
    deflater.reset();  // joins without hanging on what nobody takes
    SUCCEED();
}

// Pages of distinct text, long enough for several pages to be in flight at once, then an empty
// page: nothing to deflate, declined.
frame::FrameDocument pages(int count, int lines) {
    frame::FrameDocument doc = text_pages(count, lines);
    doc.pages.push_back(a4());
    return doc;
}

// A store in memory (the content beyond the first bytes goes there).
struct MemoryStore final : ByteStore {
    std::string bytes;
    std::optional<Place> append(std::string_view b) override {
        const Place place{bytes.size(), uint32_t(b.size())};
        bytes.append(b);
        return place;
    }
    bool read(Place place, std::string& out) override {
        if (place.offset + place.size > bytes.size()) return false;
        out.assign(bytes, place.offset, place.size);
        return true;
    }
};

std::string written_on_a_thread(const frame::FrameDocument& doc, ByteStore* store, PageFreezing freezing,
                                size_t* apart = nullptr) {
    Diagnostics diags;
    PageWriter writer(diags, store, store ? 0 : kContentInMemory, freezing);
    writer.deflate_on_a_thread();
    for (const auto& page : doc.pages) writer.add(page, doc.fonts);
    StringSink out;
    EXPECT_TRUE(writer.finish(doc, out)) << diagnostics_text(diags);
    if (apart) *apart = writer.pages_deflated_apart();
    return out.bytes;
}

TEST(pdf_Deflater, PagesDeflatedOnAThreadGiveTheSameFile) {
    const frame::FrameDocument doc = pages(12, 120);
    Diagnostics diags;
    const std::optional<std::string> in_place = write_pdf(doc, diags);
    ASSERT_TRUE(in_place) << diagnostics_text(diags);

    size_t apart = 0;
    EXPECT_TRUE(written_on_a_thread(doc, nullptr, PageFreezing::On, &apart) == *in_place);
    EXPECT_EQ(apart, 12u);  // every page but the empty one
    MemoryStore store;
    EXPECT_TRUE(written_on_a_thread(doc, &store, PageFreezing::On) == *in_place);
    EXPECT_GT(store.bytes.size(), 0u);
    // Pages left unfrozen keep their own pointer to the stream, which is the deflated one now.
    EXPECT_TRUE(written_on_a_thread(doc, nullptr, PageFreezing::Off) == *in_place);
}

// Every other deflate fails (zlib out of memory): those pages are left plain, and libharu
// deflates them when it saves, to the same bytes.
std::string every_other_fails(std::string_view plain) {
    static std::atomic<int> calls{0};
    return calls++ % 2 ? std::string() : deflate_like_libharu(plain);
}

TEST(pdf_Deflater, APageItFailedToDeflateIsDeflatedAtTheSaveTheSameBytes) {
    const frame::FrameDocument doc = pages(12, 120);
    Diagnostics diags;
    const std::optional<std::string> in_place = write_pdf(doc, diags);
    ASSERT_TRUE(in_place) << diagnostics_text(diags);
    PageWriter writer(diags);
    writer.deflate_on_a_thread(every_other_fails);
    for (const auto& page : doc.pages) writer.add(page, doc.fonts);
    StringSink out;
    ASSERT_TRUE(writer.finish(doc, out)) << diagnostics_text(diags);
    EXPECT_EQ(writer.pages_deflated_apart(), 6u);
    EXPECT_TRUE(out.bytes == *in_place);
    EXPECT_FALSE(diags.has_errors());
}

TEST(pdf_Deflater, AskedForAfterTheFirstPageItIsNotUsed) {
    const frame::FrameDocument doc = pages(3, 20);
    Diagnostics diags;
    PageWriter writer(diags);
    writer.add(doc.pages[0], doc.fonts);
    writer.deflate_on_a_thread();
    for (size_t i = 1; i < doc.pages.size(); ++i) writer.add(doc.pages[i], doc.fonts);
    StringSink out;
    ASSERT_TRUE(writer.finish(doc, out)) << diagnostics_text(diags);
    EXPECT_EQ(writer.pages_deflated_apart(), 0u);
    EXPECT_TRUE(out.bytes == *write_pdf(doc, diags));
}

}  // namespace
}  // namespace reportc::pdf::testing
