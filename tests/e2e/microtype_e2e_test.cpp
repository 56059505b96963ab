// End to end: character protrusion and font expansion (docs/layout-format.md, "Character
// protrusion and font expansion") in the PDF: expanded lines carry the horizontal scaling
// operator (Tz), a full stop at a justified line's end hangs past the text block's right edge by
// 0.7 of its width, and the text extracts as the same words either way.
#include <gtest/gtest.h>

#include <cmath>
#include <regex>
#include <sstream>

#include "run.h"

using namespace reportc::e2e;

namespace {

// A5 pages with 20mm margins (the text block's right edge at 128mm); the body style justified,
// unhyphenated, with `microtype` (attributes) added.
std::string layout(const std::string& microtype) {
    const std::string fonts = source_root() + "/fonts/liberation/LiberationSans-";
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<layout>\n<font-family name=\"Liberation Sans\" regular=\"" + fonts +
           "Regular.ttf\" bold=\"" + fonts + "Bold.ttf\" italic=\"" + fonts + "Italic.ttf\" bold-italic=\"" + fonts +
           "BoldItalic.ttf\"/>\n"
           "<page-master name=\"body\" size=\"A5\" margin-top=\"20mm\" margin-bottom=\"20mm\" margin-left=\"20mm\" "
           "margin-right=\"20mm\"/>\n"
           "<paragraph-style name=\"body\" font-family=\"Liberation Sans\" font-size=\"10pt\" leading=\"14pt\" "
           "space-after=\"6pt\" align=\"justify\" hyphenate=\"false\" " + microtype + "/>\n"
           "<paragraph-style name=\"heading-1\" based-on=\"body\" font-size=\"14pt\" leading=\"18pt\" keep-with-next=\"true\"/>\n"
           "<paragraph-style name=\"heading-2\" based-on=\"heading-1\"/>\n"
           "<paragraph-style name=\"list-item\" based-on=\"body\" indent-left=\"6mm\" first-line-indent=\"-4mm\"/>\n"
           "<paragraph-style name=\"table-cell\" based-on=\"body\" space-after=\"0\"/>\n"
           "<paragraph-style name=\"table-header\" based-on=\"table-cell\"/>\n"
           "<paragraph-style name=\"table-group\" based-on=\"table-cell\"/>\n"
           "<paragraph-style name=\"table-continued\" based-on=\"table-cell\"/>\n"
           "<table-style name=\"table\"/>\n</layout>\n";
}

// Short sentences, so that many justified lines end with a full stop.
const std::string kBody =
    "<p>The council met in June. Its members read the plan. They asked for more data on trade. The staff wrote a new "
    "note. It was sent in July. Each office gave its view. The plan was then changed. A second draft came out in May. "
    "Most members liked it. Some did not. The chair called a vote. The plan passed. Work on it began at once. The first "
    "results came in the autumn. They were good. The offices then shared what they had learnt. New staff were trained. "
    "The council met again in March and read the results. It asked the staff to go on. The next report is due soon. "
    "Everyone hopes it will be as good as this one. Time will tell whether the plan holds. So far it has.</p>";

const double kRightEdge = (148 - 20) / 25.4 * 72;  // pt
const double kLeftEdge = 20 / 25.4 * 72;

struct Word {
    double x_min, y_min, x_max;
    std::string text;
};

// The words of `pdftotext -bbox`, in reading order.
std::vector<Word> words(const std::string& pdf) {
    const std::string html = run("pdftotext -bbox " + quote(pdf) + " -").out;
    static const std::regex word(R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="[0-9.]+">([^<]*)</word>)re");
    std::vector<Word> out;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), word); it != std::sregex_iterator(); ++it)
        out.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), (*it)[4]});
    return out;
}

// The last word of each line but the paragraph's last.
std::vector<Word> line_ends(const std::vector<Word>& all) {
    std::vector<Word> out;
    for (size_t i = 0; i + 1 < all.size(); ++i)
        if (std::abs(all[i + 1].y_min - all[i].y_min) > 1) out.push_back(all[i]);
    return out;
}

std::string texts(const std::vector<Word>& all) {
    std::string out;
    for (const Word& w : all) out += w.text + " ";
    return out;
}

// The content streams, uncompressed.
std::string content(const ScratchBuild& b) {
    const std::string qdf = b.dir + "/qdf.pdf";
    run("qpdf --qdf --object-streams=disable " + quote(b.pdf) + " " + quote(qdf));
    return read_file(qdf);
}

TEST(e2e_Microtype, ExpandedLinesAreDrawnWithHorizontalScaling) {
    const ScratchBuild plain = build_in_scratch("microtype-plain", kBody, layout(""));
    ASSERT_EQ(plain.status, 0) << plain.err;
    EXPECT_EQ(content(plain).find(" Tz"), std::string::npos);

    const ScratchBuild expanded = build_in_scratch("microtype-expanded", kBody, layout("font-expansion=\"20 20 5\""));
    ASSERT_EQ(expanded.status, 0) << expanded.err;
    const std::string stream = content(expanded);
    static const std::regex tz(R"(([0-9.]+) Tz)");
    int scaled = 0;
    for (auto it = std::sregex_iterator(stream.begin(), stream.end(), tz); it != std::sregex_iterator(); ++it) {
        const double percent = std::stod((*it)[1]);
        EXPECT_GE(percent, 98.0);
        EXPECT_LE(percent, 102.0);
        // Multiples of the 0.5 % step.
        EXPECT_NEAR(percent * 2, std::round(percent * 2), 1e-6) << percent;
        if (percent != 100) ++scaled;
    }
    EXPECT_GT(scaled, 0) << "no line was expanded";
    EXPECT_NE(read_file(expanded.trace).find(" tz="), std::string::npos);
    // The same words, none split: Tz changes how glyphs are drawn, not the text.
    EXPECT_EQ(texts(words(expanded.pdf)), texts(words(plain.pdf)));
}

TEST(e2e_Microtype, FullStopAtALineEndHangsIntoTheRightMargin) {
    const ScratchBuild b = build_in_scratch("microtype-protrusion", kBody, layout("protrusion=\"true\""));
    ASSERT_EQ(b.status, 0) << b.err;
    const double stop = 0.278 * 10;  // Liberation Sans: the full stop is 278/1000 em wide
    int stops = 0, letters = 0;
    for (const Word& w : line_ends(words(b.pdf))) {
        const char last = w.text.back();
        if (last == '.') {
            ++stops;
            EXPECT_NEAR(w.x_max - kRightEdge, 0.7 * stop, 0.05) << w.text;
        } else if (last == 'e' || last == 'n' || last == 's' || last == 'd' || last == 'a' || last == 'o') {
            ++letters;  // letters that do not hang end at the edge
            EXPECT_NEAR(w.x_max, kRightEdge, 0.05) << w.text;
        }
    }
    EXPECT_GT(stops, 0) << "no line ends with a full stop";
    EXPECT_GT(letters, 0);
    // The paragraph's first word ("The") hangs its T by 0.05 of its width (0.611 em).
    const auto all = words(b.pdf);
    ASSERT_FALSE(all.empty());
    EXPECT_NEAR(kLeftEdge - all.front().x_min, 0.05 * 6.11, 0.05);

    // Without protrusion every justified line ends at the edge.
    const ScratchBuild flush = build_in_scratch("microtype-flush", kBody, layout(""));
    ASSERT_EQ(flush.status, 0) << flush.err;
    for (const Word& w : line_ends(words(flush.pdf))) EXPECT_NEAR(w.x_max, kRightEdge, 0.05) << w.text;
}

TEST(e2e_Microtype, BadFontExpansionIsAnErrorAtTheAttribute) {
    const ScratchBuild b = build_in_scratch("microtype-bad", kBody, layout("font-expansion=\"20 20\""));
    EXPECT_NE(b.status, 0);
    EXPECT_NE(b.err.find("layout.xml:5:144: error: expected none or three whole numbers such as '20 20 5' (stretch and shrink from 0 to 100, "
                         "step from 1 to 100) for font-expansion, found '20 20'"),
              std::string::npos)
        << b.err;
}

}  // namespace
