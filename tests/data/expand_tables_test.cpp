#include <gtest/gtest.h>

#include <sstream>

#include "data/expand_tables.h"
#include "doc/walk.h"
#include "input/source_reader.h"
#include "test_support.h"

using namespace reportc;
using reportc::testing::DataFixture;

namespace {

const doc::Section& section(const doc::Document& d) { return std::get<doc::Section>(d.blocks.at(0).node); }

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
    const auto& a = std::get<doc::Table>(children[0].node);
    ASSERT_TRUE(a.expanded.has_value());
    EXPECT_EQ(doc::style_of(a), "abbreviations");
    EXPECT_EQ(doc::columns_of(a).size(), 2u);
    ASSERT_EQ(doc::rows_of(a).size(), 3u);
    EXPECT_EQ(doc::rows_of(a)[1].id, "a-row-1");
    EXPECT_EQ(f.sources.location(a.span), "r/report.xml:3:6");

    const auto& in_list = std::get<doc::Table>(std::get<doc::List>(children[1].node).items.at(0).blocks.at(0).node);
    ASSERT_EQ(doc::rows_of(in_list).size(), 3u);
    EXPECT_EQ(doc::rows_of(in_list)[2].id, "row-2");

    const auto& in_figure = std::get<doc::Table>(std::get<doc::Figure>(children[2].node).children.at(0).node);
    EXPECT_FALSE(in_figure.expanded.has_value());
    EXPECT_TRUE(doc::rows_of(in_figure).empty());
    EXPECT_FALSE(std::get<doc::Table>(children[3].node).expanded.has_value());
    EXPECT_TRUE(doc::rows_of(std::get<doc::Table>(children[3].node)).empty());

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
    const auto& expanded = std::get<doc::Table>(std::get<doc::Table>(document.blocks[0].node).rows[0].cells[0].blocks.at(0).node);
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

    const auto& t = std::get<doc::Table>(document.blocks[0].node);
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
