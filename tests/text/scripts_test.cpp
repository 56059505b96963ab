// Which characters belong to scripts that cannot be set without shaping (by Unicode block).
#include <gtest/gtest.h>

#include "text/scripts.h"

using namespace reportc::text;

TEST(text_Scripts, ShapedScriptsAreNamedByBlock) {
    EXPECT_EQ(script_needing_shaping(U'\u0E01'), "Thai");
    EXPECT_EQ(script_needing_shaping(U'\u1780'), "Khmer");
    EXPECT_EQ(script_needing_shaping(U'\u0915'), "Devanagari");
    EXPECT_EQ(script_needing_shaping(U'\u0639'), "Arabic");
    EXPECT_EQ(script_needing_shaping(U'\uFEF5'), "Arabic");  // presentation forms
    EXPECT_EQ(script_needing_shaping(U'\u05D0'), "Hebrew");
    EXPECT_EQ(script_needing_shaping(U'\u1000'), "Myanmar");
    EXPECT_EQ(script_needing_shaping(U'\u0E81'), "Lao");
    EXPECT_EQ(script_needing_shaping(U'\u0D9A'), "Sinhala");
    EXPECT_EQ(script_needing_shaping(U'\u0F40'), "Tibetan");
}

TEST(text_Scripts, LatinGreekCyrillicAndCjkNeedNone) {
    for (char32_t cp : {U'A', U'\u00E9', U'\u1EC5', U'\u0110', U'\u03A9', U'\u0416', U'\u4E2D', U'\u3042', U'\uAC00', U'\u2019'})
        EXPECT_EQ(script_needing_shaping(cp), "") << std::hex << unsigned(cp);
}
