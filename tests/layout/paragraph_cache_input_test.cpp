// The paragraph cache's packed input (issue 16): a later input is the same only when every field
// but the measure is equal; shared rules compare by value, inline images as the runs compare them.
#include <gtest/gtest.h>

#include <functional>

#include "doc/document.h"
#include "layout/paragraph_cache_input.h"

using namespace reportc;
using namespace reportc::layout;

namespace {

inl::StyledRun run(std::string text) {
    inl::StyledRun r;
    r.text = std::move(text);
    r.font.family = "Sans";
    return r;
}

inl::ParagraphInput base() {
    inl::ParagraphInput in;
    in.width = Length::from_pt(100);
    in.runs = {run("Regional "), run("cooperation")};
    in.runs[1].font.bold = true;
    in.ties = std::make_shared<const style::TieRules>(style::TieRules{"en", {"Mr."}, {}, false});
    return in;
}

bool same(const inl::ParagraphInput& a, const inl::ParagraphInput& b) {
    std::string scratch;
    PackedInput::Settings settings;
    return PackedInput(a, settings).same_apart_from_width(b, scratch);
}

}  // namespace

TEST(layout_PackedInput, SameInputAtAnotherMeasureIsTheSame) {
    inl::ParagraphInput other = base();
    other.width = Length::from_pt(60);
    other.ties = std::make_shared<const style::TieRules>(*other.ties);  // equal rules, another copy
    EXPECT_TRUE(same(base(), base()));
    EXPECT_TRUE(same(base(), other));
}

TEST(layout_PackedInput, AnyOtherFieldChangedIsNotTheSame) {
    const std::vector<std::pair<const char*, std::function<void(inl::ParagraphInput&)>>> changes{
        {"text", [](auto& in) { in.runs[0].text.pop_back(); }},
        {"text moved between runs", [](auto& in) { in.runs[0].text.push_back('c'); in.runs[1].text.erase(0, 1); }},
        {"a run more", [](auto& in) { in.runs.push_back(run("")); }},
        {"family", [](auto& in) { in.runs[0].font.family = "Serif"; }},
        {"bold", [](auto& in) { in.runs[1].font.bold = false; }},
        {"italic", [](auto& in) { in.runs[0].font.italic = true; }},
        {"size", [](auto& in) { in.runs[0].font.size = Length::from_pt(11); }},
        {"colour", [](auto& in) { in.runs[0].font.color = Color{0, 0, 1}; }},
        {"rise", [](auto& in) { in.runs[0].font.rise = Length::from_sp(1); }},
        {"vertical align", [](auto& in) { in.runs[0].font.vertical_align = style::VerticalAlign::Sub; }},
        {"underline", [](auto& in) { in.runs[0].font.underline = true; }},
        {"strike", [](auto& in) { in.runs[0].font.strike = true; }},
        {"small caps", [](auto& in) { in.runs[0].font.small_caps = true; }},
        {"highlight", [](auto& in) { in.runs[0].font.highlight = Color{}; }},
        {"link", [](auto& in) { in.runs[0].link = "#a"; }},
        {"line break", [](auto& in) { in.runs[0].line_break = true; }},
        {"run span", [](auto& in) { in.runs[0].span.end = 4; }},
        {"anchor", [](auto& in) { in.runs[0].anchor.push_back('a'); }},
        {"object", [](auto& in) { in.runs[0].object = inl::InlineObject{}; }},
        {"align", [](auto& in) { in.align = style::Align::Justify; }},
        {"first line indent", [](auto& in) { in.first_line_indent = Length::from_pt(1); }},
        {"hyphenate", [](auto& in) { in.hyphenate = false; }},
        {"hyphenation", [](auto& in) { in.hyphenation.hyphen_penalty = 51; }},
        {"ties", [](auto& in) { in.ties = nullptr; }},
        {"tie last words", [](auto& in) { in.tie_last_words = true; }},
        {"span", [](auto& in) { in.span.file = 2; }},
        {"protrusion", [](auto& in) { in.protrusion = true; }},
        {"protrusion tables", [](auto& in) { in.protrusion_tables = std::make_shared<const style::ProtrusionTables>(); }},
        {"expansion", [](auto& in) { in.expansion.stretch = 20; }},
        {"space stretch", [](auto& in) { in.space_stretch = 501; }},
        {"space shrink", [](auto& in) { in.space_shrink = 332; }},
    };
    for (const auto& [what, change] : changes) {
        inl::ParagraphInput changed = base();
        change(changed);
        EXPECT_FALSE(changed == base()) << what;  // the change is one ParagraphInput sees
        EXPECT_FALSE(same(base(), changed)) << what;
        EXPECT_FALSE(same(changed, base())) << what;
    }
}

TEST(layout_PackedInput, InlineImagesCompareAsTheRunsDo) {
    // The same box size with another image is another input; the same image is the same.
    inl::ParagraphInput with_image = base();
    with_image.runs[0].object = inl::InlineObject{Length::from_pt(10), Length::from_pt(10), std::make_shared<const doc::Image>()};
    inl::ParagraphInput other_image = with_image;
    other_image.runs[0].object->image = std::make_shared<const doc::Image>();
    EXPECT_TRUE(same(with_image, with_image));
    EXPECT_FALSE(same(with_image, other_image));
}

TEST(layout_PackedInput, SettingsAreSharedOnlyWhenEqual) {
    // Entries share the settings of the one before when they are equal: each still compares as
    // its own input.
    PackedInput::Settings shared;
    inl::ParagraphInput justified = base();
    justified.align = style::Align::Justify;
    const PackedInput first(base(), shared);
    const auto first_settings = shared;
    const PackedInput second(base(), shared);
    EXPECT_EQ(shared, first_settings);
    const PackedInput third(justified, shared);
    EXPECT_NE(shared, first_settings);
    std::string scratch;
    EXPECT_TRUE(first.same_apart_from_width(base(), scratch));
    EXPECT_TRUE(second.same_apart_from_width(base(), scratch));
    EXPECT_FALSE(third.same_apart_from_width(base(), scratch));
    EXPECT_TRUE(third.same_apart_from_width(justified, scratch));
}

namespace {

// base() placed in file 1 at `at`: the paragraph's span and its runs' spans.
inl::ParagraphInput placed(uint32_t at) {
    inl::ParagraphInput in = base();
    in.span = Span{1, at, at + 60};
    in.runs[0].span = Span{1, at + 3, at + 12};
    in.runs[1].span = Span{1, at + 20, at + 31};
    return in;
}

}  // namespace

TEST(layout_PackedInput, AParagraphMovedAsAWholeIsTheSame) {
    // Text inserted above it in a later build of a resident compiler: its spans all moved by as
    // much, and it is the same input; one run moved apart from the others, or a paragraph of
    // another length or in another file, is not.
    EXPECT_TRUE(same(placed(100), placed(140)));
    EXPECT_TRUE(same(placed(140), placed(100)));
    inl::ParagraphInput run_moved = placed(140);
    run_moved.runs[1].span.begin += 1;
    run_moved.runs[1].span.end += 1;
    EXPECT_FALSE(same(placed(100), run_moved));
    inl::ParagraphInput longer = placed(140);
    longer.span.end += 1;
    EXPECT_FALSE(same(placed(100), longer));
    inl::ParagraphInput other_file = placed(100);
    other_file.span.file = 2;
    EXPECT_FALSE(same(placed(100), other_file));
}

TEST(layout_PackedInput, DiagnosticsKeptWithASettingMoveWithTheParagraph) {
    // What setting it found in its own file moves as the paragraph did; what was found elsewhere
    // (another file, no place) stays.
    PackedInput::Settings settings;
    const PackedInput packed(placed(100), settings);
    std::vector<Diagnostic> diags{{Severity::Warning, Span{1, 105, 106}, "in the paragraph", 0},
                                  {Severity::Warning, Span{3, 5, 6}, "in another file", 0},
                                  {Severity::Warning, Span{}, "nowhere", 0}};
    packed.rebase(diags, placed(140).span);
    EXPECT_EQ(diags[0].span, (Span{1, 145, 146}));
    EXPECT_EQ(diags[1].span, (Span{3, 5, 6}));
    EXPECT_EQ(diags[2].span, Span{});
    std::vector<Diagnostic> up{{Severity::Warning, Span{1, 105, 106}, "in the paragraph", 0}};
    packed.rebase(up, placed(60).span);  // moved up, text taken out above it
    EXPECT_EQ(up[0].span, (Span{1, 65, 66}));
}
