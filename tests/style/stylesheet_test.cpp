#include <gtest/gtest.h>

#include "style/stylesheet.h"
#include "style/values.h"

using namespace reportc;
using namespace reportc::style;

namespace {

doc::StyleDecl decl(std::string name, std::string based_on, std::vector<std::pair<std::string, std::string>> props,
                    doc::StyleDecl::Kind kind = doc::StyleDecl::Kind::Paragraph) {
    doc::StyleDecl d;
    d.kind = kind;
    d.name = std::move(name);
    d.based_on = std::move(based_on);
    for (auto& [k, v] : props) d.properties.push_back({k, v, {}});
    return d;
}

}  // namespace

TEST(Values, LengthsInEveryUnit) {
    // pt, mm, cm, in and em (relative to the font size) all become scaled points.
    Length em = Length::from_pt(10);
    EXPECT_EQ(*parse_length("12pt", em), Length::from_pt(12));
    EXPECT_EQ(*parse_length("25.4mm", em), Length::from_pt(72));
    EXPECT_EQ(*parse_length("2.54cm", em), Length::from_pt(72));
    EXPECT_EQ(*parse_length("0.5in", em), Length::from_pt(36));
    EXPECT_EQ(*parse_length("1.5em", em), Length::from_pt(15));
    EXPECT_EQ(*parse_length("0", em), Length{});
    EXPECT_FALSE(parse_length("12", em).has_value());
    EXPECT_FALSE(parse_length("12px", em).has_value());
    EXPECT_FALSE(parse_length("pt", em).has_value());
}

TEST(Values, Colours) {
    // Six- and three-digit hex colours; anything else is rejected.
    EXPECT_EQ(*parse_color("#1f4e79"), (Color{0x1f, 0x4e, 0x79}));
    EXPECT_EQ(*parse_color("#fff"), (Color{255, 255, 255}));
    EXPECT_FALSE(parse_color("blue").has_value());
    EXPECT_FALSE(parse_color("#12345g").has_value());
}

TEST(Stylesheet, BasedOnInheritsAndOverrides) {
    // heading-2 is based on heading-1 which is based on body: it keeps body's family and
    // heading-1's weight and colour, and overrides the size; em resolves against its own size.
    doc::LayoutSource layout;
    layout.styles.push_back(decl("body", "", {{"font-family", "Serif"}, {"font-size", "10pt"}, {"align", "justify"}}));
    layout.styles.push_back(decl("heading-1", "body", {{"font-weight", "bold"}, {"color", "#1f4e79"}, {"font-size", "18pt"}, {"space-after", "0.5em"}}));
    layout.styles.push_back(decl("heading-2", "heading-1", {{"font-size", "14pt"}}));
    Diagnostics diags;
    auto sheet = Stylesheet::build(layout, diags);
    EXPECT_TRUE(diags.all().empty());
    const auto* h2 = sheet.paragraph("heading-2");
    ASSERT_NE(h2, nullptr);
    EXPECT_EQ(h2->font.family, "Serif");
    EXPECT_TRUE(h2->font.bold);
    EXPECT_EQ(h2->font.color, (Color{0x1f, 0x4e, 0x79}));
    EXPECT_EQ(h2->font.size, Length::from_pt(14));
    EXPECT_EQ(h2->space_after, Length::from_pt(7));  // 0.5em of 14pt
    EXPECT_EQ(h2->align, Align::Justify);
    EXPECT_EQ(h2->leading, Length::from_pt(14).scaled(1.2));
    EXPECT_EQ(sheet.paragraph("heading-1")->space_after, Length::from_pt(9));
}

TEST(Stylesheet, CharacterStylesChangeOnlyWhatTheySet) {
    // "strong" makes text bold and keeps the paragraph's family, size and colour.
    doc::LayoutSource layout;
    layout.styles.push_back(decl("strong", "", {{"font-weight", "bold"}}, doc::StyleDecl::Kind::Character));
    Diagnostics diags;
    auto sheet = Stylesheet::build(layout, diags);
    FontSpec base{"Sans", false, true, Length::from_pt(9), Color{1, 2, 3}};
    FontSpec out = sheet.character("strong")->apply(base);
    EXPECT_TRUE(out.bold);
    EXPECT_TRUE(out.italic);
    EXPECT_EQ(out.family, "Sans");
    EXPECT_EQ(out.size, Length::from_pt(9));
}

TEST(Stylesheet, UnknownBaseAndCyclesAreErrors) {
    // A based-on that names no style, and a loop of based-on, are both reported.
    doc::LayoutSource layout;
    layout.styles.push_back(decl("a", "missing", {}));
    layout.styles.push_back(decl("b", "c", {}));
    layout.styles.push_back(decl("c", "b", {}));
    Diagnostics diags;
    Stylesheet::build(layout, diags);
    ASSERT_EQ(diags.error_count(), 3u);
    EXPECT_EQ(diags.all()[0].message, "style 'a' is based on 'missing', which is not a style of the same kind in this layout");
    EXPECT_EQ(diags.all()[1].message, "style 'b' inherits from itself through based-on 'b'");
}

TEST(Stylesheet, MalformedValuesAreReported) {
    // Each bad value says what was expected and what was found.
    doc::LayoutSource layout;
    layout.styles.push_back(decl("body", "", {{"font-size", "big"}, {"align", "middle"}, {"keep-with-next", "yes"}}));
    Diagnostics diags;
    Stylesheet::build(layout, diags);
    ASSERT_EQ(diags.error_count(), 3u);
    EXPECT_EQ(diags.all()[0].message, "expected a length such as 12pt, 4mm, 1.5em for font-size, found 'big'");
    EXPECT_EQ(diags.all()[1].message, "expected one of: left, right, center, justify for align, found 'middle'");
    EXPECT_EQ(diags.all()[2].message, "expected true or false for keep-with-next, found 'yes'");
}

TEST(Stylesheet, PageMasterSizesMarginsAndOrientation) {
    // A4 landscape swaps the sides; the body is the page less the margins.
    doc::LayoutSource layout;
    doc::PageMasterDecl m;
    m.name = "wide";
    m.properties = {{"size", "A4", {}}, {"orientation", "landscape", {}}, {"margin-left", "20mm", {}}, {"margin-right", "20mm", {}}};
    layout.page_masters.push_back(m);
    Diagnostics diags;
    auto sheet = Stylesheet::build(layout, diags);
    const auto* master = sheet.page_master("wide");
    ASSERT_NE(master, nullptr);
    EXPECT_EQ(master->size.width, Length::from_mm(297));
    EXPECT_EQ(master->body().width, Length::from_mm(297) - Length::from_mm(20) * 2);
}

TEST(Stylesheet, ALandscapePageOnAPortraitSheetIsTurned) {
    // sheet="portrait" turns a landscape page onto a portrait sheet; on a portrait page, and by
    // default, the sheet is the page; a value outside the list is an error naming both.
    doc::LayoutSource layout;
    auto master = [](std::string name, std::string orientation, std::string sheet) {
        doc::PageMasterDecl m;
        m.name = std::move(name);
        m.properties = {{"orientation", std::move(orientation), {}}};
        if (!sheet.empty()) m.properties.push_back({"sheet", std::move(sheet), {}});
        return m;
    };
    layout.page_masters = {master("turned", "landscape", "portrait"), master("flat", "landscape", ""),
                           master("upright", "portrait", "portrait"), master("bad", "landscape", "rotated")};
    Diagnostics diags;
    auto sheet = Stylesheet::build(layout, diags);
    EXPECT_TRUE(sheet.page_master("turned")->turned_sheet);
    EXPECT_EQ(sheet.page_master("turned")->size.width, Length::from_mm(297));
    EXPECT_FALSE(sheet.page_master("flat")->turned_sheet);
    EXPECT_FALSE(sheet.page_master("upright")->turned_sheet);
    EXPECT_FALSE(sheet.page_master("bad")->turned_sheet);
    ASSERT_EQ(diags.all().size(), 1u);
    EXPECT_EQ(diags.all()[0].message, "expected one of: page, portrait for sheet, found 'rotated'");
}

TEST(Stylesheet, PageMasterFillsInLengthsAndPercentagesOfThePage) {
    // A cover band: the page's whole width, 128mm high, from the corner; a malformed fill is
    // one error at it and is not drawn.
    doc::LayoutSource layout;
    doc::PageMasterDecl m;
    m.name = "cover";
    m.properties = {{"size", "A4", {}}};
    m.fills.push_back({"0", "0", "100%", "128mm", "#1f4e79", {}});
    m.fills.push_back({"0", "50%", "10mm", "tall", "#fff", {}});
    layout.page_masters.push_back(m);
    Diagnostics diags;
    auto sheet = Stylesheet::build(layout, diags);
    const auto* master = sheet.page_master("cover");
    ASSERT_NE(master, nullptr);
    ASSERT_EQ(master->fills.size(), 1u);
    EXPECT_EQ(master->fills[0].rect.width, Length::from_mm(210));
    EXPECT_EQ(master->fills[0].rect.height, Length::from_mm(128));
    EXPECT_EQ(master->fills[0].color, (Color{0x1f, 0x4e, 0x79}));
    ASSERT_EQ(diags.all().size(), 1u);
    EXPECT_NE(diags.all()[0].message.find("expected lengths (20mm, 100%) for the fill's x, y, width and height"), std::string::npos);
}

TEST(Stylesheet, InlineStylingProperties) {
    // vertical-align, text-decoration, font-variant and background-color set what they name
    // and nothing else; "none" takes a decoration or a highlight away again.
    doc::LayoutSource layout;
    const auto character = doc::StyleDecl::Kind::Character;
    layout.styles.push_back(decl("both", "", {{"text-decoration", "line-through underline"}, {"vertical-align", "sub"}}, character));
    layout.styles.push_back(decl("plain", "", {{"text-decoration", "none"}, {"background-color", "none"}}, character));
    layout.styles.push_back(decl("marked", "", {{"background-color", "#ffee00"}, {"font-variant", "small-caps"}}, character));
    Diagnostics diags;
    auto sheet = Stylesheet::build(layout, diags);
    EXPECT_TRUE(diags.all().empty());
    FontSpec base;
    FontSpec both = sheet.character("both")->apply(base);
    EXPECT_TRUE(both.underline);
    EXPECT_TRUE(both.strike);
    EXPECT_EQ(both.vertical_align, VerticalAlign::Sub);
    EXPECT_FALSE(both.small_caps);
    FontSpec marked = sheet.character("marked")->apply(both);
    EXPECT_EQ(marked.highlight, (Color{0xff, 0xee, 0x00}));
    EXPECT_TRUE(marked.small_caps);
    EXPECT_TRUE(marked.underline);
    FontSpec plain = sheet.character("plain")->apply(marked);
    EXPECT_FALSE(plain.underline);
    EXPECT_FALSE(plain.strike);
    EXPECT_EQ(plain.highlight, std::nullopt);
    EXPECT_EQ(plain.vertical_align, VerticalAlign::Sub);
}

TEST(Stylesheet, BuiltinCharacterStylesUnlessTheLayoutDefinesThem) {
    // <sup>, <sub>, <u>, <s>, <sc> and <mark> name styles every stylesheet has; a layout's
    // own style of the same name wins.
    doc::LayoutSource layout;
    layout.styles.push_back(decl("highlight", "", {{"background-color", "#c0ffc0"}}, doc::StyleDecl::Kind::Character));
    Diagnostics diags;
    auto sheet = Stylesheet::build(layout, diags);
    EXPECT_TRUE(diags.all().empty());
    FontSpec base;
    EXPECT_EQ(sheet.character("superscript")->apply(base).vertical_align, VerticalAlign::Super);
    EXPECT_EQ(sheet.character("subscript")->apply(base).vertical_align, VerticalAlign::Sub);
    EXPECT_TRUE(sheet.character("underline")->apply(base).underline);
    EXPECT_TRUE(sheet.character("strike")->apply(base).strike);
    EXPECT_TRUE(sheet.character("small-caps")->apply(base).small_caps);
    EXPECT_EQ(sheet.character("highlight")->apply(base).highlight, (Color{0xc0, 0xff, 0xc0}));
}

TEST(Stylesheet, MalformedInlineStylingValues) {
    doc::LayoutSource layout;
    layout.styles.push_back(decl("bad", "", {{"text-decoration", "underline blink"}, {"vertical-align", "top"},
                                             {"font-variant", "caps"}, {"background-color", "yellow"}},
                                 doc::StyleDecl::Kind::Character));
    Diagnostics diags;
    Stylesheet::build(layout, diags);
    ASSERT_EQ(diags.error_count(), 4u);
    EXPECT_EQ(diags.all()[0].message, "expected one of: baseline, super, sub for vertical-align, found 'top'");
    EXPECT_EQ(diags.all()[1].message, "expected none, underline, line-through, or 'underline line-through' for text-decoration, found 'underline blink'");
    EXPECT_EQ(diags.all()[2].message, "expected one of: normal, small-caps for font-variant, found 'caps'");
    EXPECT_EQ(diags.all()[3].message, "expected a colour such as #fff59d, or none for background-color, found 'yellow'");
}

TEST(Stylesheet, BoxStylesReadBordersPaddingHeightAndKeeps) {
    doc::LayoutSource layout;
    using Kind = doc::StyleDecl::Kind;
    layout.styles.push_back(decl("frame", "", {{"border", "1pt #1f4e79"}, {"border-left", "3pt #000000 double"}, {"padding", "4pt"},
                                               {"padding-top", "8pt"}, {"background", "#eef3f8"}, {"height", "page"},
                                               {"keep-together", "true"}, {"space-before-at-top", "keep"}}, Kind::Box));
    layout.styles.push_back(decl("plain", "frame", {{"border-top", "none"}, {"background", "none"}, {"height", "60mm"}}, Kind::Box));
    Diagnostics diags;
    auto sheet = Stylesheet::build(layout, diags);
    EXPECT_TRUE(diags.all().empty());
    const auto* f = sheet.box("frame");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->top, (BorderSide{Length::from_pt(1), Color{0x1f, 0x4e, 0x79}, false}));
    EXPECT_EQ(f->left, (BorderSide{Length::from_pt(3), Color{}, true}));
    EXPECT_EQ(f->padding_top, Length::from_pt(8));
    EXPECT_EQ(f->padding_right, Length::from_pt(4));
    EXPECT_EQ(f->background, (Color{0xee, 0xf3, 0xf8}));
    EXPECT_TRUE(f->page_height);
    EXPECT_TRUE(f->keeps.together);
    EXPECT_TRUE(f->keep_space_at_top);
    const auto* p = sheet.box("plain");
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->top.width, Length{});
    EXPECT_EQ(p->right.width, Length::from_pt(1));
    EXPECT_FALSE(p->background);
    EXPECT_EQ(p->height, Length::from_mm(60));
}

TEST(Stylesheet, MalformedBoxAndKeepValuesAreErrors) {
    doc::LayoutSource layout;
    layout.styles.push_back(decl("b", "", {{"border-top", "thick"}, {"height", "tall"}}, doc::StyleDecl::Kind::Box));
    layout.styles.push_back(decl("t", "", {{"stripe-shade", "stripes"}, {"keep-together", "maybe"}}, doc::StyleDecl::Kind::Table));
    Diagnostics diags;
    Stylesheet::build(layout, diags);
    ASSERT_EQ(diags.all().size(), 4u);
    // Table styles are read before box styles.
    EXPECT_EQ(diags.all()[0].message, "expected a colour such as #1f4e79 for stripe-shade, found 'stripes'");
    EXPECT_EQ(diags.all()[1].message, "expected true or false for keep-together, found 'maybe'");
    EXPECT_EQ(diags.all()[2].message, "expected a border such as '1pt #1f4e79', '3pt #000000 double' or none for border-top, found 'thick'");
    EXPECT_EQ(diags.all()[3].message, "expected a length such as 60mm, or page for height, found 'tall'");
}

TEST(Stylesheet, FitShrinkAndItsMinimumSize) {
    // fit="shrink" with min-font-size; without one the minimum is half the font size; a minimum
    // above the font size (or none at all) could never be reached by shrinking, and is an error.
    doc::LayoutSource layout;
    layout.styles.push_back(decl("body", "", {{"font-size", "20pt"}}));
    layout.styles.push_back(decl("name", "body", {{"fit", "shrink"}, {"min-font-size", "12pt"}}));
    layout.styles.push_back(decl("half", "body", {{"fit", "shrink"}}));
    layout.styles.push_back(decl("big", "body", {{"fit", "shrink"}, {"min-font-size", "24pt"}}));
    layout.styles.push_back(decl("odd", "body", {{"fit", "squeeze"}}));
    Diagnostics diags;
    Stylesheet sheet = Stylesheet::build(layout, diags);
    EXPECT_EQ(sheet.paragraph("body")->fit, Fit::None);
    EXPECT_EQ(sheet.paragraph("name")->fit, Fit::Shrink);
    EXPECT_EQ(sheet.paragraph("name")->min_font_size, Length::from_pt(12));
    EXPECT_EQ(sheet.paragraph("half")->min_font_size, Length::from_pt(10));
    ASSERT_EQ(diags.error_count(), 2u);
    EXPECT_EQ(diags.all()[0].message, "expected a length above 0 and no larger than font-size for min-font-size, found '24pt'");
    EXPECT_EQ(diags.all()[1].message, "expected one of: none, shrink for fit, found 'squeeze'");
}

TEST(Stylesheet, ProtrusionAndFontExpansionAreOffUnlessSetAndInherited) {
    doc::LayoutSource layout;
    layout.styles.push_back(decl("plain", "", {}));
    layout.styles.push_back(decl("body", "", {{"protrusion", "true"}, {"font-expansion", "20 20 5"}}));
    layout.styles.push_back(decl("caption", "body", {}));
    layout.styles.push_back(decl("table-cell", "body", {{"font-expansion", "none"}}));
    Diagnostics diags;
    auto sheet = Stylesheet::build(layout, diags);
    EXPECT_EQ(diags.error_count(), 0u);
    ASSERT_TRUE(sheet.paragraph("plain") && sheet.paragraph("caption") && sheet.paragraph("table-cell"));
    EXPECT_FALSE(sheet.paragraph("plain")->protrusion);
    EXPECT_EQ(sheet.paragraph("plain")->font_expansion, (FontExpansion{0, 0, 1}));
    EXPECT_TRUE(sheet.paragraph("caption")->protrusion);
    EXPECT_EQ(sheet.paragraph("caption")->font_expansion, (FontExpansion{20, 20, 5}));
    EXPECT_EQ(sheet.paragraph("table-cell")->font_expansion, (FontExpansion{0, 0, 1}));
}

TEST(Stylesheet, WordSpaceStretchAndShrinkHaveTeXsDefaultsAndAreInherited) {
    doc::LayoutSource layout;
    layout.styles.push_back(decl("plain", "", {}));
    layout.styles.push_back(decl("body", "", {{"space-stretch", "333"}, {"space-shrink", "250"}}));
    layout.styles.push_back(decl("list-item", "body", {}));
    layout.styles.push_back(decl("wide", "", {{"space-stretch", "1001"}, {"space-shrink", "-1"}}));
    Diagnostics diags;
    auto sheet = Stylesheet::build(layout, diags);
    ASSERT_TRUE(sheet.paragraph("plain") && sheet.paragraph("list-item") && sheet.paragraph("wide"));
    EXPECT_EQ(sheet.paragraph("plain")->space_stretch, 500);
    EXPECT_EQ(sheet.paragraph("plain")->space_shrink, 333);
    EXPECT_EQ(sheet.paragraph("list-item")->space_stretch, 333);
    EXPECT_EQ(sheet.paragraph("list-item")->space_shrink, 250);
    EXPECT_EQ(sheet.paragraph("wide")->space_stretch, 500);
    ASSERT_EQ(diags.error_count(), 2u);
    EXPECT_EQ(diags.all()[0].message, "expected a whole number from 0 to 1000 for space-stretch, found '1001'");
    EXPECT_EQ(diags.all()[1].message, "expected a whole number from 0 to 900 for space-shrink, found '-1'");
}

TEST(Stylesheet, MalformedFontExpansionSaysWhatIsExpected) {
    doc::LayoutSource layout;
    for (const char* value : {"20 20", "20 20 0", "101 20 5", "2% 2% 1", "20 20 5 5"})
        layout.styles.push_back(decl(std::string("s") + value, "", {{"font-expansion", value}}));
    Diagnostics diags;
    Stylesheet::build(layout, diags);
    ASSERT_EQ(diags.error_count(), 5u);
    for (const auto& d : diags.all())
        EXPECT_EQ(d.message.rfind("expected none or three whole numbers such as '20 20 5' (stretch and shrink from 0 to 100, "
                                  "step from 1 to 100) for font-expansion, found '", 0),
                  0u)
            << d.message;
}
