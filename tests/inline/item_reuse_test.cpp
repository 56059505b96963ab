// Items with hyphenation points built from the list without them (issue 16: a paragraph the first
// pass cannot set is built again with its hyphenation points; words that get none are copied):
// the list is the same as one built from scratch, item for item and piece for piece.
#include <gtest/gtest.h>

#include <string>

#include "inline/item_builder.h"
#include "one_font_setup.h"

using namespace reportc;

namespace {

void expect_same(const inl::ItemList& a, const inl::ItemList& b) {
    ASSERT_EQ(a.items.size(), b.items.size());
    ASSERT_EQ(a.pieces.size(), b.pieces.size());
    EXPECT_EQ(a.hyphenated, b.hyphenated);
    for (size_t i = 0; i < a.items.size(); ++i) {
        const auto &x = a.items[i], &y = b.items[i];
        EXPECT_TRUE(x.kind == y.kind && x.width == y.width && x.stretch == y.stretch && x.shrink == y.shrink &&
                    x.penalty == y.penalty && x.flagged == y.flagged && x.hyphenation == y.hyphenation &&
                    x.expandable == y.expandable && x.tie == y.tie && x.hang_left == y.hang_left && x.hang_right == y.hang_right)
            << "item " << i << ": " << x << " / " << y;
        EXPECT_EQ(a.content[i].role, b.content[i].role) << "item " << i;
        const bool has_pieces = a.content[i].piece_end > a.content[i].piece_begin;
        EXPECT_EQ(has_pieces, b.content[i].piece_end > b.content[i].piece_begin) << "item " << i;
        if (has_pieces) {
            EXPECT_EQ(a.content[i].piece_begin, b.content[i].piece_begin) << "item " << i;
            EXPECT_EQ(a.content[i].piece_end, b.content[i].piece_end) << "item " << i;
        }
    }
    for (size_t k = 0; k < a.pieces.size(); ++k) {
        const auto &x = a.pieces[k], &y = b.pieces[k];
        EXPECT_EQ(x.text, y.text) << "piece " << k;
        EXPECT_TRUE(x.face == y.face && x.size == y.size && x.x == y.x && x.width == y.width && x.rise == y.rise &&
                    x.tracking == y.tracking && x.color == y.color && x.kerning == y.kerning && x.same_extras(y))
            << "piece " << k << ": " << x << " / " << y;
    }
}

// Justified, so that the breaker would hyphenate; words with and without hyphenation points,
// explicit hyphens, a slash, an en dash, an address, a linked and an underlined run.
inl::ParagraphInput mixed(const reportc::testing::OneFontSetup& s) {
    inl::ParagraphInput p = s.input("The organization's cross-border and/or regional cooperation in 2020\xE2\x80\x93" "2021 "
                                    "strengthened office capacity at www.example.org, AVATAR WAVE Toyota",
                                    Length::from_pt(120));
    p.align = style::Align::Justify;
    inl::StyledRun linked = p.runs[0];
    linked.text = " information management systems";
    linked.link = "https://example.org";
    inl::StyledRun underlined = p.runs[0];
    underlined.text = " extraordinary effectiveness";
    underlined.font.underline = true;
    p.runs.push_back(linked);
    p.runs.push_back(underlined);
    return p;
}

inl::ItemList plain_list(reportc::testing::OneFontSetup& s, inl::ParagraphInput p) {
    p.hyphenate = false;
    return inl::build_items(p, s.fonts, s.hyphenator.get(), s.diags);
}

}  // namespace

TEST(inline_ItemReuse, HyphenatedItemsFromThePlainListAreThoseBuiltFromScratch) {
    reportc::testing::OneFontSetup s("dejavu/DejaVuSans.ttf");
    const inl::ParagraphInput p = mixed(s);
    const inl::ItemList plain = plain_list(s, p);
    const inl::ItemList scratch = inl::build_items(p, s.fonts, s.hyphenator.get(), s.diags);
    const inl::ItemList reused = inl::build_items(p, s.fonts, s.hyphenator.get(), s.diags, &plain);
    ASSERT_TRUE(scratch.hyphenated);
    ASSERT_GT(scratch.items.size(), plain.items.size());  // some words got hyphenation points
    expect_same(scratch, reused);
}

TEST(inline_ItemReuse, LigaturesAndProtrusionAreCopiedAsBuilt) {
    reportc::testing::OneFontSetup s("dejavu/DejaVuSans.ttf");
    s.fonts.set_features("Sans", {*parse_font_feature("liga")});
    inl::ParagraphInput p = mixed(s);
    p.runs[0].text += " office staff affluent";
    p.protrusion = true;
    const inl::ItemList plain = plain_list(s, p);
    expect_same(inl::build_items(p, s.fonts, s.hyphenator.get(), s.diags),
                inl::build_items(p, s.fonts, s.hyphenator.get(), s.diags, &plain));
}

// A plain list of other words is no source: each word is checked against it, and set anew.
TEST(inline_ItemReuse, APlainListOfOtherTextIsNotCopied) {
    reportc::testing::OneFontSetup s("dejavu/DejaVuSans.ttf");
    const inl::ParagraphInput p = mixed(s);
    inl::ParagraphInput other = p;
    other.runs[0].text = "Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda";
    const inl::ItemList plain = plain_list(s, other);
    expect_same(inl::build_items(p, s.fonts, s.hyphenator.get(), s.diags),
                inl::build_items(p, s.fonts, s.hyphenator.get(), s.diags, &plain));
}
