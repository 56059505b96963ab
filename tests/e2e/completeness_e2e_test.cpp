// End to end: the annual report is complete — every part, article, table row and reference of
// the published report is in the built PDF.
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

TEST(CompletenessE2E, NoBodyPageUnderFiftyFivePercentFullExceptAtTheEndOfAPart) {
    // The text flows: only the top-level parts start a page. tools/page-fill measures, from the
    // PDF alone, the share of each page's text area in use; the last page of a top-level part
    // (the page before the next part starts, and the last page) may be short.
    ASSERT_EQ(built().status, 0) << built().err;
    const std::string trace = read_file(built().trace);
    std::istringstream in(trace);
    std::map<std::string, int> anchor_page;
    std::vector<std::string> parts;
    int page = 0;
    std::smatch m;
    for (std::string line; std::getline(in, line);) {
        if (std::regex_search(line, m, std::regex("^page (\\d+) "))) page = std::stoi(m[1]);
        else if (std::regex_search(line, m, std::regex("^  anchor (\\S+) "))) anchor_page.emplace(m[1], page);
        else if (std::regex_search(line, m, std::regex("^outline 1 .* -> (\\S+)$"))) parts.push_back(m[1]);
    }
    ASSERT_GE(parts.size(), 7u);
    std::set<int> short_allowed = {1, 2, page};  // the cover, the contents, the last page
    for (const auto& part : parts) {
        ASSERT_TRUE(anchor_page.count(part)) << part;
        short_allowed.insert(anchor_page[part] - 1);
    }
    const auto fill = run(quote(std::string(REPORTC_BINARY_DIR) + "/tools/page-fill") + " " + quote(built().pdf));
    ASSERT_EQ(fill.status, 0) << fill.err;
    std::istringstream pages(fill.out);
    int measured = 0;
    for (std::string line; std::getline(pages, line);) {
        if (!std::regex_search(line, m, std::regex("^page (\\d+): (\\d+)%"))) continue;
        ++measured;
        const int n = std::stoi(m[1]), percent = std::stoi(m[2]);
        if (!short_allowed.count(n)) {
            EXPECT_GE(percent, 55) << "page " << n << " is " << percent << "% full";
        }
    }
    EXPECT_EQ(measured, page);
}

TEST(CompletenessE2E, RunningHeadersAreNeverCutAndLongTitlesUseTheirShortTitle) {
    // Annex I's title is too long for the header: its short-title stands there and in the
    // contents, whole; no header line on any page ends in "…".
    ASSERT_EQ(built().status, 0) << built().err;
    const std::string text = run("pdftotext -layout -q " + quote(built().pdf) + " -").out;
    size_t pages = 0, annex_i = 0;
    for (size_t at = 0; at < text.size();) {
        size_t end = text.find('\f', at);
        if (end == std::string::npos) end = text.size();
        const std::string page = text.substr(at, end - at);
        const std::string header = page.substr(0, page.find('\n'));
        EXPECT_EQ(header.find("…"), std::string::npos) << "page " << pages + 1 << ": " << header;
        annex_i += header.find("Annex I – Strategic Action Plan 2020-2022") != std::string::npos;
        ++pages;
        at = end + 1;
    }
    EXPECT_GE(annex_i, 5u);
    EXPECT_NE(text.find("Annex I – Strategic Action Plan 2020-2022 . ."), std::string::npos) << "the contents' entry";
}

TEST(CompletenessE2E, TheCoverIsAFullBleedBandWithTheTitleAndTheAddressAtTheFoot) {
    // The cover master's first fill spans the page's width from its top edge, before any text;
    // the address is the cover's last line, in the lowest fifth of the page.
    ASSERT_EQ(built().status, 0) << built().err;
    const std::string trace = read_file(built().trace);
    const std::string cover = trace.substr(trace.find("page 1 "), trace.find("page 2 ") - trace.find("page 1 "));
    const size_t band = cover.find("shape fill=#1f4e79 stroke=none lw=1.000 M 0.000 0.000 L 595.276 0.000 L 595.276 362.835");
    ASSERT_NE(band, std::string::npos) << cover;
    EXPECT_LT(band, cover.find("text ")) << "the band is drawn behind the text";
    std::smatch m;
    ASSERT_TRUE(std::regex_search(cover, m, std::regex("text \\S+ \\S+ \\S+ (\\S+) \\S+(?: kern=\\S+)? \"www.rocb-ap.org\"")));
    EXPECT_GT(std::stod(m[1]), 841.89 * 0.8) << cover;
}
