// Font families: face resolution, per-character fallback runs and missing-character reports.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "test_paths.h"
#include "text/font_registry.h"

namespace reportc::text {
namespace {

using namespace testing_paths;

// The shipped fonts, read from disk as the compiler reads them.
FontReader from_disk() {
    static const RealEnvironment disk;
    return read_fonts_through(disk);
}

// Liberation Sans (faces 0-3: regular, bold, italic, bold italic), then DejaVu Sans with only
// regular and bold (faces 4, 5), DejaVu as the fallback.
class text_FontRegistry : public ::testing::Test {
protected:
    void SetUp() override {
        std::string error;
        ASSERT_TRUE(fonts.add_family("Liberation Sans", kSans, kSansBold, kSansItalic, kSansBoldItalic, error)) << error;
        ASSERT_TRUE(fonts.add_family("DejaVu Sans", kDejaVu, kDejaVuBold, "", "", error)) << error;
        fonts.set_fallbacks({"DejaVu Sans"});
    }
    std::vector<FontRun> segment(std::string_view text, FaceRequest req = {"Liberation Sans"}) {
        missing.clear();
        return fonts.segment(text, req, missing);
    }
    FontRegistry fonts{from_disk()};
    std::vector<MissingChar> missing;
};

TEST_F(text_FontRegistry, FaceIndicesFollowRegistrationOrder) {
    // Regular, bold, italic, bold italic of each family, in the order families were added.
    ASSERT_EQ(fonts.face_count(), 6u);
    EXPECT_EQ(fonts.face(0).postscript_name(), "LiberationSans");
    EXPECT_EQ(fonts.face(1).postscript_name(), "LiberationSans-Bold");
    EXPECT_EQ(fonts.face(2).postscript_name(), "LiberationSans-Italic");
    EXPECT_EQ(fonts.face(3).postscript_name(), "LiberationSans-BoldItalic");
    EXPECT_EQ(fonts.face(4).postscript_name(), "DejaVuSans");
    EXPECT_EQ(fonts.face(5).postscript_name(), "DejaVuSans-Bold");
    EXPECT_TRUE(fonts.has_family("DejaVu Sans"));
    EXPECT_FALSE(fonts.has_family("Arial"));
}

TEST_F(text_FontRegistry, ResolveBoldItalicAndMissingFaces) {
    // A complete family resolves exactly; DejaVu has no italics, so style falls back (no slant).
    EXPECT_EQ(fonts.resolve({"Liberation Sans", true, true}), 3);
    EXPECT_EQ(fonts.resolve({"Liberation Sans", true, false}), 1);
    EXPECT_EQ(fonts.resolve({"Liberation Sans", false, true}), 2);
    EXPECT_EQ(fonts.resolve({"Liberation Sans"}), 0);
    EXPECT_EQ(fonts.resolve({"DejaVu Sans", true, true}), 5);   // bold italic -> bold
    EXPECT_EQ(fonts.resolve({"DejaVu Sans", false, true}), 4);  // italic -> regular
    EXPECT_EQ(fonts.resolve({"Arial", true, false}), -1);
}

TEST_F(text_FontRegistry, ResolveFollowsStyleBeforeWeight) {
    // A family with only bold and italic faces: bold italic prefers italic, regular prefers bold.
    std::string error;
    ASSERT_TRUE(fonts.add_family("Odd", "", kSansBold, kSansItalic, "", error)) << error;
    EXPECT_EQ(fonts.face_count(), 6u);  // both paths were already loaded: faces are shared
    EXPECT_EQ(fonts.resolve({"Odd", true, true}), 2);
    EXPECT_EQ(fonts.resolve({"Odd", false, false}), 1);
    EXPECT_EQ(fonts.resolve({"Odd", false, true}), 2);
}

TEST_F(text_FontRegistry, SegmentFallsBackPerCharacter) {
    // Liberation lacks U+2011 and U+27A2; DejaVu sets just those, spaces stay in Liberation.
    EXPECT_EQ(segment("a\u2011b \u27A2 c"), (std::vector<FontRun>{
                                                {0, "a"}, {4, "\u2011"}, {0, "b "}, {4, "\u27A2"}, {0, " c"}}));
    EXPECT_TRUE(missing.empty());
}

TEST_F(text_FontRegistry, SegmentKeepsTheRequestedStyleInTheFallback) {
    // Bold text falls back to DejaVu Sans Bold; bold italic too (DejaVu has no bold italic).
    EXPECT_EQ(segment("a\u2011b", {"Liberation Sans", true, false}),
              (std::vector<FontRun>{{1, "a"}, {5, "\u2011"}, {1, "b"}}));
    EXPECT_EQ(segment("a\u2011b", {"Liberation Sans", true, true}),
              (std::vector<FontRun>{{3, "a"}, {5, "\u2011"}, {3, "b"}}));
}

TEST_F(text_FontRegistry, SegmentReportsCharactersNoFaceHas) {
    // U+1F600 (outside the BMP) and U+E000 (private use) are in no face: U+FFFD from DejaVu.
    EXPECT_EQ(segment("x\U0001F600y\uE000"), (std::vector<FontRun>{{0, "x"}, {4, "\uFFFD"}, {0, "y"}, {4, "\uFFFD"}}));
    EXPECT_EQ(missing, (std::vector<MissingChar>{{0x1F600, 1}, {0xE000, 6}}));
}

TEST_F(text_FontRegistry, SegmentNeverHandsOutNestedComposites) {
    // DejaVu has a cmap entry for Ǆ but 2.3.0 would lose its parts; Liberation's is fine.
    EXPECT_EQ(segment("\u01C4", {"DejaVu Sans"}), (std::vector<FontRun>{{4, "\uFFFD"}}));
    EXPECT_EQ(missing, (std::vector<MissingChar>{{0x01C4, 0}}));
    fonts.set_fallbacks({"Liberation Sans"});
    EXPECT_EQ(segment("D\u01C4", {"DejaVu Sans"}), (std::vector<FontRun>{{4, "D"}, {0, "\u01C4"}}));
    EXPECT_TRUE(missing.empty());
}

TEST_F(text_FontRegistry, InvalidUtf8IsReportedAndReplaced) {
    // A stray byte is reported at its offset as U+FFFD and set as one.
    EXPECT_EQ(segment("a\xFF" "b"), (std::vector<FontRun>{{0, "a"}, {4, "\uFFFD"}, {0, "b"}}));
    EXPECT_EQ(missing, (std::vector<MissingChar>{{0xFFFD, 1}}));
}

TEST_F(text_FontRegistry, UnknownFamilyUsesTheFallbacks) {
    // A style asking for a family that was never registered still gets text, from DejaVu.
    EXPECT_EQ(segment("ab", {"Arial"}), (std::vector<FontRun>{{4, "ab"}}));
    EXPECT_TRUE(missing.empty());
}

TEST(text_FontRegistryAlone, SubstitutesBeforeGivingUp) {
    // Liberation alone: U+2011 becomes U+2010, which it has; nothing is reported missing.
    FontRegistry fonts(from_disk());
    std::string error;
    ASSERT_TRUE(fonts.add_family("Liberation Sans", kSans, "", "", "", error)) << error;
    ASSERT_TRUE(fonts.face(0).has_glyph(0x2010));
    ASSERT_TRUE(fonts.face(0).has_glyph(0x00A0));
    std::vector<MissingChar> missing;
    EXPECT_EQ(fonts.segment("non\u2011stop\u00A0x", {"Liberation Sans"}, missing),
              (std::vector<FontRun>{{0, "non\u2010stop\u00A0x"}}));
    EXPECT_TRUE(missing.empty());
}

TEST(text_FontRegistryAlone, QuestionMarkWhenNoFaceHasTheReplacementCharacter) {
    // Liberation has no U+FFFD, so the arrow becomes '?', and is reported.
    FontRegistry fonts(from_disk());
    std::string error;
    ASSERT_TRUE(fonts.add_family("Liberation Sans", kSans, "", "", "", error)) << error;
    ASSERT_FALSE(fonts.face(0).has_glyph(0xFFFD));
    std::vector<MissingChar> missing;
    EXPECT_EQ(fonts.segment("go \u27A2 on", {"Liberation Sans", true, false}, missing),
              (std::vector<FontRun>{{0, "go ? on"}}));
    EXPECT_EQ(missing, (std::vector<MissingChar>{{0x27A2, 3}}));
}

TEST(text_FontRegistryAlone, AddFamilyErrorsLeaveTheRegistryUnchanged) {
    // A bad file in the third slot must not leave the first two faces registered.
    FontRegistry fonts(from_disk());
    std::string error;
    EXPECT_FALSE(fonts.add_family("Broken", kSans, kSansBold, "/nonexistent/x.ttf", "", error));
    EXPECT_EQ(error, "cannot read font file '/nonexistent/x.ttf': no such file");
    EXPECT_EQ(fonts.face_count(), 0u);
    EXPECT_FALSE(fonts.has_family("Broken"));
    EXPECT_EQ(fonts.resolve({"Broken"}), -1);

    EXPECT_FALSE(fonts.add_family("Empty", "", "", "", "", error));
    EXPECT_EQ(error, "font family 'Empty' has no font files");

    ASSERT_TRUE(fonts.add_family("Sans", kSans, "", "", "", error)) << error;
    EXPECT_FALSE(fonts.add_family("Sans", kDejaVu, "", "", "", error));
    EXPECT_EQ(error, "font family 'Sans' is already registered");
    EXPECT_EQ(fonts.face_count(), 1u);
    EXPECT_EQ(fonts.face(0).path(), kSans);
}

// Fonts that exist only in memory, under paths that exist nowhere, and a reader that counts
// how often each path is read.
struct CountingFonts {
    MemoryEnvironment env;
    std::map<std::string, int> reads;
    CountingFonts() {
        for (const auto& [path, file] : {std::pair{"mem/Sans.ttf", kSans}, {"mem/SansBold.ttf", kSansBold}, {"mem/DejaVu.ttf", kDejaVu}}) {
            std::vector<char> bytes = read_bytes(file);
            env.set_file(path, std::string(bytes.begin(), bytes.end()));
        }
    }
    FontReader reader() {
        return [this, read = read_fonts_through(env)](const std::string& path, std::string& error) {
            ++reads[path];
            return read(path, error);
        };
    }
};

TEST(text_FontRegistryAlone, EachFileIsReadOnceWhenFamiliesShareIt) {
    // Two families share the Sans files (and one family uses a file twice): each path is read
    // once, and the shared faces hand out the same bytes.
    CountingFonts mem;
    FontRegistry fonts(mem.reader());
    std::string error;
    ASSERT_TRUE(fonts.add_family("Sans", "mem/Sans.ttf", "mem/SansBold.ttf", "mem/Sans.ttf", "", error)) << error;
    ASSERT_TRUE(fonts.add_family("Body", "mem/Sans.ttf", "mem/SansBold.ttf", "", "", error)) << error;
    ASSERT_TRUE(fonts.add_family("Symbols", "mem/DejaVu.ttf", "", "", "", error)) << error;
    EXPECT_EQ(mem.reads, (std::map<std::string, int>{{"mem/DejaVu.ttf", 1}, {"mem/Sans.ttf", 1}, {"mem/SansBold.ttf", 1}}));
    EXPECT_EQ(fonts.face_count(), 3u);
    const FontFace& body = fonts.face(fonts.resolve({"Body"}));
    EXPECT_EQ(&body, &fonts.face(fonts.resolve({"Sans"})));
    EXPECT_EQ(body.bytes(), fonts.face(fonts.resolve({"Sans", false, true})).bytes());
    EXPECT_EQ(body.path(), "mem/Sans.ttf");
    EXPECT_EQ(body.postscript_name(), "LiberationSans");
    EXPECT_EQ(fonts.face(fonts.resolve({"Body", true})).postscript_name(), "LiberationSans-Bold");
    EXPECT_TRUE(fonts.face(fonts.resolve({"Symbols"})).has_glyph(0x27A2));
}

TEST(text_FontRegistryAlone, AReadErrorNamesThePathAndLeavesTheRegistryUnchanged) {
    // The reader's message is the family's error; the faces read before it are dropped, and a
    // later family reads its files afresh.
    CountingFonts mem;
    FontRegistry fonts(mem.reader());
    std::string error;
    EXPECT_FALSE(fonts.add_family("Broken", "mem/Sans.ttf", "mem/Missing.ttf", "", "", error));
    EXPECT_EQ(error, "cannot read font file 'mem/Missing.ttf': no such file");
    EXPECT_EQ(fonts.face_count(), 0u);
    ASSERT_TRUE(fonts.add_family("Sans", "mem/Sans.ttf", "", "", "", error)) << error;
    EXPECT_EQ(mem.reads, (std::map<std::string, int>{{"mem/Missing.ttf", 1}, {"mem/Sans.ttf", 2}}));
}

TEST(text_FontRegistryAlone, CorruptBytesAreAnErrorNamingThePath) {
    // The same message as for a file on disk: the reader's path names the font.
    MemoryEnvironment env;
    env.set_file("mem/Broken.ttf", "hello world\nx");
    FontRegistry fonts(read_fonts_through(env));
    std::string error;
    EXPECT_FALSE(fonts.add_family("Broken", "mem/Broken.ttf", "", "", "", error));
    EXPECT_EQ(error, "font 'mem/Broken.ttf' is not a TrueType (glyf) font: unknown signature 0x68656c6c");
}

TEST(text_FontRegistryAlone, UnloadableFamilyIsStillDeclared) {
    // A family refused for a file that failed to load is declared all the same, and the registry
    // says which file failed: its styles are not errors too, and the error points at that file.
    RealEnvironment env;
    FontRegistry fonts(read_fonts_through(env));
    std::string error;
    EXPECT_FALSE(fonts.add_family("Serif", kSans, "/nonexistent/b.ttf", "", "", error));
    EXPECT_FALSE(fonts.has_family("Serif"));
    EXPECT_TRUE(fonts.is_declared("Serif"));
    EXPECT_EQ(fonts.unloaded_file("Serif"), "/nonexistent/b.ttf");
    EXPECT_EQ(fonts.face_count(), 0u);
    EXPECT_FALSE(fonts.is_declared("Georgia"));
    EXPECT_EQ(fonts.unloaded_file("Georgia"), "");
    ASSERT_TRUE(fonts.add_family("Sans", kSans, "", "", "", error)) << error;
    EXPECT_TRUE(fonts.is_declared("Sans"));
    EXPECT_EQ(fonts.unloaded_file("Sans"), "");
}

TEST(text_FontRegistryAlone, FamilyNameInsteadOfAPathSaysAFilePathIsExpected) {
    // regular="DejaVu Serif": fonts are files, not looked up by name; a name without an extension
    // that is no file gets a message saying what is expected.
    MemoryEnvironment env;
    FontRegistry fonts(read_fonts_through(env));
    std::string error;
    EXPECT_FALSE(fonts.add_family("Serif", "fonts/DejaVu Serif", "", "", "", error));
    EXPECT_EQ(error, "expected the path of a font file such as fonts/Name.ttf, found 'fonts/DejaVu Serif' "
                     "(no such file; fonts are not looked up by family name)");
}

TEST(text_FontRegistryAlone, PrintsReadably) {
    // What a failing EXPECT_EQ shows.
    std::ostringstream os;
    os << FontRun{4, "\u2011"} << " " << MissingChar{0x1F600, 5} << " " << FaceRequest{"Liberation Sans", true, true};
    EXPECT_EQ(os.str(), "FontRun(face 4, \"\u2011\") MissingChar(U+1F600 at byte 5) FaceRequest('Liberation Sans' bold italic)");
}

}  // namespace
}  // namespace reportc::text
