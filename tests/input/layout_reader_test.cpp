#include <gtest/gtest.h>

#include "input/layout_reader.h"
#include "rendered_diagnostics.h"

using namespace reportc;
using reportc::testing::rendered;

TEST(LayoutReader, ReadsStylesMastersAndFonts) {
    // Paths resolve against the layout's folder; styles keep their raw properties.
    MemoryEnvironment env;
    env.set_file("layouts/l.xml",
                 "<layout>\n"
                 "<font-family name=\"Sans\" regular=\"../fonts/a.ttf\"/>\n"
                 "<font-fallback families=\"Sym, Other\"/>\n"
                 "<page-master name=\"body\" size=\"A4\"><header style=\"h\"><left>{title}</left></header></page-master>\n"
                 "<paragraph-style name=\"h1\" based-on=\"body\" font-size=\"18pt\"/>\n"
                 "</layout>");
    SourceManager sources;
    Diagnostics diags;
    auto layout = input::read_layout("layouts/l.xml", env, sources, diags, {});
    ASSERT_TRUE(layout.has_value());
    EXPECT_TRUE(diags.all().empty());
    EXPECT_EQ(layout->font_families[0].regular, "fonts/a.ttf");
    EXPECT_EQ(layout->fallback_families, (std::vector<std::string>{"Sym", "Other"}));
    ASSERT_EQ(layout->page_masters[0].header.left.size(), 1u);
    EXPECT_EQ(layout->page_masters[0].header.left[0].text, "{title}");
    EXPECT_EQ(layout->styles[0].based_on, "body");
    EXPECT_EQ(layout->styles[0].properties[0].name, "font-size");
}

TEST(LayoutReader, UnknownPropertyIsAnErrorAtTheAttribute) {
    // "font-sise" is not silently ignored.
    MemoryEnvironment env;
    env.set_file("l.xml", "<layout>\n  <paragraph-style name=\"b\" font-sise=\"9pt\"/>\n</layout>");
    SourceManager sources;
    Diagnostics diags;
    input::read_layout("l.xml", env, sources, diags, {});
    auto out = rendered(diags, sources);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].rfind("l.xml:2:29: error: unknown property 'font-sise' on <paragraph-style>; expected one of: font-family, ", 0), 0u) << out[0];
}

TEST(LayoutReader, SlotsHoldStyledText) {
    // <b>, <i> and <span style> become runs with their character styles, outermost first;
    // whitespace collapses as in paragraphs.
    MemoryEnvironment env;
    env.set_file("l.xml", "<layout><page-master name=\"body\"><footer>\n"
                          "  <left> <b>Annual <i>report</i></b>  <span style=\"accent\">{page}</span> </left>\n"
                          "</footer></page-master></layout>");
    SourceManager sources;
    Diagnostics diags;
    auto layout = input::read_layout("l.xml", env, sources, diags, {});
    ASSERT_TRUE(layout.has_value());
    EXPECT_TRUE(diags.all().empty());
    const auto& left = layout->page_masters[0].footer.left;
    ASSERT_EQ(left.size(), 4u);
    EXPECT_EQ(left[0].text, "Annual ");
    EXPECT_EQ(left[0].char_styles, (std::vector<std::string>{"strong"}));
    EXPECT_EQ(left[1].text, "report");
    EXPECT_EQ(left[1].char_styles, (std::vector<std::string>{"strong", "emphasis"}));
    EXPECT_EQ(left[2].text, " ");
    EXPECT_EQ(left[3].text, "{page}");
    EXPECT_EQ(left[3].char_styles, (std::vector<std::string>{"accent"}));
}

TEST(LayoutReader, OtherElementsInASlotAreLocatedErrors) {
    // An element a slot cannot hold used to make the whole slot vanish without a message; an
    // image is allowed alone in a slot, not beside text.
    MemoryEnvironment env;
    env.set_file("l.xml", "<layout><page-master name=\"body\"><header rule=\"yes\">\n"
                          "<left>Logo <image src=\"logo.png\"/></left>\n"
                          "<right><b>x <bogus/></b> <a href=\"#x\">y</a></right>\n"
                          "</header></page-master></layout>");
    SourceManager sources;
    Diagnostics diags;
    auto layout = input::read_layout("l.xml", env, sources, diags, {});
    EXPECT_EQ(rendered(diags, sources), (std::vector<std::string>{
                                            "l.xml:1:42: error: expected rule 'true' or 'false', found 'yes'",
                                            "l.xml:2:13: error: expected <left> to hold text or one <image>, not both",
                                            "l.xml:3:14: error: unexpected element <bogus> in <b>; expected text, b, i, span",
                                            "l.xml:3:27: error: unexpected element <a> in <right>; expected text, b, i, span"}));
    EXPECT_EQ(layout->page_masters[0].header.left[0].text, "Logo");
}

TEST(LayoutReader, ReadsLinkPatternsAndTheAbbreviationIgnoreList) {
    // Attributes as written; each ignored word located at itself; comments between words.
    MemoryEnvironment env;
    env.set_file("l.xml",
                 "<layout>\n"
                 "<character-style name=\"see-also\"/>\n"
                 "<link-pattern style=\"see-also\" match=\"\\((\\w)\\)\" target=\"row-{1}\" link-text=\"0\"/>\n"
                 "<abbreviation-ignore>HAN <!-- a name --> HE\n  TRAFFIC</abbreviation-ignore>\n"
                 "</layout>");
    SourceManager sources;
    Diagnostics diags;
    auto layout = input::read_layout("l.xml", env, sources, diags, {});
    ASSERT_TRUE(layout.has_value());
    EXPECT_TRUE(diags.all().empty()) << rendered(diags, sources)[0];
    ASSERT_EQ(layout->link_patterns.size(), 1u);
    EXPECT_EQ(layout->link_patterns[0].match, "\\((\\w)\\)");
    EXPECT_EQ(layout->link_patterns[0].target, "row-{1}");
    EXPECT_EQ(layout->link_patterns[0].link_text, "0");
    ASSERT_EQ(layout->abbreviation_ignore.size(), 3u);
    EXPECT_EQ(layout->abbreviation_ignore[2].word, "TRAFFIC");
    EXPECT_EQ(sources.location(layout->abbreviation_ignore[2].span), "l.xml:5:3");
}

TEST(LayoutReader, LinkPatternOfAnUndeclaredStyleIsAnError) {
    // A style no <character-style> declares would link nothing: an error at 'style'.
    MemoryEnvironment env;
    env.set_file("l.xml", "<layout>\n<link-pattern style=\"sea-also\" match=\"x\" target=\"y\"/>\n</layout>");
    SourceManager sources;
    Diagnostics diags;
    input::read_layout("l.xml", env, sources, diags, {});
    auto out = rendered(diags, sources);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].rfind("l.xml:2:15: error: expected a character style declared with <character-style> in 'style', found 'sea-also'", 0), 0u) << out[0];
}

TEST(LayoutReader, ReadsNumberingRulesAndLocatesUnknownElementsAndAttributes) {
    // <numbering>'s rules keep their attributes as written (xref checks the values); another
    // element or an unknown attribute is an error where it stands.
    MemoryEnvironment env;
    env.set_file("l.xml", "<layout>\n<numbering>\n<heading level=\"1\" format=\"I\" label=\"Annex\"/>\n"
                          "<figure kind=\"diagram\" label=\"Diagram\" colour=\"red\"/>\n<chapter/>\n"
                          "<ref-format name=\"full\" text=\"{label} {number} on page {page}\"/>\n</numbering>\n</layout>");
    SourceManager sources;
    Diagnostics diags;
    auto layout = input::read_layout("l.xml", env, sources, diags, {});
    ASSERT_TRUE(layout.has_value());
    ASSERT_EQ(layout->numbering.size(), 3u);
    EXPECT_EQ(layout->numbering[0].element, "heading");
    ASSERT_EQ(layout->numbering[0].attributes.size(), 3u);
    EXPECT_EQ(layout->numbering[0].attributes[1].name + "=" + layout->numbering[0].attributes[1].value, "format=I");
    EXPECT_EQ(layout->numbering[2].element, "ref-format");
    auto out = rendered(diags, sources);
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[0].rfind("l.xml:4:40: error: unknown attribute 'colour' on <figure>; expected one of: kind, format, label, separator, "
                           "show-label, scope", 0), 0u) << out[0];
    EXPECT_EQ(out[1].rfind("l.xml:5:2: error: unexpected element <chapter> in <numbering>; expected one of: heading, figure, footnote, "
                           "ref-format", 0), 0u) << out[1];
}

TEST(LayoutReader, FontFamilyKerningIsTrueOrFalse) {
    // Kerning is on unless a family says kerning="false"; any other value is an error at it.
    MemoryEnvironment env;
    env.set_file("l.xml", "<layout>\n"
                          "<font-family name=\"A\" regular=\"a.ttf\"/>\n"
                          "<font-family name=\"B\" regular=\"b.ttf\" kerning=\"false\"/>\n"
                          "<font-family name=\"C\" regular=\"c.ttf\" kerning=\"no\"/>\n"
                          "</layout>");
    SourceManager sources;
    Diagnostics diags;
    auto layout = input::read_layout("l.xml", env, sources, diags, {});
    ASSERT_TRUE(layout.has_value());
    EXPECT_TRUE(layout->font_families[0].kerning);
    EXPECT_FALSE(layout->font_families[1].kerning);
    auto out = rendered(diags, sources);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].rfind("l.xml:4:39: error: expected kerning 'true' or 'false', found 'no'", 0), 0u) << out[0];
}

TEST(LayoutReader, FontFamilyFeaturesAreKnownTagsWithAnOptionalMinus) {
    // font-features="liga, onum -kern": in order, spaces or commas between; an unknown tag is an
    // error at the attribute naming the known ones, and the others are kept.
    MemoryEnvironment env;
    env.set_file("l.xml", "<layout>\n"
                          "<font-family name=\"A\" regular=\"a.ttf\"/>\n"
                          "<font-family name=\"B\" regular=\"b.ttf\" font-features=\"liga, onum -kern\"/>\n"
                          "<font-family name=\"C\" regular=\"c.ttf\" font-features=\"smcp ffi\"/>\n"
                          "</layout>");
    SourceManager sources;
    Diagnostics diags;
    auto layout = input::read_layout("l.xml", env, sources, diags, {});
    ASSERT_TRUE(layout.has_value());
    EXPECT_TRUE(layout->font_families[0].features.empty());
    const std::vector<FontFeature> b = {{feature_tag("liga"), true}, {feature_tag("onum"), true}, {feature_tag("kern"), false}};
    EXPECT_EQ(layout->font_families[1].features, b);
    const std::vector<FontFeature> c = {{feature_tag("smcp"), true}};
    EXPECT_EQ(layout->font_families[2].features, c);
    auto out = rendered(diags, sources);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].rfind("l.xml:4:39: error: expected an OpenType feature (liga, dlig, onum, lnum, tnum, pnum, smcp, c2sc, kern, "
                           "or one of them after '-'), found 'ffi'",
                           0),
              0u)
        << out[0];
}
