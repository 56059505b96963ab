// The glyph of every code from U+0000 to U+FFFF, worked out in one walk of a format 4 cmap
// (glyph_ids_by_code), is what libharu's own lookup (HPDF_TTFontDef_GetGlyphid, a search per
// code) gives: for the fonts in fonts/ and for cmaps made to hit each of the lookup's corners.
#include <gtest/gtest.h>
#include <hpdf.h>
#include <hpdf_conf.h>
#include <hpdf_fontdef.h>

#include <string>
#include <vector>

#include "pdf/pdf_fonts.h"
#include "pdf_test_support.h"

namespace reportc::pdf::testing {
namespace {

std::string fonts(const std::string& file) { return std::string(REPORTC_SOURCE_ROOT) + "/fonts/" + file; }

std::vector<HPDF_UINT16> libharu_glyph_ids(HPDF_FontDef def) {
    std::vector<HPDF_UINT16> glyphs(65536);
    for (unsigned cp = 0; cp < 65536; ++cp) glyphs[cp] = HPDF_TTFontDef_GetGlyphid(def, HPDF_UINT16(cp));
    return glyphs;
}

// Each code where the two differ, "U+0041: 36 (libharu) 0 (ours)", the first few.
std::string differences(const std::vector<HPDF_UINT16>& libharu, const std::vector<HPDF_UINT16>& ours) {
    std::string out;
    int shown = 0;
    for (size_t cp = 0; cp < libharu.size() && shown < 8; ++cp)
        if (libharu[cp] != ours[cp]) {
            out += "U+" + std::to_string(cp) + ": " + std::to_string(libharu[cp]) + " (libharu) " + std::to_string(ours[cp]) + " (ours)\n";
            ++shown;
        }
    return out;
}

class Font {
public:
    explicit Font(const std::string& file) : m_pdf(HPDF_New(nullptr, nullptr)) {
        const char* name = m_pdf ? HPDF_LoadTTFontFromFile(m_pdf, fonts(file).c_str(), HPDF_TRUE) : nullptr;
        m_def = name ? HPDF_GetFontDef(m_pdf, name) : nullptr;
    }
    ~Font() { HPDF_Free(m_pdf); }
    HPDF_FontDef def() const { return m_def; }

private:
    HPDF_Doc m_pdf;
    HPDF_FontDef m_def = nullptr;
};

TEST(pdf_GlyphIds, EveryCodeOfEachFontIsTheGlyphLibharuLooksUp) {
    for (const std::string file : {"liberation/LiberationSans-Regular.ttf", "liberation/LiberationSans-BoldItalic.ttf",
                                   "liberation/LiberationSerif-Regular.ttf", "liberation/LiberationSerif-Bold.ttf",
                                   "dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf"}) {
        Font font(file);
        ASSERT_NE(font.def(), nullptr) << file;
        const auto ours = glyph_ids_by_code(font.def());
        const auto libharu = libharu_glyph_ids(font.def());
        EXPECT_TRUE(ours == libharu) << file << "\n" << differences(libharu, ours);
        EXPECT_EQ(ours[0x41], HPDF_TTFontDef_GetGlyphid(font.def(), 0x41)) << file;
        EXPECT_NE(ours[0x41], 0) << file;
    }
}

// A cmap lent to a loaded font for the test, put back when it goes (as pdf_font_cache.cpp lends
// libharu one).
class LentCmap {
public:
    LentCmap(HPDF_FontDef def, std::vector<HPDF_UINT16> ends, std::vector<HPDF_UINT16> starts, std::vector<HPDF_INT16> deltas,
             std::vector<HPDF_UINT16> offsets, std::vector<HPDF_UINT16> glyphs, HPDF_UINT glyph_count)
        : m_attr(static_cast<HPDF_TTFontDefAttr>(def->attr)), m_own(m_attr->cmap), m_ends(std::move(ends)), m_starts(std::move(starts)),
          m_deltas(std::move(deltas)), m_offsets(std::move(offsets)), m_glyphs(std::move(glyphs)) {
        // Arrays one longer than the cmap says, as libharu reads one past them in two corners
        // (no segment ends at or above the code; an index equal to the glyph count).
        m_ends.push_back(0);
        m_starts.push_back(0xFFFF);
        m_deltas.push_back(0);
        m_offsets.push_back(0);
        m_glyphs.push_back(77);
        m_attr->cmap.format = 4;
        m_attr->cmap.seg_count_x2 = HPDF_UINT16(2 * (m_ends.size() - 1));
        m_attr->cmap.end_count = m_ends.data();
        m_attr->cmap.start_count = m_starts.data();
        m_attr->cmap.id_delta = m_deltas.data();
        m_attr->cmap.id_range_offset = m_offsets.data();
        m_attr->cmap.glyph_id_array = m_glyphs.data();
        m_attr->cmap.glyph_id_array_count = glyph_count;
    }
    ~LentCmap() { m_attr->cmap = m_own; }

private:
    HPDF_TTFontDefAttr m_attr;
    HPDF_TTF_CmapRange m_own;
    std::vector<HPDF_UINT16> m_ends, m_starts;
    std::vector<HPDF_INT16> m_deltas;
    std::vector<HPDF_UINT16> m_offsets, m_glyphs;
};

// Segments out of order, overlapping and with gaps; deltas that wrap; range offsets whose index
// falls inside the glyph array, just at its end, past it and below its start (negative in
// libharu's arithmetic); codes above the last segment's end.
TEST(pdf_GlyphIds, EveryCornerOfTheLookupGivesWhatLibharuGives) {
    Font font("liberation/LiberationSans-Regular.ttf");
    ASSERT_NE(font.def(), nullptr);
    const std::vector<HPDF_UINT16> glyphs = {5, 6, 7, 8, 9, 10, 11, 0, 13, 14};
    struct Case {
        const char* what;
        std::vector<HPDF_UINT16> ends, starts;
        std::vector<HPDF_INT16> deltas;
        std::vector<HPDF_UINT16> offsets;
    };
    const std::vector<Case> cases = {
        {"ordinary, with the final 0xFFFF segment", {0x40, 0x5A, 0x7A, 0xFFFF}, {0x20, 0x41, 0x61, 0xFFFF}, {-29, 0, 1, 1}, {0, 8, 0, 0}},
        {"ends out of order", {0x300, 0x100, 0x2000, 0xFFFF}, {0x250, 0x50, 0x1000, 0xFFFF}, {3, -7, 0, 1}, {0, 0, 0, 0}},
        {"overlapping segments", {0x80, 0x80, 0x90}, {0x10, 0x20, 0x00}, {100, 200, 300}, {0, 0, 0}},
        {"deltas that wrap", {0x7FFF, 0xFFFF}, {0x0, 0x8000}, {-32768, 32767}, {0, 0}},
        {"no final segment: codes above every end", {0x100, 0x4000}, {0x20, 0x3000}, {1, 2}, {0, 0}},
        {"offsets inside, at the end of, past and below the glyph array", {0x45, 0x60, 0x80, 0x2000, 0xFFFF},
         {0x41, 0x50, 0x70, 0x1000, 0xFFFF}, {0, 5, -3, 0, 1}, {10, 8, 6, 2, 0}},
        {"an offset of one (odd) and one far beyond", {0x30, 0x31, 0xFFFF}, {0x2E, 0x31, 0x40}, {0, 0, 0}, {1, 0xFFFE, 0}},
    };
    for (const auto& c : cases) {
        LentCmap lent(font.def(), c.ends, c.starts, c.deltas, c.offsets, glyphs, HPDF_UINT(glyphs.size()));
        const auto ours = glyph_ids_by_code(font.def());
        const auto libharu = libharu_glyph_ids(font.def());
        EXPECT_TRUE(ours == libharu) << c.what << "\n" << differences(libharu, ours);
    }
}

}  // namespace
}  // namespace reportc::pdf::testing
