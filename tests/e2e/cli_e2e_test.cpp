// End to end: the command line's contract — exit statuses, diagnostics, atomic output.
#include <gtest/gtest.h>

#include <fstream>

#include "run.h"

using namespace reportc::e2e;

namespace {

// A minimal valid report in `dir` using the repository's layout.
void write_report(const std::string& dir, const std::string& body) {
    write_file(dir + "/report.xml", "<report layout=\"" + source_root() + "/layouts/annual-report.xml\">\n"
                                    "  <info><title>Test</title></info>\n" + body + "</report>\n");
}

}  // namespace

TEST(CliE2E, HelpAndVersion) {
    // --help prints usage on stdout, --version the version; both exit 0.
    auto help = run(reportc_exe() + " --help");
    EXPECT_EQ(help.status, 0);
    EXPECT_NE(help.out.find("usage: reportc build REPORT.xml"), std::string::npos);
    auto version = run(reportc_exe() + " --version");
    EXPECT_EQ(version.status, 0);
    EXPECT_EQ(version.out.rfind("reportc ", 0), 0u);
}

TEST(CliE2E, UsageErrorsExitTwo) {
    // No command, an unknown command, an unknown option, a missing file name: exit status 2.
    EXPECT_EQ(run(reportc_exe()).status, 2);
    EXPECT_EQ(run(reportc_exe() + " frobnicate x.xml").status, 2);
    EXPECT_EQ(run(reportc_exe() + " build x.xml --colour").status, 2);
    auto r = run(reportc_exe() + " build");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("reportc: error: expected a report file after 'build'"), std::string::npos) << r.err;
}

TEST(CliE2E, MalformedSourceGivesLocatedDiagnosticAndExitOne) {
    // An unknown attribute: path:line:col, the source line, a caret; exit 1.
    std::string dir = scratch_dir("malformed");
    write_report(dir, "  <section title=\"A\" colour=\"red\"><p>x</p></section>\n");
    auto r = run(reportc_exe() + " check " + quote(dir + "/report.xml"));
    EXPECT_EQ(r.status, 1);
    std::string expected = dir + "/report.xml:3:22: error: unknown attribute 'colour' on <section>; expected one of: title, short-title, id, style, page-master, number\n"
                                 "    <section title=\"A\" colour=\"red\"><p>x</p></section>\n"
                                 "                       ^\n";
    EXPECT_NE(r.err.find(expected), std::string::npos) << r.err;
}

TEST(CliE2E, FailedBuildLeavesExistingPdfUntouched) {
    // A good PDF exists; a broken build must neither replace nor truncate it.
    std::string dir = scratch_dir("atomic");
    write_report(dir, "  <p>fine</p>\n");
    ASSERT_EQ(run(reportc_exe() + " build " + quote(dir + "/report.xml") + " -o " + quote(dir + "/out.pdf")).status, 0);
    std::string good = read_file(dir + "/out.pdf");
    ASSERT_GT(good.size(), 1000u);
    write_report(dir, "  <p>broken</b>\n");
    auto r = run(reportc_exe() + " build " + quote(dir + "/report.xml") + " -o " + quote(dir + "/out.pdf"));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("error: expected '</p>' to close '<p>' of line "), std::string::npos) << r.err;
    EXPECT_TRUE(read_file(dir + "/out.pdf") == good);
}

TEST(CliE2E, OnePageIsSingularInTheWroteMessage) {
    // "wrote out.pdf (1 page)", not "(1 pages)".
    std::string dir = scratch_dir("one-page");
    write_report(dir, "  <p>fine</p>\n");
    auto r = run(reportc_exe() + " build " + quote(dir + "/report.xml") + " -o " + quote(dir + "/out.pdf"));
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.err, "wrote " + dir + "/out.pdf (1 page)\n");
}

TEST(CliE2E, UnloadableFontFileIsReportedOnceAtItsAttribute) {
    // A declared family whose file cannot be loaded: one error, at the attribute naming the file;
    // the styles using the family are not reported as using an undeclared family. A family name
    // where a file path belongs is told so.
    std::string dir = scratch_dir("font-file");
    std::string fonts = source_root() + "/fonts/liberation/";
    write_file(dir + "/layout.xml",
               "<layout><font-family name=\"Sans\" regular=\"" + fonts + "LiberationSans-Regular.ttf\"/>\n"
               "<font-family name=\"Serif\" regular=\"" + fonts + "LiberationSerif-Regular.ttf\" bold=\"Georgia-Bold.ttf\"/>\n"
               "<font-family name=\"Book\" regular=\"DejaVu Serif\"/>\n"
               "<page-master name=\"body\"/><paragraph-style name=\"body\" font-family=\"Serif\"/>\n"
               "<paragraph-style name=\"quote\" font-family=\"Book\"/><character-style name=\"strong\" font-family=\"Serif\"/>\n"
               "<font-fallback families=\"Sans, Book\"/></layout>\n");
    write_file(dir + "/report.xml", "<report layout=\"layout.xml\"><info><title>T</title></info><p>x</p></report>\n");
    auto r = run(reportc_exe() + " check " + quote(dir + "/report.xml"));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find(dir + "/layout.xml:2:" + std::to_string(65 + fonts.size()) + ": error: cannot read font file '" + dir +
                         "/Georgia-Bold.ttf'"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(dir + "/layout.xml:3:26: error: expected the path of a font file such as fonts/Name.ttf, found '" + dir +
                         "/DejaVu Serif' (no such file; fonts are not looked up by family name)"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("\n2 error(s), 0 warning(s)\n"), std::string::npos) << r.err;
}

TEST(CliE2E, CheckWritesNothingAndSucceedsOnAGoodReport) {
    // check reports diagnostics only.
    std::string dir = scratch_dir("check");
    write_report(dir, "  <p>fine</p>\n");
    auto r = run("cd " + quote(dir) + " && " + reportc_exe() + " check report.xml");
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_FALSE(std::ifstream(dir + "/out/report.pdf").good());
}

TEST(CliE2E, MissingGlyphIsALocatedErrorAndNothingIsWritten) {
    // U+E000 (private use) is in no shipped font: a located error naming it, never a box.
    std::string dir = scratch_dir("glyph");
    write_report(dir, "  <p>odd \xEE\x80\x80 char</p>\n");
    auto r = run(reportc_exe() + " build " + quote(dir + "/report.xml") + " -o " + quote(dir + "/o.pdf"));
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_NE(r.err.find(dir + "/report.xml:3:6: error: no font has the character U+E000 '\xEE\x80\x80'\n"), std::string::npos)
        << r.err;
    EXPECT_FALSE(std::ifstream(dir + "/o.pdf").good());
}

TEST(CliE2E, OverwideWordWarnsButNeverOverlapsSilently) {
    // A word wider than the measure: the build succeeds with a warning naming the paragraph.
    std::string dir = scratch_dir("overfull");
    write_report(dir, "  <p>x " + std::string(200, 'W') + " y</p>\n");
    auto r = run(reportc_exe() + " build " + quote(dir + "/report.xml") + " -o " + quote(dir + "/o.pdf"));
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.err.find("report.xml:3:4: warning: a line of this paragraph is wider than"), std::string::npos) << r.err;
}
