#pragma once
// Paragraphs and comparisons shared by the tests of the paragraph cache's packed and spilled
// entries: a paragraph using every field a fragment has, and a field-for-field comparison.
#include <gtest/gtest.h>

#include "inline/paragraph_input.h"

namespace reportc::layout::testing {

inline void expect_same(const inl::Fragment& a, const inl::Fragment& b) {
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

inline void expect_same(const inl::ParagraphLayout& a, const inl::ParagraphLayout& b) {
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

inline inl::StyledRun run(std::string text, bool bold = false, std::string link = "") {
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
inline inl::ParagraphInput varied_paragraph() {
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


}  // namespace reportc::layout::testing
