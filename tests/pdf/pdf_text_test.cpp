// Text output: extraction of typographic Unicode, embedded subset fonts, per-word positions.
#include <cmath>
#include <map>
#include <regex>

#include "pdf_test_support.h"

namespace reportc::pdf::testing {
namespace {

// Curly quotes and an en dash in Liberation, a non-breaking hyphen and ➢ in DejaVu: pdftotext
// gives back exactly the characters and prints no ToUnicode warning.
TEST(pdf_Text, TypographicUnicodeExtractsExactly) {
    auto dir = output_dir();
    frame::FrameDocument doc = base_document();
    frame::Page page = a4();
    page.items.push_back(text(0, 12, 72, 100, "Don’t “quote” – 2020"));
    page.items.push_back(text(1, 12, 72, 114.4, "non‑breaking ➢ next"));
    doc.pages.push_back(page);
    auto pdf = write_pdf_file(doc, dir);

    CommandResult r = run("pdftotext -enc UTF-8 " + quote(pdf) + " -", dir);
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.out, "Don’t “quote” – 2020\nnon‑breaking ➢ next\n\n\f");  // a block ends with a blank line
    EXPECT_EQ(r.err, "");  // no "Invalid 'begincidrange' operator in ToUnicode CMap"
}

// The replacement ToUnicode is a real /CMapType 2 bfrange CMap, and the broken
// Identity-H copy is gone from the file (rewritten in place, not orphaned).
TEST(pdf_Text, ToUnicodeIsAnIdentityBfrangeCMap) {
    auto dir = output_dir();
    frame::FrameDocument doc = base_document();
    frame::Page page = a4();
    page.items.push_back(text(0, 12, 72, 100, "Hello"));
    doc.pages.push_back(page);
    std::string q = qdf(write_pdf_file(doc, dir), dir);

    EXPECT_EQ(count(q, "/ToUnicode"), 1u);
    EXPECT_EQ(count(q, "/CMapType 2 def"), 1u);
    EXPECT_EQ(count(q, "beginbfrange"), 3u);  // 248 ranges in blocks of at most 100
    EXPECT_NE(q.find("<2000> <20FF> <2000>"), std::string::npos);
    EXPECT_EQ(q.find("<D800>"), std::string::npos);  // surrogates skipped
    EXPECT_EQ(q.find("begincidrange"), std::string::npos);
}

// Every font that is used is embedded as a subset with a ToUnicode map; a font no item uses is
// not written at all.
TEST(pdf_Text, FontsAreEmbeddedSubsetsAndUnusedFontsAreSkipped) {
    auto dir = output_dir();
    frame::FrameDocument doc = base_document();
    doc.fonts.push_back(font_file(std::string(REPORTC_SOURCE_ROOT) + "/fonts/liberation/LiberationSerif-Regular.ttf",
                                  "LiberationSerif-Regular"));
    frame::Page page = a4();
    page.items.push_back(text(0, 12, 72, 100, "Liberation"));
    page.items.push_back(text(1, 12, 72, 130, "DejaVu ➢"));
    doc.pages.push_back(page);
    auto pdf = write_pdf_file(doc, dir);

    CommandResult r = run("pdffonts " + quote(pdf), dir);
    ASSERT_EQ(r.status, 0) << r.err;
    std::istringstream lines(r.out);
    std::string header, rule, row;
    std::getline(lines, header);
    std::getline(lines, rule);
    int fonts = 0;
    std::regex embedded(R"(CID TrueType\s+Identity-H\s+yes\s+yes\s+yes)");
    while (std::getline(lines, row)) {
        ++fonts;
        EXPECT_TRUE(std::regex_search(row, embedded)) << row;
    }
    EXPECT_EQ(fonts, 2) << r.out;
    EXPECT_EQ(r.out.find("Serif"), std::string::npos) << r.out;
}

// A character the font lacks (➢ in Liberation Sans) is written but warned about, once.
TEST(pdf_Text, MissingGlyphIsAWarningNamingTheCharacter) {
    frame::FrameDocument doc = base_document();
    frame::Page page = a4();
    page.items.push_back(text(0, 12, 72, 100, "➢ one"));
    page.items.push_back(text(0, 12, 72, 120, "➢ two"));
    doc.pages.push_back(page);
    Diagnostics diags;
    std::optional<std::string> bytes = write_pdf(doc, diags);
    ASSERT_TRUE(bytes.has_value()) << diagnostics_text(diags);
    ASSERT_EQ(diags.warning_count(), 1u) << diagnostics_text(diags);
    EXPECT_EQ(diags.all()[0].message,
              "pdf: font 0 (LiberationSans-Regular) has no glyph for U+27A2 \"➢\"; it is drawn as an empty box");
}

// Justified lines come as one item per word; each word starts where its item says
// (pdftotext -bbox xMin within 0.05 pt), with no reliance on word spacing.
TEST(pdf_Text, PerWordItemsLandAtTheirPositions) {
    auto dir = output_dir();
    frame::FrameDocument doc = base_document();
    frame::Page page = a4();
    const double xs[] = {72.0, 131.37, 187.5, 262.25, 340.123};
    const char* words[] = {"The", "Regional", "Office", "for", "Capacity"};
    for (int i = 0; i < 5; ++i) page.items.push_back(text(0, 10, xs[i], 200, words[i]));
    for (int i = 0; i < 5; ++i) page.items.push_back(text(0, 10, xs[i] + 3.5, 214, words[4 - i]));
    doc.pages.push_back(page);
    auto pdf = write_pdf_file(doc, dir);

    CommandResult r = run("pdftotext -bbox " + quote(pdf) + " -", dir);
    ASSERT_EQ(r.status, 0) << r.err;
    // pdftotext orders widely spaced words as columns, so match words by line and text.
    std::regex word_re(R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="[0-9.]+" yMax="[0-9.]+">([^<]*)</word>)re");
    std::map<std::pair<int, std::string>, double> found;  // (line, word) -> xMin
    for (std::sregex_iterator it(r.out.begin(), r.out.end(), word_re), end; it != end; ++it)
        found[{std::stod((*it)[2]) < 200 ? 0 : 1, (*it)[3]}] = std::stod((*it)[1]);
    ASSERT_EQ(found.size(), 10u) << r.out;
    for (int i = 0; i < 5; ++i) {
        const std::pair<int, std::string> first(0, words[i]), second(1, words[4 - i]);
        ASSERT_TRUE(found.count(first)) << words[i];
        EXPECT_NEAR(found[first], xs[i], 0.05) << words[i];
        ASSERT_TRUE(found.count(second)) << words[4 - i];
        EXPECT_NEAR(found[second], xs[i] + 3.5, 0.05) << words[4 - i];
    }
}

// Text y is the baseline in top-down coordinates: a 10 pt word at y=200 on an A4 page has its
// baseline at 200 pt from the top (bbox yMax = baseline + descent, so just below 200).
TEST(pdf_Text, BaselineIsFlippedFromTheTop) {
    auto dir = output_dir();
    frame::FrameDocument doc = base_document();
    frame::Page page = a4();
    page.items.push_back(text(0, 10, 72, 200, "Baseline"));
    doc.pages.push_back(page);
    auto pdf = write_pdf_file(doc, dir);
    CommandResult r = run("pdftotext -bbox " + quote(pdf) + " -", dir);
    std::smatch m;
    ASSERT_TRUE(std::regex_search(r.out, m, std::regex(R"re(yMin="([0-9.]+)" xMax="[0-9.]+" yMax="([0-9.]+)">Baseline)re")))
        << r.out;
    EXPECT_LT(std::stod(m[1]), 200.0);
    EXPECT_GT(std::stod(m[2]), 200.0);
    EXPECT_LT(std::stod(m[2]), 203.0);
}

}  // namespace
}  // namespace reportc::pdf::testing

namespace reportc::pdf::testing {
namespace {

// A kerned item (issue 13) is one TJ array: pdftotext sees one word, narrower by the kerning,
// at the item's position, and the items after it are still placed where they say; a letter that
// only a kerned word uses is in the embedded subset (pdffonts lists the font as embedded and
// pdftotext reads it back).
TEST(pdf_Text, KernedItemIsOneTjArrayAtItsPosition) {
    auto dir = output_dir();
    frame::FrameDocument doc = base_document();
    frame::Page page = a4();
    frame::TextItem kerned = text(0, 10, 72, 200, "AVQ");
    const Kern adjustments[] = {{1, -74}, {2, 30}};
    kerned.kerning = Kerning(adjustments);
    page.items.push_back(kerned);
    page.items.push_back(text(0, 10, 150, 200, "next"));
    page.items.push_back(text(0, 10, 72, 230, "AV"));
    doc.pages.push_back(page);
    auto pdf = write_pdf_file(doc, dir);

    EXPECT_NE(qdf(pdf, dir).find("[<0041> 74 <0056> -30 <0051>] TJ"), std::string::npos);
    CommandResult r = run("pdftotext -bbox " + quote(pdf) + " -", dir);
    ASSERT_EQ(r.status, 0) << r.err;
    std::regex word_re(R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="[0-9.]+">([^<]*)</word>)re");
    std::map<std::string, std::pair<double, double>> words;  // text -> (xMin, xMax)
    for (std::sregex_iterator it(r.out.begin(), r.out.end(), word_re), end; it != end; ++it)
        words[(*it)[4]] = {std::stod((*it)[1]), std::stod((*it)[3])};
    ASSERT_EQ(words.size(), 3u) << r.out;
    // A, V 666 and Q 777 per 1000 em in Liberation Sans (floored, docs/libharu-notes.md §L4);
    // kerned -74 after A and +30 after V.
    EXPECT_NEAR(words["AVQ"].first, 72, 0.05);
    EXPECT_NEAR(words["AVQ"].second - words["AVQ"].first, (666 - 74 + 666 + 30 + 777) / 100.0, 0.02);
    EXPECT_NEAR(words["next"].first, 150, 0.05);
    EXPECT_NEAR(words["AV"].first, 72, 0.05);
    EXPECT_NEAR(words["AV"].second - words["AV"].first, (666 + 666) / 100.0, 0.02);
    // Q's glyph is drawn: at 144 dpi, pixels 172-184 across (86-92 pt, right of V) and 384-400
    // down (192-200 pt, above the baseline) hold only Q, and have ink.
    ASSERT_EQ(run("pdftoppm -r 144 -gray -singlefile -x 172 -y 384 -W 12 -H 16 " + quote(pdf) + " " + quote((dir / "q").string()), dir).status, 0);
    std::ifstream in(dir / "q.pgm", std::ios::binary);
    const std::string pgm{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    ASSERT_EQ(pgm.compare(0, 2, "P5"), 0);
    const std::string pixels = pgm.substr(pgm.size() - 12 * 16);
    EXPECT_NE(pixels.find_first_not_of('\xff'), std::string::npos) << "no ink where Q stands";
}

}  // namespace
}  // namespace reportc::pdf::testing
