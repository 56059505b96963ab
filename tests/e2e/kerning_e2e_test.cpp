// End to end: kerning (issue 13). The PDF places kerned pairs closer, as the fonts say, which
// `pdftotext -bbox` sees in the words' widths (poppler advances its pen by the TJ numbers);
// the extracted text is the same words, no space inside any; kerning="false" turns it off.
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "run.h"

using namespace reportc::e2e;

namespace {

std::string layout(const std::string& family_attributes) {
    const std::string fonts = source_root() + "/fonts/liberation/LiberationSans-";
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<layout>\n<font-family name=\"Liberation Sans\" regular=\"" + fonts +
           "Regular.ttf\" bold=\"" + fonts + "Bold.ttf\"" + family_attributes +
           "/>\n"
           "<page-master name=\"body\" size=\"A5\" margin-top=\"20mm\" margin-bottom=\"20mm\" margin-left=\"20mm\" "
           "margin-right=\"20mm\"/>\n"
           "<paragraph-style name=\"body\" font-family=\"Liberation Sans\" font-size=\"20pt\" leading=\"24pt\"/>\n"
           "</layout>\n";
}

struct Word {
    std::string text;
    double x_min = 0, x_max = 0;
};

// The words pdftotext finds, with their horizontal extent in pt.
std::vector<Word> words(const std::string& pdf) {
    const std::string html = run("pdftotext -bbox -q " + quote(pdf) + " -").out;
    static const std::regex word(R"re(<word xMin="([0-9.]+)" yMin="[0-9.]+" xMax="([0-9.]+)" yMax="[0-9.]+">([^<]*)</word>)re");
    std::vector<Word> out;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), word); it != std::sregex_iterator(); ++it)
        out.push_back({(*it)[3], std::stod((*it)[1]), std::stod((*it)[2])});
    return out;
}

const char* kBody = "<p>AV To Ty, AVATAR Today.</p>";

// Liberation Sans Regular, in 1/1000 em (hmtx floored, docs/libharu-notes.md §L4): A and V 666,
// T 610, o 556. GPOS kerning, rounded to 1/1000 em: A-V -74, T-o -111 (as HarfBuzz gives them,
// tests/text/kerning_test.cpp).
TEST(e2e_Kerning, KernedPairsArePlacedCloserInThePdf) {
    const ScratchBuild kerned = build_in_scratch("kerning-on", kBody, layout(""));
    ASSERT_EQ(kerned.status, 0) << kerned.err;
    const ScratchBuild plain = build_in_scratch("kerning-off", kBody, layout(" kerning=\"false\""));
    ASSERT_EQ(plain.status, 0) << plain.err;
    const std::vector<Word> on = words(kerned.pdf), off = words(plain.pdf);
    ASSERT_EQ(on.size(), 5u);
    ASSERT_EQ(off.size(), 5u);
    const double size = 20.0 / 1000.0;
    // Unkerned, a word is as wide as its advances; kerned, narrower by exactly its pairs.
    EXPECT_NEAR(off[0].x_max - off[0].x_min, (666 + 666) * size, 0.01);
    EXPECT_NEAR(on[0].x_max - on[0].x_min, (666 - 74 + 666) * size, 0.01);
    EXPECT_NEAR(on[1].x_max - on[1].x_min, (610 - 111 + 556) * size, 0.01);
    EXPECT_NEAR(off[1].x_max - off[1].x_min, (610 + 556) * size, 0.01);
    // Every kerned word is narrower, and the words start where the line breaker put them: the
    // first at the margin in both.
    for (size_t i = 0; i < on.size(); ++i) EXPECT_LT(on[i].x_max - on[i].x_min, off[i].x_max - off[i].x_min) << on[i].text;
    EXPECT_NEAR(on[0].x_min, off[0].x_min, 0.01);
}

TEST(e2e_Kerning, ExtractionGivesTheSameWordsWithoutSpaces) {
    const ScratchBuild kerned = build_in_scratch("kerning-text", kBody, layout(""));
    ASSERT_EQ(kerned.status, 0) << kerned.err;
    EXPECT_EQ(run("pdftotext -q " + quote(kerned.pdf) + " -").out, "AV To Ty, AVATAR Today.\n\n\f");
    // The kerned words are TJ arrays (ISO 32000-1 §9.4.3): one string per word, numbers inside
    // (qpdf writes the hex digits in lower case).
    const std::string content = run("qpdf --qdf --object-streams=disable " + quote(kerned.pdf) + " -").out;
    EXPECT_NE(content.find("[<0041> 74 <0056>] TJ"), std::string::npos);
    EXPECT_NE(content.find("[<0054> 111 <006f>] TJ"), std::string::npos);
}

TEST(e2e_Kerning, TraceShowsTheAdjustments) {
    const ScratchBuild kerned = build_in_scratch("kerning-trace", "<p>AV ab</p>", layout(""));
    ASSERT_EQ(kerned.status, 0) << kerned.err;
    const std::string trace = read_file(kerned.trace);
    EXPECT_NE(trace.find(" kern=1:-74 \"AV\""), std::string::npos) << trace;
    EXPECT_NE(trace.find(" #000000 \"ab\""), std::string::npos) << trace;
}

TEST(e2e_Kerning, KerningMustBeTrueOrFalse) {
    const ScratchBuild b = build_in_scratch("kerning-bad", kBody, layout(" kerning=\"yes\""));
    EXPECT_NE(b.status, 0);
    EXPECT_NE(b.err.find("error: expected kerning 'true' or 'false', found 'yes'"), std::string::npos) << b.err;
}

}  // namespace
