// End to end: variables in body text and in header and footer slots, --set over the report's
// <variable>, {date} by the layout's date-format and SOURCE_DATE_EPOCH (same inputs, same
// bytes), page-dependent variables in body text settled by the relayout loop, an unknown
// variable's located error; and `reportc new`, whose starter builds at once.
#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

#include "image_files.h"
#include "run.h"

using namespace reportc::e2e;

namespace {

constexpr const char* kEpoch = "1796428800";  // 2026-12-05 00:00:00 UTC

std::string layout() {
    const std::string fonts = source_root() + "/fonts/liberation/LiberationSans-";
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<layout>\n<font-family name=\"Liberation Sans\" regular=\"" + fonts +
           "Regular.ttf\" bold=\"" + fonts + "Bold.ttf\" italic=\"" + fonts + "Italic.ttf\" bold-italic=\"" + fonts +
           "BoldItalic.ttf\"/>\n"
           "<setting name=\"date-format\" value=\"%Y-%m-%d\"/>\n"
           "<page-master name=\"body\" size=\"A5\" margin-top=\"20mm\" margin-bottom=\"20mm\" margin-left=\"20mm\" "
           "margin-right=\"20mm\" header-offset=\"12mm\" footer-offset=\"10mm\">\n"
           "<header style=\"marginal\"><left>{title}, edition {edition}</left><right>{date}</right></header>\n"
           "<footer style=\"marginal\"><center>page {page-label} of {pages}</center></footer>\n"
           "</page-master>\n"
           "<paragraph-style name=\"body\" font-family=\"Liberation Sans\" font-size=\"10pt\" leading=\"14pt\" "
           "space-after=\"6pt\" widows=\"2\" orphans=\"2\"/>\n"
           "<paragraph-style name=\"marginal\" based-on=\"body\" font-size=\"8pt\"/>\n"
           "<paragraph-style name=\"heading-1\" based-on=\"body\" font-size=\"14pt\" leading=\"18pt\" keep-with-next=\"true\" "
           "page-break-before=\"true\"/>\n"
           "<character-style name=\"strong\" font-weight=\"bold\"/>\n"
           "</layout>\n";
}

struct Built {
    std::string dir, pdf;
    Run result;
};

Built build(const std::string& name, const std::string& body, const std::string& options = "", const std::string& epoch = kEpoch) {
    Built b;
    b.dir = scratch_dir(name + "-" + std::to_string(::getpid()));
    write_file(b.dir + "/layout.xml", layout());
    write_file(b.dir + "/report.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report layout=\"layout.xml\">\n"
                                      "<info><title>Variables</title><variable name=\"edition\" value=\"2\"/></info>\n" +
                                          body + "\n</report>\n");
    b.pdf = b.dir + "/out.pdf";
    b.result = run("SOURCE_DATE_EPOCH=" + epoch + " " + reportc_exe() + " build " + quote(b.dir + "/report.xml") + " -o " +
                   quote(b.pdf) + " --stats " + options);
    return b;
}

std::string page_text(const Built& b, int page) {
    const std::string p = std::to_string(page);
    return run("pdftotext -q -f " + p + " -l " + p + " " + quote(b.pdf) + " -").out;
}

std::string filler(int count) {
    std::string out;
    for (int i = 1; i <= count; ++i)
        out += "<p>Filler paragraph " + std::to_string(i) + " has words enough to fill two lines of the page body and more.</p>\n";
    return out;
}

}  // namespace

TEST(VariablesE2E, InTextAndInHeaderAndFooter) {
    auto b = build("vars-text", "<section title=\"One\"><p>Edition <b><var name=\"edition\"/></b> of <var name=\"title\"/>, "
                                "dated <var name=\"date\"/>.</p></section>");
    ASSERT_EQ(b.result.status, 0) << b.result.err;
    const std::string text = page_text(b, 1);
    EXPECT_NE(text.find("Edition 2 of Variables, dated 2026-12-05."), std::string::npos) << text;
    EXPECT_NE(text.find("Variables, edition 2"), std::string::npos) << text;
    EXPECT_NE(text.find("2026-12-05"), std::string::npos) << text;
    EXPECT_NE(text.find("page 1 of 1"), std::string::npos) << text;
}

TEST(VariablesE2E, SetOverridesTheReportEverywhere) {
    auto b = build("vars-set", "<section title=\"One\"><p>Edition <var name=\"edition\"/> for <var name=\"client\"/>.</p></section>",
                   "--set edition=3 --set client='Customs & Co'");
    ASSERT_EQ(b.result.status, 0) << b.result.err;
    const std::string text = page_text(b, 1);
    EXPECT_NE(text.find("Edition 3 for Customs & Co."), std::string::npos) << text;
    EXPECT_NE(text.find("Variables, edition 3"), std::string::npos) << text;
    auto bad = build("vars-set-bad", "<p>x</p>", "--set 'two words=1'");
    EXPECT_EQ(bad.result.status, 2);
    EXPECT_NE(bad.result.err.find("reportc: error: expected a variable name (a letter, then letters, digits, '-' or '_') before '=' "
                                  "in --set, found 'two words'"),
              std::string::npos)
        << bad.result.err;
    // render takes --set as build does.
    auto rendered = run(reportc_exe() + " render " + quote(b.dir + "/report.xml") + " --png " + quote(b.dir + "/png") +
                        " --set page=3");
    EXPECT_EQ(rendered.status, 2);
    EXPECT_NE(rendered.err.find("reportc: error: --set cannot change the built-in variable 'page'"), std::string::npos) << rendered.err;
}

TEST(VariablesE2E, TheDateIsPinnedBySourceDateEpoch) {
    // Same inputs, same bytes; another epoch, another date.
    const std::string body = "<section title=\"One\"><p>Built <var name=\"date\"/>.</p></section>";
    auto first = build("vars-date-1", body), second = build("vars-date-2", body), later = build("vars-date-3", body, "", "1800000000");
    ASSERT_EQ(first.result.status, 0) << first.result.err;
    EXPECT_EQ(read_file(first.pdf), read_file(second.pdf));
    EXPECT_NE(page_text(later, 1).find("Built 2027-01-15."), std::string::npos) << page_text(later, 1);
}

TEST(VariablesE2E, PageVariablesInBodyTextSettle) {
    // The paragraph lands on the second section's second page: it must print that page's folio,
    // the page count and the section the running header names, which only later passes know.
    auto b = build("vars-page", "<section title=\"One\">" + filler(3) + "</section>\n<section title=\"Two\">" + filler(14) +
                                    "<p>This is page <var name=\"page\"/> of <var name=\"pages\"/>, in <var name=\"section\"/>.</p>" +
                                    filler(14) + "</section>");
    ASSERT_EQ(b.result.status, 0) << b.result.err;
    int found_on = 0, pages = 0;
    for (int p = 1; p <= 6; ++p) {
        const std::string text = page_text(b, p);
        if (!text.empty()) pages = p;
        if (text.find("This is page") != std::string::npos) found_on = p;
    }
    ASSERT_GT(found_on, 2);
    EXPECT_NE(page_text(b, found_on).find("This is page " + std::to_string(found_on) + " of " + std::to_string(pages) + ", in Two."),
              std::string::npos)
        << page_text(b, found_on);
    EXPECT_NE(b.result.out.find("layout passes: 2"), std::string::npos) << b.result.out;
}

TEST(VariablesE2E, AnUnknownVariableIsALocatedError) {
    auto b = build("vars-unknown", "<p>Edition <var name=\"editon\"/>.</p>");
    EXPECT_EQ(b.result.status, 1);
    EXPECT_NE(b.result.err.find("report.xml:4:13: error: unknown variable 'editon' (did you mean 'edition'?); expected a built-in one"),
              std::string::npos)
        << b.result.err;
}

TEST(StarterE2E, NewWritesAReportThatBuildsAtOnceAndNeverOverwrites) {
    const std::string dir = scratch_dir("starter-" + std::to_string(::getpid()));
    auto made = run("cd " + quote(dir) + " && " + reportc_exe() + " new my-report --title 'Annual Report 2026'");
    ASSERT_EQ(made.status, 0) << made.err;
    EXPECT_TRUE(std::filesystem::exists(dir + "/my-report/fonts/LiberationSans-Regular.ttf"));
    const std::string layout_text = read_file(dir + "/my-report/layout.xml");
    EXPECT_LT(std::count(layout_text.begin(), layout_text.end(), '\n'), 80);
    auto built = run("cd " + quote(dir) + " && SOURCE_DATE_EPOCH=" + kEpoch + " " + reportc_exe() + " build my-report/report.xml --werror");
    ASSERT_EQ(built.status, 0) << built.err;
    const std::string text = run("pdftotext -q " + quote(dir + "/out/my-report.pdf") + " -").out;
    EXPECT_NE(text.find("This is edition 1 of Annual Report 2026, built on 5 December 2026."), std::string::npos) << text;
    // Both files are valid by the schemas (where xmllint is installed).
    if (run("command -v xmllint").status == 0) {
        for (const auto& [schema, file] : {std::pair{"report.rng", "report.xml"}, std::pair{"layout.rng", "layout.xml"}}) {
            auto valid = run("xmllint --noout --relaxng " + quote(source_root() + "/schema/" + schema) + " " +
                             quote(dir + "/my-report/" + file));
            EXPECT_EQ(valid.status, 0) << valid.err;
        }
    }
    // A second `new` into the same folder writes nothing and fails.
    write_file(dir + "/my-report/report.xml", "mine");
    auto again = run("cd " + quote(dir) + " && " + reportc_exe() + " new my-report");
    EXPECT_EQ(again.status, 1);
    EXPECT_EQ(again.err, "reportc: error: my-report/report.xml already exists; 'new' never replaces a file\n");
    EXPECT_EQ(read_file(dir + "/my-report/report.xml"), "mine");
}

TEST(StarterE2E, AFigureWithAnImageBuildsAsGettingStartedShowsIt) {
    // docs/getting-started.md, step 9: a figure with a caption, in the starter's own layout.
    const std::string dir = scratch_dir("starter-figure-" + std::to_string(::getpid()));
    ASSERT_EQ(run("cd " + quote(dir) + " && " + reportc_exe() + " new my-report").status, 0);
    reportc::test::PngOptions logo;
    logo.width = 60;
    logo.height = 30;
    write_file(dir + "/my-report/logo.png", reportc::test::make_png(logo));
    std::string report = read_file(dir + "/my-report/report.xml");
    const size_t end = report.rfind("</section>");
    ASSERT_NE(end, std::string::npos);
    report.insert(end, "  <figure id=\"fig-logo\" caption=\"Our logo\">\n      <image src=\"logo.png\" width=\"40mm\" alt=\"Logo\"/>\n"
                       "    </figure>\n    <p>The logo is in <ref to=\"fig-logo\"/>.</p>\n  ");
    write_file(dir + "/my-report/report.xml", report);
    auto built = run("cd " + quote(dir) + " && " + reportc_exe() + " build my-report/report.xml --werror");
    ASSERT_EQ(built.status, 0) << built.err;
    const std::string text = run("pdftotext -q " + quote(dir + "/out/my-report.pdf") + " -").out;
    EXPECT_NE(text.find("Figure 1: Our logo"), std::string::npos) << text;
    EXPECT_NE(text.find("The logo is in Figure 1."), std::string::npos) << text;
    EXPECT_NE(run("pdfimages -list " + quote(dir + "/out/my-report.pdf")).out.find(" 60    30 "), std::string::npos);
}
