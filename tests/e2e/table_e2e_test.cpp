// End to end: long tables across pages — repeated headers, split rows, row spans cut by a break.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "run.h"

using namespace reportc::e2e;

namespace {

std::string words(int n, int seed) {
    static const char* vocab[] = {"customs", "capacity", "regional", "workshop", "members", "administration",
                                  "implementation", "cooperation", "framework", "assessment", "trade", "border"};
    std::string s;
    for (int i = 0; i < n; ++i) {
        if (i) s += ' ';
        s += vocab[(i * 7 + seed) % 12];
    }
    return s;
}

// A 3-column table: a header, 120 rows of wrapped text, one row of about 90 lines (taller than
// a page), and a cell spanning 4 tall rows (so a page break must cut the span).
std::string long_table_report() {
    std::ostringstream x;
    x << "<report layout=\"" << source_root() << "/layouts/annual-report.xml\">\n<info><title>Tables</title></info>\n"
      << "<section title=\"Long table\">\n<table>\n<column width=\"1fr\"/><column width=\"3fr\"/><column width=\"auto\"/>\n"
      << "<row kind=\"header\"><cell>Header Alpha</cell><cell>Header Beta</cell><cell>Header Gamma</cell></row>\n";
    for (int r = 1; r <= 120; ++r) {
        if (r == 40) {
            x << "<row><cell>Row " << r << "</cell><cell>";
            for (int p = 0; p < 30; ++p) x << "<p>Tall " << p << " " << words(40, p) << "</p>";
            x << "</cell><cell>end of tall</cell></row>\n";
            continue;
        }
        if (r == 60) {
            x << "<row><cell rowspan=\"4\">Spanning label</cell><cell>" << words(120, r) << "</cell><cell>x</cell></row>\n";
            continue;
        }
        if (r > 60 && r < 64) {
            x << "<row><cell>" << words(120, r) << "</cell><cell>y</cell></row>\n";
            continue;
        }
        x << "<row><cell>Row " << r << "</cell><cell>" << words(8 + r % 25, r) << "</cell><cell>" << r * 3 << "</cell></row>\n";
    }
    x << "</table>\n<p>After the table.</p>\n</section>\n</report>\n";
    return x.str();
}

struct Built {
    std::string dir, pdf, err;
    int status = -1;
    int pages = 0;
};

const Built& built() {
    static Built b = [] {
        Built r;
        r.dir = scratch_dir("tables-" + std::to_string(::getpid()));
        write_file(r.dir + "/report.xml", long_table_report());
        r.pdf = r.dir + "/t.pdf";
        auto run_result = run(reportc_exe() + " build " + quote(r.dir + "/report.xml") + " -o " + quote(r.pdf));
        r.status = run_result.status;
        r.err = run_result.err;
        auto info = run("pdfinfo " + quote(r.pdf)).out;
        auto at = info.find("Pages:");
        if (at != std::string::npos) r.pages = std::stoi(info.substr(at + 6));
        return r;
    }();
    return b;
}

std::string page_text(int page) {
    return run("pdftotext -q -f " + std::to_string(page) + " -l " + std::to_string(page) + " " + quote(built().pdf) + " -").out;
}

}  // namespace

TEST(TableE2E, BuildsCleanly) {
    // The long table builds without errors and spans several pages.
    ASSERT_EQ(built().status, 0) << built().err;
    EXPECT_EQ(built().err.find("error:"), std::string::npos) << built().err;
    EXPECT_GE(built().pages, 6);
    EXPECT_EQ(run("qpdf --check " + quote(built().pdf)).status, 0);
}

TEST(TableE2E, HeaderOnEveryPageTheTableSpans) {
    // Every page from the table's first to the one with the text after it shows the header.
    int last = 0;
    for (int p = 1; p <= built().pages; ++p)
        if (page_text(p).find("After the table.") != std::string::npos) last = p;
    ASSERT_GT(last, 1);
    for (int p = 1; p <= last; ++p) {
        std::string text = page_text(p);
        EXPECT_NE(text.find("Header Alpha"), std::string::npos) << "page " << p;
        EXPECT_NE(text.find("Header Gamma"), std::string::npos) << "page " << p;
        if (p > 1) {
            EXPECT_NE(text.find("(continued)"), std::string::npos) << "page " << p;
        }
    }
}

TEST(TableE2E, TallRowIsSplitAndNothingIsLost) {
    // The 30-paragraph cell is taller than a page: all its paragraphs appear, over several pages.
    std::string all = run("pdftotext -q " + quote(built().pdf) + " -").out;
    int pages_with_tall = 0;
    for (int p = 1; p <= built().pages; ++p) pages_with_tall += page_text(p).find("Tall ") != std::string::npos;
    EXPECT_GE(pages_with_tall, 2);
    for (int p = 0; p < 30; ++p) EXPECT_NE(all.find("Tall " + std::to_string(p) + " "), std::string::npos) << p;
    for (int r = 1; r <= 120; r += 7)
        if (r != 40 && (r < 60 || r > 63)) {
            EXPECT_NE(all.find("Row " + std::to_string(r) + "\n"), std::string::npos) << r;
        }
}

TEST(TableE2E, TraceShowsNoOverprintedRows) {
    // No two text items of the table start at the same place on a page (nothing drawn twice).
    std::string dir = built().dir;
    auto r = run(reportc_exe() + " build " + quote(dir + "/report.xml") + " -o " + quote(dir + "/t2.pdf") + " --trace " + quote(dir + "/t.trace"));
    ASSERT_EQ(r.status, 0);
    std::istringstream in(read_file(dir + "/t.trace"));
    std::string line;
    std::set<std::string> seen;
    int duplicates = 0;
    while (std::getline(in, line)) {
        if (line.rfind("page ", 0) == 0) seen.clear();
        if (line.rfind("  text ", 0) != 0) continue;
        auto q = line.find('"');
        std::string pos = line.substr(0, q);
        if (!seen.insert(pos).second) ++duplicates;
    }
    EXPECT_EQ(duplicates, 0);
}

TEST(TableE2E, RowSpanCutByABreakRepeatsItsLabel) {
    // The cell spanning four tall rows is cut by page breaks: its label shows on every page they reach.
    int pages_with_label = 0;
    for (int p = 1; p <= built().pages; ++p) pages_with_label += page_text(p).find("Spanning label") != std::string::npos;
    EXPECT_GE(pages_with_label, 2);
}

TEST(TableE2E, WordWiderThanItsColumnWidensTheColumn) {
    // A 10pt column holding "Internationalization": the column grows to the word, which stays
    // whole (no overfull warning, no clipping).
    std::string dir = scratch_dir("narrow-" + std::to_string(::getpid()));
    write_file(dir + "/report.xml", "<report layout=\"" + source_root() + "/layouts/annual-report.xml\"><info><title>T</title></info>\n"
               "<table><column width=\"10pt\"/><column width=\"1fr\"/><row><cell>Internationalization</cell><cell>x</cell></row></table>\n</report>\n");
    auto r = run(reportc_exe() + " build " + quote(dir + "/report.xml") + " -o " + quote(dir + "/o.pdf"));
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.err.find("wider than"), std::string::npos) << r.err;
    EXPECT_NE(run("pdftotext " + quote(dir + "/o.pdf") + " -").out.find("Internationalization"), std::string::npos);
}

TEST(TableE2E, DataErrorsAreLocatedInTheDataFile) {
    // A record without a field the template uses, and a non-number where the template wants one:
    // both reported at their place in the data file, exit status 1, no PDF.
    std::string dir = scratch_dir("data-errors-" + std::to_string(::getpid()));
    write_file(dir + "/layout.xml",
               "<layout><font-family name=\"Liberation Sans\" regular=\"" + source_root() + "/fonts/liberation/LiberationSans-Regular.ttf\"/>\n"
               "<page-master name=\"body\"/><paragraph-style name=\"body\"/><paragraph-style name=\"table-cell\"/>\n"
               "<paragraph-style name=\"table-header\"/><table-style name=\"table\"/>\n"
               "<table-template name=\"visits\"><record-row><cell><p><field name=\"year\"/></p></cell>"
               "<cell><p><field name=\"visits\" format=\"number\"/></p></cell></record-row></table-template></layout>\n");
    write_file(dir + "/data.xml", "<records>\n  <record id=\"a\"><field name=\"year\">2020</field><field name=\"visits\">6,700,000</field></record>\n"
                                  "  <record id=\"b\"><field name=\"year\">2021</field></record>\n"
                                  "  <record id=\"c\"><field name=\"year\">2022</field><field name=\"visits\">many</field></record>\n</records>\n");
    write_file(dir + "/report.xml", "<report layout=\"layout.xml\"><info><title>T</title></info>\n<table template=\"visits\" data=\"data.xml\"/>\n</report>\n");
    auto r = run(reportc_exe() + " build " + quote(dir + "/report.xml") + " -o " + quote(dir + "/o.pdf"));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find(dir + "/data.xml:3:4: error: record 'b' has no field 'visits', which template 'visits' uses"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(dir + "/data.xml:4:70: error: expected a number in field 'visits', found 'many'"), std::string::npos) << r.err;
    EXPECT_FALSE(std::ifstream(dir + "/o.pdf").good());
}

TEST(TableE2E, NewGroupDoesNotRepeatThePreviousGroupsHeader) {
    // Two groups, each with its own header: a page never shows group 1's header above group 2.
    std::string dir = scratch_dir("groups-" + std::to_string(::getpid()));
    std::ostringstream x;
    x << "<report layout=\"" << source_root() << "/layouts/annual-report.xml\"><info><title>T</title></info>\n<table>";
    for (int g = 1; g <= 2; ++g) {
        x << "<row kind=\"section\"><cell colspan=\"2\">Group " << g << "</cell></row>"
          << "<row kind=\"header\"><cell>Head" << g << " A</cell><cell>Head" << g << " B</cell></row>";
        for (int r = 0; r < 45; ++r) x << "<row><cell>g" << g << " row " << r << "</cell><cell>" << words(20, r) << "</cell></row>";
    }
    x << "</table></report>\n";
    write_file(dir + "/report.xml", x.str());
    auto r = run(reportc_exe() + " build " + quote(dir + "/report.xml") + " -o " + quote(dir + "/o.pdf"));
    ASSERT_EQ(r.status, 0) << r.err;
    // pdftotext ends every page with a form feed: one piece per page of the PDF.
    std::vector<std::string> pages;
    std::istringstream all(run("pdftotext -q " + quote(dir + "/o.pdf") + " -").out);
    for (std::string page; std::getline(all, page, '\f');) pages.push_back(page);
    ASSERT_GE(pages.size(), 3u) << "90 rows of 20 words take several pages";
    size_t pages_of_group_2_only = 0;
    for (size_t p = 0; p < pages.size(); ++p) {
        const std::string& text = pages[p];
        // A page holding only group 2's rows must not show group 1's header.
        if (text.find("g1 row") == std::string::npos && text.find("g2 row") != std::string::npos) {
            ++pages_of_group_2_only;
            EXPECT_EQ(text.find("Head1"), std::string::npos) << "page " << p + 1;
        }
        if (text.find("g2 row") != std::string::npos) {
            EXPECT_NE(text.find("Head2"), std::string::npos) << "page " << p + 1;
        }
    }
    EXPECT_GE(pages_of_group_2_only, 1u);
}

namespace {

// A small layout of its own in `dir`: A5 pages, a table style `frame` drawn with `rules` (rows
// never split when `split_rows` is false), and a paragraph style `kept` whose lines stay together.
void write_small_layout(const std::string& dir, const std::string& rules, bool split_rows = true) {
    const std::string fonts = source_root() + "/fonts/liberation/";
    write_file(dir + "/layout.xml",
               "<layout>\n<font-family name=\"Sans\" regular=\"" + fonts + "LiberationSans-Regular.ttf\"/>\n"
               "<page-master name=\"body\" size=\"A5\"/>\n"
               "<paragraph-style name=\"body\" font-family=\"Sans\"/>\n"
               "<paragraph-style name=\"kept\" based-on=\"body\" keep-with-next=\"true\"/>\n"
               "<paragraph-style name=\"table-cell\" font-family=\"Sans\"/>\n<paragraph-style name=\"table-header\" font-family=\"Sans\"/>\n"
               "<table-style name=\"table\"/>\n"
               "<table-style name=\"frame\" rules=\"" + rules + "\" border-width=\"2pt\" padding=\"6pt\" split-rows=\"" +
               (split_rows ? "true" : "false") + "\"/>\n</layout>\n");
}

struct Stroke {
    double x0, y0, x1, y1;
};

// The straight strokes (two-point paths) of page `page` (1-based) in a trace.
std::vector<Stroke> page_strokes(const std::string& trace, int page) {
    size_t at = trace.find("\npage " + std::to_string(page) + " ");
    size_t end = trace.find("\npage " + std::to_string(page + 1) + " ");
    std::string part = trace.substr(at, end == std::string::npos ? std::string::npos : end - at);
    std::vector<Stroke> out;
    std::regex line("shape fill=\\S+ stroke=#\\w+ lw=\\S+ M ([0-9.]+) ([0-9.]+) L ([0-9.]+) ([0-9.]+)\n");
    for (auto it = std::sregex_iterator(part.begin(), part.end(), line); it != std::sregex_iterator(); ++it)
        out.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4])});
    return out;
}

// How many horizontal strokes lie along the table's top edge on a page: the y where its first
// row's vertical rules start (rules="all").
int strokes_along_the_top(const std::vector<Stroke>& strokes) {
    double top = 1e9;
    for (const auto& s : strokes)
        if (s.x0 == s.x1) top = std::min(top, std::min(s.y0, s.y1));
    int n = 0;
    for (const auto& s : strokes) n += s.y0 == s.y1 && s.x0 != s.x1 && s.y0 == top;
    return n;
}

Run build_small(const std::string& dir) {
    return run("cd " + quote(dir) + " && SOURCE_DATE_EPOCH=0 " + reportc_exe() + " build report.xml -o out.pdf --trace out.trace");
}

// `rows` one-cell rows of four lines each in table style `frame`, after `header` rows.
std::string framed_rows_report(int rows, const std::string& header = "") {
    std::ostringstream x;
    x << "<report layout=\"layout.xml\"><info><title>T</title></info>\n<table style=\"frame\">" << header;
    for (int r = 1; r <= rows; ++r) x << "<row><cell><p>Row " << r << "</p><p>a</p><p>b</p><p>c</p></cell></row>\n";
    x << "</table>\n</report>\n";
    return x.str();
}

}  // namespace

TEST(TableE2E, TableBrokenBetweenRowsHasATopRuleOnTheNextPage) {
    // A framed table without header rows, broken between rows: every page's first row has the
    // table's top rule above it, drawn once (page 1's first row draws its own).
    std::string dir = scratch_dir("top-rule-" + std::to_string(::getpid()));
    write_small_layout(dir, "all");
    write_file(dir + "/report.xml", framed_rows_report(20));
    auto r = build_small(dir);
    ASSERT_EQ(r.status, 0) << r.err;
    std::string trace = read_file(dir + "/out.trace");
    ASSERT_NE(trace.find("\npage 3 "), std::string::npos) << "20 rows of four lines take three pages";
    for (int page = 1; page <= 3; ++page) EXPECT_EQ(strokes_along_the_top(page_strokes(trace, page)), 1) << "page " << page;
}

TEST(TableE2E, RepeatedHeaderRowsKeepTheirOwnTopRule) {
    // With header rows, the continuation pages repeat them (with their top rule), and nothing more.
    std::string dir = scratch_dir("top-rule-header-" + std::to_string(::getpid()));
    write_small_layout(dir, "all");
    write_file(dir + "/report.xml", framed_rows_report(20, "<row kind=\"header\"><cell>Head</cell></row>\n"));
    auto r = build_small(dir);
    ASSERT_EQ(r.status, 0) << r.err;
    std::string trace = read_file(dir + "/out.trace");
    ASSERT_NE(trace.find("\npage 3 "), std::string::npos);
    for (int page = 1; page <= 3; ++page) {
        EXPECT_EQ(strokes_along_the_top(page_strokes(trace, page)), 1) << "page " << page;
        EXPECT_NE(trace.find("\"Head\"", trace.find("\npage " + std::to_string(page) + " ")), std::string::npos) << page;
    }
}

TEST(TableE2E, ForcedPageBreaksAreWarnedAtTheirSource) {
    // A paragraph whose lines are kept together is longer than a page, and a table row that may
    // not be split is taller than one: each gets a warning at its place in the source.
    std::string dir = scratch_dir("forced-breaks-" + std::to_string(::getpid()));
    write_small_layout(dir, "rows", false);
    std::string tall_cell;
    for (int i = 0; i < 60; ++i) tall_cell += "<p>Line " + std::to_string(i) + "</p>";
    write_file(dir + "/report.xml", "<report layout=\"layout.xml\"><info><title>T</title></info>\n"
                                    "<p style=\"kept\">" + words(300, 1) + "</p>\n"
                                    "<p>Between.</p>\n"
                                    "  <table style=\"frame\"><row><cell>" + tall_cell + "</cell></row></table>\n</report>\n");
    auto r = build_small(dir);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.err.find("report.xml:2:2: warning: a page break had to be made inside this paragraph, between pages 1 and 2, "
                         "where its widow/orphan or keep rules forbid one\n"), std::string::npos) << r.err;
    EXPECT_TRUE(std::regex_search(r.err, std::regex("report\\.xml:4:25: warning: this table row is taller than the page body "
                                                    "\\([0-9.]+pt > [0-9.]+pt\\) and overflows page 3\n"))) << r.err;
    EXPECT_EQ(r.err.find("page break(s)"), std::string::npos) << r.err;
}
