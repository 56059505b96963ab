// End to end: `reportc data export` and `reportc data import` (the annexes' data to a spreadsheet
// and back), and an aggregate chart in the workshop's attendance example.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <unistd.h>

#include "run.h"

using namespace reportc::e2e;

namespace {

size_t count_of(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST(DataExchangeE2E, TheWorkPlanRoundTripsThroughASpreadsheetToTheSameReport) {
    const std::string dir = scratch_dir("data-exchange-" + std::to_string(::getpid()));
    // A copy of the report's folder, beside links to the layouts and fonts it names by relative paths.
    const std::string report = dir + "/sources/rocb-ap-annual-report-2020-21";
    std::filesystem::create_directories(dir + "/sources");
    std::filesystem::copy(source_root() + "/sources/rocb-ap-annual-report-2020-21", report, std::filesystem::copy_options::recursive);
    for (const char* folder : {"layouts", "fonts"}) std::filesystem::create_directory_symlink(source_root() + "/" + folder, dir + "/" + folder);
    const std::string original = report + "/data/annual-work-plan.xml";

    auto exported = run(reportc_exe() + " data export " + quote(original) + " -o " + quote(dir + "/work-plan.xlsx"));
    ASSERT_EQ(exported.status, 0) << exported.err;
    EXPECT_EQ(exported.err, "wrote " + dir + "/work-plan.xlsx\n");
    auto imported = run(reportc_exe() + " data import " + quote(dir + "/work-plan.xlsx") + " --sheet annual-work-plan -o " + quote(dir + "/back.xml"));
    ASSERT_EQ(imported.status, 0) << imported.err;

    const std::string before = read_file(original), after = read_file(dir + "/back.xml");
    for (const char* what : {"<group ", "<record ", "<bullet>", "<bullet/>", "<see-also>", "<field name=\"plan\">"})
        EXPECT_EQ(count_of(after, what), count_of(before, what)) << what;

    // The report built from the imported records is the report built from ours, item for item.
    auto build = [&](const std::string& trace) {
        return run("SOURCE_DATE_EPOCH=0 " + reportc_exe() + " build " + quote(report + "/report.xml") + " -o " + quote(dir + "/r.pdf") +
                   " --trace " + quote(trace));
    };
    auto original_build = build(dir + "/before.trace");
    ASSERT_EQ(original_build.status, 0) << original_build.err;
    std::filesystem::copy_file(dir + "/back.xml", original, std::filesystem::copy_options::overwrite_existing);
    auto rebuilt = build(dir + "/after.trace");
    ASSERT_EQ(rebuilt.status, 0) << rebuilt.err;
    EXPECT_TRUE(read_file(dir + "/before.trace") == read_file(dir + "/after.trace")) << "the traces differ: diff " << dir
                                                                                      << "/before.trace " << dir << "/after.trace";
}

TEST(DataExchangeE2E, UsageAndInputErrors) {
    const std::string dir = scratch_dir("data-exchange-errors-" + std::to_string(::getpid()));
    auto no_output = run(reportc_exe() + " data export x.csv");
    EXPECT_EQ(no_output.status, 2);
    EXPECT_NE(no_output.err.find("reportc: error: expected -o FILE.xlsx after 'data export'\n"), std::string::npos) << no_output.err;
    auto wrong = run(reportc_exe() + " data convert x.csv");
    EXPECT_EQ(wrong.status, 2);
    EXPECT_NE(wrong.err.find("reportc: error: expected 'export' or 'import' after 'data', found 'convert'\n"), std::string::npos) << wrong.err;
    write_file(dir + "/terms.csv", "term,expansion\nAEO,\"Authorized\n");
    auto bad = run(reportc_exe() + " data export " + quote(dir + "/terms.csv") + " -o " + quote(dir + "/terms.xlsx"));
    EXPECT_EQ(bad.status, 1);
    EXPECT_NE(bad.err.find("terms.csv:2:5: error: "), std::string::npos) << bad.err;
    EXPECT_FALSE(std::filesystem::exists(dir + "/terms.xlsx"));
    auto not_a_sheet = run(reportc_exe() + " data import " + quote(dir + "/terms.csv") + " -o " + quote(dir + "/terms.xml"));
    EXPECT_EQ(not_a_sheet.status, 1);
    EXPECT_NE(not_a_sheet.err.find("error: expected a spreadsheet ending in .xlsx or .ods to import, found '"), std::string::npos)
        << not_a_sheet.err;
}

TEST(DataExchangeE2E, ACsvExportedAndImportedKeepsItsColumnsAndLines) {
    const std::string dir = scratch_dir("data-exchange-csv-" + std::to_string(::getpid()));
    write_file(dir + "/terms.csv", "term,expansion\nAEO,\"Authorized & Economic\nOperator\"\nWCO,World Customs Organization\n");
    ASSERT_EQ(run(reportc_exe() + " data export " + quote(dir + "/terms.csv") + " -o " + quote(dir + "/t.xlsx")).status, 0);
    auto back = run(reportc_exe() + " data import " + quote(dir + "/t.xlsx") + " -o " + quote(dir + "/t.xml"));
    ASSERT_EQ(back.status, 0) << back.err;
    EXPECT_EQ(read_file(dir + "/t.xml"),
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<records>\n"
              "  <record>\n    <field name=\"term\">AEO</field>\n    <field name=\"expansion\">\n"
              "      <line>Authorized &amp; Economic</line>\n      <line>Operator</line>\n    </field>\n  </record>\n"
              "  <record>\n    <field name=\"term\">WCO</field>\n    <field name=\"expansion\">World Customs Organization</field>\n  </record>\n"
              "</records>\n");
}

TEST(AggregateE2E, TheAttendanceChartCountsParticipantsPerCountryFromTheList) {
    const std::string dir = scratch_dir("aggregate-" + std::to_string(::getpid()));
    auto r = run("SOURCE_DATE_EPOCH=0 " + reportc_exe() + " build " + quote(source_root() + "/sources/workshop-certificates/attendance.xml") +
                 " -o " + quote(dir + "/a.pdf") + " --trace " + quote(dir + "/a.trace"));
    ASSERT_EQ(r.status, 0) << r.err;
    const std::string text = std::regex_replace(run("pdftotext -q " + quote(dir + "/a.pdf") + " -").out, std::regex("\\s+"), " ");
    for (const char* country : {"Viet Nam", "Malaysia", "Philippines", "Thailand"}) EXPECT_NE(text.find(country), std::string::npos) << country;
    // Sorted by the count, largest first: Viet Nam (3 participants) is the first category drawn.
    const std::string trace = read_file(dir + "/a.trace");
    const auto viet_nam = trace.find("Viet Nam"), malaysia = trace.find("Malaysia");
    ASSERT_NE(viet_nam, std::string::npos);
    EXPECT_LT(viet_nam, malaysia);
}
