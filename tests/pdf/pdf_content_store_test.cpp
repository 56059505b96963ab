// The pages' deflated content kept in a store until the save (pdf::kContentInMemory, issue 16:
// memory that does not grow with the body; docs/libharu-notes.md §L24): the same file as when
// libharu holds it, a store that cannot keep bytes leaves them in memory, and one whose bytes
// cannot be read back fails the save with one error that names the page.
#include <map>
#include <mutex>

#include "pdf_test_support.h"

namespace reportc::pdf::testing {
namespace {

// A store in memory that can be told to refuse appends or reads (a full disk, a lost file).
class TestStore final : public ByteStore {
public:
    bool fail_appends = false;
    bool fail_reads = false;
    size_t appends = 0, reads = 0;

    std::optional<Place> append(std::string_view bytes) override {
        std::lock_guard hold(m_mutex);
        if (fail_appends || bytes.empty()) return std::nullopt;
        ++appends;
        const Place place{m_bytes.size(), uint32_t(bytes.size())};
        m_bytes.append(bytes);
        return place;
    }
    bool read(Place place, std::string& out) override {
        std::lock_guard hold(m_mutex);
        ++reads;
        if (fail_reads || place.size == 0 || place.offset + place.size > m_bytes.size()) return false;
        out.assign(m_bytes, place.offset, place.size);
        return true;
    }
    size_t size() const { return m_bytes.size(); }

private:
    std::mutex m_mutex;
    std::string m_bytes;
};

TEST(pdf_ContentStore, StoredContentGivesTheSameFile) {
    const frame::FrameDocument doc = text_pages(5, 400);
    Diagnostics diags;
    const std::optional<std::string> held = write_pdf(doc, diags);
    ASSERT_TRUE(held) << diagnostics_text(diags);

    TestStore store;
    StringSink out;
    ASSERT_TRUE(write_pdf(doc, diags, out, &store, 0)) << diagnostics_text(diags);
    EXPECT_TRUE(out.bytes == *held) << out.bytes.size() << " bytes against " << held->size();
    EXPECT_EQ(store.appends, 5u);
    EXPECT_GT(store.size(), 5u * 4096u);  // pieces read back over more than one call
    EXPECT_GT(store.reads, 5u);

    // Page by page, as a streamed build writes: the same.
    TestStore streamed_store;
    PageWriter writer(diags, &streamed_store, 0);
    for (const auto& page : doc.pages) writer.add(page, doc.fonts);
    EXPECT_EQ(writer.pages_stored(), 5u);
    StringSink streamed;
    ASSERT_TRUE(writer.finish(doc, streamed)) << diagnostics_text(diags);
    EXPECT_TRUE(streamed.bytes == *held);
    EXPECT_FALSE(diags.has_errors());
}

TEST(pdf_ContentStore, FirstBytesStayInMemory) {
    const frame::FrameDocument doc = text_pages(6, 40);
    Diagnostics diags;
    const std::optional<std::string> held = write_pdf(doc, diags);
    ASSERT_TRUE(held) << diagnostics_text(diags);
    TestStore store;
    StringSink out;
    ASSERT_TRUE(write_pdf(doc, diags, out, &store, kContentInMemory)) << diagnostics_text(diags);
    EXPECT_TRUE(out.bytes == *held);
    EXPECT_EQ(store.appends, 0u);  // a small document makes no file
}

TEST(pdf_ContentStore, StoreThatCannotKeepBytesLeavesThemInMemory) {
    const frame::FrameDocument doc = text_pages(3, 100);
    Diagnostics diags;
    const std::optional<std::string> held = write_pdf(doc, diags);
    ASSERT_TRUE(held) << diagnostics_text(diags);
    TestStore store;
    store.fail_appends = true;
    PageWriter writer(diags, &store, 0);
    for (const auto& page : doc.pages) writer.add(page, doc.fonts);
    EXPECT_EQ(writer.pages_stored(), 0u);
    StringSink out;
    ASSERT_TRUE(writer.finish(doc, out)) << diagnostics_text(diags);
    EXPECT_TRUE(out.bytes == *held);
    EXPECT_EQ(diags.all().size(), 0u);  // the store says why; the driver warns
}

TEST(pdf_ContentStore, ContentThatCannotBeReadBackFailsTheSave) {
    const frame::FrameDocument doc = text_pages(3, 100);
    TestStore store;
    store.fail_reads = true;
    Diagnostics diags;
    StringSink out;
    EXPECT_FALSE(write_pdf(doc, diags, out, &store, 0));
    EXPECT_EQ(diagnostics_text(diags), "error: pdf: page 1: its content could not be read back from the temporary file\n");
}

}  // namespace
}  // namespace reportc::pdf::testing
