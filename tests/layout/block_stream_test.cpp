// Blocks laid out one at a time as pagination consumes them (layout::BlockStream): the pieces,
// joined, are the list layout_blocks gives, whatever keeps, held lines, invited and forced
// breaks reach back across blocks; and only the open end of the list is held.
#include "layout_fixture.h"

#include <sstream>

using namespace reportc;
using namespace reportc::layout;
using namespace reportc::layout::testing;

namespace {

const char* kStyles =
    "<paragraph-style name=\"held\" based-on=\"body\" keep-with-next-lines=\"3\"/>\n"
    "<paragraph-style name=\"chapter\" based-on=\"body\" page-break-before=\"true\" keep-with-next-lines=\"2\"/>\n"
    "<paragraph-style name=\"closing\" based-on=\"body\" page-break-after=\"true\"/>\n"
    "<paragraph-style name=\"whole\" based-on=\"body\" keep-together=\"true\"/>\n";

doc::List list_of(int items) {
    doc::List l;
    for (int i = 0; i < items; ++i) {
        doc::ListItem item;
        item.blocks.push_back({paragraph("Item " + std::to_string(i) + " of a list", "")});
        l.items.push_back(std::move(item));
    }
    return l;
}

doc::Table table_of(int rows) {
    doc::Table t;
    for (int i = 0; i < rows; ++i) t.rows.push_back(row({cell("Row " + std::to_string(i)), cell("and its second cell")}));
    return t;
}

// A deterministic mix: every style above, lists kept together or with the next block, tables,
// blocks forced onto a new page, and runs of held paragraphs that hold the next ones.
std::vector<doc::Block> mixed_blocks(int n) {
    static const char* styles[] = {"body", "held", "chapter", "closing", "whole", "keep", "invited", "hyphenated", "body"};
    std::vector<doc::Block> blocks;
    for (int i = 0; i < n; ++i) {
        const int kind = (i * 4 + i / 11 + (i * i) / 7) % 11;  // every kind, after 90 of the 121 kinds before it
        if (kind == 9) {
            doc::Block b{list_of(1 + i % 4)};
            b.keeps.together = i % 2 == 0;
            b.keeps.with_next = i % 3 == 0;
            blocks.push_back(std::move(b));
        } else if (kind == 10) {
            doc::Block b{table_of(1 + i % 3)};
            b.keeps.break_before = i % 4 == 0;
            blocks.push_back(std::move(b));
        } else {
            std::string text = "Paragraph " + std::to_string(i) + " with enough words to fill a line or two of the measure";
            blocks.push_back({paragraph(text, styles[kind])});
        }
    }
    return blocks;
}

std::string described(const std::vector<VItem>& items) {
    std::ostringstream os;
    for (const auto& item : items) {
        os << item;
        if (const auto* b = std::get_if<VBox>(&item)) os << " master=" << b->page_master();
        os << "\n";
    }
    return os.str();
}

}  // namespace

TEST(layout_BlockStream, PiecesJoinedAreTheWholeList) {
    LayoutFixture whole_f(kStyles), stream_f(kStyles);
    const auto d = numbered(mixed_blocks(120));
    const auto whole = whole_f.lay_out(d.blocks, measure(pt(200)));

    LayoutInputs inputs{stream_f.styles, stream_f.fonts, stream_f.hyphenator.get(), nullptr, {}};
    LayoutResults results{stream_f.font_table, stream_f.diags, {}, 0};
    LayoutContext ctx{inputs, results, stream_f.paragraphs};
    BlockStream stream(measure(pt(200)), ctx);
    std::vector<VItem> joined;
    size_t pieces_with_items = 0;
    for (const auto& block : d.blocks) {
        auto piece = stream.add(block);
        pieces_with_items += !piece.empty();
        for (auto& item : piece) joined.push_back(std::move(item));
    }
    for (auto& item : stream.finish()) joined.push_back(std::move(item));

    ASSERT_GT(whole.size(), 300u);
    EXPECT_GT(pieces_with_items, 60u);  // handed on as it goes, not all at the end
    EXPECT_EQ(described(joined), described(whole));
}

TEST(layout_BlockStream, ALongBlocksBufferIsNotKeptForWhatIsLeftOpen) {
    // A list of 3,000 items is laid out in one add(): once its settled items are handed on, the
    // few left open keep no buffer of the whole list's size (a long report's contents kept 1 MB
    // for the whole pass so).
    LayoutFixture f(kStyles);
    LayoutInputs inputs{f.styles, f.fonts, f.hyphenator.get(), nullptr, {}};
    LayoutResults results{f.font_table, f.diags, {}, 0};
    LayoutContext ctx{inputs, results, f.paragraphs};
    BlockStream stream(measure(pt(200)), ctx);
    const auto done = stream.add({list_of(3000)});
    EXPECT_GT(done.size(), 3000u);
    EXPECT_LE(stream.held_capacity(), kSpareItemsFloor);
    const auto more = stream.add({paragraph("After the list")});
    EXPECT_LE(stream.held_capacity(), kSpareItemsFloor);
    EXPECT_FALSE(stream.finish().empty() && more.empty());
}

TEST(layout_BlockStream, ALongContentsInADivisionIsHandedOnInPiecesTheSameList) {
    // A contents of 1,500 entries inside a division on another master, between paragraphs: with
    // a place for pieces, what is settled of it goes there as its entries are made (never the
    // whole contents open at once), and the pieces, what add() returns and finish() joined are
    // the list layout_blocks gives. A division kept together is not cut: it comes whole.
    std::string styles = kStyles;
    styles += "<paragraph-style name=\"toc-1\" based-on=\"body\"/>\n";
    std::vector<TocEntry> toc;
    std::map<std::string, std::string> pages;
    for (int i = 0; i < 1500; ++i) {
        std::string id = "h", title = "Heading number ";
        id += std::to_string(i);
        title += std::to_string(i);
        toc.push_back({1, title, id});
        pages[id] = std::to_string(i / 40 + 1);
    }
    for (bool kept_together : {false, true}) {
        std::vector<doc::Block> blocks;
        blocks.push_back({paragraph("Before the contents", "held")});
        doc::Division division;
        division.page_master = "wide";
        division.children.push_back({paragraph("Contents")});
        division.children.push_back({doc::Contents{}});
        doc::Block block{division};
        block.keeps.together = kept_together;
        blocks.push_back(std::move(block));
        blocks.push_back({paragraph("After the contents")});
        const auto d = numbered(std::move(blocks));

        LayoutFixture whole_f(styles), stream_f(styles);
        LayoutInputs whole_inputs{whole_f.styles, whole_f.fonts, whole_f.hyphenator.get(), &pages, toc};
        LayoutResults whole_results{whole_f.font_table, whole_f.diags, {}, 0};
        LayoutContext whole_ctx{whole_inputs, whole_results, whole_f.paragraphs};
        const auto whole = layout_blocks(d.blocks, measure(pt(200)), whole_ctx);

        LayoutInputs inputs{stream_f.styles, stream_f.fonts, stream_f.hyphenator.get(), &pages, toc};
        LayoutResults results{stream_f.font_table, stream_f.diags, {}, 0};
        LayoutContext ctx{inputs, results, stream_f.paragraphs};
        std::vector<VItem> joined;
        size_t pieces = 0, most_open = 0;
        BlockStream* stream_ptr = nullptr;
        BlockStream stream(measure(pt(200)), ctx, [&](std::vector<VItem> items) {
            ++pieces;
            most_open = std::max(most_open, stream_ptr->held_capacity());
            for (auto& item : items) joined.push_back(std::move(item));
        });
        stream_ptr = &stream;
        for (const auto& b : d.blocks)
            for (auto& item : stream.add(b)) joined.push_back(std::move(item));
        for (auto& item : stream.finish()) joined.push_back(std::move(item));

        ASSERT_GT(whole.size(), 3000u);
        EXPECT_EQ(described(joined), described(whole)) << kept_together;
        if (kept_together) {
            EXPECT_EQ(pieces, 0u);
        } else {
            EXPECT_GT(pieces, 5u);
            EXPECT_LT(most_open, 2000u);  // items held open while the contents is made, not its 3,000
        }
        EXPECT_EQ(stream_f.diags.all().size(), whole_f.diags.all().size());
    }
}

TEST(layout_BlockStream, ALongTableInASectionIsHandedOnInPiecesTheSameList) {
    // A table of 1,500 rows in a section: its bands go to the place for pieces as they are made
    // (its cells set band by band), and the list joined is layout_blocks'. A table kept together
    // and a table in a figure (whose caption goes above each repeated header) come whole.
    enum class Case { Section, KeptTogether, Figure };
    for (Case c : {Case::Section, Case::KeptTogether, Case::Figure}) {
        doc::Table table = table_of(1500);
        table.rows.insert(table.rows.begin(), row({cell("Name"), cell("Value")}, doc::TableRow::Kind::Header));
        doc::Block table_block{table};
        if (c == Case::KeptTogether) table_block.keeps.together = true;
        doc::Section section;
        section.title = "Annex";
        if (c == Case::Figure) {
            doc::Figure figure;
            figure.caption = "A long table";
            figure.children.push_back(std::move(table_block));
            section.children.push_back({figure});
        } else {
            section.children.push_back(std::move(table_block));
        }
        std::vector<doc::Block> blocks;
        blocks.push_back({paragraph("Before the annex")});
        blocks.push_back({section});
        blocks.push_back({paragraph("After the annex")});
        const auto d = numbered(std::move(blocks));

        LayoutFixture whole_f(kStyles), stream_f(kStyles);
        const auto whole = whole_f.lay_out(d.blocks, measure(pt(200)));
        LayoutInputs inputs{stream_f.styles, stream_f.fonts, stream_f.hyphenator.get(), nullptr, {}};
        LayoutResults results{stream_f.font_table, stream_f.diags, {}, 0};
        LayoutContext ctx{inputs, results, stream_f.paragraphs};
        std::vector<VItem> joined;
        size_t pieces = 0;
        BlockStream stream(measure(pt(200)), ctx, [&](std::vector<VItem> items) {
            ++pieces;
            for (auto& item : items) joined.push_back(std::move(item));
        });
        for (const auto& b : d.blocks)
            for (auto& item : stream.add(b)) joined.push_back(std::move(item));
        for (auto& item : stream.finish()) joined.push_back(std::move(item));

        ASSERT_GT(whole.size(), 3000u);
        EXPECT_EQ(described(joined), described(whole)) << int(c);
        if (c == Case::Section) EXPECT_GT(pieces, 5u);
        else EXPECT_EQ(pieces, 0u) << int(c);
        EXPECT_EQ(stream_f.diags.all().size(), whole_f.diags.all().size());
    }
}
