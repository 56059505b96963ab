// End to end: OpenType features (issue 13 item 1). With font-features="liga" the PDF draws
// DejaVu Sans's ligatures, and text extraction still gives the letters: each ligature glyph has
// a code of its own that the font's ToUnicode CMap maps to them (docs/libharu-notes.md §L21).
// font-variant: small-caps (issue 10 item 4) draws a font's own small capitals the same way.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "run.h"

using namespace reportc::e2e;

namespace {

std::string layout(const std::string& family_attributes) {
    const std::string fonts = source_root() + "/fonts/dejavu/DejaVuSans";
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<layout>\n<font-family name=\"DejaVu Sans\" regular=\"" + fonts +
           ".ttf\" bold=\"" + fonts + "-Bold.ttf\"" + family_attributes +
           "/>\n"
           "<page-master name=\"body\" size=\"A5\" margin-top=\"20mm\" margin-bottom=\"20mm\" margin-left=\"20mm\" "
           "margin-right=\"20mm\"/>\n"
           "<paragraph-style name=\"body\" font-family=\"DejaVu Sans\" font-size=\"14pt\" leading=\"18pt\"/>\n"
           "</layout>\n";
}

const char* kBody = "<p>The office staff fluff the official offer.</p>";

TEST(e2e_Features, LigaturesAreDrawnAndExtractedAsTheirLetters) {
    const ScratchBuild b = build_in_scratch("features-liga", kBody, layout(" font-features=\"liga\""));
    ASSERT_EQ(b.status, 0) << b.err;
    EXPECT_EQ(run("pdftotext -q " + quote(b.pdf) + " -").out, "The office staff fluff the official offer.\n\n\f");
    // MuPDF reads the same letters, where it is installed.
    if (run("command -v mutool").status == 0) {
        EXPECT_EQ(run("mutool draw -q -F txt " + quote(b.pdf) + " 2>/dev/null").out.substr(0, 42), "The office staff fluff the official offer.");
    }
    // The trace names the glyphs: DejaVu Sans's ffi is glyph 5044 (uniFB03).
    const std::string trace = read_file(b.trace);
    EXPECT_NE(trace.find(" glyphs=1+3:5044 \"office\""), std::string::npos) << trace;
    // The ligature is one code, D800 and up, in the word's TJ array, and the ToUnicode CMap maps
    // that code to the letters f, f, i.
    const std::string pdf = run("qpdf --qdf --object-streams=disable " + quote(b.pdf) + " -").out;
    EXPECT_NE(pdf.find("[<006fd80000630065>] TJ"), std::string::npos);
    EXPECT_NE(pdf.find("<D800> <006600660069>"), std::string::npos);
}

TEST(e2e_Features, WithoutTheFeatureTheWordsAreTheirLetters) {
    const ScratchBuild b = build_in_scratch("features-off", kBody, layout(""));
    ASSERT_EQ(b.status, 0) << b.err;
    EXPECT_EQ(run("pdftotext -q " + quote(b.pdf) + " -").out, "The office staff fluff the official offer.\n\n\f");
    EXPECT_EQ(read_file(b.trace).find(" glyphs="), std::string::npos);
}

TEST(e2e_Features, AnUnknownFeatureIsALocatedError) {
    const ScratchBuild b = build_in_scratch("features-bad", kBody, layout(" font-features=\"liga ligx\""));
    EXPECT_EQ(b.status, 1);
    EXPECT_NE(b.err.find("layout.xml:3:"), std::string::npos) << b.err;
    EXPECT_NE(b.err.find("error: expected an OpenType feature (liga, dlig, onum, lnum, tnum, pnum, smcp, c2sc, kern, or one "
                         "of them after '-'), found 'ligx'"),
              std::string::npos)
        << b.err;
}

// Vollkorn (Debian's fonts-vollkorn): TrueType outlines with the 'smcp' feature.
std::string vollkorn_layout() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<layout>\n<font-family name=\"Vollkorn\" "
           "regular=\"/usr/share/fonts/truetype/vollkorn/Vollkorn-Regular.ttf\"/>\n"
           "<page-master name=\"body\" size=\"A5\" margin-top=\"20mm\" margin-bottom=\"20mm\" margin-left=\"20mm\" "
           "margin-right=\"20mm\"/>\n"
           "<paragraph-style name=\"body\" font-family=\"Vollkorn\" font-size=\"14pt\" leading=\"18pt\"/>\n"
           "</layout>\n";
}

TEST(e2e_Features, SmallCapitalsAreTheFontsOwnWhereItHasThem) {
    const ScratchBuild b = build_in_scratch("features-smcp", "<p>The <sc>Nato</sc> summit.</p>", vollkorn_layout());
    ASSERT_EQ(b.status, 0) << b.err;
    // The letters as written, as the ToUnicode CMap maps each small capital back to its letter.
    EXPECT_EQ(run("pdftotext -q " + quote(b.pdf) + " -").out, "The Nato summit.\n\n\f");
    // One text item at the paragraph's size, without tracking, its a, t and o drawn as glyphs
    // of their own (Vollkorn's a.sc, t.sc, o.sc: text_Features.SmallCapitalsAreTheFontsSmcpGlyphs
    // checks them against HarfBuzz), not as capitals at a smaller size.
    const std::string trace = read_file(b.trace);
    std::smatch item;
    ASSERT_TRUE(std::regex_search(trace, item, std::regex("text f0 14.000 [^\\n]* glyphs=1\\+1:\\d+,2\\+1:\\d+,3\\+1:\\d+ \"Nato\"")))
        << trace;
    EXPECT_EQ(item.str().find(" tc="), std::string::npos) << item.str();
    // In the PDF: one font size throughout, and the three glyphs as codes of their own that
    // the ToUnicode CMap maps to the lower-case letters.
    const std::string pdf = run("qpdf --qdf --object-streams=disable " + quote(b.pdf) + " -").out;
    const std::regex font_size("/F\\d+ ([0-9.]+) Tf\n");
    int sizes = 0;
    for (auto it = std::sregex_iterator(pdf.begin(), pdf.end(), font_size); it != std::sregex_iterator(); ++it, ++sizes)
        EXPECT_EQ((*it)[1].str(), "14");
    EXPECT_GE(sizes, 1);
    const std::string unkerned = std::regex_replace(pdf, std::regex("> -?\\d+ <"), "");
    EXPECT_NE(unkerned.find("[<004ed800d801d802>] TJ"), std::string::npos);
    for (const char* map : {"<D800> <0061>", "<D801> <0074>", "<D802> <006F>"}) EXPECT_NE(pdf.find(map), std::string::npos) << map;
}

TEST(e2e_Features, SmallCapitalsAreSynthesizedWhereTheFontHasNone) {
    // DejaVu Sans has no 'smcp': capitals at a smaller size, tracked, and no glyph codes.
    const ScratchBuild b = build_in_scratch("features-smcp-synth", "<p>The <sc>Nato</sc> summit.</p>", layout(""));
    ASSERT_EQ(b.status, 0) << b.err;
    const std::string trace = read_file(b.trace);
    EXPECT_EQ(trace.find(" glyphs="), std::string::npos) << trace;
    EXPECT_NE(trace.find("text f0 10.486 98.175 70.544 #000000 tc=0.560 kern=1:-78 \"ATO\""), std::string::npos) << trace;
}

}  // namespace
