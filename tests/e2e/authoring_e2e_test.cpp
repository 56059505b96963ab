// End to end: the all-features document (tests/e2e/authoring/): images in a block, a figure, a
// header slot and a page master; numbered headings, figures and lists; references that print
// labels, numbers and pages; footnotes numbered by page; inline styling; keeps; variables from
// the report and the command line; a contents and a list of figures; a frame and a rule; a
// striped table with a styled total row; and in its annex (page 3) real small capitals, a letter
// colour, an image in a line of text, a non-breaking hyphen, references by number, page and row,
// nested lettered and roman lists, a figure numbered by hand and cut to its box (fit="cover"),
// a framed panel with rounded corners and a double rule, {section} and {page-label}, and a list of
// tables. Built once, checked in its text, images and trace.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <regex>
#include <unistd.h>

#include "image_files.h"
#include "run.h"

using namespace reportc::e2e;
using namespace reportc::test;

namespace {

struct Sample {
    std::string dir, pdf, trace, err, text;
    int status = -1;
};

// The document copied to a scratch folder (the layout's font paths made absolute), with its three
// images made here, built with --set edition=2.
const Sample& sample() {
    static const Sample s = [] {
        Sample b;
        b.dir = scratch_dir("authoring-" + std::to_string(::getpid()));
        const std::string from = source_root() + "/tests/e2e/authoring/";
        write_file(b.dir + "/report.xml", read_file(from + "report.xml"));
        write_file(b.dir + "/layout.xml",
                   std::regex_replace(read_file(from + "layout.xml"), std::regex("\\.\\./\\.\\./\\.\\./fonts"), source_root() + "/fonts"));
        PngOptions logo;
        logo.kind = PngKind::Rgba;
        logo.width = 60;
        logo.height = 30;
        write_file(b.dir + "/logo.png", make_png(logo));
        PngOptions corner;
        corner.kind = PngKind::Palette;
        corner.width = corner.height = 16;
        write_file(b.dir + "/corner.png", make_png(corner));
        JpegOptions photo;
        photo.width = 80;
        photo.height = 50;
        photo.progressive = true;
        write_file(b.dir + "/chart.jpg", make_jpeg(photo));
        b.pdf = b.dir + "/out.pdf";
        b.trace = b.dir + "/out.trace";
        auto r = run("SOURCE_DATE_EPOCH=1600000000 " + reportc_exe() + " build " + quote(b.dir + "/report.xml") + " -o " + quote(b.pdf) +
                     " --trace " + quote(b.trace) + " --set edition=2");
        b.status = r.status;
        b.err = r.err;
        if (r.status == 0) b.text = run("pdftotext -layout -q " + quote(b.pdf) + " -").out;
        return b;
    }();
    return s;
}

std::string page_text(int page) {
    return run("pdftotext -layout -q -f " + std::to_string(page) + " -l " + std::to_string(page) + " " + quote(sample().pdf) + " -").out;
}

bool has(const std::string& text, const std::string& pattern) { return std::regex_search(text, std::regex(pattern)); }

}  // namespace

TEST(AuthoringE2E, BuildsWithoutAWarning) {
    const auto& s = sample();
    ASSERT_EQ(s.status, 0) << s.err;
    EXPECT_EQ(s.err.find("warning"), std::string::npos) << s.err;
    EXPECT_TRUE(has(run("pdfinfo " + quote(s.pdf)).out, "Pages: +3\n"));
}

TEST(AuthoringE2E, VariablesFromTheReportTheCommandLineAndTheDate) {
    const auto& s = sample();
    ASSERT_EQ(s.status, 0) << s.err;
    EXPECT_TRUE(has(s.text, "This is edition 2 of the Authoring Sample, printed on 13 September 2020")) << s.text;
    EXPECT_TRUE(has(page_text(1), "Authoring Sample, edition 2")) << page_text(1);
    EXPECT_TRUE(has(page_text(2), "13 September 2020 +Page 2 of 3")) << page_text(2);
}

TEST(AuthoringE2E, NumbersReferencesContentsAndListsOfFigures) {
    const auto& s = sample();
    ASSERT_EQ(s.status, 0) << s.err;
    EXPECT_TRUE(has(s.text, "1 Introduction[ .]+1")) << s.text;
    EXPECT_TRUE(has(s.text, "2\\.1 Budget[ .]+2")) << s.text;
    EXPECT_TRUE(has(s.text, "Diagram 2: A photograph[ .]+2")) << s.text;
    EXPECT_TRUE(has(s.text, "See Diagram 1, Table 1 on page 2, Methods, note 1 and 4;")) << s.text;
    EXPECT_TRUE(has(s.text, "3\\. +Collect the data")) << s.text;
    EXPECT_TRUE(has(s.text, "Table 1\\. Budget by item")) << s.text;
    // References are links to their targets.
    const std::string trace = read_file(s.trace);
    for (const char* anchor : {"fig-logo", "tab-budget", "methods", "fn-first", "step-b"})
        EXPECT_NE(trace.find(std::string("anchor=\"") + anchor + "\""), std::string::npos) << anchor;
}

TEST(AuthoringE2E, FootnotesAreNumberedByPage) {
    ASSERT_EQ(sample().status, 0) << sample().err;
    EXPECT_TRUE(has(page_text(1), "\\n1 +A note at the foot of the page, with a link\\.")) << page_text(1);
    EXPECT_TRUE(has(page_text(1), "\\n2 +Twice\\.")) << page_text(1);
    EXPECT_TRUE(has(page_text(2), "\\n1 +Economy class\\.")) << page_text(2);
}

TEST(AuthoringE2E, EachImageFileIsEmbeddedOnce) {
    const auto& s = sample();
    ASSERT_EQ(s.status, 0) << s.err;
    // logo.png (header slot on both pages and a figure), corner.png (page master), chart.jpg:
    // three images, and the logo's alpha as one soft mask.
    const std::string list = run("pdfimages -list " + quote(s.pdf)).out;
    std::set<std::string> objects;
    int masks = 0;
    std::istringstream in(list);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream f(line);
        std::string page, num, type, width, height, color, comp, bpc, enc, interp, object, id;
        if (!(f >> page >> num >> type >> width >> height >> color >> comp >> bpc >> enc >> interp >> object >> id)) continue;
        if (type == "image") objects.insert(object);
        if (type == "smask") ++masks;
    }
    EXPECT_EQ(objects.size(), 3u) << list;
    EXPECT_GE(masks, 1) << list;
}

TEST(AuthoringE2E, InlineStylingFramesRulesAndTableStyling) {
    const auto& s = sample();
    ASSERT_EQ(s.status, 0) << s.err;
    const std::string trace = read_file(s.trace);
    // The highlight and the callout's background are filled shapes; the underline, the strike,
    // the rule and the callout's left border are stroked ones.
    EXPECT_NE(trace.find("fill=#fff59d"), std::string::npos) << "highlight";
    EXPECT_NE(trace.find("fill=#eef3f8"), std::string::npos) << "callout background";
    EXPECT_NE(trace.find("fill=#fff3d6"), std::string::npos) << "total row";
    EXPECT_NE(trace.find("fill=#eef2f7"), std::string::npos) << "stripe";
    // The footer's date is underlined (a character style in a slot): one stroke under its
    // baseline (566.929) on every page, from the slot's left edge.
    std::regex footer_underline("shape fill=none stroke=#000000 lw=[0-9.]+ M 51\\.024 567\\.[0-9]+ L 1[0-9][0-9]\\.[0-9]+ 567\\.[0-9]+");
    EXPECT_EQ(std::distance(std::sregex_iterator(trace.begin(), trace.end(), footer_underline), std::sregex_iterator()), 3) << trace;
    EXPECT_TRUE(has(s.text, "S ?MALL C ?APITALS")) << s.text;
    EXPECT_TRUE(has(s.text, "12 % and 3 kg")) << s.text;
}

TEST(AuthoringE2E, AnnexRealSmallCapitalsReferencesListsAndFrames) {
    const auto& s = sample();
    ASSERT_EQ(s.status, 0) << s.err;
    const std::string annex = page_text(3);
    // The text as written; each word of the small capitals in Vollkorn's own glyphs, at the
    // paragraph's size, untracked (e2e_Features.SmallCapitalsAreTheFontsOwnWhereItHasThem).
    EXPECT_TRUE(has(annex, "In Vollkorn, Real Small Capitals; a red word, an icon +in the line,")) << annex;
    const std::string trace = read_file(s.trace);
    for (const char* word : {"Real", "Small", "Capitals"})
        EXPECT_TRUE(has(trace, std::string("text f3 10\\.000 [^\\n]*glyphs=1\\+1:[^\\n]* \"") + word + "\"")) << word;
    EXPECT_NE(trace.find("#c00000 \"red\""), std::string::npos);
    // The icon stands in the line at its height; the stamp is cut to its 20 mm square.
    EXPECT_TRUE(has(trace, "image \"corner.png\" [0-9.]+ [0-9.]+ 8\\.000 8\\.000 png 16x16 rgb alt=\"Icon\"")) << trace;
    EXPECT_TRUE(has(trace, "image \"logo.png\" [0-9. ]+ clip [0-9.]+ [0-9.]+ 56\\.693 56\\.693 png 60x30 rgb alpha alt=\"Stamp\""))
        << trace;
    EXPECT_TRUE(has(annex, "Table 1 is on page 2, its venue row is page 2, and Diagram 4 is numbered\\s+by hand; this is 3 Annex, page 3\\."))
        << annex;
    EXPECT_TRUE(has(annex, "a\\) +First\\s+b\\) +Second\\s+i\\. +Nested\\s+ii\\. +Again")) << annex;
    EXPECT_TRUE(has(annex, "Diagram 4: A stamp, numbered by hand")) << annex;
    EXPECT_TRUE(has(s.text, "Diagram 4: A stamp, numbered by hand[ .]+3")) << s.text;
    EXPECT_TRUE(has(annex, "Table 1\\. Budget by item[ .]+2")) << annex;
    EXPECT_TRUE(has(annex, "COVID.{1,3}19 with a non-breaking hyphen")) << annex;
}

TEST(AuthoringE2E, WrittenPageByPageItIsTheSameAsFromAllFrames) {
    // Without --trace the PDF is written as the pages are made, its headers printing {pages}
    // from the pass before; with it, from every frame at the end (issue 16).
    const Sample& s = sample();
    ASSERT_EQ(s.status, 0) << s.err;
    const std::string streamed = s.dir + "/streamed.pdf";
    auto r = run("SOURCE_DATE_EPOCH=1600000000 " + reportc_exe() + " build " + quote(s.dir + "/report.xml") + " -o " + quote(streamed) +
                 " --set edition=2");
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(read_file(streamed) == read_file(s.pdf));
}
