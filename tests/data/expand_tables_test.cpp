#include <gtest/gtest.h>

#include <sstream>

#include "data/expand_tables.h"
#include "doc/walk.h"
#include "input/source_reader.h"
#include "test_support.h"

using namespace reportc;
using reportc::testing::DataFixture;

namespace {

const doc::Section& section(const doc::Document& d) { return doc::node_as<doc::Section>(d.blocks.at(0)); }

}  // namespace

TEST(data_ExpandTables, ExpandsGeneratedTablesEverywhere) {
    // Generated tables in a section, a list item and a figure are expanded from one data file
    // read once; an unknown template and a missing data file are errors where the report names
    // them, and leave a table unexpanded, without rows.
    DataFixture f;
    f.env.set_file("r/report.xml",
                   "<report layout=\"l.xml\">\n"
                   "  <section title=\"Annex\">\n"
                   "    <table id=\"a\" template=\"abbr\" data=\"data/abbr.csv\"/>\n"
                   "    <list><item><table template=\"abbr\" data=\"data/abbr.csv\"/></item></list>\n"
                   "    <figure caption=\"F\"><table template=\"nope\" data=\"data/abbr.csv\"/></figure>\n"
                   "    <table template=\"abbr\" data=\"data/missing.csv\"/>\n"
                   "  </section>\n"
                   "</report>\n");
    f.env.set_file("r/data/abbr.csv", "term,expansion\nACE,Accredited Customs Expert\nAEO,Authorized Economic Operator\n");
    auto document = input::read_report("r/report.xml", f.env, f.sources, f.diags);
    ASSERT_TRUE(document.has_value());
    ASSERT_TRUE(f.diags.all().empty()) << f.errors()[0];
    auto templates = std::vector<doc::TableTemplate>{f.read_template(
        "l/t.xml",
        "<table-template name=\"abbr\" table-style=\"abbreviations\"><column width=\"1fr\"/><column width=\"3fr\"/>"
        "<header-row><cell><p>Term</p></cell><cell><p>Expansion</p></cell></header-row>"
        "<record-row><cell><field name=\"term\"/></cell><cell><field name=\"expansion\"/></cell></record-row>"
        "</table-template>")};

    data::expand_tables(*document, templates, f.env, f.sources, f.diags);
    EXPECT_EQ(f.errors(), (std::vector<std::string>{
                              "r/report.xml:5:26: error: expected a table template defined in the layout, found 'nope'",
                              "r/report.xml:6:28: error: cannot read file 'r/data/missing.csv': no such file",
                          }));

    const auto& children = section(*document).children;
    ASSERT_EQ(children.size(), 4u);
    const auto& a = doc::node_as<doc::Table>(children[0]);
    ASSERT_TRUE(a.expanded.has_value());
    EXPECT_EQ(doc::style_of(a), "abbreviations");
    EXPECT_EQ(doc::columns_of(a).size(), 2u);
    ASSERT_EQ(doc::rows_of(a).size(), 3u);
    EXPECT_EQ(doc::rows_of(a)[1].id, "a-row-1");
    EXPECT_EQ(f.sources.location(a.span), "r/report.xml:3:6");

    const auto& in_list = doc::node_as<doc::Table>(doc::node_as<doc::List>(children[1]).items.at(0).blocks.at(0));
    ASSERT_EQ(doc::rows_of(in_list).size(), 3u);
    EXPECT_EQ(doc::rows_of(in_list)[2].id, "row-2");

    const auto& in_figure = doc::node_as<doc::Table>(doc::node_as<doc::Figure>(children[2]).children.at(0));
    EXPECT_FALSE(in_figure.expanded.has_value());
    EXPECT_TRUE(doc::rows_of(in_figure).empty());
    EXPECT_FALSE(doc::node_as<doc::Table>(children[3]).expanded.has_value());
    EXPECT_TRUE(doc::rows_of(doc::node_as<doc::Table>(children[3])).empty());

    // The CSV file was read once for its three tables.
    int reads = 0;
    for (uint32_t id = 1; f.sources.file(id); ++id) reads += f.sources.file(id)->path() == "r/data/abbr.csv";
    EXPECT_EQ(reads, 1);
}

TEST(data_ExpandTables, TablesInsideTableCellsAreExpanded) {
    // A generated table nested in a hand-written table's cell is found too.
    DataFixture f;
    doc::Table inner;
    inner.template_name = "abbr";
    inner.data_path = "d/abbr.csv";
    doc::TableCell cell;
    cell.blocks.push_back({inner});
    doc::TableRow row;
    row.cells.push_back(cell);
    doc::Table outer;
    outer.rows.push_back(row);
    doc::Document document;
    document.blocks.push_back({outer});
    f.env.set_file("d/abbr.csv", "term\nACE\n");
    auto templates = std::vector<doc::TableTemplate>{f.read_template(
        "l/t.xml", "<table-template name=\"abbr\"><record-row><cell><field name=\"term\"/></cell></record-row></table-template>")};
    data::expand_tables(document, templates, f.env, f.sources, f.diags);
    EXPECT_TRUE(f.diags.all().empty());
    const auto& expanded = doc::node_as<doc::Table>(doc::node_as<doc::Table>(document.blocks[0]).rows[0].cells[0].blocks.at(0));
    ASSERT_EQ(doc::rows_of(expanded).size(), 1u);
    EXPECT_EQ(doc::rows_of(expanded)[0].id, "row-1");
}

TEST(data_ExpandTables, KeepsTheTableAsWrittenAndWalksTheExpandedRows) {
    // The expansion goes to `expanded`: the table as written still names its template and data
    // file and has no rows or columns of its own; the walk (xref, numbering) and the printer
    // see the expanded rows.
    DataFixture f;
    doc::Table table;
    table.id = "abbr";
    table.template_name = "abbr";
    table.data_path = "d/abbr.csv";
    doc::Document document;
    document.blocks.push_back({table});
    f.env.set_file("d/abbr.csv", "term\nACE\nAEO\n");
    auto templates = std::vector<doc::TableTemplate>{f.read_template(
        "l/t.xml", "<table-template name=\"abbr\" table-style=\"abbreviations\"><column width=\"1fr\"/>"
                   "<record-row><cell><field name=\"term\"/></cell></record-row></table-template>")};
    data::expand_tables(document, templates, f.env, f.sources, f.diags);
    EXPECT_TRUE(f.diags.all().empty());

    const auto& t = doc::node_as<doc::Table>(document.blocks[0]);
    EXPECT_EQ(t.template_name, "abbr");
    EXPECT_EQ(t.data_path, "d/abbr.csv");
    EXPECT_EQ(t.style, "table");
    EXPECT_TRUE(t.rows.empty());
    EXPECT_TRUE(t.columns.empty());
    ASSERT_TRUE(t.expanded.has_value());
    EXPECT_EQ(t.expanded->style, "abbreviations");
    EXPECT_EQ(t.expanded->columns.size(), 1u);
    ASSERT_EQ(t.expanded->rows.size(), 2u);
    EXPECT_EQ(&doc::rows_of(t), &t.expanded->rows);

    doc::number_nodes(document);
    EXPECT_TRUE(t.expanded->rows[1].node.assigned());
    EXPECT_TRUE(t.expanded->rows[1].cells.at(0).node.assigned());

    std::ostringstream printed;
    printed << document.blocks[0];
    EXPECT_EQ(printed.str().substr(0, printed.str().find('\n')),
              "table #abbr style=table columns=0 rows=0 template=abbr expanded style=abbreviations columns=1 rows=2");
    EXPECT_NE(printed.str().find("  row body #abbr-row-1"), std::string::npos) << printed.str();
}

TEST(data_CompactDocument, ATableOfManyRecordsIsExpandedAtItsSize) {
    // A table of many records is held through both layout passes: its rows, each row's cells,
    // a cell's blocks and a field's runs are allocated at their size as they are expanded, not
    // grown by doubling and trimmed by a second copy (docs/performance.md, "Peak memory").
    DataFixture f;
    doc::Table table;
    table.template_name = "many";
    table.data_path = "d/many.csv";
    doc::Document document;
    document.blocks.push_back({table});
    std::string csv = "term,expansion\n";
    for (int i = 0; i < 1000; ++i) csv.append("T").append(std::to_string(i)).append(",Expansion of ").append(std::to_string(i)).append("\n");
    f.env.set_file("d/many.csv", csv);
    auto templates = std::vector<doc::TableTemplate>{f.read_template(
        "l/t.xml", "<table-template name=\"many\"><header-row><cell><p>Term</p></cell><cell/><cell/></header-row>"
                   "<record-row><cell><p><b><field name=\"term\"/></b> <field name=\"expansion\"/></p><p>a</p><p>b</p></cell>"
                   "<cell><field name=\"expansion\"/></cell><cell><p>c</p></cell></record-row></table-template>")};
    data::expand_tables(document, templates, f.env, f.sources, f.diags);
    ASSERT_TRUE(f.diags.all().empty()) << f.errors()[0];

    const auto& rows = doc::rows_of(doc::node_as<doc::Table>(document.blocks[0]));
    ASSERT_EQ(rows.size(), 1001u);
    EXPECT_EQ(rows.capacity(), rows.size());
    for (const auto& row : rows) {
        ASSERT_EQ(row.cells.size(), 3u);
        EXPECT_EQ(row.cells.capacity(), 3u);
    }
    const auto& cells = rows[1000].cells;
    EXPECT_EQ(cells[0].blocks.size(), 3u);
    EXPECT_EQ(cells[0].blocks.capacity(), 3u);
    const auto& field = std::get<doc::Paragraph>(cells[1].blocks.at(0).node);
    EXPECT_EQ(doc::plain_text(field.runs), "Expansion of 999");
    EXPECT_EQ(field.runs.capacity(), field.runs.size());
}

TEST(data_CompactDocument, ABlockHoldsATableOrChartByPointerAndCopiesItDeeply) {
    // A block costs what its common nodes need (sizes in doc/document.cpp's static_asserts); a
    // table or chart behind its pointer is still the block's own: a copy owns another one, and
    // the walk and the block's accessors reach it.
    EXPECT_LE(sizeof(doc::Block), 272u);
    EXPECT_LT(sizeof(doc::Block), sizeof(doc::Table));
    EXPECT_LT(sizeof(doc::Block), sizeof(doc::Chart));
    doc::Table table;
    table.id = "t";
    table.rows.push_back({});
    doc::Block block{table};
    doc::Block copy = block;
    doc::node_as<doc::Table>(copy).id = "u";
    EXPECT_EQ(doc::node_as<doc::Table>(block).id, "t");
    EXPECT_TRUE(doc::holds<doc::Table>(block));
    EXPECT_EQ(doc::node_if<doc::Chart>(block), nullptr);
    EXPECT_EQ(doc::node_if<doc::Table>(copy)->id, "u");

    struct Seen : doc::PassOver<doc::Section, doc::Article, doc::Paragraph, doc::List, doc::ListItem, doc::TableCell,
                                doc::Figure, doc::Division, doc::Frame, doc::Rule, doc::Signature, doc::PageBreak,
                                doc::Diagram, doc::Contents, doc::Footnote, doc::Image, doc::Qr> {
        using PassOver::enter;
        std::vector<std::string> seen;
        void enter(const doc::Table& t) { seen.push_back(std::string("table ").append(t.id)); }
        void enter(const doc::TableRow&) { seen.push_back("row"); }
        void enter(const doc::Chart& c) { seen.push_back(std::string("chart ").append(c.id)); }
    } visitor;
    doc::Chart chart;
    chart.id = "c";
    std::vector<doc::Block> blocks{block, {chart}};
    doc::walk(blocks, visitor);
    EXPECT_EQ(visitor.seen, (std::vector<std::string>{"table t", "row", "chart c"}));
}
