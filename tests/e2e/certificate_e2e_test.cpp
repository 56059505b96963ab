// The certificate of attendance (layouts/certificate.xml, sources/workshop-certificates/) built
// with its variables given by --set: names that fit, shrink, break onto two lines, set in CJK
// fonts, and names refused with the exact error.
#include <gtest/gtest.h>

#include <sstream>

#include <fstream>
#include <string>

#include "run.h"

using namespace reportc::e2e;

namespace {

struct Certificate {
    int status = -1;
    std::string err, text, trace, pdf;
};

// The sample certificate for a participant called `name`.
Certificate build_certificate(const std::string& tag, const std::string& name) {
    const std::string dir = scratch_dir("certificate-" + tag);
    Certificate c;
    c.pdf = dir + "/certificate.pdf";
    const std::string sets[][2] = {
        {"participant.name", name},
        {"participant.organisation", "Sample data — fictional customs administration"},
        {"participant.country", "Viet Nam"},
        {"workshop.title", "Regional Workshop on Post-Clearance Audit for ASEAN Members"},
        {"workshop.dates", "2–6 November 2020"},
        {"workshop.place", "virtual"},
        {"signatory1.name", "Norikazu Kuramoto"},
        {"signatory1.title", "Head of the ROCB A/P"},
        {"signatory2.name", "A. N. Other"},
        {"signatory2.title", "Representative of the host administration"},
        {"certificate.number", "ROCB-2020-PCA-0007"},
        {"certificate.url", "https://www.rocb-ap.org/certificates/ROCB-2020-PCA-0007"},
        {"workshop.logo", ""},
    };
    std::string command = "cd " + quote(source_root()) + " && SOURCE_DATE_EPOCH=0 " + reportc_exe() +
                          " build sources/workshop-certificates/certificate.xml -o " + quote(c.pdf) + " --trace " +
                          quote(dir + "/certificate.trace");
    for (const auto& [variable, value] : sets) command += " --set " + quote(std::string(variable) + "=" + value);
    Run r = run(command);
    c.status = r.status;
    c.err = r.err;
    if (r.status == 0) {
        c.text = run("pdftotext -q " + quote(c.pdf) + " -").out;
        c.trace = read_file(dir + "/certificate.trace");
    }
    return c;
}

// The size of the trace's text items that print `word` ("" when none does).
std::string size_of(const std::string& trace, const std::string& word) {
    const size_t at = trace.find(" \"" + word + "\"");
    if (at == std::string::npos) return "";
    const size_t line = trace.rfind('\n', at) + 1;
    // "  text fN SIZE X Y #colour "word""
    const size_t size = trace.find(' ', trace.find(" f", line) + 1) + 1;
    return trace.substr(size, trace.find(' ', size) - size);
}

// "certificate.xml:LINE:", LINE the one of the participant's name, wherever the source puts it.
const std::string kWhere = [] {
    std::istringstream in(read_file(source_root() + "/sources/workshop-certificates/certificate.xml"));
    int n = 0;
    for (std::string line; std::getline(in, line);)
        if (++n, line.find("style=\"participant-name\"") != std::string::npos) break;
    return "sources/workshop-certificates/certificate.xml:" + std::to_string(n) + ":";
}();

}  // namespace

TEST(CertificateE2E, AShortNameIsSetAtFullSizeWithTheWorkshopAndSignatories) {
    auto c = build_certificate("short", "Nguyễn Thị Minh Khai");
    ASSERT_EQ(c.status, 0) << c.err;
    for (const char* expected : {"WORLD CUSTOMS ORGANIZATION", "Regional Office for Capacity Building for Asia/Pacific (ROCB A/P)",
                                 "Certificate of Attendance", "Nguyễn Thị Minh Khai",
                                 "Regional Workshop on Post-Clearance Audit for ASEAN Members", "held 2–6 November 2020, virtual",
                                 "Norikazu Kuramoto", "Head of the ROCB A/P", "A. N. Other", "Certificate No. ROCB-2020-PCA-0007"})
        EXPECT_NE(c.text.find(expected), std::string::npos) << expected << "\n" << c.text;
    EXPECT_EQ(size_of(c.trace, "Nguyễn"), "32.000");
    EXPECT_EQ(run("pdfinfo " + quote(c.pdf) + " | grep -c 'Page size: *841.89 x 595.276'").out, "1\n");  // landscape A4
}

TEST(CertificateE2E, ASixtyCharacterNameShrinksOntoOneLine) {
    const std::string name = "Maria Concepción de los Santos Dela Cruz-Villanueva Macaraeg";
    auto c = build_certificate("sixty", name);
    ASSERT_EQ(c.status, 0) << c.err;
    EXPECT_NE(c.text.find(name + "\n"), std::string::npos) << c.text;  // one line
    EXPECT_EQ(size_of(c.trace, "Maria"), "24.000");
    EXPECT_EQ(size_of(c.trace, "Macaraeg"), "24.000");
}

TEST(CertificateE2E, ALongerNameTakesTwoLinesAtTheMinimumSize) {
    auto c = build_certificate("two-lines", "Siobhán O’Brien-Ní Dhomhnaill and Aleksandra Wiśniewska-Kowalczyk-Szymańska of the Pacific");
    ASSERT_EQ(c.status, 0) << c.err;
    EXPECT_NE(c.text.find("Siobhán O’Brien-Ní Dhomhnaill and Aleksandra\nWiśniewska-Kowalczyk-Szymańska of the Pacific\n"),
              std::string::npos)
        << c.text;
    EXPECT_EQ(size_of(c.trace, "Siobhán"), "18.000");
}

TEST(CertificateE2E, ATwoHundredCharacterNameIsALocatedErrorAndNoPdf) {
    std::string name;
    while (name.size() < 200) name += "Abcdefghij Klmnopqrs ";
    name.resize(200);
    auto c = build_certificate("two-hundred", name);
    EXPECT_EQ(c.status, 1);
    EXPECT_NE(c.err.find(kWhere + "8: error: \"" + name.substr(0, 60) +
                         "…\" does not fit on two lines of 672.3pt at min-font-size 18pt "
                         "(paragraph style 'participant-name', fit=\"shrink\")\n"),
              std::string::npos)
        << c.err;
    EXPECT_NE(c.err.find("\n1 error(s), 0 warning(s)\n"), std::string::npos) << c.err;
    EXPECT_FALSE(std::ifstream(c.pdf).good());
}

TEST(CertificateE2E, ChineseJapaneseAndKoreanNamesSetFromTheCjkFonts) {
    const std::string name = "陈静怡 王秀英 山田花子 さくら 김민준";
    auto c = build_certificate("cjk", name);
    ASSERT_EQ(c.status, 0) << c.err;
    EXPECT_NE(c.text.find(name), std::string::npos) << c.text;
    const std::string fonts = run("pdffonts " + quote(c.pdf)).out;
    for (const char* font : {"NanumMyeongjoBold", "BousungEG-Light-GB"})  // Nanum Myeongjo, AR PL SungtiL GB
        EXPECT_NE(fonts.find(font), std::string::npos) << font << "\n" << fonts;
}

TEST(CertificateE2E, ANameInAScriptThatNeedsShapingIsRefused) {
    auto c = build_certificate("thai", "สมชาย ใจดี");
    EXPECT_EQ(c.status, 1);
    EXPECT_NE(c.err.find(kWhere + "36: error: the character U+0E2A 'ส' is Thai, a script that needs text shaping, "
                                  "which reportc does not do\n"),
              std::string::npos)
        << c.err;
    EXPECT_NE(c.err.find("\n1 error(s), 0 warning(s)\n"), std::string::npos) << c.err;
    EXPECT_FALSE(std::ifstream(c.pdf).good());
}

TEST(CertificateE2E, ACharacterNoFontHasIsAnErrorNamingIt) {
    auto c = build_certificate("private-use", "Anna \xEE\x80\x80 Berg");
    EXPECT_EQ(c.status, 1);
    EXPECT_NE(c.err.find(kWhere + "36: error: no font has the character U+E000 '\xEE\x80\x80'\n"), std::string::npos) << c.err;
    EXPECT_FALSE(std::ifstream(c.pdf).good());
}
