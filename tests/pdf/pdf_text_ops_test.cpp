// The Td and Tj written by pdf_text_ops.cpp are the bytes libharu's HPDF_Page_TextOut and
// HPDF_Page_MoveTextPos write, with the same record of the text position and the same glyphs
// kept in the font subsets: each case is done once through libharu and once through ours, in two
// documents, and the content streams, the positions and the saved files compared.
#include <gtest/gtest.h>
#include <hpdf.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "libharu_test_support.h"
#include "pdf/pdf_text_ops.h"

namespace reportc::pdf {
namespace {

std::string font_path(const char* file) { return std::string(REPORTC_SOURCE_ROOT) + "/fonts/" + file; }

// A document with Liberation Sans and DejaVu Sans through the UTF-8 encoder (as the writer loads
// them, docs/libharu-notes.md §L1), Helvetica through libharu's default single-byte encoding.
struct Doc {
    HPDF_Doc doc = HPDF_New(nullptr, nullptr);
    HPDF_Page page = nullptr;
    HPDF_Font liberation = nullptr, dejavu = nullptr, helvetica = nullptr;
    Doc() {
        HPDF_SetCompressionMode(doc, HPDF_COMP_NONE);
        HPDF_UseUTFEncodings(doc);
        HPDF_SetCurrentEncoder(doc, "UTF-8");
        const char* lib = HPDF_LoadTTFontFromFile(doc, font_path("liberation/LiberationSans-Regular.ttf").c_str(), HPDF_TRUE);
        const char* dv = HPDF_LoadTTFontFromFile(doc, font_path("dejavu/DejaVuSans.ttf").c_str(), HPDF_TRUE);
        liberation = HPDF_GetFont(doc, lib, "UTF-8");
        dejavu = HPDF_GetFont(doc, dv, "UTF-8");
        helvetica = HPDF_GetFont(doc, "Helvetica", "StandardEncoding");
        page = HPDF_AddPage(doc);
    }
    ~Doc() { HPDF_Free(doc); }
    HPDF_PageAttr attr() const { return static_cast<HPDF_PageAttr>(page->attr); }
    std::string content() const { return testing::memory_stream_bytes(attr()->stream); }
    std::string saved() { return testing::saved_document(doc); }
};

bool same_bits(HPDF_REAL a, HPDF_REAL b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// Runs `steps` on two documents, one calling libharu and one calling ours, and compares them
// after every step.
struct Twins {
    Doc theirs, ours;
    int step = 0;
    void expect_same(const char* what) {
        ++step;
        SCOPED_TRACE(std::string(what) + " (step " + std::to_string(step) + ")");
        ASSERT_EQ(ours.content(), theirs.content());
        const HPDF_PageAttr a = ours.attr(), b = theirs.attr();
        EXPECT_TRUE(same_bits(a->text_matrix.x, b->text_matrix.x)) << a->text_matrix.x << " " << b->text_matrix.x;
        EXPECT_TRUE(same_bits(a->text_matrix.y, b->text_matrix.y)) << a->text_matrix.y << " " << b->text_matrix.y;
        EXPECT_TRUE(same_bits(a->text_pos.x, b->text_pos.x)) << a->text_pos.x << " " << b->text_pos.x;
        EXPECT_TRUE(same_bits(a->text_pos.y, b->text_pos.y)) << a->text_pos.y << " " << b->text_pos.y;
        EXPECT_EQ(HPDF_GetError(ours.doc), HPDF_GetError(theirs.doc));
    }
    void both(const std::function<void(Doc&)>& f) {
        f(theirs);
        f(ours);
    }
    void text(HPDF_REAL x, HPDF_REAL y, const std::string& s) {
        const HPDF_STATUS a = HPDF_Page_TextOut(theirs.page, x, y, s.c_str());
        const HPDF_STATUS b = text_out(ours.page, x, y, s);
        EXPECT_EQ(b, a) << s;
        expect_same(s.c_str());
    }
    void move(HPDF_REAL x, HPDF_REAL y) {
        const HPDF_TransMatrix line = HPDF_Page_GetTextMatrix(theirs.page);
        const HPDF_STATUS a = HPDF_Page_MoveTextPos(theirs.page, x - line.x, y - line.y);
        EXPECT_EQ(move_text_to(ours.page, x, y), a);
        expect_same("move");
    }
};

const std::vector<std::string> kStrings = {
    "word", "Ä", "“quoted” – ’s", "Łódź Čapek", "x😀y", "a b", "1,234.50", "非常", "\xCC\x81",  // a lone combining acute
    std::string(300, 'm'),
};

const std::vector<std::pair<HPDF_REAL, HPDF_REAL>> kPositions = {
    {72, 769.89f}, {72.123456f, 700.5f}, {0, 0}, {595.276f, 0.00001f}, {-12.75f, 841.89f},
    {40000, -40000},  // beyond what libharu writes (it clamps to 32767)
    {300.33333f, 300.66666f}, {1e-7f, -1e-7f}, {72, 769.89f},
};

TEST(pdf_TextOps, EveryStringAtEveryPositionIsWhatTextOutWrites) {
    Twins t;
    t.both([](Doc& d) { HPDF_Page_BeginText(d.page); });
    for (HPDF_Font font : {t.ours.liberation, t.ours.dejavu}) {
        const bool liberation = font == t.ours.liberation;
        t.both([liberation](Doc& d) { HPDF_Page_SetFontAndSize(d.page, liberation ? d.liberation : d.dejavu, 11); });
        for (const auto& [x, y] : kPositions)
            for (const std::string& s : kStrings) t.text(x, y, s);
        t.both([](Doc& d) { HPDF_Page_SetCharSpace(d.page, 0.4f); });
        t.text(100, 100, "spaced out");
    }
    t.both([](Doc& d) { HPDF_Page_EndText(d.page); });
    EXPECT_EQ(t.ours.saved(), t.theirs.saved());  // the same glyphs in each font's subset
}

// A string libharu measures as zero wide gets its Td and no Tj; the text position stays at the Td.
TEST(pdf_TextOps, AStringOfNoWidthIsMovedToButNotShown) {
    Twins t;
    t.both([](Doc& d) {
        HPDF_Page_BeginText(d.page);
        HPDF_Page_SetFontAndSize(d.page, d.dejavu, 11);
    });
    ASSERT_EQ(HPDF_Page_TextWidth(t.ours.page, "\xCC\x81"), 0.0f);  // U+0301 has no advance in DejaVu Sans
    t.text(50, 60, "\xCC\x81");
    EXPECT_EQ(t.ours.content().find("Tj"), std::string::npos);
    EXPECT_NE(t.ours.content().find("50 60 Td\012"), std::string::npos);
}

TEST(pdf_TextOps, MovesAreWhatMoveTextPosWrites) {
    Twins t;
    t.both([](Doc& d) { HPDF_Page_BeginText(d.page); });
    for (const auto& [x, y] : kPositions) t.move(x, y);
}

// Where ours does not apply, libharu's own call is made: a text matrix that scales and turns, a
// font through a single-byte encoding, text outside a text object (libharu's error), text with
// a stray byte (libharu's own reading of it, §L3).
TEST(pdf_TextOps, WhatOursDoesNotCoverIsLibharusOwnCall) {
    Twins t;
    t.both([](Doc& d) {
        HPDF_Page_BeginText(d.page);
        HPDF_Page_SetFontAndSize(d.page, d.liberation, 10);
    });
    t.text(10, 20, "a \xC3 b\xFF" "c");
    t.both([](Doc& d) { HPDF_Page_SetFontAndSize(d.page, d.helvetica, 9); });
    t.text(30, 40, "Helvetica");
    t.both([](Doc& d) {
        HPDF_Page_SetFontAndSize(d.page, d.liberation, 10);
        HPDF_Page_SetTextMatrix(d.page, 0.5f, 0.5f, -0.5f, 0.5f, 100, 100);
    });
    t.text(110, 130, "turned");
    t.move(140, 150);
    for (HPDF_REAL b : {0.25f, 0.0f}) {  // slanted one way, then the other: a and d are still 1
        t.both([b](Doc& d) { HPDF_Page_SetTextMatrix(d.page, 1, b, 0.25f - b, 1, 100, 100); });
        t.text(110.5f, 130.25f, "slanted");
        t.move(140.5f, 150.25f);
    }
    t.both([](Doc& d) { HPDF_Page_EndText(d.page); });
    t.text(10, 10, "outside");
    EXPECT_NE(HPDF_GetError(t.ours.doc), HPDF_OK);
}

}  // namespace
}  // namespace reportc::pdf
