// Font faces: metrics, coverage and load errors, checked against the numbers libharu 2.3.0
// writes into the PDF (docs/libharu-notes.md §L2-§L5, §L12).
#include <gtest/gtest.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H

#include "test_paths.h"
#include "text/font_face.h"

namespace reportc::text {
namespace {

using namespace testing_paths;

std::unique_ptr<FontFace> must_load(const std::string& path) {
    std::string error;
    auto face = FontFace::load(path, bytes_of(path), error);
    EXPECT_TRUE(face) << error;
    EXPECT_EQ(error, "");
    return face;
}

// Reads the raw hmtx advance of a character with FreeType, independently of the module.
struct RawFont {
    FT_Library lib = nullptr;
    FT_Face face = nullptr;
    explicit RawFont(const std::string& path) {
        FT_Init_FreeType(&lib);
        FT_New_Face(lib, path.c_str(), 0, &face);
        for (FT_Int i = 0; i < face->num_charmaps; ++i)
            if (face->charmaps[i]->platform_id == 3 && face->charmaps[i]->encoding_id == 1) FT_Set_Charmap(face, face->charmaps[i]);
    }
    ~RawFont() {
        FT_Done_Face(face);
        FT_Done_FreeType(lib);
    }
    FT_UInt gid(char32_t cp) const { return FT_Get_Char_Index(face, cp); }
    long advance_units(char32_t cp) const {
        FT_Fixed adv = 0;
        FT_Get_Advance(face, gid(cp), FT_LOAD_NO_SCALE, &adv);
        return long(adv);
    }
};

TEST(text_FontFace, AdvanceOfAIsTheFlooredHmtxValue) {
    // 'a' in Liberation Sans is 1139 units of 2048: 556.15 -> 556 in the PDF /W array.
    auto sans = must_load(kSans);
    RawFont raw(kSans);
    ASSERT_EQ(raw.face->units_per_EM, 2048);
    ASSERT_EQ(raw.advance_units('a'), 1139);
    EXPECT_EQ(sans->units_per_em(), 2048);
    EXPECT_EQ(sans->advance('a'), 1139 * 1000 / 2048);
    EXPECT_EQ(sans->advance('a'), 556);
}

TEST(text_FontFace, EveryAdvanceIsFlooredNotRounded) {
    // Over Latin-1 and general punctuation, the floor rule holds glyph by glyph for both fonts.
    for (const std::string& path : {kSans, kDejaVu}) {
        auto face = must_load(path);
        RawFont raw(path);
        int rounded_up_somewhere = 0;
        for (char32_t cp = 0x20; cp <= 0x20AC; ++cp) {
            if (!raw.gid(cp)) continue;
            long units = raw.advance_units(cp);
            ASSERT_EQ(face->advance(cp), int(units * 1000 / raw.face->units_per_EM)) << path << " U+" << std::hex << unsigned(cp);
            if ((units * 1000) % raw.face->units_per_EM * 2 >= raw.face->units_per_EM) ++rounded_up_somewhere;
        }
        EXPECT_GT(rounded_up_somewhere, 0) << "the sample should contain widths where rounding would differ";
    }
}

TEST(text_FontFace, WidthOfHelloIsTheSumRule) {
    // "Hello" at 10pt: (722 + 556 + 222 + 222 + 556) / 1000 * 10pt, truncated to whole sp.
    auto sans = must_load(kSans);
    int sum = sans->advance('H') + sans->advance('e') + 2 * sans->advance('l') + sans->advance('o');
    EXPECT_EQ(sum, 2278);
    Length size = Length::from_pt(10);
    EXPECT_EQ(sans->width("Hello", size), Length::ratio(size, sum, 1000));
    EXPECT_EQ(sans->width("Hello", size).sp, 655360LL * 2278 / 1000);
    EXPECT_EQ(sans->width_milli("Hello"), 2278);
    EXPECT_EQ(sans->width("", size), Length::zero());
}

TEST(text_FontFace, WidthsOfWhatLibharuSubstitutes) {
    // A missing BMP character measures as .notdef (750 in Liberation Sans,
    // docs/libharu-notes.md §L2); a non-BMP one as the space libharu turns it into; an invalid byte as U+FFFD would.
    auto sans = must_load(kSans);
    EXPECT_EQ(sans->advance(0x27A2), 750);
    EXPECT_EQ(sans->advance(0x1F600), sans->advance(' '));
    EXPECT_EQ(sans->width_milli("\xF0\x9F\x98\x80"), sans->advance(' '));
    EXPECT_EQ(sans->width_milli("a\xFF"), sans->advance('a') + sans->advance(0xFFFD));
}

TEST(text_FontFace, LiberationLacksNbHyphenAndArrowThatDejaVuHas) {
    // The two characters from the annual report that Liberation Sans 2 boxes
    // (docs/libharu-notes.md §L2).
    auto sans = must_load(kSans);
    auto dejavu = must_load(kDejaVu);
    EXPECT_FALSE(sans->has_glyph(0x2011));
    EXPECT_FALSE(sans->has_glyph(0x27A2));
    EXPECT_TRUE(dejavu->has_glyph(0x2011));
    EXPECT_TRUE(dejavu->has_glyph(0x27A2));
    EXPECT_TRUE(sans->has_glyph('a'));
    EXPECT_TRUE(sans->has_glyph(U'é'));
    EXPECT_FALSE(sans->has_glyph(0xE000));   // private use
    EXPECT_FALSE(sans->has_glyph(0x1F600));  // outside the BMP: libharu writes a space
    EXPECT_FALSE(dejavu->has_glyph(0x1F600));
    EXPECT_FALSE(dejavu->has_glyph(0xD800));  // a lone surrogate is not a character
}

TEST(text_FontFace, NestedCompositesAreNotRenderable) {
    // DejaVu's Ǆ Ǘ ŉ are composites of composites, which 2.3.0 subsets incompletely
    // (docs/libharu-notes.md §L5).
    auto dejavu = must_load(kDejaVu);
    auto sans = must_load(kSans);
    for (char32_t cp : {char32_t(0x01C4), char32_t(0x01C5), char32_t(0x01D7), char32_t(0x01D8), char32_t(0x0149)}) {
        EXPECT_FALSE(dejavu->has_glyph(cp)) << std::hex << unsigned(cp);
        EXPECT_TRUE(sans->has_glyph(cp)) << std::hex << unsigned(cp);
        EXPECT_GT(dejavu->advance(cp), 0);  // still measured: the /W array has the real width
    }
    EXPECT_TRUE(dejavu->has_glyph(U'é'));  // a one-level composite survives
}

TEST(text_FontFace, NestedCompositeCountsOfTheShippedFonts) {
    // Of every mapped BMP character, DejaVu Sans loses exactly 612 and Liberation Sans none.
    struct Case { std::string path; int lost; };
    for (const Case& c : {Case{kDejaVu, 612}, Case{kSans, 0}}) {
        auto face = must_load(c.path);
        RawFont raw(c.path);
        int lost = 0;
        for (char32_t cp = 0; cp <= 0xFFFF; ++cp)
            if (raw.gid(cp) && !face->has_glyph(cp)) ++lost;
        EXPECT_EQ(lost, c.lost) << c.path;
    }
}

TEST(text_FontFace, VerticalMetricsAreTruncatedHheaAndOs2Values) {
    // Liberation Sans: hhea 1854/-434, OS/2 cap 1409, x 1082 of 2048 units.
    auto sans = must_load(kSans);
    EXPECT_EQ(sans->postscript_name(), "LiberationSans");
    EXPECT_EQ(sans->ascender(), 905);
    EXPECT_EQ(sans->descender(), -211);  // -211.9 truncated toward zero, as libharu's /Descent
    EXPECT_EQ(sans->cap_height(), 687);
    EXPECT_EQ(sans->x_height(), 528);
    RawFont raw(kSans);
    EXPECT_EQ(sans->ascender(), raw.face->ascender * 1000 / raw.face->units_per_EM);
    EXPECT_EQ(sans->descender(), raw.face->descender * 1000 / raw.face->units_per_EM);

    auto dejavu = must_load(kDejaVu);
    EXPECT_EQ(dejavu->postscript_name(), "DejaVuSans");
    EXPECT_EQ(dejavu->ascender(), 928);
    EXPECT_EQ(dejavu->descender(), -235);
    EXPECT_EQ(dejavu->cap_height(), 729);
    EXPECT_EQ(dejavu->x_height(), 546);
}

TEST(text_FontFace, PostscriptNamesOfStyledFaces) {
    // The names the trace and the PDF /BaseFont carry.
    EXPECT_EQ(must_load(kSansBold)->postscript_name(), "LiberationSans-Bold");
    EXPECT_EQ(must_load(kSansBoldItalic)->postscript_name(), "LiberationSans-BoldItalic");
    EXPECT_EQ(must_load(kDejaVuBold)->postscript_name(), "DejaVuSans-Bold");
    EXPECT_EQ(must_load(kSans)->path(), kSans);
}

TEST(text_FontFace, LoadsFromBytesAloneUnderAPathThatDoesNotExist) {
    // Only the bytes are read; the path names the font and nothing is opened. FreeType metrics,
    // the sfnt checks and the shared bytes are all there.
    const std::string nowhere = "/nonexistent/dir/Sans.ttf";
    FontBytes bytes = bytes_of(kSans);
    std::string error;
    auto face = FontFace::load(nowhere, bytes, error);
    ASSERT_TRUE(face) << error;
    EXPECT_EQ(face->path(), nowhere);
    EXPECT_EQ(face->bytes(), bytes);  // shared, not copied
    EXPECT_EQ(face->postscript_name(), "LiberationSans");  // from FreeType
    EXPECT_EQ(face->units_per_em(), 2048);
    EXPECT_EQ(face->advance(U'a'), 556);           // floor(1139 * 1000 / 2048), from hmtx
    EXPECT_EQ(face->ascender(), 905);
    EXPECT_TRUE(face->has_glyph(U'a'));            // the (3,1) cmap through FreeType
    EXPECT_FALSE(face->has_glyph(U'\u2011'));
}

TEST(text_FontFace, NonFontBytesAreAnError) {
    // A text file and an empty file are refused before FreeType or libharu see them.
    std::string error;
    const std::string text = "/nonexistent/notes.ttf";
    EXPECT_EQ(FontFace::load(text, shared({'h', 'e', 'l', 'l', 'o', ' ', 'w', 'o', 'r', 'l', 'd', '\n', 'x'}), error), nullptr);
    EXPECT_EQ(error, "font '" + text + "' is not a TrueType (glyf) font: unknown signature 0x68656c6c");
    const std::string empty = "/nonexistent/empty.ttf";
    EXPECT_EQ(FontFace::load(empty, shared({}), error), nullptr);
    EXPECT_EQ(error, "font '" + empty + "' is not a TrueType (glyf) font: the file has only 0 bytes");
    EXPECT_EQ(FontFace::load(empty, nullptr, error), nullptr);
    EXPECT_EQ(error, "font '" + empty + "' is not a TrueType (glyf) font: the file has only 0 bytes");
}

TEST(text_FontFace, TruncatedFontIsAnError) {
    // libharu returns NULL for these without calling its error handler
    // (docs/libharu-notes.md §L12).
    std::vector<char> bytes = read_bytes(kSans);
    ASSERT_GT(bytes.size(), 400000u);
    std::string error;
    const std::string half = "/nonexistent/half.ttf";
    EXPECT_EQ(FontFace::load(half, shared(std::vector<char>(bytes.begin(), bytes.begin() + 200000)), error), nullptr);
    EXPECT_NE(error.find("font '" + half + "' is truncated: table '"), std::string::npos) << error;
    EXPECT_NE(error.find("the file has 200000"), std::string::npos) << error;
    for (size_t length : {size_t(4), size_t(12), size_t(100), size_t(1000), bytes.size() - 1}) {
        error.clear();
        EXPECT_EQ(FontFace::load("cut.ttf", shared(std::vector<char>(bytes.begin(), bytes.begin() + long(length))), error), nullptr)
            << length;
        EXPECT_FALSE(error.empty()) << length;
    }
}

TEST(text_FontFace, ZeroUnitsPerEmIsAnError) {
    // 2.3.0 dies with SIGFPE on this file (docs/libharu-notes.md §L12); we must refuse it first.
    std::vector<char> bytes = read_bytes(kSans);
    // Find 'head' in the table directory and clear unitsPerEm (offset 18 in the table).
    size_t num_tables = size_t(uint8_t(bytes[4])) << 8 | uint8_t(bytes[5]);
    bool patched = false;
    for (size_t i = 0; i < num_tables; ++i) {
        const char* rec = bytes.data() + 12 + 16 * i;
        if (std::string(rec, 4) != "head") continue;
        size_t off = size_t(uint8_t(rec[8])) << 24 | size_t(uint8_t(rec[9])) << 16 | size_t(uint8_t(rec[10])) << 8 | uint8_t(rec[11]);
        bytes[off + 18] = 0;
        bytes[off + 19] = 0;
        patched = true;
    }
    ASSERT_TRUE(patched);
    const std::string path = "/nonexistent/upem0.ttf";
    std::string error;
    EXPECT_EQ(FontFace::load(path, shared(bytes), error), nullptr);
    EXPECT_EQ(error, "font '" + path + "' has units-per-em 0");
}

TEST(text_FontFace, CorruptBytesNeverCrash) {
    // Overwrite 4 bytes at spread-out places: each file is refused or loads and measures.
    std::vector<char> original = read_bytes(kSans);
    int refused = 0, loaded = 0;
    for (size_t k = 0; k < 60; ++k) {
        std::vector<char> bytes = original;
        size_t at = k < 30 ? 12 + k * 16 + 8 : (k * 104729) % (bytes.size() - 4);  // directory, then anywhere
        for (size_t j = 0; j < 4; ++j) bytes[at + j] = char(0xFF);
        std::string error;
        auto face = FontFace::load("corrupt.ttf", shared(bytes), error);
        if (!face) {
            EXPECT_FALSE(error.empty());
            ++refused;
            continue;
        }
        ++loaded;
        for (char32_t cp = 0x20; cp < 0x250; ++cp) (void)(face->has_glyph(cp) + face->advance(cp));
        (void)face->width("Hello", Length::from_pt(10));
    }
    EXPECT_GT(refused, 0);
    EXPECT_GT(loaded, 0);
}

}  // namespace
TEST(text_FontFace, CompositesWithComponentsAbove32767AreNotRenderable) {
    // libharu 2.3.0 reads component indices as signed 16-bit numbers and drops those of 32768
    // and above from the subset (docs/libharu-notes.md §L5): in Droid Sans Fallback (Debian's
    // fonts-droid-fallback, which scripts/install-deps.sh installs) 秀 英 花 are such composites,
    // 王 山 田 子 are not.
    auto face = must_load("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");
    for (char32_t cp : {U'\u79C0', U'\u82F1', U'\u82B1'}) EXPECT_FALSE(face->has_glyph(cp)) << std::hex << unsigned(cp);
    for (char32_t cp : {U'\u738B', U'\u5C71', U'\u7530', U'\u5B50'}) EXPECT_TRUE(face->has_glyph(cp)) << std::hex << unsigned(cp);
}

TEST(text_FontFace, EachAsciiCharacterMeasuresItsAdvance) {
    // ASCII is measured from a table the face makes when loaded (width_milli): each of the 128
    // characters, control characters and .notdef included, is what advance() gives, alone and
    // in one string, for a font with every ASCII glyph and one without the controls.
    for (const std::string& path : {kSans, kDejaVu}) {
        auto face = must_load(path);
        std::string all;
        int64_t sum = 0;
        for (char32_t c = 0; c < 128; ++c) {
            const std::string one(1, char(c));
            EXPECT_EQ(face->width_milli(one), face->advance(c)) << path << " U+" << std::hex << unsigned(c);
            all += one;
            sum += face->advance(c);
        }
        EXPECT_EQ(face->width_milli(all), sum) << path;
        EXPECT_EQ(face->width_milli(all + "\xC3\xA9" + all), 2 * sum + face->advance(U'\u00E9')) << path;
    }
}

}  // namespace reportc::text
