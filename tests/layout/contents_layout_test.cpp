// The contents: an entry's last line carries its dot leaders as one text item, the dots on the
// grid every entry shares (half the font size from the measure's left edge), then the page number.
#include "layout_fixture.h"

using namespace reportc;
using namespace reportc::layout;
using namespace reportc::layout::testing;

namespace {

// The contents of `toc` laid out in a 300pt measure, with the page numbers in `pages`.
std::vector<VItem> contents_of(LayoutFixture& f, std::vector<TocEntry> toc, const std::map<std::string, std::string>& pages) {
    LayoutInputs inputs{f.styles, f.fonts, f.hyphenator.get(), &pages, std::move(toc), {}, {}};
    LayoutResults results{f.font_table, f.diags, {}, 0};
    LayoutContext ctx{inputs, results, f.paragraphs};
    return layout_blocks({doc::Block{doc::Contents{}}}, measure(pt(300)), ctx);
}

}  // namespace

TEST(layout_Contents, AnEntrysLeadersAreOneItemOnTheGrid) {
    LayoutFixture f("<paragraph-style name=\"toc-1\" based-on=\"body\"/>\n");
    const std::map<std::string, std::string> pages{{"a", "7"}, {"b", "12"}};
    auto items = contents_of(f, {{1, "Alpha", "a"}, {1, "Beta gamma", "b"}}, pages);
    const auto lines = boxes(items);
    ASSERT_EQ(lines.size(), 2u);
    const text::FontFace& face = f.fonts.face(f.fonts.resolve({"Sans"}));
    const Length dot = face.width(".", pt(10));
    const Length step = pt(5);  // half the font size
    std::vector<Length> ends;
    for (const VBox* line : lines) {
        const auto t = texts(*line);
        ASSERT_GE(t.size(), 3u);  // the title's words, the leaders, the number
        const frame::TextItem& leaders = t[t.size() - 2];
        const frame::TextItem& title_end = t[t.size() - 3];
        const frame::TextItem& number = t.back();
        // One item for all the dots (an item per dot before): "Alpha" is one word, "Beta gamma" two.
        EXPECT_EQ(t.size(), line == lines[0] ? 3u : 4u);
        EXPECT_EQ(leaders.text.find_first_not_of('.'), std::string::npos) << leaders.text;
        EXPECT_GT(leaders.text.size(), 20u);
        // Every dot advances by the step: its width and the character spacing after it.
        EXPECT_EQ(leaders.tracking, step - dot);
        EXPECT_EQ(leaders.x.sp % step.sp, 0);
        EXPECT_GT(leaders.x, title_end.x + f.width(title_end.text));
        // The last dot ends at least a gap (half the font size) before the number.
        const Length last_end = leaders.x + step * int64_t(leaders.text.size() - 1) + dot;
        EXPECT_LE(last_end + step, number.x);
        ends.push_back(leaders.x + step * int64_t(leaders.text.size()));
    }
    EXPECT_EQ(texts(*lines[0]).back().text, "7");
    EXPECT_EQ(texts(*lines[1]).back().text, "12");
    // A wider number ends the leaders of its line no later.
    EXPECT_LE(ends[1], ends[0]);
}
