// End to end: `build --part` on the real report, checked with poppler and qpdf against the full build.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <unistd.h>

#include "run.h"

using namespace reportc::e2e;

namespace {

const std::string kReport = "sources/rocb-ap-annual-report-2020-21/report.xml";

struct Pdfs {
    std::string full, part;
    std::string err;
    int status = -1;
};

const Pdfs& built() {
    static Pdfs p = [] {
        Pdfs r;
        const std::string dir = scratch_dir("part-" + std::to_string(::getpid()));
        r.full = dir + "/full.pdf";
        r.part = dir + "/annex-i.pdf";
        const std::string build = "cd " + quote(source_root()) + " && SOURCE_DATE_EPOCH=1700000000 " + reportc_exe() + " build " + kReport;
        auto full = run(build + " -o " + quote(r.full));
        auto part = run(build + " --part annex-i -o " + quote(r.part));
        r.status = full.status != 0 ? full.status : part.status;
        r.err = full.err + part.err;
        return r;
    }();
    return p;
}

int page_count(const std::string& pdf) {
    std::smatch m;
    const std::string info = run("pdfinfo " + quote(pdf)).out;
    return std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)")) ? std::stoi(m[1]) : -1;
}

std::string page_text(const std::string& pdf, int page) {
    return run("pdftotext -q -layout -f " + std::to_string(page) + " -l " + std::to_string(page) + " " + quote(pdf) + " -").out;
}

// The page labels as qpdf reports them: "index:/S/St" per range.
std::string labels(const std::string& pdf) { return run("qpdf --json=2 --json-key=pagelabels " + quote(pdf)).out; }

}  // namespace

TEST(PartE2E, AnnexIPagesAreTheFullReportsPages) {
    // Every page of the part reads as the full report's page it came from (text, running header,
    // folio), in order, and the part holds Annex I's landscape table pages.
    const auto& b = built();
    ASSERT_EQ(b.status, 0) << b.err;
    const int full = page_count(b.full), part = page_count(b.part);
    ASSERT_GT(part, 3);
    ASSERT_LT(part, full);
    int offset = -1;
    const std::string first = page_text(b.part, 1);
    for (int k = 0; k + part <= full && offset < 0; ++k)
        if (page_text(b.full, k + 1) == first) offset = k;
    ASSERT_GE(offset, 0) << "the part's first page is no page of the full report";
    EXPECT_NE(first.find("Annex I"), std::string::npos) << first;
    for (int i = 1; i <= part; ++i) EXPECT_EQ(page_text(b.part, i), page_text(b.full, offset + i)) << "page " << i;
    // The labels: one decimal range that starts at the number the first page has in the report.
    const std::string json = labels(b.part);
    EXPECT_NE(json.find("\"/S\": \"/D\""), std::string::npos) << json;
    EXPECT_NE(json.find("\"/St\": " + std::to_string(offset - 1)), std::string::npos)
        << json << "\n(the full report's body starts after two roman pages)\n" << labels(b.full);
}

TEST(PartE2E, QpdfCleanAndEveryLinkDestinationIsAPageOfTheFile) {
    const auto& b = built();
    ASSERT_EQ(b.status, 0) << b.err;
    auto check = run("qpdf --check " + quote(b.part));
    EXPECT_EQ(check.status, 0) << check.out << check.err;
    // Object numbers as in the uncompressed copy the destinations are read from.
    const std::string qdf_file = b.part + ".qdf";
    ASSERT_EQ(run("qpdf --qdf --object-streams=disable " + quote(b.part) + " " + quote(qdf_file)).status, 0);
    const std::string qdf = read_file(qdf_file);
    std::set<std::string> pages;
    const std::string shown = run("qpdf --show-pages " + quote(qdf_file)).out;
    const std::regex page_line("page \\d+: (\\d+) 0 R");
    for (auto it = std::sregex_iterator(shown.begin(), shown.end(), page_line); it != std::sregex_iterator(); ++it)
        pages.insert((*it)[1]);
    ASSERT_EQ(int(pages.size()), page_count(b.part));
    // Every destination array (the outline's, the links'; direct or an object of its own) names a
    // page of this file: "[ 10 0 R /XYZ x y null ]".
    const std::regex dest("\\[\\s*(\\d+) 0 R\\s*/XYZ");
    int destinations = 0;
    for (auto it = std::sregex_iterator(qdf.begin(), qdf.end(), dest); it != std::sregex_iterator(); ++it, ++destinations)
        EXPECT_TRUE(pages.count((*it)[1])) << "a destination on object " << (*it)[1] << ", not a page of the file";
    EXPECT_GT(destinations, 0) << "Annex I's bookmarks should remain";
}

TEST(PartE2E, UnknownPartListsTheParts) {
    auto r = run("cd " + quote(source_root()) + " && " + reportc_exe() + " build " + kReport + " --part annex-iv -o /dev/null");
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("report.xml:2:1: error: expected the id of a part (a top-level or second-level section) after --part, "
                         "found 'annex-iv'; the parts are: executive-summary,"),
              std::string::npos)
        << r.err;
}

TEST(ChangesE2E, GitRevisionSummaryAndCsv) {
    // The sources committed, a record edited, one added, one removed: --changes-since HEAD reads
    // the committed data through git, prints the summary and writes the CSV.
    const std::string dir = scratch_dir("changes-git-" + std::to_string(::getpid()));
    const std::string fonts = source_root() + "/fonts/liberation/";
    write_file(dir + "/layout.xml",
               "<layout><font-family name=\"Sans\" regular=\"" + fonts + "LiberationSans-Regular.ttf\"/>"
               "<page-master name=\"body\" size=\"A4\"/><paragraph-style name=\"body\" font-family=\"Sans\" font-size=\"10pt\"/>"
               "<paragraph-style name=\"heading-1\" based-on=\"body\"/><paragraph-style name=\"table-cell\" based-on=\"body\"/>"
               "<table-style name=\"table\"/><table-template name=\"list\"><column width=\"1fr\"/><column width=\"3fr\"/>"
               "<record-row><cell><p><field name=\"term\"/></p></cell><cell><p><field name=\"expansion\"/></p></cell></record-row>"
               "</table-template></layout>\n");
    write_file(dir + "/report.xml", "<report layout=\"layout.xml\"><info><title>T</title></info><section id=\"annex-iii\" title=\"Terms\">"
                                    "<table id=\"terms\" template=\"list\" data=\"terms.csv\"/></section></report>\n");
    write_file(dir + "/terms.csv", "id,term,expansion\n1,AEO,Authorized Economic Operator\n2,WCO,World Customs Organization\n3,RKC,Revised Kyoto\n");
    const std::string git = "cd " + quote(dir) + " && git -c user.name=t -c user.email=t@example.org ";
    ASSERT_EQ(run(git + "init -q . && " + git + "add . && " + git + "commit -qm old").status, 0);
    write_file(dir + "/terms.csv", "id,term,expansion\n1,AEO,Authorized Economic Operator\n2,WCO,World Customs Organisation\n4,ACE,Accredited Customs Expert\n");
    auto r = run("cd " + quote(dir) + " && " + reportc_exe() + " build report.xml --changes-since HEAD --changes-csv changes.csv -o out.pdf");
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out,
              "annex-iii terms 2: changed expansion: 'World Customs Organization' -> 'World Customs Organisation'\n"
              "annex-iii terms 4: added 'ACE'\n"
              "annex-iii terms 3: removed 'RKC'\n"
              "3 changes: 1 changed, 1 added, 1 removed\n");
    EXPECT_EQ(read_file(dir + "/changes.csv"),
              "part,table,record,change,field,old,new\r\n"
              "annex-iii,terms,2,changed,expansion,World Customs Organization,World Customs Organisation\r\n"
              "annex-iii,terms,4,added,,,ACE\r\n"
              "annex-iii,terms,3,removed,,RKC,\r\n");
    auto bad = run("cd " + quote(dir) + " && " + reportc_exe() + " build report.xml --changes-since no-such-rev -o out.pdf");
    EXPECT_EQ(bad.status, 2);
    EXPECT_EQ(bad.err, "reportc: error: expected a folder or a git revision after --changes-since, found 'no-such-rev'\n");
}
