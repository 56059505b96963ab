#include <gtest/gtest.h>

#include "data/expand_tables.h"
#include "input/source_reader.h"
#include "test_support.h"

using namespace reportc;
using reportc::testing::DataFixture;

namespace {

const doc::Section& section(const doc::Document& d) { return std::get<doc::Section>(d.blocks.at(0).node); }

}  // namespace

TEST(data_ExpandTables, ReplacesGeneratedTablesEverywhere) {
    // Generated tables in a section, a list item and a figure are expanded from one data file
    // read once; an unknown template and a missing data file are errors where the report names
    // them, and leave a table without rows.
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
                              "r/report.xml:6:28: error: cannot read file 'r/data/missing.csv'",
                          }));

    const auto& children = section(*document).children;
    ASSERT_EQ(children.size(), 4u);
    const auto& a = std::get<doc::Table>(children[0].node);
    EXPECT_TRUE(a.template_name.empty());
    EXPECT_TRUE(a.data_path.empty());
    EXPECT_EQ(a.style, "abbreviations");
    EXPECT_EQ(a.columns.size(), 2u);
    ASSERT_EQ(a.rows.size(), 3u);
    EXPECT_EQ(a.rows[1].id, "a-row-1");
    EXPECT_EQ(f.sources.location(a.span), "r/report.xml:3:6");

    const auto& in_list = std::get<doc::Table>(std::get<doc::List>(children[1].node).items.at(0).blocks.at(0).node);
    ASSERT_EQ(in_list.rows.size(), 3u);
    EXPECT_EQ(in_list.rows[2].id, "row-2");

    const auto& in_figure = std::get<doc::Table>(std::get<doc::Figure>(children[2].node).children.at(0).node);
    EXPECT_TRUE(in_figure.rows.empty());
    EXPECT_TRUE(in_figure.template_name.empty());
    EXPECT_TRUE(std::get<doc::Table>(children[3].node).rows.empty());

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
    ASSERT_EQ(expanded.rows.size(), 1u);
    EXPECT_EQ(expanded.rows[0].id, "row-1");
}
