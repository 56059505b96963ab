// The TrueType subset reportc writes is the one libharu 2.3.0 writes, byte for byte, for any set
// of glyphs (docs/libharu-notes.md §L22): compared with HPDF_TTFontDef_SaveFontData itself.
#include <gtest/gtest.h>
#include <hpdf.h>
#include <hpdf_conf.h>
#include <hpdf_doc.h>
#include <hpdf_fontdef.h>
#include <hpdf_streams.h>
#include <zlib.h>

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "pdf/pdf_font_subset.h"
#include "pdf_test_support.h"

namespace reportc::pdf::testing {
namespace {

std::string fonts(const std::string& file) { return std::string(REPORTC_SOURCE_ROOT) + "/fonts/" + file; }

std::string libharu_subset(HPDF_FontDef def) {
    HPDF_Stream out = HPDF_MemStream_New(def->mmgr, HPDF_STREAM_BUF_SIZ);
    EXPECT_EQ(HPDF_TTFontDef_SaveFontData(def, out), HPDF_OK);
    std::string bytes;
    for (HPDF_UINT i = 0; i < HPDF_MemStream_GetBufCount(out); ++i) {
        HPDF_UINT length = 0;
        const HPDF_BYTE* chunk = HPDF_MemStream_GetBufPtr(out, i, &length);
        bytes.append(reinterpret_cast<const char*>(chunk), length);
    }
    HPDF_Stream_Free(out);
    return bytes;
}

// Glyph sets of every kind: .notdef alone, a run, a scattering, every glyph (composites and
// their parts among them); some subsets end within a word, which matters to the checksum
// adjustment (libharu leaves a last partial word out).
TEST(pdf_FontSubset, SameBytesAsLibharuForAnySetOfGlyphs) {
    std::set<size_t> ends;
    for (const std::string file : {"liberation/LiberationSans-Regular.ttf", "liberation/LiberationSerif-Bold.ttf", "dejavu/DejaVuSans.ttf"}) {
        const std::string bytes = read_file(fonts(file));
        HPDF_Doc pdf = HPDF_New(nullptr, nullptr);
        ASSERT_NE(pdf, nullptr);
        const char* name = HPDF_LoadTTFontFromFile(pdf, fonts(file).c_str(), HPDF_TRUE);
        ASSERT_NE(name, nullptr) << file;
        HPDF_FontDef def = HPDF_GetFontDef(pdf, name);
        auto* attr = static_cast<HPDF_TTFontDefAttr>(def->attr);
        auto mark = [&](auto keep) {
            for (size_t g = 0; g < attr->num_glyphs; ++g) attr->glyph_tbl.flgs[g] = g == 0 || keep(g) ? 1 : 0;
        };
        const std::vector<std::function<bool(size_t)>> sets = {
            [](size_t) { return false; }, [](size_t g) { return g >= 36 && g < 90; }, [](size_t g) { return g % 7 == 3; },
            [](size_t g) { return g % 13 == 1 || g % 29 == 2; }, [](size_t g) { return g % 5 == 0; }, [](size_t g) { return g == 37; }, [](size_t g) { return g == 38 || g == 39; },
            [](size_t g) { return g % 3 == 0; }, [](size_t g) { return g % 11 == 5; }, [](size_t) { return true; }};
        for (size_t k = 0; k < sets.size(); ++k) {
            mark(sets[k]);
            const std::string expected = libharu_subset(def);
            auto ours = truetype_subset(def, bytes);
            ASSERT_TRUE(ours.has_value()) << file << " set " << k;
            EXPECT_EQ(ours->size(), expected.size()) << file << " set " << k;
            EXPECT_TRUE(*ours == expected) << file << " set " << k;
            ends.insert(expected.size() % 4);
        }
        HPDF_Free(pdf);
    }
    // Subsets ending one, two and three bytes into their last word (glyphs are whole 16-bit
    // units, so each font gives two of the four).
    EXPECT_EQ(ends, (std::set<size_t>{1, 2, 3}));
}

std::string inflated(const std::string& bytes) {
    std::string out(1 << 20, '\0');
    uLongf size = out.size();
    EXPECT_EQ(uncompress(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(bytes.data()), uLong(bytes.size())), Z_OK);
    out.resize(size);
    return out;
}

// The FontFile2 stream, deflated in pieces of which some are kept per font, inflates to the
// subset libharu writes, for one set of glyphs after another (the kept pieces reused), and the
// same set gives the same bytes again.
TEST(pdf_FontSubset, DeflatedSubsetInflatesToLibharusSubset) {
    const std::string file = fonts("liberation/LiberationSans-Bold.ttf");
    auto bytes = std::make_shared<const std::string>(read_file(file));
    HPDF_Doc pdf = HPDF_New(nullptr, nullptr);
    const char* name = HPDF_LoadTTFontFromFile(pdf, file.c_str(), HPDF_TRUE);
    ASSERT_NE(name, nullptr);
    HPDF_FontDef def = HPDF_GetFontDef(pdf, name);
    auto* attr = static_cast<HPDF_TTFontDefAttr>(def->attr);
    std::vector<std::string> first;
    for (int round = 0; round < 2; ++round) {
        for (size_t step : {3u, 17u, 40u}) {
            for (size_t g = 0; g < attr->num_glyphs; ++g) attr->glyph_tbl.flgs[g] = g == 0 || g % step == 1 ? 1 : 0;
            auto deflated = deflated_truetype_subset(def, bytes);
            ASSERT_TRUE(deflated.has_value());
            EXPECT_TRUE(inflated(*deflated) == libharu_subset(def)) << step;
            if (round == 0) first.push_back(*deflated);
            else EXPECT_TRUE(*deflated == first[step == 3 ? 0 : step == 17 ? 1 : 2]) << step;
        }
    }
    HPDF_Free(pdf);
}

// Subsets deflated ahead on a thread (SubsetsAhead, as the writer does at its finish with
// threads) are the ones the save would make: each inflates to libharu's subset of the glyphs
// marked, and the save finds them. A font never given to embed_subset_ourselves is passed over.
TEST(pdf_FontSubset, SubsetsDeflatedAheadOnAThreadInflateToLibharusSubsets) {
    HPDF_Doc pdf = HPDF_New(nullptr, nullptr);
    ASSERT_NE(pdf, nullptr);
    ASSERT_EQ(HPDF_UseUTFEncodings(pdf), HPDF_OK);
    std::vector<HPDF_FontDef> defs;
    std::vector<std::shared_ptr<const std::string>> files;
    const std::vector<std::string> names = {"liberation/LiberationSerif-Italic.ttf", "dejavu/DejaVuSans-Bold.ttf",
                                            "liberation/LiberationSans-Italic.ttf", "liberation/LiberationSerif-BoldItalic.ttf"};
    for (size_t i = 0; i < names.size(); ++i) {
        files.push_back(std::make_shared<const std::string>(read_file(fonts(names[i]))));
        const char* name = HPDF_LoadTTFontFromFile(pdf, fonts(names[i]).c_str(), HPDF_TRUE);
        ASSERT_NE(name, nullptr) << names[i];
        HPDF_Font font = HPDF_GetFont(pdf, name, "UTF-8");
        ASSERT_NE(font, nullptr) << names[i];
        HPDF_FontDef def = HPDF_GetFontDef(pdf, name);
        if (i + 1 < names.size()) embed_subset_ourselves(font, files.back());  // the last one: never given
        auto* attr = static_cast<HPDF_TTFontDefAttr>(def->attr);
        // A set of glyphs of this test alone, so that no other test's subset is found in the cache.
        for (size_t g = 0; g < attr->num_glyphs; ++g) attr->glyph_tbl.flgs[g] = g == 0 || g % (23 + i) == 5 ? 1 : 0;
        defs.push_back(def);
    }
    SubsetsAhead ahead(defs);
    ahead.wait();
    EXPECT_LE(ahead.made_apart(), names.size() - 1);
    for (size_t i = 0; i < defs.size(); ++i) {
        auto deflated = deflated_truetype_subset(defs[i], files[i]);
        ASSERT_TRUE(deflated.has_value()) << names[i];
        EXPECT_TRUE(inflated(*deflated) == libharu_subset(defs[i])) << names[i];
    }
    HPDF_Free(pdf);
}

// A font whose glyph outlines lie outside its file is left to libharu (which reports it).
TEST(pdf_FontSubset, GlyphOutsideTheFileIsLeftToLibharu) {
    const std::string file = fonts("liberation/LiberationSans-Regular.ttf");
    HPDF_Doc pdf = HPDF_New(nullptr, nullptr);
    const char* name = HPDF_LoadTTFontFromFile(pdf, file.c_str(), HPDF_TRUE);
    ASSERT_NE(name, nullptr);
    HPDF_FontDef def = HPDF_GetFontDef(pdf, name);
    auto* attr = static_cast<HPDF_TTFontDefAttr>(def->attr);
    attr->glyph_tbl.flgs[40] = 1;
    EXPECT_EQ(truetype_subset(def, read_file(file).substr(0, attr->glyph_tbl.base_offset + 16)), std::nullopt);
    HPDF_Free(pdf);
}

}  // namespace
}  // namespace reportc::pdf::testing
