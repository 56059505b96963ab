// The paragraph cache's packed lines (issue 16): what a paragraph's setting is packed into and
// unpacked from gives back every line and fragment field for field.
#include <gtest/gtest.h>

#include "inline/typesetter.h"
#include "layout/paragraph_cache_lines.h"
#include "layout_fixture.h"

using namespace reportc;
using namespace reportc::layout;
using namespace reportc::layout::testing;

namespace {

void expect_same(const inl::Fragment& a, const inl::Fragment& b) {
    EXPECT_EQ(a.face, b.face);
    EXPECT_EQ(a.color, b.color);
    EXPECT_EQ(a.expansion, b.expansion);
    EXPECT_EQ(a.size, b.size);
    EXPECT_EQ(a.x, b.x);
    EXPECT_EQ(a.width, b.width);
    EXPECT_EQ(a.rise, b.rise);
    EXPECT_EQ(a.tracking, b.tracking);
    EXPECT_EQ(a.text, b.text);
    EXPECT_EQ(a.kerning, b.kerning) << a.text;
    EXPECT_EQ(a.extras, b.extras) << a.text;  // the same shared extras, not a copy
}

void expect_same(const inl::ParagraphLayout& a, const inl::ParagraphLayout& b) {
    EXPECT_EQ(a.overfull_count, b.overfull_count);
    EXPECT_EQ(a.pass, b.pass);
    ASSERT_EQ(a.lines.size(), b.lines.size());
    for (size_t i = 0; i < a.lines.size(); ++i) {
        const inl::Line& l = a.lines[i];
        const inl::Line& m = b.lines[i];
        EXPECT_EQ(l.natural_width, m.natural_width);
        EXPECT_EQ(l.ascent, m.ascent);
        EXPECT_EQ(l.descent, m.descent);
        EXPECT_EQ(l.ratio, m.ratio);
        EXPECT_EQ(l.space_factor, m.space_factor);
        EXPECT_EQ(l.hang_left, m.hang_left);
        EXPECT_EQ(l.hang_right, m.hang_right);
        EXPECT_EQ(l.expansion, m.expansion);
        EXPECT_EQ(l.justified, m.justified);
        EXPECT_EQ(l.hyphenated, m.hyphenated);
        EXPECT_EQ(l.overfull, m.overfull);
        ASSERT_EQ(l.fragments.size(), m.fragments.size()) << "line " << i;
        for (size_t k = 0; k < l.fragments.size(); ++k) expect_same(l.fragments[k], m.fragments[k]);
    }
}

inl::StyledRun run(std::string text, bool bold = false, std::string link = "") {
    inl::StyledRun r;
    r.text = std::move(text);
    r.font.family = "Sans";
    r.font.bold = bold;
    r.font.size = pt(10);
    r.link = std::move(link);
    return r;
}

// Justified, hyphenated, kerned ("AVATAR", "To"), in two faces, a coloured underlined link and a
// superscript: every field a fragment has is used by some fragment.
inl::ParagraphInput varied_paragraph() {
    inl::ParagraphInput in;
    in.align = style::Align::Justify;
    in.width = pt(90);
    in.first_line_indent = pt(12);
    in.runs.push_back(run("AVATAR To Wayward travellers: the regional intelligence liaison offices "));
    in.runs.push_back(run("cooperate", true));
    auto link = run(" through the documentation network", false, "https://example.org/rilo");
    link.font.color = Color{200, 30, 30};
    link.font.underline = true;
    in.runs.push_back(link);
    auto mark = run("12");
    mark.font.vertical_align = style::VerticalAlign::Super;
    in.runs.push_back(mark);
    in.runs.push_back(run(" with customs administrations everywhere."));
    return in;
}

}  // namespace

TEST(layout_PackedLayout, UnpacksToTheLinesAsSet) {
    LayoutFixture f;
    Diagnostics diags;
    const inl::ParagraphLayout set = inl::Typesetter(f.fonts, f.hyphenator.get(), diags).set(varied_paragraph());
    ASSERT_GT(set.lines.size(), 3u);
    bool kerned = false, linked = false;
    for (const auto& line : set.lines)
        for (const auto& fr : line.fragments) {
            kerned = kerned || !fr.kerning.empty();
            linked = linked || !fr.link().empty();
        }
    EXPECT_TRUE(kerned);
    EXPECT_TRUE(linked);
    inl::ParagraphLayout out;
    PackedLayout(set).unpack(out);
    expect_same(set, out);
}

TEST(layout_PackedLayout, UnpacksIntoALayoutThatHeldMore) {
    // The cache unpacks into one layout it reuses: lines and fragments left from a longer
    // paragraph are not kept.
    LayoutFixture f;
    Diagnostics diags;
    inl::Typesetter typesetter(f.fonts, f.hyphenator.get(), diags);
    inl::ParagraphLayout out = typesetter.set(varied_paragraph());
    inl::ParagraphInput short_one;
    short_one.width = pt(200);
    short_one.runs.push_back(run("Trade facilitation"));
    const inl::ParagraphLayout set = typesetter.set(short_one);
    PackedLayout(set).unpack(out);
    expect_same(set, out);
}

TEST(layout_PackedLayout, KeepsPositionsBeyondThirtyTwoBits) {
    // Places and widths are packed in 32 bits when every one of the paragraph fits: a fragment
    // 40,000pt to the right (2^31 sp is 32,768pt) is kept exactly all the same.
    inl::ParagraphLayout set;
    set.lines.resize(2);
    inl::Fragment near;
    near.text = "near";
    near.x = pt(3);
    near.width = pt(20);
    inl::Fragment far = near;
    far.text = "far";
    far.x = pt(40000);
    far.width = Length::from_sp(-(int64_t(1) << 33));
    set.lines[0].fragments = {near};
    set.lines[1].fragments = {far, near};
    inl::ParagraphLayout out;
    PackedLayout(set).unpack(out);
    expect_same(set, out);
}
