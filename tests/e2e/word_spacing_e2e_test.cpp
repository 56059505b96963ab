// End to end: the spaces of justified lines measured from the PDF alone, through the code of
// tools/word-spacing (tools/word_spacing_core.h), on the annual report, on several pages of prose
// in its layout (tests/e2e/essay/) and on a narrower measure (tests/e2e/prose/). Issue 13's goal
// and the settings that meet it: docs/layout-format.md, "Word spacing".
#include <gtest/gtest.h>

#include <string>
#include <unistd.h>

#include "run.h"
#include "word_spacing_core.h"

using namespace reportc::e2e;
using reportc::tools::SpacingFigures;

namespace {

std::string build(const std::string& name, const std::string& source) {
    const std::string pdf = scratch_dir(name + "-" + std::to_string(::getpid())) + "/out.pdf";
    const Run r = run("cd " + quote(source_root()) + " && SOURCE_DATE_EPOCH=0 " + reportc_exe() + " build " + quote(source) +
                      " -o " + quote(pdf));
    EXPECT_EQ(r.status, 0) << r.err;
    return pdf;
}

SpacingFigures measure(const std::string& pdf) {
    std::vector<reportc::tools::Page> pages;
    EXPECT_TRUE(reportc::tools::read_bbox_layout(pdf, pages)) << pdf;
    return reportc::tools::measure_spacing(pages, {});
}

std::string summary(const SpacingFigures& f) {
    std::string out = std::to_string(f.lines.size()) + " lines, median " + std::to_string(f.median) + ", widest " +
                      std::to_string(f.widest) + ", narrowest " + std::to_string(f.narrowest);
    for (size_t i = 0; i < std::min<size_t>(5, f.lines.size()); ++i)
        out.append("\n  ").append(std::to_string(f.lines[i].figure)).append(" page ").append(std::to_string(f.lines[i].page)).append(": ").append(f.lines[i].text);
    return out;
}

}  // namespace

TEST(WordSpacingE2E, ProseInTheReportsLayoutMeetsTheGoal) {
    const SpacingFigures f = measure(build("essay", "tests/e2e/essay/report.xml"));
    EXPECT_GE(f.lines.size(), 120u) << summary(f);  // several pages of justified lines
    EXPECT_EQ(reportc::tools::missed_goals(f), std::vector<std::string>{}) << summary(f);
}

TEST(WordSpacingE2E, AnnualReportMeetsTheGoal) {
    const SpacingFigures f = measure(build("report", "sources/rocb-ap-annual-report-2020-21/report.xml"));
    EXPECT_GE(f.lines.size(), 500u) << summary(f);
    EXPECT_EQ(reportc::tools::missed_goals(f), std::vector<std::string>{}) << summary(f);
}

TEST(WordSpacingE2E, NarrowJustifiedProseHasNoOverfullLineAndNoThreeHyphensInARow) {
    const SpacingFigures f = measure(build("prose", "tests/e2e/prose/report.xml"));
    EXPECT_GE(f.lines.size(), 300u) << summary(f);
    EXPECT_TRUE(f.overfull.empty()) << summary(f);
    EXPECT_TRUE(f.hyphen_runs.empty()) << summary(f);
    // About 60 characters a line leave too few breaks for the goal's widest line (1.35): with
    // the report's settings the median is 0.98 and the widest 1.67 (docs/layout-format.md,
    // "Word spacing"); a regression is caught here.
    EXPECT_LE(f.median, 1.02) << summary(f);
    EXPECT_LE(f.widest, 1.7) << summary(f);
    EXPECT_GE(f.narrowest, 0.65) << summary(f);
}
