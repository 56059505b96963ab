// End to end: keeps and breaks (a kept table moves whole, a kept block taller than a page
// splits, page breaks by attribute and style), a framed call-out across a page end, a
// certificate-like page frame, rules, a striped table with shaded and bordered cells, a
// figure's caption repeated as "(continued)", and space kept at the top of a page.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>
#include <unistd.h>

#include "run.h"

using namespace reportc::e2e;

namespace {

// A built report and its page count.
struct Kept : ScratchBuild {
    int pages = 0;
};

// A small layout of our own: A5 pages, box styles for a call-out and a certificate, a striped
// table style, and `settings`.
std::string layout(const std::string& settings = "") {
    const std::string fonts = source_root() + "/fonts/liberation/LiberationSans-";
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<layout>\n<font-family name=\"Liberation Sans\" regular=\"" + fonts +
           "Regular.ttf\" bold=\"" + fonts + "Bold.ttf\" italic=\"" + fonts + "Italic.ttf\" bold-italic=\"" + fonts +
           "BoldItalic.ttf\"/>\n"
           "<page-master name=\"body\" size=\"A5\" margin-top=\"20mm\" margin-bottom=\"20mm\" margin-left=\"20mm\" margin-right=\"20mm\"/>\n"
           "<paragraph-style name=\"body\" font-family=\"Liberation Sans\" font-size=\"10pt\" leading=\"14pt\" space-after=\"6pt\"/>\n"
           "<paragraph-style name=\"heading-1\" based-on=\"body\" font-size=\"14pt\" leading=\"18pt\" keep-with-next=\"true\"/>\n"
           "<paragraph-style name=\"title\" based-on=\"body\" font-size=\"20pt\" leading=\"24pt\" align=\"center\"\n"
           "                 space-before=\"50mm\" space-before-at-top=\"keep\"/>\n"
           "<paragraph-style name=\"closing\" based-on=\"body\" page-break-after=\"true\"/>\n"
           "<paragraph-style name=\"list-item\" based-on=\"body\" indent-left=\"6mm\" first-line-indent=\"-4mm\"/>\n"
           "<paragraph-style name=\"table-cell\" based-on=\"body\" space-after=\"0\"/>\n"
           "<paragraph-style name=\"table-header\" based-on=\"table-cell\" font-weight=\"bold\"/>\n"
           "<paragraph-style name=\"table-group\" based-on=\"table-cell\"/>\n"
           "<paragraph-style name=\"table-continued\" based-on=\"table-cell\"/>\n"
           "<paragraph-style name=\"caption\" based-on=\"body\"/>\n"
           "<paragraph-style name=\"caption-above\" based-on=\"body\" font-weight=\"bold\" keep-with-next=\"true\"/>\n"
           "<table-style name=\"table\"/>\n"
           "<table-style name=\"striped\" stripe-shade=\"#dde6f0\" padding-top=\"6pt\" padding-bottom=\"6pt\"/>\n"
           "<box-style name=\"callout\" background=\"#eef3f8\" border-left=\"3pt #1f4e79\" padding=\"8pt\" space-before=\"6pt\"\n"
           "           space-after=\"8pt\"/>\n"
           "<box-style name=\"panel\" background=\"#1f4e79\" radius=\"6pt\" padding=\"10pt\" min-height=\"30mm\" keep-together=\"true\"/>\n"
           "<box-style name=\"certificate\" border=\"6pt #1f4e79 double\" padding=\"15mm\" height=\"page\"/>\n"
           "<box-style name=\"total\" background=\"#ffeecc\" border-top=\"1pt #000000\"/>\n" +
           settings + "</layout>\n";
}

Kept build(const std::string& name, const std::string& body, const std::string& layout_text = layout()) {
    Kept b{build_in_scratch(name, body, layout_text)};
    auto info = run("pdfinfo " + quote(b.pdf)).out;
    if (auto at = info.find("Pages:"); at != std::string::npos) b.pages = std::stoi(info.substr(at + 6));
    return b;
}

std::string page_text(const Kept& b, int page) {
    return run("pdftotext -q -f " + std::to_string(page) + " -l " + std::to_string(page) + " " + quote(b.pdf) + " -").out;
}

// The page (1-based) whose text holds `what`; 0 when none.
int page_of(const Kept& b, const std::string& what) {
    for (int p = 1; p <= b.pages; ++p)
        if (page_text(b, p).find(what) != std::string::npos) return p;
    return 0;
}

std::string paragraphs(int from, int to) {
    std::string out;
    for (int i = from; i <= to; ++i)
        out += "<p>Para " + std::to_string(i) + " has words enough to fill two lines of the page body and then some more.</p>\n";
    return out;
}

std::string rows(int n, const std::string& prefix) {
    std::string out;
    for (int i = 1; i <= n; ++i) out += "<row><cell>" + prefix + " " + std::to_string(i) + "</cell><cell>" + std::to_string(i * 7) + "</cell></row>\n";
    return out;
}

}  // namespace

TEST(KeepsE2E, AKeptTableMovesWholeToTheNextPage) {
    // Filler leaves a few lines on page 1; the kept 8-row table would start there and goes to
    // page 2 whole. The same table without the keep starts on page 1.
    const std::string filler = paragraphs(1, 9);
    auto kept = build("keep-table", filler + "<table keep-together=\"true\">" + rows(8, "Kept") + "</table>");
    ASSERT_EQ(kept.status, 0) << kept.err;
    EXPECT_EQ(kept.err.find("warning:"), std::string::npos) << kept.err;
    EXPECT_EQ(page_of(kept, "Kept 1\n"), 2);
    EXPECT_EQ(page_of(kept, "Kept 8\n"), 2);
    auto loose = build("loose-table", filler + "<table>" + rows(8, "Kept") + "</table>");
    ASSERT_EQ(loose.status, 0) << loose.err;
    EXPECT_EQ(page_of(loose, "Kept 1\n"), 1);
}

TEST(KeepsE2E, TablesUnderTheSettingsRowCountAreKept) {
    const std::string filler = paragraphs(1, 9);
    auto b = build("keep-setting", filler + "<table>" + rows(8, "Short") + "</table>",
                   layout("<setting name=\"keep-tables-under-rows\" value=\"10\"/>\n"));
    ASSERT_EQ(b.status, 0) << b.err;
    EXPECT_EQ(page_of(b, "Short 1\n"), 2);
}

TEST(KeepsE2E, AKeptBlockTallerThanAPageSplitsWithoutWarning) {
    // A kept list of 40 two-line items is taller than an A5 page: it is split as usual.
    std::string items;
    for (int i = 1; i <= 40; ++i)
        items += "<item>Item " + std::to_string(i) + " has words enough to fill two lines of the page body here, and more.</item>";
    auto b = build("keep-tall", paragraphs(1, 2) + "<list keep-together=\"true\">" + items + "</list>");
    ASSERT_EQ(b.status, 0) << b.err;
    EXPECT_EQ(b.err.find("warning:"), std::string::npos) << b.err;
    EXPECT_EQ(page_of(b, "Item 1 "), 1);
    EXPECT_GE(b.pages, 3);
}

TEST(KeepsE2E, PageBreaksByAttributeAndStyle) {
    auto b = build("breaks", "<p>First.</p><p page-break-before=\"true\">Second.</p><p style=\"closing\">Third.</p><p>Fourth.</p>"
                             "<p keep-with-next=\"true\" page-break-after=\"false\">Fifth.</p>");
    ASSERT_EQ(b.status, 0) << b.err;
    EXPECT_EQ(page_of(b, "First."), 1);
    EXPECT_EQ(page_of(b, "Second."), 2);
    EXPECT_EQ(page_of(b, "Third."), 2);
    EXPECT_EQ(page_of(b, "Fourth."), 3);
}

TEST(KeepsE2E, AMalformedKeepAttributeIsALocatedError) {
    auto b = build("bad-keep", "<p keep-together=\"yes\">Text.</p>");
    EXPECT_EQ(b.status, 1);
    EXPECT_NE(b.err.find("report.xml:4:4: error: expected keep-together 'true' or 'false', found 'yes'"), std::string::npos) << b.err;
}

TEST(FramesE2E, ACallOutSplitsAcrossThePageEnd) {
    // A call-out of 10 paragraphs starting low on page 1 continues on page 2; nothing is lost.
    auto b = build("callout", paragraphs(1, 8) + "<frame style=\"callout\">" + paragraphs(101, 110) + "</frame><p>After.</p>");
    ASSERT_EQ(b.status, 0) << b.err;
    EXPECT_EQ(b.err.find("warning:"), std::string::npos) << b.err;
    EXPECT_EQ(page_of(b, "Para 101 "), 1);
    EXPECT_EQ(page_of(b, "Para 110 "), 2);
    std::string all = run("pdftotext -q " + quote(b.pdf) + " -").out;
    for (int i = 101; i <= 110; ++i) EXPECT_NE(all.find("Para " + std::to_string(i) + " "), std::string::npos) << i;
    // The frame's background is drawn on both pages.
    std::istringstream in(read_file(b.trace));
    std::string line;
    int page = 0, pages_with_fill = 0;
    bool counted = false;
    while (std::getline(in, line)) {
        if (line.rfind("page ", 0) == 0) {
            ++page;
            counted = false;
        }
        if (!counted && line.find("fill=#eef3f8") != std::string::npos) {
            ++pages_with_fill;
            counted = true;
        }
    }
    EXPECT_EQ(pages_with_fill, 2) << read_file(b.trace).substr(0, 2000);
}

TEST(FramesE2E, AKeptPanelMovesWhole) {
    // Twelve paragraphs leave less than the panel's 30mm on page 1.
    auto b = build("panel", paragraphs(1, 12) + "<frame style=\"panel\"><p>36 members</p><p>12 workshops</p></frame>");
    ASSERT_EQ(b.status, 0) << b.err;
    EXPECT_EQ(page_of(b, "36 members"), 2);
}

TEST(FramesE2E, ACertificateFrameFillsItsPage) {
    // A page-high frame with a double border after a title kept 50mm below the page top.
    auto b = build("certificate", "<frame style=\"certificate\"><p style=\"title\">Certificate of Completion</p>"
                                  "<p>This certifies that the bearer completed the course.</p>"
                                  "<rule width=\"60mm\" thickness=\"0.5pt\" align=\"center\"/><p>Signature</p></frame>");
    ASSERT_EQ(b.status, 0) << b.err;
    EXPECT_EQ(b.err.find("warning:"), std::string::npos) << b.err;
    EXPECT_EQ(b.pages, 1);
    // The frame is as tall as the body (170mm of A5, from 56.693pt to 538.583pt): the outer
    // line of its left side (2pt, a third of 6pt) runs from margin to margin, 1pt inside.
    const std::string trace = read_file(b.trace);
    EXPECT_NE(trace.find("stroke=#1f4e79 lw=2.000 M 57.693 56.693 L 57.693 538.583"), std::string::npos) << trace;
    // Rendered for a look: build/e2e-scratch/certificate-*/png/page-001.png.
    EXPECT_EQ(run(reportc_exe() + " render " + quote(b.dir + "/report.xml") + " --png " + quote(b.dir + "/png")).status, 0);
}

TEST(FramesE2E, AFrameOfAFixedHeightTooSmallWarns) {
    auto b = build("small-frame", "<frame style=\"small\">" + paragraphs(1, 6) + "</frame>",
                   layout("<box-style name=\"small\" height=\"20mm\" border=\"1pt\"/>\n"));
    ASSERT_EQ(b.status, 0) << b.err;
    EXPECT_NE(b.err.find("warning: the frame's content needs"), std::string::npos) << b.err;
}

TEST(TableStylingE2E, StripedShadedAndBorderedRows) {
    auto b = build("striped", "<table style=\"striped\"><row kind=\"header\"><cell>Item</cell><cell>Count</cell></row>" + rows(4, "Row") +
                                  "<row style=\"total\"><cell>Total</cell><cell shade=\"#ff0000\">70</cell></row></table>");
    ASSERT_EQ(b.status, 0) << b.err;
    const std::string trace = read_file(b.trace);
    auto count = [&](const std::string& what) {
        size_t n = 0;
        for (size_t at = trace.find(what); at != std::string::npos; at = trace.find(what, at + 1)) ++n;
        return n;
    };
    EXPECT_EQ(count("fill=#dde6f0"), 4u);  // the two cells of rows 2 and 4
    EXPECT_EQ(count("fill=#ffeecc"), 1u);  // the total row's first cell
    EXPECT_EQ(count("fill=#ff0000"), 1u);  // its second cell's own shade
}

TEST(TableStylingE2E, AFigureCaptionRepeatsAsContinued) {
    auto b = build("continued", "<figure caption=\"Table 1: Members\"><table><row kind=\"header\"><cell>Member</cell><cell>N</cell></row>" +
                                    rows(60, "Member") + "</table></figure>",
                   layout("<setting name=\"caption-continued-text\" value=\"(continued)\"/>\n"));
    ASSERT_EQ(b.status, 0) << b.err;
    ASSERT_GE(b.pages, 2);
    EXPECT_EQ(page_text(b, 1).find("(continued)"), std::string::npos);
    EXPECT_NE(page_text(b, 2).find("Table 1: Members (continued)"), std::string::npos) << page_text(b, 2);
}

TEST(KeepsE2E, SpaceBeforeIsKeptAtThePageTop) {
    // The title's 50mm space-before holds at the top of page 2 after a page break.
    auto b = build("space-top", "<p>Before.</p><page-break/><p style=\"title\">Title</p>");
    ASSERT_EQ(b.status, 0) << b.err;
    auto bbox = run("pdftotext -q -bbox -f 2 -l 2 " + quote(b.pdf) + " -").out;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(bbox, m, std::regex("yMin=\"([0-9.]+)\"[^>]*>Title<")));
    // 20mm margin + 50mm space = 198.4pt, then the line's ascent.
    EXPECT_GT(std::stod(m[1]), 198.0);
    EXPECT_LT(std::stod(m[1]), 215.0);
}

TEST(KeepsFramesSampleE2E, BuildsCleanlyInSixPages) {
    // tests/e2e/keeps-frames: the certificate alone on page 1, the call-out from page 2 to 3, the
    // panel and the striped table on 3, the figure from page 4, its caption repeated on 5.
    const std::string dir = scratch_dir("keeps-frames-sample-" + std::to_string(::getpid()));
    const std::string sample = source_root() + "/tests/e2e/keeps-frames";
    auto r = run("SOURCE_DATE_EPOCH=0 " + reportc_exe() + " build " + quote(sample + "/report.xml") + " -o " + quote(dir + "/out.pdf"));
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.err.find("warning:"), std::string::npos) << r.err;
    Kept b;
    b.pdf = dir + "/out.pdf";
    b.pages = 6;
    EXPECT_NE(r.err.find("(6 pages)"), std::string::npos) << r.err;
    EXPECT_EQ(page_of(b, "Certificate of"), 1);
    EXPECT_EQ(page_of(b, "Para 101 "), 2);
    EXPECT_EQ(page_of(b, "Para 112 "), 3);
    EXPECT_EQ(page_of(b, "36 members"), 3);
    EXPECT_NE(page_text(b, 5).find("Table 1: Members (continued)"), std::string::npos);
}
