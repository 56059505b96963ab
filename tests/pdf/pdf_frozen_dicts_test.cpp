// Finished pages kept as the bytes libharu would write for their dictionaries (FrozenDicts,
// docs/libharu-notes.md §L26): the same file, links and destinations still made on them after
// the freeze, a page that cannot be frozen left to libharu, and far less of libharu's heap a page.
#include <hpdf.h>
#include <hpdf_error.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include <cstdlib>

#include "pdf/pdf_document.h"
#include "pdf/pdf_frozen_dicts.h"
#include "pdf_test_support.h"

namespace reportc::pdf::testing {
namespace {

std::string written(const frame::FrameDocument& doc, PageFreezing freezing) {
    Diagnostics diags;
    StringSink out;
    EXPECT_TRUE(write_pdf(doc, diags, out, nullptr, kContentInMemory, freezing)) << diagnostics_text(diags);
    EXPECT_FALSE(diags.has_errors()) << diagnostics_text(diags);
    return out.bytes;
}

// The two pages of two_page_document, then `count` more, every fifth turned, each with an anchor,
// text in one of the two fonts, a filled shape, a link to another page's anchor (made after every
// page is frozen, forward and back), every third a URI link too, each in the outline.
frame::FrameDocument linked_pages(int count) {
    frame::FrameDocument doc = two_page_document();
    for (int p = 0; p < count; ++p) {
        const std::string name = "p" + std::to_string(p);
        frame::Page page = a4();
        page.turned = p % 5 == 3;
        page.items.push_back(anchor(name, 72, 60));
        page.items.push_back(text(p % 2, 11, 72, 100, "Page " + std::to_string(p) + " of the linked pages"));
        page.items.push_back(shape({move(72, 110), line(300, 110), line(300, 114), line(72, 114), close()},
                                   Color{0x1f, 0x4e, uint8_t(p % 256)}, std::nullopt));
        page.items.push_back(link(72, 120, 100, 12, "", "p" + std::to_string((p * 7 + 3) % count)));
        if (p % 3 == 0) page.items.push_back(link(72, 140, 100, 12, "https://example.org/" + std::to_string(p)));
        doc.pages.push_back(page);
        doc.outline.push_back({"Page " + std::to_string(p), 1 + p % 2, name});
    }
    return doc;
}

TEST(pdf_PageFreeze, FrozenPagesGiveTheSameFile) {
    const frame::FrameDocument doc = linked_pages(40);
    const std::string frozen = written(doc, PageFreezing::On), unfrozen = written(doc, PageFreezing::Off);
    ASSERT_GT(frozen.size(), 10000u);
    EXPECT_TRUE(frozen == unfrozen) << frozen.size() << " bytes against " << unfrozen.size();

    // Every page was frozen (page by page, as a streamed build writes), and the file is the same.
    Diagnostics diags;
    PageWriter writer(diags);
    for (const auto& page : doc.pages) writer.add(page, doc.fonts);
    EXPECT_EQ(writer.pages_frozen(), doc.pages.size());
    StringSink streamed;
    ASSERT_TRUE(writer.finish(doc, streamed)) << diagnostics_text(diags);
    EXPECT_TRUE(streamed.bytes == unfrozen);
    EXPECT_EQ(writer.links_frozen(), 4u + 40u + 14u);  // two_page_document's, one a page, a URI every third
    EXPECT_EQ(writer.outline_items_frozen(), 1u + 3u + 40u);  // the root, two_page_document's, one a page

    PageWriter off(diags, nullptr, kContentInMemory, PageFreezing::Off);
    off.add(doc.pages[0], doc.fonts);
    EXPECT_EQ(off.pages_frozen(), 0u);
}

// The links are made once every page is frozen: each page's /Annots is an entry added after the
// freeze, written after the kept bytes; qpdf finds the file sound and every link in its page.
TEST(pdf_PageFreeze, LinksAddedAfterTheFreezeAreThePagesOwn) {
    auto dir = output_dir();
    const frame::FrameDocument doc = linked_pages(12);
    const std::string bytes = written(doc, PageFreezing::On);
    write_file(dir / "frozen.pdf", bytes);
    CommandResult check = run("qpdf --check " + quote(dir / "frozen.pdf"), dir);
    EXPECT_EQ(check.status, 0) << check.out << check.err;
    EXPECT_NE(check.out.find("No syntax or stream encoding errors found"), std::string::npos) << check.out;
    const std::string q = qdf(dir / "frozen.pdf", dir);
    // Three links on page 1, one on page 2, one on each of the 12, and a URI on p0, p3, p6, p9.
    EXPECT_EQ(count(q, "/Subtype /Link"), 3u + 1u + 12u + 4u);
    EXPECT_EQ(count(q, "/Annots ["), 14u);
    EXPECT_EQ(count(q, "/Type /Page\n"), 14u);
    EXPECT_EQ(count(q, "/Rotate 90"), 2u);  // p3 and p8
    // An /Annots entry follows the frozen ones, as libharu orders them.
    EXPECT_EQ(count(bytes, "/Parent 4 0 R\012/Annots ["), 12u);  // the two turned pages have /Rotate between
}

// Pages of text in two fonts and a shape, every fifth turned; no links nor outline.
frame::FrameDocument plain_pages(int count) {
    frame::FrameDocument doc = base_document();
    for (int p = 0; p < count; ++p) {
        frame::Page page = a4();
        page.turned = p % 5 == 3;
        page.items.push_back(text(0, 11, 72, 100, "Page " + std::to_string(p)));
        page.items.push_back(text(1, 11, 72, 120, "in two fonts"));
        page.items.push_back(shape({move(72, 110), line(300, 110), line(300, 114), close()}, Color{}, std::nullopt));
        doc.pages.push_back(page);
    }
    return doc;
}

// What libharu holds a page, from the growth of its heap at the save between two lengths of
// document (libharu 2.3.0, counted exactly, so the same on every run): plain pages 3,884 bytes a
// page unfrozen, 838 frozen (990 with the content dictionary's /Length kept); with 1.35 links, an
// outline item and a destination a page, 9,337 and 2,373 (2,613 with the destinations' item
// blocks of 20).
TEST(pdf_PageFreeze, LibharuHoldsFarLessAPage) {
    auto per_page = [](PageFreezing freezing, frame::FrameDocument (*make)(int)) {
        count_libharu_heap(true);
        size_t at[2] = {};
        const int counts[2] = {50, 250};
        for (int i = 0; i < 2; ++i) {
            written(make(counts[i]), freezing);
            at[i] = libharu_heap().save_bytes;
        }
        count_libharu_heap(false);
        return double(at[1] - at[0]) / (counts[1] - counts[0]);
    };
    const double frozen = per_page(PageFreezing::On, plain_pages), unfrozen = per_page(PageFreezing::Off, plain_pages);
    const double linked_frozen = per_page(PageFreezing::On, linked_pages), linked = per_page(PageFreezing::Off, linked_pages);
    RecordProperty("linked_frozen_bytes_a_page", std::to_string(linked_frozen));
    RecordProperty("linked_unfrozen_bytes_a_page", std::to_string(linked));
    RecordProperty("frozen_bytes_a_page", std::to_string(frozen));
    RecordProperty("unfrozen_bytes_a_page", std::to_string(unfrozen));
    EXPECT_LT(frozen, 900) << frozen;
    EXPECT_GT(unfrozen, 3 * frozen) << unfrozen;
    EXPECT_LT(linked_frozen, 2450) << linked_frozen;
    EXPECT_GT(linked, 3 * linked_frozen) << linked;
}

// A document of pages drawn directly through libharu, so that each can be frozen or not.
struct Drawn {
    Diagnostics diags;
    PdfDocument doc{diags};
    std::vector<HPDF_Page> pages;
    explicit Drawn(int count) {
        for (int p = 0; p < count; ++p) {
            HPDF_Page page = HPDF_AddPage(doc.handle());
            HPDF_Page_SetRGBFill(page, 0.2f, 0.4f, float(p) / float(count));
            HPDF_Page_Rectangle(page, 50, 50, 200, HPDF_REAL(100 + p));
            HPDF_Page_Fill(page);
            pages.push_back(page);
        }
    }
    std::string saved() {
        // Links made after the pages were drawn, and frozen: /Annots added later.
        for (HPDF_Page page : pages) {
            HPDF_Rect rect{10, 10, 50, 50};
            HPDF_Page_CreateLinkAnnot(page, rect, HPDF_Page_CreateDestination(pages.front()));
        }
        StringSink out;
        EXPECT_TRUE(doc.save(out)) << diagnostics_text(diags);
        return out.bytes;
    }
};

// The buffer's offsets are 32-bit: a page whose bytes would not fit is left as it is, for libharu
// to write, and the file is the same.
TEST(pdf_PageFreeze, PageThatDoesNotFitIsLeftToLibharu) {
    Drawn frozen(3), unfrozen(3);
    FrozenDicts& pages = frozen.doc.frozen_dicts();
    ASSERT_TRUE(pages.freeze(frozen.pages[0]));
    pages.set_capacity(pages.bytes() + 10);
    EXPECT_FALSE(pages.freeze(frozen.pages[1]));
    pages.set_capacity(UINT32_MAX);
    EXPECT_TRUE(pages.freeze(frozen.pages[2]));
    EXPECT_EQ(pages.pages(), 2u);
    EXPECT_TRUE(frozen.doc.check("freezing"));
    EXPECT_EQ(frozen.saved(), unfrozen.saved());
}

// Freezing again, or a page still inside a text object (libharu writes ET into its stream when
// it saves), changes nothing; drawing on a frozen page fails with libharu's error, not a crash.
TEST(pdf_PageFreeze, OnlyAClosedPageIsFrozenAndNothingDrawsOnIt) {
    Drawn frozen(2), unfrozen(2);
    for (Drawn* d : {&frozen, &unfrozen}) HPDF_Page_BeginText(d->pages[1]);
    FrozenDicts& pages = frozen.doc.frozen_dicts();
    ASSERT_TRUE(pages.freeze(frozen.pages[0]));
    EXPECT_FALSE(pages.freeze(frozen.pages[0]));
    EXPECT_FALSE(pages.freeze(frozen.pages[1]));
    EXPECT_EQ(pages.pages(), 1u);
    EXPECT_EQ(frozen.saved(), unfrozen.saved());

    Drawn drawn(1);
    ASSERT_TRUE(drawn.doc.frozen_dicts().freeze(drawn.pages[0]));
    EXPECT_NE(HPDF_Page_Rectangle(drawn.pages[0], 1, 1, 2, 2), HPDF_OK);
    EXPECT_FALSE(drawn.doc.check("drawing on a frozen page"));
    EXPECT_NE(diagnostics_text(drawn.diags).find("PAGE_INVALID_GMODE"), std::string::npos) << diagnostics_text(drawn.diags);
}

// An allocator that can be told to fail (libharu's allocation functions take no context).
bool g_fail_allocations = false;
void* HPDF_STDCALL failing_alloc(HPDF_UINT size) { return g_fail_allocations ? nullptr : std::malloc(size); }
void HPDF_STDCALL plain_free(void* block) { std::free(block); }

// An allocation that fails while a page is frozen leaves the page as it was, with libharu's error
// set on the document (the writer raises it: "pdf: libharu error 0x1015 FAILD_TO_ALLOC_MEM …
// while keeping the dictionary of page N as bytes").
TEST(pdf_PageFreeze, FailedAllocationLeavesThePageAsItWas) {
    HPDF_Doc doc = HPDF_NewEx(nullptr, failing_alloc, plain_free, 0, nullptr);
    ASSERT_NE(doc, nullptr);
    HPDF_Page page = HPDF_AddPage(doc);
    HPDF_Page_Rectangle(page, 50, 50, 200, 100);
    HPDF_Page_Fill(page);
    FrozenDicts frozen;
    g_fail_allocations = true;
    EXPECT_FALSE(frozen.freeze(page));
    g_fail_allocations = false;
    EXPECT_EQ(HPDF_GetError(doc), HPDF_FAILD_TO_ALLOC_MEM);
    EXPECT_EQ(frozen.pages(), 0u);
    EXPECT_EQ(frozen.bytes(), 0u);
    EXPECT_NE(HPDF_Dict_GetItem(page, "MediaBox", HPDF_OCLASS_ARRAY), nullptr);
    EXPECT_NE(page->free_fn, nullptr);
    EXPECT_EQ(page->write_fn, nullptr);
    HPDF_Free(doc);
}

}  // namespace
}  // namespace reportc::pdf::testing
