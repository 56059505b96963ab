// A page's content stream deflated as soon as the page is drawn (pdf_page_stream.cpp): the saved
// file is the one libharu writes when it deflates the stream itself, byte for byte.
#include <gtest/gtest.h>
#include <hpdf.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <zlib.h>

#include <string>

#include "libharu_test_support.h"
#include "pdf/pdf_page_stream.h"

namespace reportc::pdf {
namespace {

// A document whose one page holds text, a filled path and a saved graphics state.
struct OnePage {
    HPDF_Doc doc = HPDF_New(nullptr, nullptr);
    HPDF_Page page = nullptr;
    OnePage() {
        HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
        page = HPDF_AddPage(doc);
        HPDF_Page_GSave(page);
        HPDF_Page_SetRGBFill(page, 0.2f, 0.4f, 0.6f);
        HPDF_Page_Rectangle(page, 50, 50, 200, 100);
        HPDF_Page_Fill(page);
        HPDF_Page_GRestore(page);
        HPDF_Page_BeginText(page);
        HPDF_Page_SetFontAndSize(page, HPDF_GetFont(doc, "Helvetica", nullptr), 12);
        for (int line = 0; line < 400; ++line)  // more than one 4 KiB block of libharu's stream
            HPDF_Page_TextOut(page, 72, HPDF_REAL(800 - line), ("line " + std::to_string(line) + " of the page").c_str());
        HPDF_Page_EndText(page);
    }
    ~OnePage() { HPDF_Free(doc); }
    HPDF_Stream stream() const { return static_cast<HPDF_PageAttr>(page->attr)->stream; }
    std::string bytes_of(HPDF_Stream s) const { return testing::memory_stream_bytes(s); }
    std::string saved() { return testing::saved_document(doc); }
};

std::string inflated(const std::string& deflated, size_t size) {
    std::string out(size, '\0');
    uLongf length = uLongf(size);
    EXPECT_EQ(uncompress(reinterpret_cast<Bytef*>(out.data()), &length, reinterpret_cast<const Bytef*>(deflated.data()),
                         uLong(deflated.size())),
              Z_OK);
    out.resize(length);
    return out;
}

TEST(pdf_PageStream, SavedFileIsTheOneLibharuWritesItself) {
    OnePage ours, libharus;
    ASSERT_TRUE(compress_page_stream(ours.page));
    const std::string a = ours.saved(), b = libharus.saved();
    EXPECT_NE(a.find("/Filter [ /FlateDecode ]"), std::string::npos);
    EXPECT_EQ(a, b);
}

TEST(pdf_PageStream, StreamInflatesToThePageOperators) {
    OnePage page;
    const std::string operators = page.bytes_of(page.stream());
    ASSERT_GT(operators.size(), 4096u);
    ASSERT_TRUE(compress_page_stream(page.page));
    const std::string packed = page.bytes_of(page.stream());
    EXPECT_LT(packed.size(), operators.size() / 2);
    EXPECT_EQ(packed, deflate_like_libharu(operators));
    EXPECT_EQ(inflated(packed, operators.size()), operators);
}

// libharu ends an open text object (and restores saved states) by writing to the stream when it
// saves, so such a page stays for libharu to deflate, and the file is still the same.
TEST(pdf_PageStream, OpenTextObjectIsLeftToLibharu) {
    OnePage ours, libharus;
    for (OnePage* p : {&ours, &libharus}) HPDF_Page_BeginText(p->page);
    EXPECT_FALSE(compress_page_stream(ours.page));
    EXPECT_EQ(ours.saved(), libharus.saved());
}

TEST(pdf_PageStream, EmptyPageIsLeftAlone) {
    OnePage ours;
    HPDF_Page empty = HPDF_AddPage(ours.doc);
    EXPECT_FALSE(compress_page_stream(empty));
}

}  // namespace
}  // namespace reportc::pdf
