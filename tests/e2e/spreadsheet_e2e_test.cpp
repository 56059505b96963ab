// End to end: a generated table fed by a spreadsheet (.xlsx, a sheet chosen by name), and an
// error in a cell reported by its cell reference.
#include <gtest/gtest.h>

#include <regex>
#include <unistd.h>

#include "run.h"
#include "zip_writer.h"

using namespace reportc::e2e;
using reportc::testing::xlsx_of;

namespace {

Run build_with(const std::string& dir, const std::string& data_attribute) {
    write_file(dir + "/report.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report layout=\"" + source_root() +
                                        "/layouts/annual-report.xml\">\n<info><title>T</title></info>\n<section title=\"Glossary\">"
                                        "<table id=\"terms\" template=\"abbreviations\" data=\"" +
                                        data_attribute + "\"/></section>\n</report>\n");
    return run("SOURCE_DATE_EPOCH=0 " + reportc_exe() + " build " + quote(dir + "/report.xml") + " -o " + quote(dir + "/out.pdf"));
}

}  // namespace

TEST(SpreadsheetE2E, AGeneratedTableReadsASheetOfAWorkbook) {
    const std::string dir = scratch_dir("xlsx-" + std::to_string(::getpid()));
    write_file(dir + "/terms.xlsx", xlsx_of("Terms", {{"term", "expansion"}, {"QQA", "First Expansion"}, {}, {"QQB", "Second Expansion"}}));
    auto r = build_with(dir, "terms.xlsx#Terms");
    ASSERT_EQ(r.status, 0) << r.err;
    std::string text = std::regex_replace(run("pdftotext -q " + quote(dir + "/out.pdf") + " -").out, std::regex("\\s+"), " ");
    EXPECT_NE(text.find("QQA First Expansion"), std::string::npos) << text;
    EXPECT_NE(text.find("QQB Second Expansion"), std::string::npos) << text;
}

TEST(SpreadsheetE2E, ErrorsNameTheCell) {
    const std::string dir = scratch_dir("xlsx-bad-" + std::to_string(::getpid()));
    write_file(dir + "/terms.xlsx", xlsx_of("Terms", {{"term", "expansion"}, {"QQA", "First", "stray"}}));
    auto r = build_with(dir, "terms.xlsx#Terms");
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("terms.xlsx:Terms!C2: error: expected a field name in the header row above this value (Terms!C1), found an "
                         "empty cell\n  Terms!C2: stray\n            ^"),
              std::string::npos)
        << r.err;
    auto missing = build_with(dir, "terms.xlsx#Glossary");
    EXPECT_EQ(missing.status, 1);
    EXPECT_NE(missing.err.find("error: cannot read the spreadsheet '" + dir + "/terms.xlsx': it has no sheet named 'Glossary'; its "
                               "sheets: 'Terms'"),
              std::string::npos)
        << missing.err;
}
