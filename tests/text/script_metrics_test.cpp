// Superscript, subscript, underline and strike-through metrics, checked against the numbers
// FreeType reads from the same file (OS/2 and 'post' tables).
#include <gtest/gtest.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H

#include "test_paths.h"
#include "text/font_face.h"

namespace reportc::text {
namespace {

using namespace testing_paths;

struct FreeTypeFace {
    FT_Library lib = nullptr;
    FT_Face face = nullptr;
    explicit FreeTypeFace(const std::string& path) {
        FT_Init_FreeType(&lib);
        EXPECT_EQ(FT_New_Face(lib, path.c_str(), 0, &face), 0);
    }
    ~FreeTypeFace() {
        FT_Done_Face(face);
        FT_Done_FreeType(lib);
    }
    const TT_OS2& os2() const { return *static_cast<const TT_OS2*>(FT_Get_Sfnt_Table(face, FT_SFNT_OS2)); }
    int milli(int units) const { return units * 1000 / face->units_per_EM; }
};

std::unique_ptr<FontFace> must_load(const std::string& path) {
    std::string error;
    auto face = FontFace::load(path, bytes_of(path), error);
    EXPECT_TRUE(face) << error;
    return face;
}

TEST(text_ScriptMetrics, SuperscriptAndSubscriptComeFromOs2) {
    auto sans = must_load(kSans);
    FreeTypeFace ft(kSans);
    EXPECT_EQ(sans->superscript().size, ft.milli(ft.os2().ySuperscriptYSize));
    EXPECT_EQ(sans->superscript().offset, ft.milli(ft.os2().ySuperscriptYOffset));
    EXPECT_EQ(sans->subscript().size, ft.milli(ft.os2().ySubscriptYSize));
    EXPECT_EQ(sans->subscript().offset, ft.milli(ft.os2().ySubscriptYOffset));
    // Liberation Sans: scripts at 0.65 em, raised 0.477 em or lowered 0.138 em (truncated).
    EXPECT_EQ(sans->superscript().size, 649);
    EXPECT_EQ(sans->superscript().offset, 477);
    EXPECT_EQ(sans->subscript().size, 649);
    EXPECT_EQ(sans->subscript().offset, 138);
}

TEST(text_ScriptMetrics, UnderlineIsFreeTypesCentredPostValue) {
    // FreeType moves 'post' underlinePosition (the top of the stroke) to the stroke's centre,
    // which is where a line of that thickness is drawn.
    auto sans = must_load(kSans);
    FreeTypeFace ft(kSans);
    EXPECT_NEAR(sans->underline().position, ft.milli(ft.face->underline_position), 1);
    EXPECT_EQ(sans->underline().thickness, ft.milli(ft.face->underline_thickness));
    EXPECT_LT(sans->underline().position, 0);
}

TEST(text_ScriptMetrics, StrikeoutIsTheCentreOfOs2Stroke) {
    auto sans = must_load(kSans);
    FreeTypeFace ft(kSans);
    const auto& os2 = ft.os2();
    EXPECT_EQ(sans->strikeout().thickness, ft.milli(os2.yStrikeoutSize));
    EXPECT_EQ(sans->strikeout().position, ft.milli(os2.yStrikeoutPosition) - ft.milli(os2.yStrikeoutSize) / 2);
    // Between the baseline and the x-height, as a strike-through belongs.
    EXPECT_GT(sans->strikeout().position, 0);
    EXPECT_LT(sans->strikeout().position, sans->x_height());
}

TEST(text_ScriptMetrics, DejaVuHasItsOwnValues) {
    auto dejavu = must_load(kDejaVu);
    FreeTypeFace ft(kDejaVu);
    EXPECT_EQ(dejavu->superscript().size, ft.milli(ft.os2().ySuperscriptYSize));
    EXPECT_EQ(dejavu->subscript().offset, ft.milli(ft.os2().ySubscriptYOffset));
    EXPECT_EQ(dejavu->underline().thickness, ft.milli(ft.face->underline_thickness));
}

}  // namespace
}  // namespace reportc::text
