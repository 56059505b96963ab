// End to end: QR codes built into a PDF and a PNG preview, rendered and read back with a
// barcode reader (zbarimg, Debian's zbar-tools) to the exact data, UTF-8 included; web addresses
// are links over the code; data too long for its level is a located error.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "run.h"

using namespace reportc::e2e;

namespace {

std::string layout() {
    const std::string fonts = source_root() + "/fonts/liberation/LiberationSans-";
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<layout>\n<font-family name=\"Liberation Sans\" regular=\"" + fonts +
           "Regular.ttf\" bold=\"" + fonts + "Bold.ttf\" italic=\"" + fonts + "Italic.ttf\" bold-italic=\"" + fonts +
           "BoldItalic.ttf\"/>\n"
           "<page-master name=\"body\" size=\"A5\" margin-top=\"15mm\" margin-bottom=\"15mm\" margin-left=\"20mm\" "
           "margin-right=\"20mm\"/>\n"
           "<paragraph-style name=\"body\" font-family=\"Liberation Sans\" font-size=\"10pt\" leading=\"14pt\" space-after=\"6pt\"/>\n"
           "<paragraph-style name=\"caption\" based-on=\"body\" font-size=\"9pt\"/>\n"
           "<paragraph-style name=\"header\" based-on=\"body\" font-size=\"8pt\"/>\n"
           "<paragraph-style name=\"footer\" based-on=\"header\"/>\n"
           "<paragraph-style name=\"table-cell\" based-on=\"body\"/>\n"
           "<paragraph-style name=\"table-header\" based-on=\"body\"/>\n"
           "<table-style name=\"table\" padding=\"4pt\"/>\n"
           "<box-style name=\"panel\" background=\"#eef3f8\" border=\"1pt #1f4e79\" padding=\"6pt\"/>\n"
           "</layout>\n";
}

// The codes zbarimg reads in `png`, one a line, sorted.
std::vector<std::string> decoded(const std::string& png) {
    auto r = run("zbarimg --quiet --raw -Sdisable -Sqrcode.enable " + quote(png));
    std::vector<std::string> lines;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) lines.push_back(line);
    std::sort(lines.begin(), lines.end());
    return lines;
}

const std::string kUtf8 = "Hà Nội – 東京 – Ñandú ✓";

}  // namespace

TEST(e2e_Qr, PdfPageRenderedAt150DpiDecodesToTheExactData) {
    ASSERT_EQ(run("command -v zbarimg").status, 0) << "zbarimg (Debian zbar-tools) is needed: scripts/install-deps.sh";
    const std::string body =
        "<qr data=\"https://www.rocb-ap.org\" size=\"25mm\"/>\n"
        "<figure id=\"f\" caption=\"Figure 1. A name in three scripts\"><qr data=\"" + kUtf8 + "\" size=\"30mm\" level=\"Q\"/></figure>\n"
        "<frame style=\"panel\"><p>Write to us:</p><qr data=\"mailto:rocb@example.org\" size=\"22mm\" align=\"left\" color=\"#1f4e79\"/></frame>\n";
    auto b = build_in_scratch("qr-decode", body, layout());
    ASSERT_EQ(b.status, 0) << b.err;
    EXPECT_EQ(b.err.find("warning"), std::string::npos) << b.err;
    const std::string png = b.dir + "/page";
    ASSERT_EQ(run("pdftoppm -r 150 -png -f 1 -l 1 -singlefile " + quote(b.pdf) + " " + quote(png)).status, 0);
    EXPECT_EQ(decoded(png + ".png"), (std::vector<std::string>{kUtf8, "https://www.rocb-ap.org", "mailto:rocb@example.org"}));
    // One filled path per code in the trace; the web and mail addresses are links, the text not.
    const std::string qdf = run("qpdf --qdf --object-streams=disable " + quote(b.pdf) + " - | grep -a '/URI'").out;
    EXPECT_NE(qdf.find("(https://www.rocb-ap.org)"), std::string::npos) << qdf;
    EXPECT_NE(qdf.find("(mailto:rocb@example.org)"), std::string::npos) << qdf;
    EXPECT_EQ(std::count(qdf.begin(), qdf.end(), '\n'), 4) << qdf;  // "/S /URI" and "/URI (…)" per link
}

TEST(e2e_Qr, PngPreviewDecodesToo) {
    const std::string body = "<p>Scan me.</p>\n<qr data=\"" + kUtf8 + "\" size=\"40mm\" level=\"H\" quiet-zone=\"4\"/>\n";
    auto b = build_in_scratch("qr-preview", body, layout());
    ASSERT_EQ(b.status, 0) << b.err;
    const std::string dir = b.dir + "/png";
    auto r = run(reportc_exe() + " render " + quote(b.dir + "/report.xml") + " --png " + quote(dir) + " --page 1 --dpi 150");
    ASSERT_EQ(r.status, 0) << r.err;
    const std::string files = run("ls " + quote(dir)).out;
    ASSERT_FALSE(files.empty());
    EXPECT_EQ(decoded(dir + "/" + files.substr(0, files.find('\n'))), (std::vector<std::string>{kUtf8}));
}

TEST(e2e_Qr, DataTooLongForItsLevelIsALocatedError) {
    const std::string body = "<p>Before.</p>\n  <qr data=\"" + std::string(1300, 'x') + "\" level=\"H\"/>\n";
    auto b = build_in_scratch("qr-too-long", body, layout());
    EXPECT_EQ(b.status, 1);
    EXPECT_NE(b.err.find("report.xml:5:4: error: expected data of at most 1273 bytes for a QR code at level H, found 1300 bytes"),
              std::string::npos)
        << b.err;
}
