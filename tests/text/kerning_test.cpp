// Kerning (issue 13): text::FontFace::kerning against HarfBuzz's own shaping of the same words
// with the font's default features, in the shipped fonts, and the kerning handle's slicing
// and joining (base/kerning.h).
#include <gtest/gtest.h>
#include <hb.h>

#include <cmath>
#include <sstream>
#include <vector>

#include "test_paths.h"
#include "text/font_face.h"
#include "text/kerning_cache.h"

namespace reportc::text {
namespace {

using namespace testing_paths;

std::unique_ptr<FontFace> must_load(const std::string& path) {
    std::string error;
    auto face = FontFace::load(path, bytes_of(path), error);
    EXPECT_TRUE(face) << error;
    return face;
}

// HarfBuzz, used directly: the advances hb_shape gives an ASCII word with the font's default
// features (kerning included), in font units.
std::vector<hb_position_t> hb_advances(const std::string& path, const std::string& word) {
    auto bytes = read_bytes(path);
    hb_blob_t* blob = hb_blob_create(bytes.data(), unsigned(bytes.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    hb_face_t* face = hb_face_create(blob, 0);
    hb_font_t* font = hb_font_create(face);
    hb_font_set_scale(font, int(hb_face_get_upem(face)), int(hb_face_get_upem(face)));
    hb_buffer_t* buf = hb_buffer_create();
    hb_buffer_add_utf8(buf, word.data(), int(word.size()), 0, int(word.size()));
    hb_buffer_guess_segment_properties(buf);
    hb_shape(font, buf, nullptr, 0);
    unsigned n = 0;
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &n);
    std::vector<hb_position_t> out;
    for (unsigned i = 0; i < n; ++i) out.push_back(pos[i].x_advance);
    hb_buffer_destroy(buf);
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    return out;
}

// Where HarfBuzz's pen is after each character, in 1/1000 em, against ours: our advances are
// floored (docs/libharu-notes.md §L4, less than 1 each) and our kerning rounded (at most 1/2
// each), so each position may differ from HarfBuzz's exact one by less than 1.5 per character.
void expect_positions_match(const std::string& path, const std::string& word) {
    auto face = must_load(path);
    const std::vector<hb_position_t> hb = hb_advances(path, word);
    ASSERT_EQ(hb.size(), word.size()) << word;
    const Kerning kerning = face->kerning(word);
    double hb_pen = 0;
    int64_t our_pen = 0;
    size_t next = 0;
    for (size_t i = 0; i < word.size(); ++i) {
        hb_pen += double(hb[i]) * 1000.0 / face->units_per_em();
        our_pen += face->advance(char32_t(word[i]));
        if (next < kerning.adjustments().size() && kerning.adjustments()[next].at == i + 1)
            our_pen += kerning.adjustments()[next++].milli;
        EXPECT_NEAR(double(our_pen), hb_pen, 1.5 * double(i + 1)) << word << " after " << i + 1 << " characters";
    }
    // The width the line breaker measures is that pen position.
    EXPECT_EQ(face->width_milli(word) + kerning.total_milli(), our_pen) << word;
}

TEST(text_Kerning, PairsOfLiberationSansAreHarfBuzzs) {
    auto face = must_load(kSans);
    // Liberation Sans kerns these pairs (GPOS 'kern'): the first letter's advance shrinks.
    for (const char* pair : {"AV", "To", "Ty", "Yo", "LT"}) {
        const Kerning k = face->kerning(pair);
        ASSERT_EQ(k.adjustments().size(), 1u) << pair;
        EXPECT_EQ(k.adjustments()[0].at, 1) << pair;
        EXPECT_LT(k.adjustments()[0].milli, 0) << pair;
        expect_positions_match(kSans, pair);
    }
    EXPECT_TRUE(face->kerning("ab").empty());
    EXPECT_TRUE(face->kerning("A").empty());
}

TEST(text_Kerning, ExactValuesForAVToTy) {
    auto face = must_load(kSans);
    // HarfBuzz's kerned advance of the first glyph minus its advance alone, rounded to 1/1000 em.
    auto harfbuzz_milli = [&](const std::string& pair) {
        const hb_position_t kerned = hb_advances(kSans, pair)[0], plain = hb_advances(kSans, pair.substr(0, 1))[0];
        return int(std::lround(double(kerned - plain) * 1000.0 / face->units_per_em()));
    };
    for (const char* pair : {"AV", "To", "Ty"}) EXPECT_EQ(face->kerning(pair).adjustments()[0].milli, harfbuzz_milli(pair)) << pair;
    // Liberation Sans: A-V is -152/2048 em.
    EXPECT_EQ(face->kerning("AV").adjustments()[0].milli, -74);
}

TEST(text_Kerning, WordsOfTheShippedFontsAreHarfBuzzs) {
    for (const std::string& path : {kSans, kSansBold, kSansItalic, kSansBoldItalic, kDejaVu, kDejaVuBold,
                                    font("liberation/LiberationSerif-Regular.ttf")})
        for (const char* word : {"AVATAR", "Today,", "Typography.", "WAVY", "\"Yes\"", "F.", "P.A.", "LTA", "y,", "r."})
            expect_positions_match(path, word);
}

TEST(text_Kerning, TheCacheOfShapedTextsIsBoundedAndGivesWhatShapingGives) {
    // A face keeps the kerning of the texts it shaped lately (text/kerning_cache.h), in two
    // generations: distinct texts without end (a long data table's terms, a resident compiler's
    // rebuilds) hold at most 2 x KerningCache::kTexts, a text in use stays, and one shaped again
    // after it was dropped kerns as before.
    auto face = must_load(kSans);
    auto fresh = must_load(kSans);
    const Kerning first = face->kerning("AVATAR");
    ASSERT_FALSE(first.empty());
    const size_t texts = KerningCache::kTexts * 5 / 2;
    for (size_t i = 0; i < texts; ++i) {
        face->kerning("Term" + std::to_string(i) + "AV");
        if (i % 1000 == 0) face->kerning("Today,");  // in use all along
    }
    EXPECT_LE(face->kerning_texts_held(), 2 * KerningCache::kTexts);
    EXPECT_GE(face->kerning_texts_held(), KerningCache::kTexts);
    EXPECT_EQ(face->kerning("AVATAR"), first);  // dropped, shaped again
    EXPECT_EQ(face->kerning("Today,"), fresh->kerning("Today,"));
    EXPECT_EQ(face->kerning("Term7AV"), fresh->kerning("Term7AV"));
}

TEST(text_Kerning, OffForTheFaceWhenTurnedOff) {
    auto face = must_load(kSans);
    EXPECT_TRUE(face->kerning_on());
    face->set_kerning(false);
    EXPECT_TRUE(face->kerning("AV").empty());
    face->set_kerning(true);
    EXPECT_FALSE(face->kerning("AV").empty());
}

TEST(text_Kerning, NoLigatures) {
    auto face = must_load(kDejaVu);
    // DejaVu Sans has an fi ligature ('liga'); the kerning never replaces glyphs, and fi keeps
    // both letters' advances.
    EXPECT_TRUE(face->kerning("fi").empty());
    EXPECT_TRUE(face->kerning("ffi").empty());
}

TEST(text_Kerning, SliceKeepsTheJointAndJoinSumsIt) {
    const Kern adjustments[] = {{1, -74}, {3, -20}, {5, -10}};
    const Kerning k(adjustments);
    EXPECT_EQ(k.total_milli(), -104);
    // Characters 1..3 of the run: the adjustment after character 3 is the slice's trailing one.
    const Kerning middle = k.slice(1, 3);
    ASSERT_EQ(middle.adjustments().size(), 1u);
    EXPECT_EQ(middle.adjustments()[0], (Kern{2, -20}));
    const Kerning first = k.slice(0, 1), rest = k.slice(1, 6);
    EXPECT_EQ(Kerning::join(first, 1, rest, 5), k);
    const Kern trailing[] = {{2, 5}}, leading_of_next[] = {{0, -5}};
    EXPECT_TRUE(Kerning::join(Kerning(trailing), 2, Kerning(leading_of_next), 1).empty());
    std::ostringstream os;
    os << k;
    EXPECT_EQ(os.str(), "[1:-74 3:-20 5:-10]");
    const Kerning copy = k;
    EXPECT_EQ(copy.adjustments().data(), k.adjustments().data());  // shared, not copied
}

}  // namespace
}  // namespace reportc::text
