// Inline styling elements in report text: each names a built-in character style; <nbsp/>
// and typed no-break characters stay in the text, never turned into breakable spaces.
#include <gtest/gtest.h>

#include "input/source_reader.h"
#include "rendered_diagnostics.h"

using namespace reportc;
using reportc::testing::rendered;

namespace {

struct Fixture {
    MemoryEnvironment env;
    SourceManager sources;
    Diagnostics diags;
    std::vector<doc::TextRun> runs(const std::string& p) {
        env.set_file("r/report.xml", "<report layout=\"l.xml\">" + p + "</report>");
        auto d = input::read_report("r/report.xml", env, sources, diags);
        if (!d || d->blocks.empty()) return {};
        return std::get<doc::Paragraph>(d->blocks[0].node).runs;
    }
};

using Styles = std::vector<std::string>;

}  // namespace

TEST(InlineStyling, ElementsNameBuiltinCharacterStyles) {
    Fixture f;
    auto runs = f.runs("<p>H<sub>2</sub>O 1<sup>st</sup> <u>u</u> <s>s</s> <strike>t</strike> <sc>Nato</sc> <mark><b>m</b></mark></p>");
    EXPECT_TRUE(f.diags.all().empty());
    ASSERT_EQ(runs.size(), 14u);
    EXPECT_EQ(runs[1].text, "2");
    EXPECT_EQ(runs[1].char_styles, Styles{"subscript"});
    EXPECT_EQ(runs[3].char_styles, Styles{"superscript"});
    EXPECT_EQ(runs[5].char_styles, Styles{"underline"});
    EXPECT_EQ(runs[7].char_styles, Styles{"strike"});
    EXPECT_EQ(runs[9].char_styles, Styles{"strike"});
    EXPECT_EQ(runs[11].char_styles, Styles{"small-caps"});
    EXPECT_EQ(runs[13].char_styles, (Styles{"highlight", "strong"}));
}

TEST(InlineStyling, NoBreakSpaceElementAndTypedCharacters) {
    // <nbsp/>, &#160; and a typed U+00A0 are all the same character; U+2011 stays as typed.
    Fixture f;
    auto runs = f.runs("<p>10<nbsp/>kg, 20&#160;% and 30\u00A0m, COVID\u201119</p>");
    EXPECT_TRUE(f.diags.all().empty());
    EXPECT_EQ(doc::plain_text(runs), "10\u00A0kg, 20\u00A0% and 30\u00A0m, COVID\u201119");
}

TEST(InlineStyling, NoBreakSpaceElementHoldsNothing) {
    Fixture f;
    f.runs("<p>a<nbsp>x</nbsp>b</p>");
    auto out = rendered(f.diags, f.sources);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0], "r/report.xml:1:34: error: expected <nbsp> to be empty");
}

TEST(InlineStyling, StylingElementsTakeNoAttributes) {
    Fixture f;
    EXPECT_EQ(f.runs("<p>a<sup x=\"1\">b</sup></p>").size(), 2u);
    auto out = rendered(f.diags, f.sources);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0], "r/report.xml:1:33: error: unknown attribute 'x' on <sup>; expected no attributes");
}
