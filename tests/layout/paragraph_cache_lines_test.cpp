// The paragraph cache's packed lines (issue 16): what a paragraph's setting is packed into and
// unpacked from gives back every line and fragment field for field.
#include <gtest/gtest.h>

#include "inline/typesetter.h"
#include "layout/paragraph_cache_lines.h"
#include "layout_fixture.h"
#include "paragraph_samples.h"

using namespace reportc;
using namespace reportc::layout;
using namespace reportc::layout::testing;

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
