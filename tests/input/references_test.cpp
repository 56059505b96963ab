// Character and entity references pugixml would pass silently (issue 15): each is an error at the
// reference, and the file is not read further.
#include <gtest/gtest.h>

#include "input/layout_reader.h"
#include "input/source_reader.h"
#include "rendered_diagnostics.h"

using namespace reportc;
using reportc::testing::rendered;

namespace {

std::vector<std::string> errors_reading(const std::string& text) {
    MemoryEnvironment env;
    SourceManager sources;
    Diagnostics diags;
    env.set_file("r/report.xml", text);
    input::read_report("r/report.xml", env, sources, diags);
    return rendered(diags, sources);
}

std::vector<std::string> errors_in_paragraph(const std::string& text) {
    return errors_reading("<report layout=\"l.xml\">\n<p>" + text + "</p>\n</report>\n");
}

// The errors of reading `layout` as the layout file l.xml.
std::vector<std::string> errors_reading_layout(const std::string& layout) {
    MemoryEnvironment env;
    SourceManager sources;
    Diagnostics diags;
    env.set_file("l.xml", layout);
    input::read_layout("l.xml", env, sources, diags, Span{});
    return rendered(diags, sources);
}

}  // namespace

TEST(References, NulReferenceIsAnError) {
    // &#0; cut the rest of the text off silently.
    EXPECT_EQ(errors_in_paragraph("before &#0; after"),
              std::vector<std::string>{"r/report.xml:2:11: error: expected a character reference to a character, found '&#0;' (U+0000, NUL)"});
    EXPECT_EQ(errors_in_paragraph("&#x000;"),
              std::vector<std::string>{"r/report.xml:2:4: error: expected a character reference to a character, found '&#x000;' (U+0000, NUL)"});
}

TEST(References, SurrogatesAndCodePointsPastTheLastAreErrors) {
    EXPECT_EQ(errors_in_paragraph("a &#xD800; b"),
              std::vector<std::string>{"r/report.xml:2:6: error: expected a character reference to a character, found '&#xD800;' (a surrogate)"});
    EXPECT_EQ(errors_in_paragraph("&#57343;"),
              std::vector<std::string>{"r/report.xml:2:4: error: expected a character reference to a character, found '&#57343;' (a surrogate)"});
    EXPECT_EQ(errors_in_paragraph("&#x110000;"),
              std::vector<std::string>{"r/report.xml:2:4: error: expected a character reference to a character, found '&#x110000;' (past U+10FFFF)"});
    // A long run of digits neither overflows nor is quoted whole.
    EXPECT_EQ(errors_in_paragraph("&#" + std::string(5000, '9') + ";"),
              std::vector<std::string>{"r/report.xml:2:4: error: expected a character reference to a character, found '&#" +
                                       std::string(22, '9') + "…' (past U+10FFFF)"});
}

TEST(References, ReferencesInAttributesAreCheckedToo) {
    EXPECT_EQ(errors_reading("<report layout=\"l.xml\">\n<section title=\"a&#0;b\"/>\n</report>\n"),
              std::vector<std::string>{"r/report.xml:2:18: error: expected a character reference to a character, found '&#0;' (U+0000, NUL)"});
}

TEST(References, ValidReferencesCommentsAndCdataStayAsTheyWere) {
    EXPECT_TRUE(errors_in_paragraph("&#x10FFFF; &#xA0; &amp; &lt;&gt;&quot;&apos; R&D AT&T <!-- &#0; &lol; --> <![CDATA[&#0; &x;]]>").empty());
}

TEST(References, RawNulIsAnError) {
    EXPECT_EQ(errors_in_paragraph(std::string("a\0b", 3)),
              std::vector<std::string>{"r/report.xml:2:5: error: expected text, found a NUL byte (0x00)"});
}

TEST(References, EntityDeclarationsAreErrorsAndTheirUsesAreNotReportedAgain) {
    // Billion laughs: the declarations were ignored and '&lol9;' printed as written.
    EXPECT_EQ(errors_reading("<!DOCTYPE report [\n"
                             "  <!ENTITY lol \"lol\">\n"
                             "  <!ENTITY lol2 \"&lol;&lol;\"> <!-- <!ENTITY not-one \"x\"> -->\n"
                             "]>\n"
                             "<report layout=\"l.xml\"><p>&lol2;</p></report>\n"),
              (std::vector<std::string>{
                  "r/report.xml:2:3: error: unexpected entity declaration '<!ENTITY lol'; entities are not expanded, write the text or a character reference such as &#xA0;",
                  "r/report.xml:3:3: error: unexpected entity declaration '<!ENTITY lol2'; entities are not expanded, write the text or a character reference such as &#xA0;",
              }));
}

TEST(References, UndeclaredEntityIsAnError) {
    EXPECT_EQ(errors_in_paragraph("&lol9;"),
              std::vector<std::string>{"r/report.xml:2:4: error: unknown entity '&lol9;'; expected &amp; &lt; &gt; &quot; &apos; or a character reference such as &#xA0;"});
    EXPECT_TRUE(errors_reading("<!DOCTYPE report>\n<report layout=\"l.xml\"><p>x</p></report>\n").empty());
}

TEST(References, LayoutsAreCheckedToo) {
    EXPECT_EQ(errors_reading_layout("<layout>&#0;</layout>\n"),
              std::vector<std::string>{"l.xml:1:9: error: expected a character reference to a character, found '&#0;' (U+0000, NUL)"});
}

TEST(References, RepeatedAttributeIsAnErrorAtItsSecondUse) {
    // XML 1.0, section 3.1 (Unique Att Spec): pugixml kept both and a reader took one, so a
    // layout's space-before="20000mm" beside space-before="0" passed unchecked, exit 0.
    EXPECT_EQ(errors_reading("<report layout=\"l.xml\">\n<section title=\"a\" id=\"s\"\n  title=\"b\"><p>x</p></section>\n</report>\n"),
              std::vector<std::string>{"r/report.xml:3:3: error: expected each attribute once on <section>, found 'title' again"});
    EXPECT_EQ(errors_reading_layout("<layout>\n<paragraph-style name=\"body\" space-before=\"0\" space-before=\"20000mm\"/>\n</layout>\n"),
              std::vector<std::string>{"l.xml:2:47: error: expected each attribute once on <paragraph-style>, found 'space-before' again"});
}
