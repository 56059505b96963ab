// End to end: a running header too long for its slot is shortened with "…", and says so once
// (issue 12: the header must not lose words silently; short-title is the author's remedy).
#include <gtest/gtest.h>

#include "run.h"

using namespace reportc::e2e;

namespace {

std::string report_layout() {
    std::string text = read_file(source_root() + "/layouts/annual-report.xml");
    for (size_t at; (at = text.find("\"../fonts/")) != std::string::npos;)
        text.replace(at, 10, std::string("\"").append(source_root()).append("/fonts/"));
    return text;
}

Run build(const std::string& name, const std::string& section_attributes) {
    const std::string dir = scratch_dir(name);
    write_file(dir + "/layout.xml", report_layout());
    std::string pages;
    for (int i = 0; i < 3; ++i) pages += "<p>Filler paragraph.</p><page-break/>\n";
    write_file(dir + "/report.xml", "<report layout=\"layout.xml\">\n<info><title>T</title></info>\n<section " +
                                        section_attributes + ">\n" + pages + "<p>End.</p></section>\n</report>\n");
    return run(reportc_exe() + " build " + quote(dir + "/report.xml") + " -o " + quote(dir + "/out.pdf"));
}

const std::string kLong =
    "title=\"A Section Title So Long That It Cannot Possibly Fit Beside The Document Title In The Running Header Of A Page\"";

size_t count(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = 0; (at = text.find(what, at)) != std::string::npos; at += what.size()) ++n;
    return n;
}

}  // namespace

TEST(RunningHeaderE2E, AShortenedHeaderIsReportedOnceWhateverThePageCount) {
    auto r = build("header-long", kLong);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(count(r.err, "is wider than its slot and is shortened with '…'; give its section a short-title"), 1u) << r.err;
    EXPECT_NE(r.err.find("warning: the header or footer text 'A Section Title So Long"), std::string::npos) << r.err;
}

TEST(RunningHeaderE2E, AShortTitleKeepsTheHeaderWholeAndQuiet) {
    auto r = build("header-short", kLong + " short-title=\"A Short Title\"");
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.err.find("is wider than its slot"), std::string::npos) << r.err;
}
