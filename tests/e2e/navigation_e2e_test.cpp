// End to end: contents, bookmarks, links and page labels of built documents.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <unistd.h>

#include "run.h"

using namespace reportc::e2e;

namespace {

struct Built {
    std::string dir, pdf, trace, err;
    int status = -1;
};

Built build(const std::string& name, const std::string& report_path) {
    Built b;
    b.dir = scratch_dir(name + "-" + std::to_string(::getpid()));
    b.pdf = b.dir + "/out.pdf";
    b.trace = b.dir + "/out.trace";
    auto r = run("cd " + quote(source_root()) + " && SOURCE_DATE_EPOCH=0 " + reportc_exe() + " build " + quote(report_path) +
                 " -o " + quote(b.pdf) + " --trace " + quote(b.trace));
    b.status = r.status;
    b.err = r.err;
    return b;
}

const Built& report() {
    static Built b = build("nav-report", "sources/rocb-ap-annual-report-2020-21/report.xml");
    return b;
}

std::string page_text(const std::string& pdf, int page) {
    return run("pdftotext -q -f " + std::to_string(page) + " -l " + std::to_string(page) + " " + quote(pdf) + " -").out;
}

// Page labels as the PDF declares them: physical page index (1-based) for each label.
std::map<std::string, int> label_to_page(const std::string& pdf) {
    std::map<std::string, int> out;
    auto info = run("pdfinfo " + quote(pdf)).out;
    std::smatch m;
    int pages = std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)")) ? std::stoi(m[1]) : 0;
    // pdfinfo -l prints each page's label.
    auto listing = run("pdfinfo -f 1 -l " + std::to_string(pages) + " " + quote(pdf)).out;
    (void)listing;
    auto json = run("qpdf --json --json-key=pagelabels " + quote(pdf)).out;
    // Ranges: {"index": N, "label": {"/S": "/r"|"/D", "/St": 1}}
    std::regex range("\"index\": (\\d+),\\s*\"label\": \\{\\s*\"/S\": \"/(\\w)\"");
    std::vector<std::pair<int, char>> ranges;
    for (auto it = std::sregex_iterator(json.begin(), json.end(), range); it != std::sregex_iterator(); ++it)
        ranges.push_back({std::stoi((*it)[1]), std::string((*it)[2])[0]});
    static const char* romans[] = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"};
    for (size_t r = 0; r < ranges.size(); ++r) {
        int end = r + 1 < ranges.size() ? ranges[r + 1].first : pages;
        for (int p = ranges[r].first; p < end; ++p) {
            int n = p - ranges[r].first + 1;
            std::string label = ranges[r].second == 'r' ? (n <= 10 ? romans[n - 1] : "?") : std::to_string(n);
            out[label] = p + 1;
        }
    }
    return out;
}

std::string squeeze(const std::string& s) {
    std::string out;
    for (unsigned char c : s)
        if (std::isalnum(c)) out += char(std::tolower(c));
    return out;
}

}  // namespace

TEST(NavigationE2E, ContentsNumbersMatchWhereTheHeadingsAre) {
    // Every entry of the contents page points at a page that shows that heading.
    ASSERT_EQ(report().status, 0) << report().err;
    auto labels = label_to_page(report().pdf);
    ASSERT_EQ(labels["ii"], 2);
    ASSERT_EQ(labels["1"], 3);
    std::string contents = page_text(report().pdf, 2);
    std::regex entry("^(.*?)\\s*\\.(?:\\s*\\.)+\\s*(\\d+)$");
    int checked = 0;
    std::istringstream lines(contents);
    std::string line;
    while (std::getline(lines, line)) {
        std::smatch m;
        if (!std::regex_match(line, m, entry)) continue;
        std::string title = m[1], number = m[2];
        if (title.size() < 6) continue;  // the tail of a wrapped title
        int page = labels.count(number) ? labels[number] : -1;
        ASSERT_GT(page, 0) << line;
        EXPECT_NE(squeeze(page_text(report().pdf, page)).find(squeeze(title.substr(0, 18))), std::string::npos)
            << "'" << title << "' is not on page " << number;
        ++checked;
    }
    EXPECT_GE(checked, 20);
}

TEST(NavigationE2E, OutlineHasTheHeadingHierarchyAndOpensShown) {
    // Top-level bookmarks are the parts and annexes, with the sub-sections nested under them.
    auto json = run("qpdf --json --json-key=outlines " + quote(report().pdf)).out;
    for (const char* t : {"Executive Summary", "Conclusion", "Summary of the ROCB A/P Activities", "About the ROCB A/P",
                          "Annex II – ROCB A/P Annual Work Plan (2020-2021)", "Annex III – Abbreviation", "Challenges and Responses related to COVID-19"})
        EXPECT_NE(json.find(std::string("\"title\": \"") + t + "\""), std::string::npos) << t;
    EXPECT_NE(json.find("\"kids\": [\n"), std::string::npos);  // nested entries exist
    auto catalog = run("qpdf --show-object=trailer " + quote(report().pdf) + " && qpdf --qdf --object-streams=disable " +
                       quote(report().pdf) + " - | grep -a PageMode").out;
    EXPECT_NE(catalog.find("/UseOutlines"), std::string::npos);
}

TEST(NavigationE2E, EveryInternalLinkLandsOnAnAnchor) {
    // All internal links of the report point at an anchor that exists (checked in the trace),
    // and the work plan's 104 "(See also" references keep their 337 item links (one per "(x)",
    // made by the layout's link pattern).
    std::istringstream in(read_file(report().trace));
    std::string line;
    std::set<std::string> anchors;
    std::vector<std::string> targets;
    while (std::getline(in, line)) {
        std::smatch m;
        if (std::regex_search(line, m, std::regex("^  anchor (\\S+) "))) anchors.insert(m[1]);
        if (std::regex_search(line, m, std::regex("anchor=\"([^\"]+)\""))) targets.push_back(m[1]);
    }
    size_t see_also = 0;
    for (const auto& t : targets) {
        EXPECT_TRUE(anchors.count(t)) << t;
        see_also += t.rfind("awp-", 0) == 0;
    }
    EXPECT_EQ(see_also, 337u);
    std::string text = run("pdftotext " + quote(report().pdf) + " -").out;
    size_t references = 0;
    for (size_t at = text.find("(See"); at != std::string::npos; at = text.find("(See", at + 1)) ++references;
    EXPECT_EQ(references, 104u);
}

TEST(NavigationE2E, UrlsAndAddressesAreLinks) {
    // The contact e-mails and the website are URI links.
    std::string qdf = run("qpdf --qdf --object-streams=disable " + quote(report().pdf) + " - | grep -a '/URI'").out;
    EXPECT_NE(qdf.find("mailto:norikazu.kuramoto@rocbap.org"), std::string::npos);
    EXPECT_NE(qdf.find("https://www.rocb-ap.org"), std::string::npos);
}

TEST(NavigationE2E, PageLabelsRomanThenArabic) {
    // The cover and contents are i and ii; the body starts again at 1.
    auto json = run("qpdf --json --json-key=pagelabels " + quote(report().pdf)).out;
    EXPECT_NE(json.find("\"/S\": \"/r\""), std::string::npos) << json;
    EXPECT_NE(json.find("\"/S\": \"/D\""), std::string::npos) << json;
}

TEST(NavigationE2E, LongContentsSettlesItsOwnPageNumbers) {
    // 90 sections: the contents runs over several pages, which moves every section; the
    // relayout loop still ends with each entry's number equal to its heading's page.
    std::string dir = scratch_dir("toc-loop-" + std::to_string(::getpid()));
    std::ostringstream x;
    x << "<report layout=\"" << source_root() << "/layouts/annual-report.xml\"><info><title>T</title></info>\n<contents/>\n";
    for (int i = 1; i <= 90; ++i) x << "<section title=\"Section number " << i << "\"><p>Text of section " << i << ".</p></section>\n";
    x << "</report>\n";
    write_file(dir + "/report.xml", x.str());
    auto b = build("toc-loop-out", dir + "/report.xml");
    ASSERT_EQ(b.status, 0) << b.err;
    std::string all;
    for (int p = 1; p <= 4; ++p) all += page_text(b.pdf, p);
    std::regex entry("Section number (\\d+)\\s*[. ]+\\s*(\\d+)");
    int checked = 0;
    for (auto it = std::sregex_iterator(all.begin(), all.end(), entry); it != std::sregex_iterator(); ++it) {
        int section = std::stoi((*it)[1]), page = std::stoi((*it)[2]);
        EXPECT_NE(page_text(b.pdf, page).find("Section number " + std::to_string(section) + "\n"), std::string::npos)
            << "section " << section << " is not on page " << page;
        ++checked;
    }
    EXPECT_GE(checked, 80);
}

TEST(NavigationE2E, BrokenAndDuplicateReferencesAreLocatedErrors) {
    // A <ref> to a missing id and a duplicated id: both errors with their file:line:col.
    std::string dir = scratch_dir("bad-refs-" + std::to_string(::getpid()));
    write_file(dir + "/report.xml", "<report layout=\"" + source_root() + "/layouts/annual-report.xml\"><info><title>T</title></info>\n"
               "<section id=\"a\" title=\"A\"><p>See <ref to=\"nowhere\"/>.</p></section>\n"
               "<section id=\"a\" title=\"B\"/>\n</report>\n");
    auto r = run(reportc_exe() + " check " + quote(dir + "/report.xml"));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("report.xml:2:35: error: expected the id of a section, article, figure, table, row, list item or footnote, found 'nowhere'"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("report.xml:3:2: error: id 'a' is already used by a section; ids must be unique"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("report.xml:2:2: note: the first use of 'a' is here"), std::string::npos) << r.err;
}

TEST(NavigationE2E, CheckReportsTheAbbreviationRegisterAtTheWord) {
    // reportc check lists abbreviations used but not defined (located at the word) and defined
    // but never used (at the register's row).
    std::string dir = scratch_dir("register");
    write_file(dir + "/abbr.csv", "term,expansion\nWCO,World Customs Organization\nXYZ,Unused Entry\n");
    write_file(dir + "/report.xml", "<report layout=\"" + source_root() + "/layouts/annual-report.xml\"><info><title>T</title></info>\n"
               "<section id=\"a\" title=\"A\"><p>The WCO helps the QQX team.</p>\n"
               "<table id=\"abbreviations\" template=\"abbreviations\" data=\"abbr.csv\"/></section>\n</report>\n");
    auto r = run(reportc_exe() + " check " + quote(dir + "/report.xml"));
    EXPECT_NE(r.err.find("report.xml:2:48: warning: abbreviation 'QQX' is used 1 time but the register does not define it\n"
                         "  <section id=\"a\" title=\"A\"><p>The WCO helps the QQX team.</p>\n"
                         "  " + std::string(47, ' ') + "^\n"),
              std::string::npos) << r.err;
    EXPECT_NE(r.err.find("abbr.csv:3:1: warning: abbreviation 'XYZ' is defined in the register but never used in the text"), std::string::npos)
        << r.err;
}

TEST(NavigationE2E, ShippedReportPassesCheckWithOneWarningTheDuplicateDiagram) {
    // Every abbreviation the report uses is in Annex III or the layout's ignore list. The one
    // warning is the published duplicate "Diagram 4" (kept by an explicit number="4"): check
    // warns about every duplicate, so that a reader's "Diagram 4" stays a known ambiguity.
    auto r = run("cd " + quote(source_root()) + " && " + reportc_exe() + " check sources/rocb-ap-annual-report-2020-21/report.xml");
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.err.find("activities.xml:12:6: warning: Diagram 4 is numbered twice; references by number are ambiguous"),
              std::string::npos) << r.err;
    EXPECT_TRUE(std::regex_search(r.err, std::regex("executive-summary\\.xml:[0-9]+:6: note: the first Diagram 4 is here"))) << r.err;
    EXPECT_NE(r.err.find("\n0 error(s), 1 warning(s)\n"), std::string::npos) << r.err;
}

TEST(NavigationE2E, SpaceAfterRefIsKept) {
    // The text around a reference keeps its spaces: "see Beta here.", not "see Betahere.".
    std::string dir = scratch_dir("ref-space-" + std::to_string(::getpid()));
    write_file(dir + "/report.xml", "<report layout=\"" + source_root() + "/layouts/annual-report.xml\"><info><title>T</title></info>\n"
               "<section id=\"b\" title=\"Beta\"><p>see <ref to=\"b\"/> here, and see <ref to=\"b\"/></p></section>\n</report>\n");
    auto r = run(reportc_exe() + " build " + quote(dir + "/report.xml") + " -o " + quote(dir + "/out.pdf"));
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(page_text(dir + "/out.pdf", 1).find("see Beta here, and see Beta\n"), std::string::npos) << page_text(dir + "/out.pdf", 1);
}

TEST(NavigationE2E, UnclosedTagInAnIncludeIsReportedOnce) {
    // An included file that is not well-formed is left out; references into it from other files
    // are not reported as unknown ids as well (one cause, one error).
    std::string dir = scratch_dir("unclosed-include-" + std::to_string(::getpid()));
    write_file(dir + "/report.xml", "<report layout=\"" + source_root() + "/layouts/annual-report.xml\"><info><title>T</title></info>\n"
               "<section id=\"a\" title=\"A\"><p>See <ref to=\"b\"/> and <ref to=\"b-1\" show=\"page\"/>.</p></section>\n"
               "<include href=\"b.xml\"/>\n</report>\n");
    write_file(dir + "/b.xml", "<section id=\"b\" title=\"B\">\n<p id=\"b-1\">an <b>unclosed tag</p>\n</section>\n");
    auto r = run(reportc_exe() + " check " + quote(dir + "/report.xml"));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find(dir + "/b.xml:2:31: error: expected '</b>' to close '<b>' of line 2, found '</p>'"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("\n1 error(s), 0 warning(s)\n"), std::string::npos) << r.err;
}
