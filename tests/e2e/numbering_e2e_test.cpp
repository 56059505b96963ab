// End to end: automatic numbering from the layout's <numbering> (headings by level, figures by
// kind and part, numbered lists), references that print labels, numbers and pages, and a list
// of figures with pages and links; inserting a figure renumbers every later one and every
// reference follows.
#include <gtest/gtest.h>

#include <regex>
#include <unistd.h>

#include "run.h"

using namespace reportc::e2e;

namespace {

struct Built {
    std::string pdf, trace, err, text;
    int status = -1;
};

std::string layout() {
    const std::string fonts = source_root() + "/fonts/liberation/LiberationSans-";
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<layout>\n<font-family name=\"Liberation Sans\" regular=\"" + fonts +
           "Regular.ttf\" bold=\"" + fonts + "Bold.ttf\"/>\n"
           "<page-master name=\"body\" size=\"A5\" margin-top=\"20mm\" margin-bottom=\"20mm\" margin-left=\"20mm\" margin-right=\"20mm\"/>\n"
           "<paragraph-style name=\"body\" font-family=\"Liberation Sans\" font-size=\"10pt\" leading=\"14pt\" space-after=\"6pt\"/>\n"
           "<paragraph-style name=\"heading-1\" based-on=\"body\" font-size=\"14pt\" leading=\"18pt\" keep-with-next=\"true\"/>\n"
           "<paragraph-style name=\"heading-2\" based-on=\"heading-1\"/>\n"
           "<paragraph-style name=\"caption\" based-on=\"body\"/>\n"
           "<paragraph-style name=\"toc-figure\" based-on=\"body\"/>\n"
           "<paragraph-style name=\"list-item\" based-on=\"body\" indent-left=\"8mm\" first-line-indent=\"-6mm\"/>\n"
           "<paragraph-style name=\"footnote\" based-on=\"body\" font-size=\"8pt\" leading=\"10pt\"/>\n"
           "<character-style name=\"footnote-mark\" font-size=\"6pt\" baseline-shift=\"3pt\"/>\n"
           "<numbering>\n"
           "  <heading level=\"1\" format=\"1\" label=\"Section\"/>\n"
           "  <heading level=\"2\" format=\"1.1\" label=\"Section\"/>\n"
           "  <figure kind=\"diagram\" label=\"Diagram\"/>\n"
           "  <figure kind=\"table\" label=\"Table\" scope=\"part\" separator=\". \"/>\n"
           "  <footnote label=\"note\"/>\n"
           "  <ref-format name=\"full\" text=\"{label} {number} on page {page}\"/>\n"
           "</numbering>\n</layout>\n";
}

// A list of diagrams on page 1; "Flow of work" on page 2, "Later" on page 3. With `insert`, a
// new diagram comes first.
std::string report(bool insert) {
    return std::string("<contents kind=\"diagrams\"/>\n<page-break/>\n<section id=\"intro\" title=\"Intro\">\n") +
           (insert ? "<figure id=\"new\" kind=\"diagram\" caption=\"Inserted\"><p>new</p></figure>\n" : "") +
           "<p>See <ref to=\"flow\"/>, <ref to=\"flow\" show=\"number\"/>, <ref to=\"flow\" show=\"full\"/>, <ref to=\"sub\"/>, "
           "<ref to=\"later\" show=\"page\"/>, <ref to=\"n1\"/> and <ref to=\"step\"/>.<footnote id=\"n1\">A note.</footnote></p>\n"
           "<figure id=\"flow\" kind=\"diagram\" caption=\"Flow of work\"><p>x</p></figure>\n"
           "<section id=\"sub\" title=\"Scope\"><list numbering=\"a)\" start=\"2\"><item>First</item><item id=\"step\">Second</item>"
           "</list></section>\n</section>\n"
           "<section title=\"Work\"><figure id=\"budget\" kind=\"table\" caption=\"Budget\"><p>y</p></figure>\n<page-break/>\n"
           "<figure id=\"later\" kind=\"diagram\" caption=\"Later\"><p>z</p></figure></section>\n";
}

Built build(const std::string& name, bool insert) {
    Built b;
    const std::string dir = scratch_dir(name + "-" + std::to_string(::getpid()));
    write_file(dir + "/layout.xml", layout());
    write_file(dir + "/report.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report layout=\"layout.xml\">\n"
                                    "<info><title>T</title></info>\n" + report(insert) + "</report>\n");
    b.pdf = dir + "/out.pdf";
    b.trace = dir + "/out.trace";
    auto r = run(reportc_exe() + " build " + quote(dir + "/report.xml") + " -o " + quote(b.pdf) + " --trace " + quote(b.trace));
    b.status = r.status;
    b.err = r.err;
    // The text with runs of white space as one space: lines wrap where they will.
    b.text = std::regex_replace(run("pdftotext -layout -q " + quote(b.pdf) + " -").out, std::regex("\\s+"), " ");
    return b;
}

std::string page_of(const std::string& pdf, int page) {
    return run("pdftotext -layout -q -f " + std::to_string(page) + " -l " + std::to_string(page) + " " + quote(pdf) + " -").out;
}

}  // namespace

TEST(NumberingE2E, HeadingsFiguresListsAndReferencesPrintTheirNumbers) {
    auto b = build("numbering", false);
    ASSERT_EQ(b.status, 0) << b.err;
    for (const char* printed : {"1 Intro", "1.1 Scope", "2 Work", "Diagram 1: Flow of work", "Table 2-1. Budget", "Diagram 2: Later",
                                "b) First", "c) Second"})
        EXPECT_NE(b.text.find(printed), std::string::npos) << printed << "\n" << b.text;
    // Label and number, number, the layout's format with the page, a numbered heading, a page,
    // a footnote with the layout's label, a list item.
    EXPECT_NE(b.text.find("See Diagram 1, 1, Diagram 1 on page 2, Section 1.1, page 3, note 1 and c."), std::string::npos) << b.text;
}

TEST(NumberingE2E, ListOfFiguresHasPagesAndLinks) {
    auto b = build("list-of-figures", false);
    ASSERT_EQ(b.status, 0) << b.err;
    // Page 1: the diagrams only (no table), with dot leaders and the pages they are on.
    const std::string first = page_of(b.pdf, 1);
    EXPECT_TRUE(std::regex_search(first, std::regex("Diagram 1: Flow of work *[. ]+ 2\n"))) << first;
    EXPECT_TRUE(std::regex_search(first, std::regex("Diagram 2: Later *[. ]+ 3\n"))) << first;
    EXPECT_EQ(first.find("Budget"), std::string::npos) << first;
    // Each entry is a link to its figure's anchor, on page 1 of the trace.
    const std::string trace = read_file(b.trace);
    const size_t page2 = trace.find("\npage ", trace.find("page ") + 1);
    const std::string page1 = trace.substr(0, page2);
    EXPECT_NE(page1.find("link ") , std::string::npos) << page1;
    EXPECT_NE(page1.find("anchor=\"flow\""), std::string::npos) << page1;
    EXPECT_NE(page1.find("anchor=\"later\""), std::string::npos) << page1;
}

TEST(NumberingE2E, InsertingAFigureRenumbersEveryLaterOneAndEveryReference) {
    auto b = build("numbering-insert", true);
    ASSERT_EQ(b.status, 0) << b.err;
    for (const char* printed : {"Diagram 1: Inserted", "Diagram 2: Flow of work", "Diagram 3: Later", "Table 2-1. Budget"})
        EXPECT_NE(b.text.find(printed), std::string::npos) << printed << "\n" << b.text;
    EXPECT_NE(b.text.find("See Diagram 2, 2, Diagram 2 on page 2,"), std::string::npos) << b.text;
    const std::string first = page_of(b.pdf, 1);
    EXPECT_TRUE(std::regex_search(first, std::regex("Diagram 1: Inserted *[. ]+ 2\n"))) << first;
    EXPECT_TRUE(std::regex_search(first, std::regex("Diagram 3: Later *[. ]+ 3\n"))) << first;
}

TEST(NumberingE2E, CheckWarnsAboutADuplicateExplicitNumber) {
    // number="1" on a second diagram prints "Diagram 1" again: a warning at it, a note at the first.
    const std::string dir = scratch_dir("numbering-duplicate-" + std::to_string(::getpid()));
    write_file(dir + "/layout.xml", layout());
    write_file(dir + "/report.xml", "<report layout=\"layout.xml\"><info><title>T</title></info>\n"
                                    "<figure kind=\"diagram\" caption=\"A\"><p>a</p></figure>\n"
                                    "<figure kind=\"diagram\" number=\"1\" caption=\"B\"><p>b</p></figure>\n</report>\n");
    auto r = run(reportc_exe() + " check " + quote(dir + "/report.xml"));
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.err.find("report.xml:3:2: warning: Diagram 1 is numbered twice; references by number are ambiguous"), std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("report.xml:2:2: note: the first Diagram 1 is here"), std::string::npos) << r.err;
}
