// End to end: layouts written by hand — settings, header and footer slots and their fields.
#include <gtest/gtest.h>

#include <regex>
#include <unistd.h>

#include "run.h"

using namespace reportc::e2e;

namespace {

// A small layout in `dir`: a roman-numbered front master and an arabic body master, whose
// footers are `footer`; `extra` goes before the page masters (settings, styles).
void write_layout(const std::string& dir, const std::string& extra, const std::string& footer) {
    const std::string fonts = source_root() + "/fonts/liberation/";
    write_file(dir + "/layout.xml",
               "<layout>\n"
               "<font-family name=\"Sans\" regular=\"" + fonts + "LiberationSans-Regular.ttf\" bold=\"" + fonts +
               "LiberationSans-Bold.ttf\" italic=\"" + fonts + "LiberationSans-Italic.ttf\"/>\n" + extra +
               "<page-master name=\"front\" size=\"A5\" page-numbering=\"lower-roman\"><footer>" + footer + "</footer></page-master>\n"
               "<page-master name=\"body\" size=\"A5\"><footer>" + footer + "</footer></page-master>\n"
               "<paragraph-style name=\"body\" font-family=\"Sans\"/>\n"
               "<paragraph-style name=\"heading-1\" font-family=\"Sans\" font-size=\"14pt\" page-break-before=\"true\"/>\n"
               "<paragraph-style name=\"footer\" font-family=\"Sans\" font-size=\"8pt\"/>\n"
               "<character-style name=\"strong\" font-weight=\"bold\"/>\n"
               "<character-style name=\"emphasis\" font-style=\"italic\"/>\n"
               "<character-style name=\"accent\" color=\"#1f4e79\"/>\n"
               "</layout>\n");
}

// Two front pages (i, ii), then `body_pages` arabic pages, one section each.
void write_report(const std::string& dir, int body_pages) {
    std::string body;
    for (int i = 1; i <= body_pages; ++i) body += "<section title=\"Part " + std::to_string(i) + "\"><p>Text.</p></section>\n";
    write_file(dir + "/report.xml", "<report layout=\"layout.xml\"><info><title>T</title></info>\n"
                                    "<division page-master=\"front\"><p>Cover.</p></division>\n"
                                    "<division page-master=\"front\"><section title=\"Foreword\"><p>Words.</p></section></division>\n" +
                                        body + "</report>\n");
}

Run build(const std::string& dir) {
    return run("cd " + quote(dir) + " && SOURCE_DATE_EPOCH=0 " + reportc_exe() + " build report.xml -o out.pdf --trace out.trace");
}

std::string fresh_dir(const std::string& name) { return scratch_dir(name + "-" + std::to_string(::getpid())); }

// The words of page `page` (1-based) in the trace, joined by spaces.
std::string trace_page_words(const std::string& trace, int page) {
    std::string words;
    size_t at = trace.find("\npage " + std::to_string(page) + " ");
    size_t end = trace.find("\npage " + std::to_string(page + 1) + " ");
    std::string part = trace.substr(at, end == std::string::npos ? std::string::npos : end - at);
    std::regex text("text f\\d+ [0-9.]+ [0-9.]+ [0-9.]+ #[0-9a-f]+(?: kern=\\S+)? \"([^\"]*)\"");  // kern=: a kerned word
    for (auto it = std::sregex_iterator(part.begin(), part.end(), text); it != std::sregex_iterator(); ++it)
    {
        // Appended, not `"literal" + str`: GCC 12 warns falsely (-Wrestrict) on that here.
        if (!words.empty()) words += ' ';
        words += (*it)[1].str();
    }
    return words;
}

}  // namespace

TEST(LayoutE2E, UnknownSettingIsALocatedErrorWithASuggestion) {
    // A typo in a setting's name was accepted and ignored.
    std::string dir = fresh_dir("unknown-setting");
    write_layout(dir, "<setting name=\"contents-level\" value=\"3\"/>\n", "<center>{page}</center>");
    write_report(dir, 1);
    auto r = build(dir);
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("layout.xml:3:10: error: unknown setting 'contents-level' (did you mean 'contents-levels'?); "
                         "expected one of: page-master, abbreviation-register, contents-levels, chart-palette"),
              std::string::npos)
        << r.err;
}

TEST(LayoutE2E, ContentsLevelsTwoIsALocatedError) {
    // contents-levels="two" was read with atoi as 0: an empty contents and exit status 0.
    std::string dir = fresh_dir("contents-two");
    write_layout(dir, "<setting name=\"contents-levels\" value=\"two\"/>\n", "<center>{page}</center>");
    write_report(dir, 1);
    auto r = build(dir);
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("layout.xml:3:33: error: expected a whole number from 1 to 4 for contents-levels, found 'two'"),
              std::string::npos)
        << r.err;
}

TEST(LayoutE2E, ElementInAHeaderSlotIsALocatedError) {
    // <image> in a footer slot made the whole slot disappear without a message; now an image
    // may stand alone in a slot, not beside text.
    std::string dir = fresh_dir("slot-image");
    write_layout(dir, "", "<center>Page {page} <image src=\"logo.png\"/></center>");
    write_report(dir, 1);
    auto r = build(dir);
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("layout.xml:4:65: error: expected <center> to hold text or one <image>, not both"),
              std::string::npos)
        << r.err;
}

TEST(LayoutE2E, StyledSlotTextIsSetInItsCharacterStyles) {
    // <b>, <i> and <span style> in a slot keep their text (it used to vanish) and set it in
    // the character styles, around the fields they hold.
    std::string dir = fresh_dir("slot-styles");
    write_layout(dir, "", "<left><b>Annual</b> <i>report</i></left><right><span style=\"accent\">p. {page}</span></right>");
    write_report(dir, 1);
    auto r = build(dir);
    ASSERT_EQ(r.status, 0) << r.err;
    std::string trace = read_file(dir + "/out.trace");
    std::smatch bold, italic, accent;
    ASSERT_TRUE(std::regex_search(trace, bold, std::regex("font (\\d+) LiberationSans-Bold")));
    ASSERT_TRUE(std::regex_search(trace, italic, std::regex("font (\\d+) LiberationSans-Italic")));
    EXPECT_TRUE(std::regex_search(trace, std::regex("text f" + bold[1].str() + " 8.000 [0-9.]+ [0-9.]+ #000000 \"Annual\"")));
    EXPECT_TRUE(std::regex_search(trace, std::regex("text f" + italic[1].str() + " 8.000 [0-9.]+ [0-9.]+ #000000 \"report\"")));
    EXPECT_TRUE(std::regex_search(trace, std::regex("8.000 [0-9.]+ [0-9.]+ #1f4e79 \"p.\"\n.*#1f4e79 \"1\"")));
}

TEST(LayoutE2E, PageNineOfNineNotElevenOnTheLastArabicPage) {
    // "Page 9 of 11": {pages} counted the roman front pages while {page} restarted at 1. Now
    // {pages} counts the pages of the folio's own numbering and {total-pages} every page.
    std::string dir = fresh_dir("page-of-pages");
    write_layout(dir, "", "<center>Page {page} of {pages} ({total-pages} in all)</center>");
    write_report(dir, 9);
    auto r = build(dir);
    ASSERT_EQ(r.status, 0) << r.err;
    std::string trace = read_file(dir + "/out.trace");
    EXPECT_NE(trace.find("document pages=11"), std::string::npos) << trace.substr(0, 200);
    EXPECT_NE(trace_page_words(trace, 2).find("Page ii of ii (11 in all)"), std::string::npos) << trace_page_words(trace, 2);
    EXPECT_NE(trace_page_words(trace, 11).find("Page 9 of 9 (11 in all)"), std::string::npos) << trace_page_words(trace, 11);
}
