// Character protrusion and font expansion as the typesetter places them: hanging characters
// outside the measure at the margins that align, and expanded lines whose glyphs and positions
// scale together so that the line still ends at the margin.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "inline/protrusion.h"
#include "inline/typesetter.h"

using namespace reportc;

namespace {

struct MicrotypeSetup {
    RealEnvironment env;
    text::FontRegistry fonts{text::read_fonts_through(env)};
    Diagnostics diags;
    MicrotypeSetup() {
        const std::string root = REPORTC_SOURCE_ROOT "/fonts/liberation/";
        std::string error;
        EXPECT_TRUE(fonts.add_family("Sans", root + "LiberationSans-Regular.ttf", "", "", "", error)) << error;
    }
    inl::ParagraphInput input(style::Align align) {
        inl::ParagraphInput p;
        style::FontSpec font;
        font.family = "Sans";
        font.size = Length::from_pt(10);
        p.runs.push_back({"The council met in June. Its members read the plan. They asked for more data on trade. The staff "
                          "wrote a new note. It was sent in July. Each office gave its view. The plan was then changed. A "
                          "second draft came out in May. Most members liked it, some did not.",
                          font, {}, false, {}});
        p.width = Length::from_pt(200);
        p.align = align;
        p.hyphenate = false;
        return p;
    }
};

// The engine's table, read from its ASCII copy and by search beyond it: the same amounts.
TEST(inline_Microtype, EnginesTableGivesItsAmountsInsideAndBeyondAscii) {
    auto amounts = [](char32_t c) { return std::pair(inl::default_protrusion(c).left, inl::default_protrusion(c).right); };
    EXPECT_EQ(amounts(U'.'), std::pair(0, 700));
    EXPECT_EQ(amounts(U'A'), std::pair(50, 50));
    EXPECT_EQ(amounts(U'~'), std::pair(200, 250));  // the last ASCII entry
    EXPECT_EQ(amounts(U'!'), std::pair(0, 100));    // the first
    EXPECT_EQ(amounts(U'a'), std::pair(0, 0));
    EXPECT_EQ(amounts(U'\u00AB'), std::pair(200, 200));
    EXPECT_EQ(amounts(U'\u2014'), std::pair(150, 150));
    EXPECT_EQ(amounts(U'\u2026'), std::pair(0, 300));
    EXPECT_EQ(amounts(U'\u00E9'), std::pair(0, 0));
}

Length end_of(const inl::Line& line) { return line.fragments.back().x + line.fragments.back().width; }

// Liberation Sans at 10pt: the full stop and the comma are 2.78pt wide.
constexpr double kStop = 2.78;

TEST(inline_Microtype, JustifiedLinesHangTheirEndsIntoBothMargins) {
    MicrotypeSetup s;
    inl::Typesetter t(s.fonts, nullptr, s.diags);
    inl::ParagraphInput p = s.input(style::Align::Justify);
    p.protrusion = true;
    const auto out = t.set(p);
    ASSERT_GE(out.lines.size(), 4u);
    int stops = 0;
    for (size_t i = 0; i + 1 < out.lines.size(); ++i) {
        const inl::Line& line = out.lines[i];
        EXPECT_NEAR(line.fragments.front().x.pt(), -line.hang_left.pt(), 0.01) << line;
        EXPECT_NEAR(end_of(line).pt(), 200 + line.hang_right.pt(), 0.01) << line;
        const char last = line.fragments.back().text.back();
        if (last == '.') {
            ++stops;
            EXPECT_NEAR(line.hang_right.pt(), 0.7 * kStop, 0.01) << line;
        }
        if (last == ',') {
            EXPECT_NEAR(line.hang_right.pt(), 0.5 * kStop, 0.01) << line;
        }
        if (last == 'e' || last == 'n' || last == 'd') {
            EXPECT_EQ(line.hang_right, Length{}) << line;
        }
    }
    EXPECT_GT(stops, 0);
    // "The": the T hangs by 0.05 of its 6.11pt.
    EXPECT_NEAR(out.lines[0].hang_left.pt(), 0.05 * 6.11, 0.01);
}

// The layout's table for the family (<protrusion family="Sans">) overrides the engine's for the
// characters it lists: the full stop hangs by 0.3 of its width, "T" by 1pt (unit="em": 100 of a
// 10pt size), and the comma keeps the engine's 0.5.
TEST(inline_Microtype, TheLayoutsTableForTheFamilyOverridesTheEnginesAmounts) {
    MicrotypeSetup s;
    inl::Typesetter t(s.fonts, nullptr, s.diags);
    inl::ParagraphInput p = s.input(style::Align::Justify);
    p.protrusion = true;
    auto tables = std::make_shared<style::ProtrusionTables>();
    (*tables)["Sans"].chars[U'.'] = {0, 300};
    auto em = std::make_shared<style::ProtrusionTables>();
    (*em)["Sans"] = {true, {{U'T', {100, 0}}}};
    p.protrusion_tables = tables;
    const auto out = t.set(p);
    int stops = 0;
    for (size_t i = 0; i + 1 < out.lines.size(); ++i) {
        const inl::Line& line = out.lines[i];
        const char last = line.fragments.back().text.back();
        if (last == '.') {
            ++stops;
            EXPECT_NEAR(line.hang_right.pt(), 0.3 * kStop, 0.01) << line;
        }
        if (last == ',') {
            EXPECT_NEAR(line.hang_right.pt(), 0.5 * kStop, 0.01) << line;
        }
    }
    EXPECT_GT(stops, 0);
    EXPECT_NEAR(out.lines[0].hang_left.pt(), 0.05 * 6.11, 0.01);  // "T" is not in the table
    p.protrusion_tables = em;
    EXPECT_NEAR(t.set(p).lines[0].hang_left.pt(), 1.0, 0.01);
}

TEST(inline_Microtype, RaggedRightHangsOnlyAtTheLeft) {
    MicrotypeSetup s;
    inl::Typesetter t(s.fonts, nullptr, s.diags);
    inl::ParagraphInput p = s.input(style::Align::Left);
    p.protrusion = true;
    const auto out = t.set(p);
    for (const auto& line : out.lines) EXPECT_EQ(line.hang_right, Length{}) << line;
    EXPECT_GT(out.lines[0].hang_left, Length{});
    EXPECT_NEAR(out.lines[0].fragments.front().x.pt(), -out.lines[0].hang_left.pt(), 0.01);
}

TEST(inline_Microtype, CentredLinesDoNotHang) {
    MicrotypeSetup s;
    inl::Typesetter t(s.fonts, nullptr, s.diags);
    inl::ParagraphInput p = s.input(style::Align::Center);
    p.protrusion = true;
    for (const auto& line : t.set(p).lines) {
        EXPECT_EQ(line.hang_left, Length{}) << line;
        EXPECT_EQ(line.hang_right, Length{}) << line;
    }
}

TEST(inline_Microtype, ExpandedLinesStillEndAtTheMargin) {
    MicrotypeSetup s;
    inl::Typesetter t(s.fonts, nullptr, s.diags);
    inl::ParagraphInput p = s.input(style::Align::Justify);
    p.expansion = {20, 20, 5};
    const auto out = t.set(p);
    int expanded = 0;
    for (size_t i = 0; i + 1 < out.lines.size(); ++i) {
        const inl::Line& line = out.lines[i];
        EXPECT_NEAR(end_of(line).pt(), 200, 0.01) << line;
        EXPECT_EQ(line.expansion % 5, 0);
        EXPECT_LE(std::abs(line.expansion), 20);
        if (line.expansion != 0) ++expanded;
        for (const auto& f : line.fragments) EXPECT_EQ(f.expansion, line.expansion) << line;
    }
    EXPECT_GT(expanded, 0);
    EXPECT_EQ(out.lines.back().expansion, 0);
}

TEST(inline_Microtype, RaggedLinesAreNotExpanded) {
    MicrotypeSetup s;
    inl::Typesetter t(s.fonts, nullptr, s.diags);
    inl::ParagraphInput p = s.input(style::Align::Left);
    p.expansion = {20, 20, 5};
    for (const auto& line : t.set(p).lines) EXPECT_EQ(line.expansion, 0) << line;
}

}  // namespace
