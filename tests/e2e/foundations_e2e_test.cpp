// End to end: the code review's reproductions of engine defects, each named after the defect
// (content in a <division>, nested tables, a row id under a row span).
#include <gtest/gtest.h>

#include <regex>
#include <sstream>
#include <unistd.h>
#include <utility>
#include <vector>

#include "run.h"

using namespace reportc::e2e;

namespace {

struct Built {
    std::string dir, pdf, trace, err, text;
    int status = -1;
};

// Builds `body` (the report's blocks) with the product layout, beside `files` (name, text), and
// extracts its text.
Built build(const std::string& name, const std::string& body,
            const std::vector<std::pair<std::string, std::string>>& files = {}) {
    Built b;
    b.dir = scratch_dir(name + "-" + std::to_string(::getpid()));
    for (const auto& [file, text] : files) write_file(b.dir + "/" + file, text);
    write_file(b.dir + "/report.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report layout=\"" + source_root() +
                                          "/layouts/annual-report.xml\">\n<info><title>T</title></info>\n" + body + "\n</report>\n");
    b.pdf = b.dir + "/out.pdf";
    b.trace = b.dir + "/out.trace";
    auto r = run("SOURCE_DATE_EPOCH=0 " + reportc_exe() + " build " + quote(b.dir + "/report.xml") + " -o " + quote(b.pdf) +
                 " --trace " + quote(b.trace));
    b.status = r.status;
    b.err = r.err;
    if (r.status == 0) b.text = run("pdftotext -q " + quote(b.pdf) + " -").out;
    return b;
}

std::string squeeze(std::string s) {
    return std::regex_replace(s, std::regex("\\s+"), " ");
}

}  // namespace

TEST(FoundationsE2E, RefInsideADivisionPrintsItsTarget) {
    auto b = build("division-ref",
                   "<division page-master=\"front\"><section title=\"Inside Division\" id=\"in-div\">"
                   "<p>See (<ref to=\"target\" show=\"title\"/>) and www.example.org here.</p></section></division>\n"
                   "<section id=\"target\" title=\"Target Section\"><p>Back to <ref to=\"in-div\" show=\"title\"/>.</p></section>");
    ASSERT_EQ(b.status, 0) << b.err;
    EXPECT_NE(squeeze(b.text).find("See (Target Section) and www.example.org here."), std::string::npos) << b.text;
    // The section inside the division is a target like any other.
    EXPECT_NE(squeeze(b.text).find("Back to Inside Division."), std::string::npos) << b.text;
    // The URL inside the division is a link.
    EXPECT_NE(read_file(b.trace).find("uri=\"https://www.example.org\""), std::string::npos) << read_file(b.trace);
}

TEST(FoundationsE2E, NestedTablesEachPrintTheirOwnCells) {
    std::ostringstream x;
    x << "<section title=\"Nested tables\" id=\"n\"><table>";
    for (int i = 0; i < 12; ++i) {
        x << "<row><cell>outer " << i << "</cell><cell><table>";
        for (int j = 0; j < 3; ++j) x << "<row><cell>inner-" << i << "-" << j << " alpha beta</cell></row>";
        x << "</table></cell></row>";
    }
    x << "</table></section>";
    auto b = build("nested-tables", x.str());
    ASSERT_EQ(b.status, 0) << b.err;
    for (int i = 0; i < 12; ++i)
        for (int j = 0; j < 3; ++j) {
            std::string cell = "inner-" + std::to_string(i) + "-" + std::to_string(j) + " alpha beta";
            EXPECT_NE(squeeze(b.text).find(cell), std::string::npos) << "missing " << cell;
        }
}

TEST(FoundationsE2E, RowIdUnderARowSpanIsAnAnchor) {
    auto b = build("row-id-span",
                   "<section title=\"Rows\" id=\"rows\"><p>Go to <ref to=\"second-row\" show=\"title\"/> please.</p>"
                   "<table id=\"t\"><row><cell rowspan=\"2\">Spanning</cell><cell>First</cell></row>"
                   "<row id=\"second-row\"><cell>Second row text</cell></row></table></section>");
    ASSERT_EQ(b.status, 0) << b.err;
    EXPECT_NE(read_file(b.trace).find("anchor second-row "), std::string::npos) << read_file(b.trace);
}

TEST(FoundationsE2E, DataTableAndChartInsideADivisionAreFilled) {
    // A division's data table gets its rows and its chart its values, as anywhere else (the
    // walkers that expand tables and read chart values once skipped divisions: both came out empty).
    auto b = build("division-data",
                   "<division page-master=\"front\">\n"
                   "<table id=\"terms\" template=\"abbreviations\" data=\"terms.csv\"/>\n"
                   "<chart id=\"c\" type=\"bar\"><category>Northland</category><category>Southland</category>"
                   "<series name=\"S\"><value>7</value><value>2</value></series></chart>\n"
                   "</division>",
                   {{"terms.csv", "term,expansion\nQQA,First Expansion\nQQB,Second Expansion\n"}});
    ASSERT_EQ(b.status, 0) << b.err;
    std::string text = squeeze(b.text);
    EXPECT_NE(text.find("QQA First Expansion"), std::string::npos) << text;
    EXPECT_NE(text.find("QQB Second Expansion"), std::string::npos) << text;
    EXPECT_NE(text.find("Northland"), std::string::npos) << text;
    EXPECT_NE(text.find("Southland"), std::string::npos) << text;
}
