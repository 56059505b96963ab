// End to end: build the real annual report and check the PDF with poppler and qpdf.
#include <gtest/gtest.h>

#include <regex>
#include <unistd.h>
#include <sstream>

#include "run.h"

using namespace reportc::e2e;

namespace {

const std::string kReport = "sources/rocb-ap-annual-report-2020-21/report.xml";

// Letters and digits only, lowercased: compares text regardless of line breaks, hyphenation
// at line ends and spacing.
std::string squeeze(const std::string& s) {
    std::string out;
    for (unsigned char c : s)
        if (std::isalnum(c)) out += char(std::tolower(c));
    return out;
}

struct BuiltReport {
    std::string pdf, stats, err;
    int status = -1;
};

const BuiltReport& built() {
    static BuiltReport b = [] {
        BuiltReport r;
        std::string dir = scratch_dir("report-" + std::to_string(::getpid()));
        r.pdf = dir + "/report.pdf";
        auto result = run("cd " + quote(source_root()) + " && SOURCE_DATE_EPOCH=1700000000 " + reportc_exe() + " build " + kReport +
                          " -o " + quote(r.pdf) + " --stats");
        r.status = result.status;
        r.stats = result.out;
        r.err = result.err;
        return r;
    }();
    return b;
}

// The body text of every page, without running heads and folios (cropped away).
std::string body_text(const std::string& pdf) {
    return run("pdftotext -q -x 0 -y 62 -W 596 -H 728 " + quote(pdf) + " -").out;
}

}  // namespace

TEST(ReportE2E, BuildsWithoutErrors) {
    // The report builds, exit status 0, and the only diagnostics are warnings.
    const auto& b = built();
    ASSERT_EQ(b.status, 0) << b.err;
    EXPECT_EQ(b.err.find(": error:"), std::string::npos) << b.err;
}

TEST(ReportE2E, QpdfFindsNoProblems) {
    // qpdf's structural check is clean.
    auto r = run("qpdf --check " + quote(built().pdf));
    EXPECT_EQ(r.status, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("No syntax or stream encoding errors found"), std::string::npos) << r.out;
}

TEST(ReportE2E, EveryFontEmbeddedAndSubset) {
    // pdffonts lists each font with emb, sub and uni all "yes".
    auto r = run("pdffonts " + quote(built().pdf));
    ASSERT_EQ(r.status, 0);
    std::istringstream lines(r.out);
    std::string line;
    int fonts = 0;
    while (std::getline(lines, line)) {
        if (line.find("CID TrueType") == std::string::npos) continue;
        ++fonts;
        EXPECT_NE(line.find("yes yes yes"), std::string::npos) << line;
    }
    EXPECT_GE(fonts, 3) << r.out;  // regular, bold, italic at least
}

TEST(ReportE2E, ExtractedTextHasKnownSentencesInOrder) {
    // Sentences of the Executive Summary and the Conclusion appear in published order.
    std::string text = squeeze(body_text(built().pdf));
    const char* sentences[] = {
        "The Asia Pacific Regional Office for Capacity Building (ROCB A/P) was established in 2004 and was the 1st ROCB in the world",
        "This Annual Report covers the ROCB A/P activities conducted between 1 July 2020 and 30 June 2021.",
        "The World Health Organization (WHO) declared COVID-19 a pandemic in March 2020.",
        "the ROCB A/P had organized 9 regional/sub-Regional workshops with 470 participants",
        "ROCB A/P could not carry out our missions and works effectively if there is no concerted efforts",
        "The pandemic has prevailed for more than 1 year.",
        "Norikazu KURAMOTO",
        "Head of the ROCB A/P",
    };
    size_t at = 0;
    for (const char* s : sentences) {
        size_t found = text.find(squeeze(s), at);
        ASSERT_NE(found, std::string::npos) << "missing or out of order: " << s;
        at = found;
    }
}

TEST(ReportE2E, SpecialCharactersExtractExactlyWithoutWarnings) {
    // ’ “ ” – and the non-breaking hyphen come out as the same characters; poppler is silent.
    auto r = run("pdftotext " + quote(built().pdf) + " -");
    EXPECT_EQ(r.err, "");
    for (const char* s : {"Members’", "“ROCB", "Report”", "30 March – 1 April 2021", "Co‑operation"})
        EXPECT_NE(r.out.find(s), std::string::npos) << s;
}

TEST(ReportE2E, StatsSayWhatLibharuHoldsAtTheSave) {
    const auto& stats = built().stats;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(stats, m, std::regex("libharu heap at the save: (\\d+) bytes in (\\d+) blocks\n"))) << stats;
    EXPECT_GT(std::stol(m[1]), 100000);
    EXPECT_GT(std::stol(m[2]), 1000);
}

TEST(ReportE2E, JustifiedSpacingMeetsTheQualityBar) {
    // No inter-word space above 2x natural, fewer than 2 % of justified lines above 1.5x.
    const auto& stats = built().stats;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(stats, m, std::regex("justified lines: (\\d+)"))) << stats;
    long justified = std::stol(m[1]);
    ASSERT_TRUE(std::regex_search(stats, m, std::regex("spaces over 1.5x natural: (\\d+)")));
    long over_15 = std::stol(m[1]);
    ASSERT_TRUE(std::regex_search(stats, m, std::regex("spaces over 2x natural: (\\d+)")));
    long over_2 = std::stol(m[1]);
    ASSERT_TRUE(std::regex_search(stats, m, std::regex("overfull lines: (\\d+)")));
    EXPECT_EQ(std::stol(m[1]), 0);
    EXPECT_GT(justified, 500);
    EXPECT_EQ(over_2, 0) << stats;
    EXPECT_LT(double(over_15), 0.02 * double(justified)) << stats;
}

TEST(ReportE2E, HasOutlineAndInfo) {
    // Document info is set and the outline opens with the Executive Summary.
    auto info = run("pdfinfo " + quote(built().pdf)).out;
    EXPECT_NE(info.find("Title:           ROCB A/P Annual Report 2020/21"), std::string::npos) << info;
    EXPECT_NE(info.find("Creator:         reportc"), std::string::npos);
    auto json = run("qpdf --json --json-key=outlines " + quote(built().pdf)).out;
    EXPECT_NE(json.find("\"title\": \"Executive Summary\""), std::string::npos);
    EXPECT_NE(json.find("\"title\": \"Conclusion\""), std::string::npos);
}

TEST(ReportE2E, SameInputSameBytes) {
    // With SOURCE_DATE_EPOCH set, two builds give byte-identical PDFs.
    std::string dir = scratch_dir("determinism");
    std::string cmd = "cd " + quote(source_root()) + " && SOURCE_DATE_EPOCH=1700000000 " + reportc_exe() + " build " + kReport + " -o ";
    ASSERT_EQ(run(cmd + quote(dir + "/a.pdf")).status, 0);
    ASSERT_EQ(run(cmd + quote(dir + "/b.pdf")).status, 0);
    std::string a = read_file(dir + "/a.pdf"), b = read_file(dir + "/b.pdf");
    EXPECT_GT(a.size(), 10000u);
    EXPECT_TRUE(a == b) << "the two builds differ";
    EXPECT_TRUE(a == read_file(built().pdf)) << "differs from the first build";
}

TEST(ReportE2E, TraceListsPositionedItems) {
    // --trace writes a stable dump with pages, fonts and text items.
    std::string dir = scratch_dir("trace");
    auto r = run("cd " + quote(source_root()) + " && " + reportc_exe() + " build " + kReport + " -o " + quote(dir + "/r.pdf") +
                 " --trace " + quote(dir + "/r.trace"));
    ASSERT_EQ(r.status, 0) << r.err;
    std::string trace = read_file(dir + "/r.trace");
    EXPECT_NE(trace.find("page 1 595.276x841.890"), std::string::npos);
    EXPECT_NE(trace.find("\"Executive\""), std::string::npos);
    EXPECT_NE(trace.find("font 0 LiberationSans"), std::string::npos);
}

TEST(ReportE2E, NoWordIsSplitAcrossPages) {
    // A page never ends with a hyphenated word whose rest is on the next page.
    auto info = run("pdfinfo " + quote(built().pdf)).out;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)")));
    int pages = std::stoi(m[1]);
    for (int p = 1; p <= pages; ++p) {
        std::string text = run("pdftotext -q -f " + std::to_string(p) + " -l " + std::to_string(p) +
                               " -x 0 -y 62 -W 596 -H 728 " + quote(built().pdf) + " -").out;
        while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
        if (text.size() < 2) continue;
        bool hyphen_end = text.back() == '-' && std::isalpha(static_cast<unsigned char>(text[text.size() - 2]));
        EXPECT_FALSE(hyphen_end) << "page " << p << " ends with: " << text.substr(text.size() > 40 ? text.size() - 40 : 0);
    }
}

TEST(ReportE2E, AnnexIColumnsAreAtLeastEightPointsApart) {
    // Issue 12: on the landscape Annex I pages, "3.1.2 – 4th milestone" stood 3pt from the KPI
    // column beside it. Every "milestone" that ends a line of the milestone column and has a
    // word beside it on the same baseline (the next column's) is at least 8pt from that word.
    const auto& b = built();
    ASSERT_EQ(b.status, 0) << b.err;
    const std::string html = run("pdftotext -q -bbox " + quote(b.pdf) + " -").out;
    const std::regex word("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"[0-9.]+\">([^<]*)</word>");
    struct W { double x0, y, x1; std::string text; };
    std::vector<W> words;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), word); it != std::sregex_iterator(); ++it)
        words.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), (*it)[4]});
    size_t pairs = 0;
    for (size_t i = 0; i + 1 < words.size(); ++i) {
        if (words[i].text != "milestone" || i == 0 || !std::regex_match(words[i - 1].text, std::regex("[0-9]+(st|nd|rd|th)")))
            continue;  // a column's "1st milestone", not body text
        for (size_t j = i + 1; j < words.size() && j < i + 40; ++j)
            if (std::abs(words[j].y - words[i].y) < 0.5 && words[j].x0 > words[i].x1) {
                ++pairs;
                EXPECT_GE(words[j].x0 - words[i].x1, 8.0) << "milestone, then '" << words[j].text << "' at y " << words[i].y;
                break;
            }
    }
    EXPECT_GT(pairs, 20u);  // the Annex I rows were found
}
