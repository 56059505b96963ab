// OpenType features (issue 13 item 1, issue 10 item 4): text::FontFace::kerning with a layout's
// features against HarfBuzz's own shaping of the same words with the same features, and the
// glyph substitutions' slicing and joining at a hyphenation point (base/kerning.h).
#include <gtest/gtest.h>
#include <hb.h>

#include <cmath>
#include <sstream>
#include <vector>

#include "base/font_features.h"
#include "test_paths.h"
#include "text/font_face.h"

namespace reportc::text {
namespace {

using namespace testing_paths;


struct HbGlyph {
    uint32_t glyph, cluster;
    hb_position_t advance;
};

// HarfBuzz, used directly: the glyphs hb_shape gives `word` with `features` ("liga" …).
std::vector<HbGlyph> hb_glyphs(const std::string& path, const std::string& word, const std::vector<std::string>& features) {
    auto bytes = read_bytes(path);
    hb_blob_t* blob = hb_blob_create(bytes.data(), unsigned(bytes.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    hb_face_t* face = hb_face_create(blob, 0);
    hb_font_t* font = hb_font_create(face);
    hb_font_set_scale(font, int(hb_face_get_upem(face)), int(hb_face_get_upem(face)));
    hb_buffer_t* buf = hb_buffer_create();
    hb_buffer_add_utf8(buf, word.data(), int(word.size()), 0, int(word.size()));
    hb_buffer_guess_segment_properties(buf);
    std::vector<hb_feature_t> hb_features;
    for (const std::string& f : features) {
        hb_feature_t feature;
        EXPECT_TRUE(hb_feature_from_string(f.c_str(), int(f.size()), &feature)) << f;
        hb_features.push_back(feature);
    }
    hb_shape(font, buf, hb_features.data(), unsigned(hb_features.size()));
    unsigned n = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &n);
    std::vector<HbGlyph> out;
    for (unsigned i = 0; i < n; ++i) out.push_back({info[i].codepoint, info[i].cluster, pos[i].x_advance});
    hb_buffer_destroy(buf);
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    return out;
}

// Vollkorn (Debian's fonts-vollkorn, scripts/install-deps.sh): TrueType outlines with 'smcp'
// and 'c2sc', which no font in fonts/ has.
const std::string kVollkorn = "/usr/share/fonts/truetype/vollkorn/Vollkorn-Regular.ttf";

std::unique_ptr<FontFace> load(const std::string& path) {
    std::string error;
    auto face = FontFace::load(path, bytes_of(path), error);
    EXPECT_TRUE(face) << error;
    return face;
}

std::unique_ptr<FontFace> dejavu_with(const std::vector<std::string>& words) {
    std::string error;
    auto face = FontFace::load(kDejaVu, bytes_of(kDejaVu), error);
    EXPECT_TRUE(face) << error;
    std::vector<FontFeature> features;
    for (const std::string& w : words) features.push_back(*parse_font_feature(w));
    face->set_features(features);
    return face;
}

}  // namespace

TEST(text_Features, LigaturesAreHarfBuzzsGlyphs) {
    // DejaVu Sans has ff, fi, fl, ffi, ffl in its 'liga' feature.
    auto face = dejavu_with({"liga"});
    for (const std::string word : {"office", "staff", "fluff", "affluent", "final"}) {
        const std::vector<HbGlyph> hb = hb_glyphs(kDejaVu, word, {"liga"});
        const Kerning k = face->kerning(word);
        size_t next_sub = 0;
        for (size_t i = 0; i < hb.size(); ++i) {
            const uint32_t end = i + 1 < hb.size() ? hb[i + 1].cluster : uint32_t(word.size());
            if (end - hb[i].cluster == 1) continue;  // a letter as its cmap glyph
            ASSERT_LT(next_sub, k.substitutions().size()) << word;
            const GlyphSub& s = k.substitutions()[next_sub++];
            EXPECT_EQ(s.at, hb[i].cluster) << word;
            EXPECT_EQ(s.count, end - hb[i].cluster) << word;
            EXPECT_EQ(s.glyph, hb[i].glyph) << word;
            EXPECT_FALSE(s.open);
        }
        EXPECT_EQ(next_sub, k.substitutions().size()) << word;
    }
    EXPECT_EQ(face->kerning("office").substitutions().size(), 1u);
}

TEST(text_Features, TheWordIsAsWideAsHarfBuzzSetsIt) {
    // Our advances are floored (docs/libharu-notes.md §L4) and adjustments rounded, so the word's
    // width may differ from HarfBuzz's exact sum by less than 1.5/1000 em per glyph.
    auto face = dejavu_with({"liga"});
    for (const std::string word : {"office", "staff", "fluff", "affluent"}) {
        const std::vector<HbGlyph> hb = hb_glyphs(kDejaVu, word, {"liga"});
        double hb_width = 0;
        for (const HbGlyph& g : hb) hb_width += g.advance * 1000.0 / 2048.0;
        const double ours = double(face->width_milli(word) + face->kerning(word).total_milli());
        EXPECT_LT(std::abs(ours - hb_width), 1.5 * double(hb.size())) << word;
    }
}

TEST(text_Features, OffByDefaultAndTurnedOffWithAMinus) {
    std::string error;
    auto plain = FontFace::load(kDejaVu, bytes_of(kDejaVu), error);
    ASSERT_TRUE(plain) << error;
    EXPECT_TRUE(plain->kerning("office").substitutions().empty());
    EXPECT_TRUE(dejavu_with({"-liga"})->kerning("office").substitutions().empty());
    // dlig alone does not set DejaVu's common ligatures.
    EXPECT_TRUE(dejavu_with({"dlig"})->kerning("office").substitutions().empty());
}

TEST(text_Features, TagsAreParsedAndUnknownOnesRefused) {
    EXPECT_EQ(to_string(*parse_font_feature("liga")), "liga");
    EXPECT_EQ(to_string(*parse_font_feature("-kern")), "-kern");
    EXPECT_FALSE(parse_font_feature("ligx"));
    EXPECT_FALSE(parse_font_feature("--liga"));
    EXPECT_FALSE(parse_font_feature(""));
}

TEST(text_Features, ALigatureCutAtAHyphenationPointIsBrokenAndJoinedAgain) {
    // "office" with its ffi ligature over characters 1-3 (delta -15, measured): cut "of|fice".
    const Kern kerns[] = {{4, -15}};
    const GlyphSub subs[] = {{1, 3, 5044, -15, false}};
    const Kerning whole(kerns, subs);
    const Kerning left = whole.slice(0, 2), right = whole.slice(2, 6);
    // The syllable before holds the ligature, open: drawn as letters, measured as the ligature.
    ASSERT_EQ(left.substitutions().size(), 1u);
    EXPECT_TRUE(left.substitutions()[0].open);
    EXPECT_EQ(left.total_milli(), -15);
    // The syllable after has its letters only, and no share of the ligature's delta.
    EXPECT_TRUE(right.substitutions().empty());
    EXPECT_EQ(right.total_milli(), 0);
    // Unbroken, the pieces make the word again, ligature and all.
    EXPECT_EQ(Kerning::join(left, 2, right, 4), whole);
    std::ostringstream os;
    os << left;
    EXPECT_EQ(os.str(), "[1+3~g5044:-15]");
}

TEST(text_Features, SmallCapitalsAreTheFontsSmcpGlyphs) {
    // font-variant: small-caps takes these (inl::build_items); the face's own features stay off.
    auto vollkorn = load(kVollkorn);
    ASSERT_TRUE(vollkorn);
    EXPECT_TRUE(vollkorn->has_small_caps());
    const std::vector<HbGlyph> hb = hb_glyphs(kVollkorn, "Nato", {"smcp"});
    const Kerning k = vollkorn->small_caps_kerning("Nato");
    ASSERT_EQ(hb.size(), 4u);
    ASSERT_EQ(k.substitutions().size(), 3u);  // a t o; the capital N is its cmap glyph
    for (size_t i = 0; i < 3; ++i) {
        const GlyphSub& s = k.substitutions()[i];
        EXPECT_EQ(s.at, i + 1);
        EXPECT_EQ(s.count, 1u);
        EXPECT_EQ(s.glyph, hb[i + 1].glyph);
        EXPECT_FALSE(s.open);
    }
    EXPECT_TRUE(vollkorn->kerning("Nato").substitutions().empty());
    // Neither shipped family has small capitals of its own.
    EXPECT_FALSE(load(kDejaVu)->has_small_caps());
    EXPECT_FALSE(load(kSans)->has_small_caps());
    EXPECT_TRUE(load(kSans)->small_caps_kerning("Nato").empty());
}

}  // namespace reportc::text
