// End to end: the annual report is complete — every part, article, table row and reference of
// the published report is in the built PDF.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <sstream>
#include <unistd.h>

#include "run.h"

using namespace reportc::e2e;

namespace {

struct Built {
    std::string pdf, trace, err;
    int status = -1;
};

const Built& built() {
    static Built b = [] {
        Built r;
        std::string dir = scratch_dir("complete-" + std::to_string(::getpid()));
        r.pdf = dir + "/report.pdf";
        r.trace = dir + "/report.trace";
        auto result = run("cd " + quote(source_root()) + " && SOURCE_DATE_EPOCH=0 " + reportc_exe() +
                          " build sources/rocb-ap-annual-report-2020-21/report.xml -o " + quote(r.pdf) + " --trace " + quote(r.trace));
        r.status = result.status;
        r.err = result.err;
        return r;
    }();
    return b;
}

// Distinct anchors in the trace whose name matches `pattern`.
size_t anchors_matching(const std::string& pattern) {
    std::istringstream in(read_file(built().trace));
    std::string line;
    std::set<std::string> names;
    std::regex anchor("^  anchor (\\S+) ");
    std::regex wanted(pattern);
    while (std::getline(in, line)) {
        std::smatch m;
        if (std::regex_search(line, m, anchor) && std::regex_match(std::string(m[1]), wanted)) names.insert(m[1]);
    }
    return names.size();
}

}  // namespace

TEST(CompletenessE2E, ThirtyThreeArticles) {
    // The Summary of Activities holds the 33 articles (ids a1-… to a33-…).
    ASSERT_EQ(built().status, 0) << built().err;
    EXPECT_EQ(anchors_matching("a[0-9]+-.*"), 33u);
}

TEST(CompletenessE2E, AnnexTablesHaveEveryRow) {
    // 51 work-plan actions (Annex II), 51 strategic actions (Annex I), 53 abbreviations
    // (Annex III, as published), 9 contact points.
    EXPECT_EQ(anchors_matching("awp-[1-4]-[a-z]+"), 51u);
    EXPECT_EQ(anchors_matching("sap-[1-4]-[a-z]+"), 51u);
    EXPECT_EQ(anchors_matching("abbreviations-row-[0-9]+"), 53u);
    EXPECT_EQ(anchors_matching("contacts-contact-[0-9]+"), 9u);
}

TEST(CompletenessE2E, EveryHeadingOfTheOutline) {
    // The published report's parts and sections are all bookmarks.
    auto json = run("qpdf --json --json-key=outlines " + quote(built().pdf)).out;
    for (const char* title :
         {"Executive Summary", "Challenges and Responses related to COVID-19",
          "Pillar I: Support the Implementation of WCO Conventions, Instruments and Tools",
          "Pillar II: Further Enhance Collaboration with Development Partners", "Conclusion",
          "Summary of the ROCB A/P Activities", "Introduction",
          "Pillar 1: Support the implementation of WCO Conventions, Instruments and Tools",
          "Pillar 2: Further enhance collaboration with development partners", "About the ROCB A/P", "Who We Are", "Mission",
          "Staff", "Contact points", "Annex II – ROCB A/P Annual Work Plan (2020-2021)", "1. Vision", "2. Mission",
          "3. Strategic Action Plan", "ROCB A/P Strategic Action Plan (2020-2022)", "Annex III – Abbreviation"})
        EXPECT_NE(json.find(std::string("\"title\": \"") + title + "\""), std::string::npos) << title;
    EXPECT_NE(json.find("\"title\": \"Annex I – Strategic Action Plan 2020- 2022"), std::string::npos);
    EXPECT_NE(json.find("\"title\": \"Pillar III: Improve Needs Analysis"), std::string::npos);
    EXPECT_NE(json.find("\"title\": \"Pillar IV: Enhance Communication"), std::string::npos);
    EXPECT_NE(json.find("\"title\": \"Pillar 3: Improve needs analysis"), std::string::npos);
    EXPECT_NE(json.find("\"title\": \"Pillar 4: Enhance communication"), std::string::npos);
}

TEST(CompletenessE2E, AnnexesInPublishedOrder) {
    // Annex II, then Annex I, then Annex III, as published.
    auto text = run("pdftotext " + quote(built().pdf) + " -").out;
    auto two = text.rfind("Annex II – ROCB A/P Annual Work Plan"), one = text.rfind("Annex I – Strategic Action Plan"),
         three = text.rfind("Annex III – Abbreviation");
    ASSERT_NE(two, std::string::npos);
    ASSERT_NE(one, std::string::npos);
    ASSERT_NE(three, std::string::npos);
    EXPECT_LT(two, one);
    EXPECT_LT(one, three);
}

TEST(CompletenessE2E, PageCountLikeThePublishedReport) {
    // The published report has about 88 pages; ours must stay between 75 and 110.
    auto info = run("pdfinfo " + quote(built().pdf)).out;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)")));
    int pages = std::stoi(m[1]);
    EXPECT_GE(pages, 75);
    EXPECT_LE(pages, 110);
}
