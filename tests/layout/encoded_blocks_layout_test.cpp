// A block decoded from its bytes (doc/encoded_blocks.h) lays out to what the block itself lays
// out to: the layout passes set the decoded blocks, never the document as read.
#include <sstream>

#include "doc/encoded_blocks.h"
#include "input/source_reader.h"
#include "layout_fixture.h"

using namespace reportc;
using namespace reportc::layout;
using namespace reportc::layout::testing;

namespace {

// Each item, and each box's frame items (text, shapes, links, anchors, images, where they are).
std::string printed(const std::vector<VItem>& items) {
    std::ostringstream os;
    for (const auto& item : items) {
        os << item << "\n";
        if (const auto* box = std::get_if<VBox>(&item))
            for (const auto& i : box->items) os << "  " << i << "\n";
    }
    return os.str();
}

// Every top-level block of `document`, laid out as it is and as decoded, each in a fixture of
// its own (no cache entry shared between the two).
void expect_same_layout(doc::Document document, const BlockEnv& env) {
    const std::vector<doc::Block> original = document.blocks;
    const doc::EncodedBlocks encoded(std::move(document.blocks), nullptr, 0);
    ASSERT_EQ(encoded.size(), original.size());
    std::vector<doc::Block> decoded;
    for (size_t i = 0; i < encoded.size(); ++i) {
        auto b = encoded.block(i);
        ASSERT_TRUE(b) << i;
        decoded.push_back(std::move(*b));
    }
    LayoutFixture as_read, as_decoded;
    const std::string a = printed(as_read.lay_out(original, env));
    const std::string b = printed(as_decoded.lay_out(decoded, env));
    EXPECT_NE(a.find("text font="), std::string::npos) << a.substr(0, 2000);  // the text is printed
    EXPECT_EQ(a, b);
}

}  // namespace

TEST(layout_EncodedBlocks, DecodedBlocksLayOutToTheSameItems) {
    doc::Section section;
    section.title = "A section";
    section.children.push_back(doc::Block{paragraph("Some words in a paragraph long enough to break over lines.")});
    doc::List list;
    doc::ListItem item;
    item.blocks.push_back(doc::Block{paragraph("An item")});
    list.items = {item, item};
    doc::Table table;
    table.columns = {column(doc::ColumnSpec::Kind::Fraction, "1fr"), column(doc::ColumnSpec::Kind::Fixed, "30pt")};
    table.rows = {row({cell("Head"), cell("H")}, doc::TableRow::Kind::Header), row({cell("One two three four"), cell("1")})};
    doc::Frame frame;
    frame.children.push_back(doc::Block{paragraph("Framed", "indented")});
    expect_same_layout(numbered({doc::Block{paragraph("Opening words of the document.", "hyphenated")}, doc::Block{section},
                                 doc::Block{list}, doc::Block{table}, doc::Block{frame}, doc::Block{doc::Rule{}}}),
                       measure(pt(200)));
}

TEST(layout_EncodedBlocks, TheCorpusLaysOutTheSameDecoded) {
    // Documents as the tests write them (their styles are not this fixture's: both layouts
    // report the same and set the same).
    RealEnvironment disk;
    for (const char* file : {"/tests/e2e/inline/inline-styling.xml", "/tests/e2e/keeps-frames/report.xml", "/tests/e2e/prose/report.xml"}) {
        SourceManager sources;
        Diagnostics diags;
        auto document = input::read_report(std::string(REPORTC_SOURCE_ROOT) + file, disk, sources, diags);
        ASSERT_TRUE(document) << file;
        doc::number_nodes(*document);
        expect_same_layout(std::move(*document), measure(pt(300)));
    }
}
