// What pagination notes of the anchors it places (pages::Paginator, Paginated::anchor_pages and
// anchor_sheets): the folio and page of every anchor, or of only those PageOutput::noted_anchors
// names, which are all the passes after read (issue 16: a note of every anchor grew with the
// document and was made again by every pass).
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "../layout/layout_fixture.h"
#include "pages/paginate.h"

using namespace reportc;
using namespace reportc::layout::testing;

namespace {

// Three paragraphs with ids "a", "b" and "c", the last after a page break: pages 1, 1 and 2.
pages::Paginated paginated(const std::set<std::string>* noted) {
    LayoutFixture f;
    std::vector<doc::Block> blocks;
    for (const char* id : {"a", "b"}) {
        doc::Paragraph p = paragraph(std::string("Paragraph ") + id);
        p.id = id;
        blocks.push_back({p});
    }
    blocks.push_back({doc::PageBreak{}});
    doc::Paragraph c = paragraph("Paragraph c");
    c.id = "c";
    blocks.push_back({c});
    const doc::Document document = numbered(std::move(blocks));
    auto items = f.lay_out(document.blocks);
    pages::PageContext ctx{f.styles, f.fonts, f.font_table, f.diags};
    pages::PageOutput output;
    output.noted_anchors = noted;
    pages::Paginator paginator("body", ctx, output);
    paginator.add(std::move(items));
    auto result = paginator.finish();
    EXPECT_EQ(f.diags.error_count(), 0u);
    return result;
}

}  // namespace

TEST(pages_Paginator, NotesTheFolioAndPageOfEveryAnchorByDefault) {
    const auto result = paginated(nullptr);
    EXPECT_EQ(result.page_count, 2u);
    EXPECT_EQ(result.anchor_pages, (std::map<std::string, std::string>{{"a", "1"}, {"b", "1"}, {"c", "2"}}));
    EXPECT_EQ(result.anchor_sheets, (std::map<std::string, int>{{"a", 1}, {"b", 1}, {"c", 2}}));
}

TEST(pages_Paginator, NotesOnlyTheAnchorsItIsAskedFor) {
    const std::set<std::string> noted{"c", "not-in-the-document"};
    const auto result = paginated(&noted);
    EXPECT_EQ(result.page_count, 2u);
    EXPECT_EQ(result.anchor_pages, (std::map<std::string, std::string>{{"c", "2"}}));
    EXPECT_EQ(result.anchor_sheets, (std::map<std::string, int>{{"c", 2}}));
}
