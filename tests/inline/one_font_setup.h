// One font family "Sans" at 10 pt and the hyphenation dictionary: the fixture of the inline
// tests that set single-run paragraphs (kerning, ligatures, the hyphenation policy).
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "inline/typesetter.h"

namespace reportc::testing {

// `text` in one run of the family "Sans" at 10 pt, set with `align` at `width`.
inline inl::ParagraphInput sans_input(const std::string& text, Length width, style::Align align) {
    inl::ParagraphInput p;
    style::FontSpec font;
    font.family = "Sans";
    font.size = Length::from_pt(10);
    p.runs.push_back({text, font, {}, false, {}});
    p.width = width;
    p.align = align;
    return p;
}

struct OneFontSetup {
    RealEnvironment env;
    text::FontRegistry fonts{text::read_fonts_through(env)};
    std::unique_ptr<text::Hyphenator> hyphenator;
    Diagnostics diags;

    // `font`: a path under the repository's fonts/ folder.
    explicit OneFontSetup(const std::string& font) {
        std::string error;
        EXPECT_TRUE(fonts.add_family("Sans", REPORTC_SOURCE_ROOT "/fonts/" + font, "", "", "", error)) << error;
        hyphenator = text::Hyphenator::read(env, REPORTC_HYPHEN_DICTIONARY, error);
        EXPECT_NE(hyphenator, nullptr) << error;
    }

    // `text` in one run of Sans 10 pt, set ragged right with hyphenation at `width`.
    inl::ParagraphInput input(const std::string& text, Length width) const {
        inl::ParagraphInput p = sans_input(text, width, style::Align::Left);
        p.hyphenate = true;
        return p;
    }
    const text::FontFace& face() const { return fonts.face(0); }
};

}  // namespace reportc::testing
