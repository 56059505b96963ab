// The resolved document's top-level blocks as bytes (doc/block_codec.h, doc/encoded_blocks.h):
// every node type and field comes back as it was, the shared images as the same objects, and a
// block whose bytes cannot be read back is reported, not laid out.
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "doc/block_codec.h"
#include "doc/encoded_blocks.h"
#include "doc/walk.h"
#include "image/image.h"
#include "input/source_reader.h"
#include "layout/spill_store.h"

using namespace reportc;

namespace {

std::string printed(const doc::Block& b) { return (std::ostringstream() << b).str(); }

std::string encoded(doc::BlockCodec& codec, const doc::Block& b) {
    std::string bytes;
    codec.encode(b, bytes);
    return bytes;
}

// decode(encode(b)) prints as b does, and encodes to the same bytes (every field, printed or not).
void expect_round_trip(const doc::Block& b) {
    doc::BlockCodec codec;
    const std::string bytes = encoded(codec, b);
    const auto back = codec.decode(bytes);
    ASSERT_TRUE(back.has_value()) << printed(b);
    EXPECT_EQ(printed(*back), printed(b));
    doc::BlockCodec again;  // a codec of its own: its tables fill in the same order
    EXPECT_EQ(encoded(again, *back), bytes) << printed(b);
}

Span at(uint32_t n) { return Span{n, n + 1, n + 2}; }

doc::TextRun rich_run(const std::shared_ptr<doc::Image>& inline_image) {
    doc::TextRun r;
    r.text = "text é";
    r.char_styles = doc::StyleList{"strong", "em"};
    r.rare_to_set().link = "https://example.org";
    r.line_break = true;
    r.span = at(1);
    r.rare_to_set().ref = doc::Reference{"target", "page", at(2)};
    r.rare_to_set().resolved = doc::ResolvedReference{"anchor", "Diagram 4", true, " after"};
    r.abbreviation = true;
    doc::Footnote note;
    note.id = "footnote-3";
    note.runs.push_back(doc::TextRun{});
    note.runs.back().text = "note";
    note.span = at(3);
    note.node = doc::NodeId{77};
    r.rare_to_set().footnote = note;
    r.rare_to_set().variable = doc::VariableUse{"name", "upper", "0000", std::string("none")};
    r.rare_to_set().resolved_variable = doc::ResolvedVariable{"value", doc::PageValue::Section, "variable-2"};
    r.rare_to_set().image = inline_image;
    return r;
}

doc::Aggregate aggregate() {
    doc::Aggregate a;
    a.where = {{"kind", false, "x"}};
    a.group_by = "region";
    a.count = "n";
    a.sums = {"amount"};
    a.sort = doc::SortKey{"amount", true};
    a.where_span = at(4);
    a.sort_span = at(5);
    return a;
}

// Every node type, each field away from its default.
std::vector<doc::Block> every_node(const std::shared_ptr<doc::Image>& inline_image,
                                   const std::shared_ptr<const image::Image>& picture) {
    std::vector<doc::Block> blocks;
    doc::Paragraph p;
    p.style = "caption";
    p.id = "p1";
    p.runs = {rich_run(inline_image), doc::TextRun{}};
    p.span = at(6);
    p.node = doc::NodeId{1};
    doc::Block pb{p};
    pb.keeps = doc::Keeps{true, false, std::nullopt, true};
    pb.condition = doc::Condition{"flag", true, at(7)};
    blocks.push_back(pb);

    doc::Section s;
    s.id = "s";
    s.title = "Title";
    s.style = "heading";
    s.short_title = "Short";
    s.number = "IV";
    s.numbered = doc::Numbered{"Section", "4", "4 "};
    s.page_master = "landscape";
    s.level = 3;
    s.children.push_back(pb);
    s.span = at(8);
    s.node = doc::NodeId{2};
    blocks.push_back(doc::Block{s});

    doc::Article a;
    a.id = "a";
    a.title = "Article";
    a.date = "2021";
    a.place = "Bangkok";
    a.short_title = "Art";
    a.number = "2";
    a.numbered = doc::Numbered{"", "2", "2. "};
    a.place_first = true;
    a.level = -2;
    a.children.push_back(pb);
    a.span = at(9);
    a.node = doc::NodeId{3};
    blocks.push_back(doc::Block{a});

    doc::List l;
    l.style = "steps";
    l.marker = "–";
    l.numbering = "a)";
    l.start = 5;
    doc::ListItem item;
    item.label = "Pillar 1:";
    item.id = "i";
    item.number = "7";
    item.numbered = doc::Numbered{"", "g", "g)"};
    item.blocks.push_back(pb);
    item.span = at(10);
    item.node = doc::NodeId{4};
    l.items = {item, doc::ListItem{}};
    l.span = at(11);
    l.node = doc::NodeId{5};
    blocks.push_back(doc::Block{l});

    blocks.push_back(doc::Block{doc::Signature{"Name", "Role", at(12), doc::NodeId{6}}});

    doc::Figure f;
    f.id = "f";
    f.caption = "Caption";
    f.kind = "diagram";
    f.number = "3a";
    f.separator = " – ";
    f.numbered = doc::Numbered{"Diagram", "3", "Diagram 3: "};
    f.children.push_back(pb);
    f.span = at(13);
    f.node = doc::NodeId{7};
    blocks.push_back(doc::Block{f});

    blocks.push_back(doc::Block{doc::PageBreak{at(14), doc::NodeId{8}}});

    doc::Table t;
    t.style = "grid";
    t.id = "t";
    t.columns = {doc::ColumnSpec{doc::ColumnSpec::Kind::Fraction, "2fr", at(15)}};
    doc::TableRow row;
    row.kind = doc::TableRow::Kind::Section;
    row.id = "r";
    row.shade = "#eee";
    row.style = "boxed";
    doc::TableCell cell;
    cell.colspan = 2;
    cell.rowspan = 3;
    cell.align = "right";
    cell.valign = "middle";
    cell.shade = "#fff";
    cell.style = "box";
    cell.blocks.push_back(pb);
    cell.span = at(16);
    cell.node = doc::NodeId{9};
    cell.changed = true;
    row.cells = {cell};
    row.span = at(17);
    row.node = doc::NodeId{10};
    row.change = doc::RowChange::Added;
    t.rows = {row};
    t.template_name = "rows";
    t.data_path = "/data/rows.csv";
    t.data_span = at(18);
    t.aggregate = aggregate();
    t.expanded = doc::ExpandedTable{"table-style", t.columns, {row, row}};
    t.span = at(19);
    t.node = doc::NodeId{11};
    blocks.push_back(doc::Block{t});

    doc::Chart c;
    c.id = "c";
    c.type = "line";
    c.title = "T";
    c.x_label = "x";
    c.y_label = "y";
    c.unit = "%";
    c.note = "n";
    c.width = "80mm";
    c.height = "40mm";
    c.categories = {"2020", "2021"};
    c.series = {doc::ChartSeries{"s", true, {at(20), at(21)}, {"1.5", ""}, "field", at(22)}};
    c.data_path = "d.csv";
    c.x_field = "year";
    c.y_fields = {"a", "b"};
    c.derived_fields = {"b"};
    c.data_span = at(23);
    c.x_span = at(24);
    c.aggregate = aggregate();
    c.resolved = doc::ChartData{{"2020"}, {doc::ChartDataSeries{"s", {1.25, std::nan(""), -0.0}, true}}, {Color{1, 2, 3}}};
    c.span = at(25);
    c.node = doc::NodeId{12};
    blocks.push_back(doc::Block{c});

    doc::Diagram d;
    d.id = "d";
    d.layout = "column";
    d.title = "D";
    d.width = "1";
    d.height = "2";
    doc::DiagramNode leaf{"leaf", "Leaf", "", false, {}, at(26)};
    d.nodes = {doc::DiagramNode{"root", "Roof", "Bold", true, {leaf}, at(27)}};
    d.edges = {doc::DiagramEdge{"root", "leaf", false, at(28)}};
    d.palette = {Color{9, 8, 7}};
    d.span = at(29);
    d.node = doc::NodeId{13};
    blocks.push_back(doc::Block{d});

    blocks.push_back(doc::Block{doc::Contents{at(30), doc::NodeId{14}, "diagrams"}});
    blocks.push_back(doc::Block{doc::Division{"cover", {pb}, at(31), doc::NodeId{15}}});
    blocks.push_back(doc::Block{doc::Frame{"panel", {pb}, at(32), doc::NodeId{16}}});
    blocks.push_back(doc::Block{doc::Rule{"50%", "1pt", "#f00", "center", at(33), doc::NodeId{17}}});

    doc::Image img;
    img.src = "a.png";
    img.path = "/x/a.png";
    img.width = "40mm";
    img.height = "20mm";
    img.alt = "Alt";
    img.fit = doc::ImageFit::Cover;
    img.src_span = at(34);
    img.decoded = picture;
    img.span = at(35);
    img.node = doc::NodeId{18};
    blocks.push_back(doc::Block{img});

    blocks.push_back(doc::Block{doc::Qr{"https://x", "30mm", doc::QrLevel::H, 2, "#00f", "left", true, true, "code", at(36),
                                        doc::NodeId{4000000000u}}});
    return blocks;
}

// The documents the tests and the sources hold, as read (every node type they write).
std::vector<std::string> corpus() {
    const std::string root = REPORTC_SOURCE_ROOT;
    return {root + "/sources/rocb-ap-annual-report-2020-21/report.xml", root + "/sources/workshop-certificates/certificate.xml",
            root + "/tests/e2e/golden/sample.xml",  root + "/tests/e2e/essay/report.xml",
            root + "/tests/e2e/authoring/report.xml", root + "/tests/e2e/prose/report.xml",
            root + "/tests/e2e/inline/inline-styling.xml", root + "/tests/e2e/keeps-frames/report.xml"};
}

}  // namespace

TEST(doc_BlockCodec, EveryNodeTypeAndFieldComesBack) {
    auto inline_image = std::make_shared<doc::Image>();
    inline_image->src = "inline.png";
    auto picture = std::make_shared<const image::Image>();
    const auto blocks = every_node(inline_image, picture);
    ASSERT_EQ(blocks.size(), std::variant_size_v<decltype(doc::Block::node)>);  // one of each
    for (const auto& b : blocks) expect_round_trip(b);

    // The shared images come back as the same objects, not copies.
    doc::BlockCodec codec;
    const auto p = codec.decode(encoded(codec, blocks[0]));
    ASSERT_TRUE(p);
    EXPECT_EQ(doc::node_as<doc::Paragraph>(*p).runs[0].rare().image, inline_image);
    EXPECT_EQ(doc::node_as<doc::Paragraph>(*p).runs[1].rare().image, nullptr);
    const auto i = codec.decode(encoded(codec, blocks[14]));
    ASSERT_TRUE(i);
    EXPECT_EQ(doc::node_as<doc::Image>(*i).decoded, picture);
}

TEST(doc_BlockCodec, EveryTopLevelBlockOfTheCorpusComesBack) {
    RealEnvironment env;
    size_t nodes = 0;
    for (const auto& path : corpus()) {
        SourceManager sources;
        Diagnostics diags;
        auto document = input::read_report(path, env, sources, diags);
        ASSERT_TRUE(document) << path;
        doc::number_nodes(*document);
        for (const auto& b : document->blocks) expect_round_trip(b);
        nodes += document->node_count;
    }
    EXPECT_GT(nodes, 800u);
}

TEST(doc_BlockCodec, DamagedBytesAreNoBlock) {
    auto blocks = every_node(nullptr, nullptr);
    doc::BlockCodec codec;
    const std::string bytes = encoded(codec, blocks[7]);  // the table
    EXPECT_FALSE(codec.decode(bytes.substr(0, bytes.size() - 1)));  // cut short
    EXPECT_FALSE(codec.decode(bytes + "x"));                        // too long
    EXPECT_FALSE(codec.decode(""));
    EXPECT_FALSE(codec.decode(std::string(1, char(99))));  // no such node type
    EXPECT_FALSE(doc::BlockCodec().decode(bytes));          // its names are in the other codec's table
}

TEST(doc_EncodedBlocks, FirstBytesInMemoryTheOthersInTheStore) {
    auto inline_image = std::make_shared<doc::Image>();
    auto blocks = every_node(inline_image, nullptr);
    std::vector<std::string> before;
    for (const auto& b : blocks) before.push_back(printed(b));
    layout::MemorySpillStore store;
    const doc::EncodedBlocks encoded(std::move(blocks), &store, 600);
    EXPECT_TRUE(blocks.empty());
    ASSERT_EQ(encoded.size(), before.size());
    EXPECT_GT(encoded.bytes_in_memory(), 0u);
    EXPECT_LE(encoded.bytes_in_memory(), 600u);
    EXPECT_EQ(encoded.bytes_stored(), store.size());
    EXPECT_GT(store.size(), 0u);
    EXPECT_EQ(encoded.first_nodes()[1], doc::NodeId{2});
    for (size_t i = 0; i < before.size(); ++i) {
        const auto b = encoded.block(i);
        ASSERT_TRUE(b) << i;
        EXPECT_EQ(printed(*b), before[i]);
    }
    EXPECT_FALSE(encoded.block(before.size()));
}

TEST(doc_EncodedBlocks, BelowTheThresholdTheBlocksAreKeptAsTheyWere) {
    // Fewer nodes than the threshold: no bytes, the blocks themselves, the same first nodes; at
    // the threshold they are encoded. Either way each block reads back as it was.
    std::vector<std::string> before;
    for (const auto& b : every_node(nullptr, nullptr)) before.push_back(printed(b));
    layout::MemorySpillStore store;
    const doc::EncodedBlocks kept(every_node(nullptr, nullptr), &store, 600, 100, 101);
    const doc::EncodedBlocks encoded(every_node(nullptr, nullptr), &store, 600, 100, 100);
    EXPECT_TRUE(kept.kept());
    EXPECT_FALSE(encoded.kept());
    EXPECT_EQ(kept.bytes_in_memory() + kept.bytes_stored(), 0u);
    EXPECT_GT(encoded.bytes_in_memory() + encoded.bytes_stored(), 0u);
    ASSERT_EQ(kept.size(), before.size());
    EXPECT_EQ(kept.first_nodes(), encoded.first_nodes());
    for (size_t i = 0; i < before.size(); ++i) {
        auto k = kept.block(i);
        ASSERT_TRUE(k) << i;
        EXPECT_EQ(printed(*k), before[i]);
        EXPECT_EQ(printed(k.take()), before[i]);  // a copy to own, the kept one unchanged
        EXPECT_EQ(printed(*kept.block(i)), before[i]);
        EXPECT_EQ(printed(*encoded.block(i)), before[i]);
    }
    EXPECT_FALSE(kept.block(before.size()));
}

TEST(doc_EncodedBlocks, AStoreThatCannotKeepBytesLeavesThemInMemory) {
    auto blocks = every_node(nullptr, nullptr);
    const size_t count = blocks.size();
    layout::MemorySpillStore store;
    store.fail_appends(true);
    const doc::EncodedBlocks encoded(std::move(blocks), &store, 0);
    EXPECT_EQ(encoded.bytes_stored(), 0u);
    EXPECT_GT(encoded.bytes_in_memory(), 0u);
    for (size_t i = 0; i < count; ++i) EXPECT_TRUE(encoded.block(i)) << i;
    const doc::EncodedBlocks none(every_node(nullptr, nullptr), nullptr, 0);  // no store at all
    EXPECT_EQ(none.bytes_stored(), 0u);
    EXPECT_TRUE(none.block(count - 1));
}

TEST(doc_EncodedBlocks, AddedABlockAtATimeKeptBelowTheThresholdThenEncodedAndReplaced) {
    // As the driver resolves a part at a time: blocks added in order are kept as they are while
    // the nodes so far stay below the threshold; the block that reaches it has the kept ones
    // encoded first, and every block after is encoded as it comes. A block replaced (references
    // resolved once every target is known) reads back as the new one, kept or encoded.
    std::vector<std::string> before;
    for (const auto& b : every_node(nullptr, nullptr)) before.push_back(printed(b));
    ASSERT_GE(before.size(), 4u);
    const doc::EncodedBlocks whole(every_node(nullptr, nullptr), nullptr, 600);
    for (uint32_t threshold : {3u, 1000u}) {
        layout::MemorySpillStore store;
        doc::EncodedBlocks added(&store, 600, threshold);
        auto blocks = every_node(nullptr, nullptr);
        for (size_t i = 0; i < blocks.size(); ++i) {
            added.add(std::move(blocks[i]), uint32_t(i + 1));  // one node each, as far as the threshold goes
            EXPECT_EQ(added.kept(), i + 1 < threshold) << threshold << " " << i;
        }
        added.finish();
        EXPECT_EQ(added.kept(), threshold == 1000u);
        EXPECT_EQ(added.first_nodes(), whole.first_nodes());
        ASSERT_EQ(added.size(), before.size());
        for (size_t i = 0; i < before.size(); ++i) EXPECT_EQ(printed(*added.block(i)), before[i]) << threshold << " " << i;
        if (threshold == 3u) {
            // Encoded as the whole vector is: as many bytes, the first in memory, the rest stored.
            EXPECT_EQ(added.bytes_in_memory() + added.bytes_stored(), whole.bytes_in_memory());
            EXPECT_LE(added.bytes_in_memory(), 600u);
            EXPECT_GT(added.bytes_stored(), 0u);
        }
        added.replace(0, added.block(3).take());
        EXPECT_EQ(printed(*added.block(0)), before[3]) << threshold;
        for (size_t i = 1; i < before.size(); ++i) EXPECT_EQ(printed(*added.block(i)), before[i]) << threshold << " " << i;
        EXPECT_EQ(added.size(), before.size());
    }
}
