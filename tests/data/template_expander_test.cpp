#include <gtest/gtest.h>

#include "data/csv_reader.h"
#include "data/template_expander.h"
#include "input/data_reader.h"
#include "test_support.h"

using namespace reportc;
using reportc::testing::DataFixture;
using RowKind = doc::TableRow::Kind;

namespace {

const char* kPlanTemplate =
    "<table-template name=\"plan\" table-style=\"work-plan\">\n"
    "  <column width=\"1fr\"/><column width=\"2fr\"/><column width=\"1fr\"/>\n"
    "  <group-row><cell colspan=\"3\"><p><field name=\"title\" scope=\"group\"/></p></cell></group-row>\n"
    "  <header-row><cell><p><field name=\"head\" scope=\"group\"/></p></cell><cell><p>Plan</p></cell><cell><p>KPI</p></cell></header-row>\n"
    "  <record-row>\n"
    "    <cell><p><b><field name=\"label\"/></b> <field name=\"action\"/></p><p style=\"rsp\"><field name=\"rsp\" optional=\"true\"/></p></cell>\n"
    "    <cell valign=\"top\"><field name=\"plan\" marker=\"➢\"/></cell>\n"
    "    <cell><field name=\"kpi\"/></cell>\n"
    "  </record-row>\n"
    "  <footer-row><cell colspan=\"3\"><p>End of <i>plan</i> </p></cell></footer-row>\n"
    "</table-template>\n";

const char* kPlanData =
    "<records>\n"
    "  <group id=\"1\" title=\"1. First\">\n"
    "    <field name=\"head\">Actions 1</field>\n"
    "    <record id=\"1-a\">\n"
    "      <field name=\"label\">a)</field><field name=\"action\">Do A</field><field name=\"rsp\">(RSP 1.1)</field>\n"
    "      <field name=\"plan\"><bullet>One <see-also>(See also 1-(b))</see-also></bullet><bullet/></field>\n"
    "      <field name=\"kpi\"><line>K1</line><line>K2</line></field>\n"
    "    </record>\n"
    "    <record id=\"1-b\">\n"
    "      <field name=\"label\">b)</field><field name=\"action\">Do B</field>\n"
    "      <field name=\"plan\"><bullet>Two</bullet></field><field name=\"kpi\">Members</field>\n"
    "    </record>\n"
    "  </group>\n"
    "  <group id=\"2\" title=\"2. Second\">\n"
    "    <field name=\"head\">Actions 2</field>\n"
    "    <record id=\"2-a\"><field name=\"label\">a)</field><field name=\"action\">Do C</field>"
    "<field name=\"plan\"><bullet>Three</bullet></field><field name=\"kpi\">K</field></record>\n"
    "    <record id=\"2-b\"><field name=\"label\">b)</field><field name=\"action\">Do D</field>"
    "<field name=\"plan\"><bullet>Four</bullet></field><field name=\"kpi\">K</field></record>\n"
    "  </group>\n"
    "</records>\n";

doc::Dataset read_xml(DataFixture& f, const std::string& path, const std::string& xml) {
    f.env.set_file(path, xml);
    return input::read_data_xml(path, f.env, f.sources, f.diags, Span{}).value();
}
doc::Dataset read_csv(DataFixture& f, const std::string& path, const std::string& csv) {
    f.env.set_file(path, csv);
    return data::read_csv(path, f.env, f.sources, f.diags, Span{}).value();
}

doc::Table placeholder(const std::string& id) {
    doc::Table t;
    t.id = id;
    t.template_name = "plan";
    t.data_path = "d/plan.xml";
    return t;
}

const doc::Paragraph& paragraph(const doc::TableCell& cell, size_t i) { return std::get<doc::Paragraph>(cell.blocks.at(i).node); }
std::string text(const doc::TableCell& cell, size_t i = 0) { return doc::plain_text(paragraph(cell, i).runs); }

}  // namespace

TEST(data_Expand, TwoGroupsOfTwoRecords) {
    // Each group gives its group row and header rows, then one body row per record; the footer
    // comes once at the end; record rows take "<table id>-<record id>".
    DataFixture f;
    auto t = f.read_template("l/t.xml", kPlanTemplate);
    auto d = read_xml(f, "d/plan.xml", kPlanData);
    auto table = data::expand_template(t, d, placeholder("wp"), f.diags);
    EXPECT_TRUE(f.diags.all().empty()) << f.errors()[0];
    EXPECT_EQ(table.style, "work-plan");
    EXPECT_EQ(table.id, "wp");
    EXPECT_TRUE(table.template_name.empty());
    ASSERT_EQ(table.columns.size(), 3u);
    ASSERT_EQ(table.rows.size(), 9u);
    std::vector<RowKind> kinds;
    std::vector<std::string> ids;
    for (const auto& row : table.rows) {
        kinds.push_back(row.kind);
        ids.push_back(row.id);
    }
    EXPECT_EQ(kinds, (std::vector<RowKind>{RowKind::Section, RowKind::Header, RowKind::Body, RowKind::Body, RowKind::Section,
                                           RowKind::Header, RowKind::Body, RowKind::Body, RowKind::Footer}));
    EXPECT_EQ(ids, (std::vector<std::string>{"", "", "wp-1-a", "wp-1-b", "", "", "wp-2-a", "wp-2-b", ""}));

    // Group and header rows read the group's title and fields.
    EXPECT_EQ(table.rows[0].cells.at(0).colspan, 3);
    EXPECT_EQ(text(table.rows[0].cells[0]), "1. First");
    EXPECT_EQ(text(table.rows[1].cells.at(0)), "Actions 1");
    EXPECT_EQ(text(table.rows[1].cells.at(1)), "Plan");
    EXPECT_EQ(text(table.rows[4].cells.at(0)), "2. Second");
    EXPECT_EQ(text(table.rows[5].cells.at(0)), "Actions 2");

    // A paragraph of fields: styles of the template wrap the field's runs, spaces normalised.
    const auto& a = table.rows[2];
    ASSERT_EQ(a.cells.size(), 3u);
    const auto& first = paragraph(a.cells[0], 0);
    EXPECT_EQ(first.style, "");
    EXPECT_EQ(doc::plain_text(first.runs), "a) Do A");
    EXPECT_EQ(first.runs.at(0).char_styles, std::vector<std::string>{"strong"});
    EXPECT_EQ(paragraph(a.cells[0], 1).style, "rsp");
    EXPECT_EQ(text(a.cells[0], 1), "(RSP 1.1)");

    // Bullets become a list with the template's marker; the empty bullet an empty item.
    EXPECT_EQ(a.cells[1].valign, "top");
    const auto& list = doc::node_as<doc::List>(a.cells[1].blocks.at(0));
    EXPECT_EQ(list.marker, "➢");
    EXPECT_EQ(list.style, "table-list");
    ASSERT_EQ(list.items.size(), 2u);
    const auto& one = std::get<doc::Paragraph>(list.items[0].blocks.at(0).node);
    EXPECT_EQ(one.style, "table-list");
    EXPECT_EQ(doc::plain_text(one.runs), "One (See also 1-(b))");
    EXPECT_EQ(one.runs.back().char_styles, std::vector<std::string>{"see-also"});
    EXPECT_TRUE(std::get<doc::Paragraph>(list.items[1].blocks.at(0).node).runs.empty());

    // Lines become one paragraph each.
    ASSERT_EQ(a.cells[2].blocks.size(), 2u);
    EXPECT_EQ(text(a.cells[2], 0), "K1");
    EXPECT_EQ(text(a.cells[2], 1), "K2");

    // A missing optional field leaves no empty paragraph behind.
    const auto& b = table.rows[3];
    EXPECT_EQ(b.cells.at(0).blocks.size(), 1u);
    EXPECT_EQ(text(b.cells[2]), "Members");

    const auto& footer = paragraph(table.rows[8].cells.at(0), 0);
    EXPECT_EQ(doc::plain_text(footer.runs), "End of plan");
    EXPECT_EQ(footer.runs.at(1).char_styles, std::vector<std::string>{"emphasis"});
}

TEST(data_Expand, RowIdsWithoutATableIdAreTheRecordIds) {
    // A generated table with no id of its own still gives its rows anchors.
    DataFixture f;
    auto t = f.read_template("l/t.xml", kPlanTemplate);
    auto d = read_xml(f, "d/plan.xml", kPlanData);
    auto table = data::expand_template(t, d, placeholder(""), f.diags);
    EXPECT_EQ(table.rows.at(2).id, "1-a");
}

TEST(data_Expand, CsvRecordsGetTheHeaderRowsOnce) {
    // CSV records form one implicit group: no group row, the header once, then the records.
    DataFixture f;
    auto t = f.read_template("l/t.xml",
                             "<table-template name=\"abbr\"><column/><column/>"
                             "<header-row><cell><p>Term</p></cell><cell><p>Expansion</p></cell></header-row>"
                             "<group-row><cell colspan=\"2\"><p>never</p></cell></group-row>"
                             "<record-row><cell><p><field name=\"term\"/></p></cell><cell><field name=\"expansion\"/></cell></record-row>"
                             "</table-template>");
    auto d = read_csv(f, "d/abbr.csv", "term,expansion\nACE,Accredited Customs Expert\nAEO,Authorized Economic Operator\n");
    auto table = data::expand_template(t, d, placeholder("abbr"), f.diags);
    EXPECT_TRUE(f.diags.all().empty()) << f.errors()[0];
    ASSERT_EQ(table.rows.size(), 3u);
    EXPECT_EQ(table.rows[0].kind, RowKind::Header);
    EXPECT_EQ(table.rows[1].id, "abbr-row-1");
    EXPECT_EQ(text(table.rows[2].cells.at(1)), "Authorized Economic Operator");
    EXPECT_EQ(table.style, "table");
}

TEST(data_Expand, MissingFieldIsAnErrorAtTheRecord) {
    // Record 1-b has no kpi and group 2 no head: each is reported where it is defined, once.
    DataFixture f;
    auto t = f.read_template("l/t.xml", kPlanTemplate);
    std::string xml = kPlanData;
    for (std::string cut : {"<field name=\"kpi\">Members</field>", "<field name=\"head\">Actions 2</field>"})
        xml.erase(xml.find(cut), cut.size());
    auto d = read_xml(f, "d/plan.xml", xml);
    data::expand_template(t, d, placeholder("wp"), f.diags);
    EXPECT_EQ(f.errors(), (std::vector<std::string>{
                              "d/plan.xml:9:6: error: record '1-b' has no field 'kpi', which template 'plan' uses",
                              "d/plan.xml:14:4: error: group '2' has no field 'head', which template 'plan' uses",
                          }));
}

TEST(data_Expand, MissingCsvColumnIsOneErrorAtTheHeaderRow) {
    // Every CSV record has the header's fields, so a column the template uses but the header lacks
    // is one error at the header row, naming the columns there, and a note at the template's field;
    // not one error per record.
    DataFixture f;
    auto t = f.read_template("l/t.xml",
                             "<table-template name=\"people\">\n<record-row><cell><p><field name=\"name\"/></p></cell>"
                             "<cell><field name=\"email\"/></cell><cell><p><field name=\"phone\" optional=\"true\"/></p></cell></record-row></table-template>");
    auto d = read_csv(f, "d/p.csv", "name,e-mail\nAnn,a@x.org\nBob,b@x.org\nCid,c@x.org\n");
    data::expand_template(t, d, placeholder("p"), f.diags);
    EXPECT_EQ(f.errors(), (std::vector<std::string>{
                              "d/p.csv:1:1: error: expected a column named 'email' in the header row, found columns: name, e-mail",
                              "l/t.xml:2:60: note: template 'people' uses the field 'email' here",
                          }));
}

TEST(data_Expand, ValueThatIsNotANumberIsAnErrorAtTheValue) {
    // format="number" checks the value, wherever the field is placed; the error points at the
    // value in the data file (a CSV cell, an XML field's text).
    DataFixture f;
    auto t = f.read_template("l/t.xml",
                             "<table-template name=\"visits\"><record-row>"
                             "<cell><p>Year <field name=\"year\" format=\"number\"/></p></cell>"
                             "<cell><field name=\"visits\" format=\"number\"/></cell></record-row></table-template>");
    auto csv = read_csv(f, "d/v.csv", "year,visits\n2020,\"12,500\"\n2021, 6.7 million\n-3,0.5\n");
    data::expand_template(t, csv, placeholder("v"), f.diags);
    auto xml = read_xml(f, "d/v.xml", "<records>\n<record><field name=\"year\">2022</field>\n<field name=\"visits\">  many\n</field></record></records>");
    data::expand_template(t, xml, placeholder("v"), f.diags);
    EXPECT_EQ(f.errors(), (std::vector<std::string>{
                              "d/v.csv:3:7: error: expected a number in field 'visits', found '6.7 million'",
                              "d/v.xml:3:22: error: expected a number in field 'visits', found 'many'",
                          }));
}

TEST(data_Expand, IsNumber) {
    // What format="number" accepts.
    for (const char* yes : {"0", "12", "-3", "+4", "6.7", "12,500", "1,234,567.89"}) EXPECT_TRUE(data::is_number(yes)) << yes;
    for (const char* no : {"", "-", "6.", ".5", "1,23", "1234,567", "12,5000", "6.7 million", "1e5", "12 500"})
        EXPECT_FALSE(data::is_number(no)) << no;
}

TEST(data_Expand, ListFieldInsideAParagraphIsAnErrorAtTheTemplate) {
    // Bullets cannot flow inside a paragraph; the error points at the template's <field>, once
    // however many records use it.
    DataFixture f;
    auto t = f.read_template("l/t.xml",
                             "<table-template name=\"plan\">\n<record-row><cell><p><field name=\"plan\"/></p></cell></record-row>\n</table-template>");
    auto d = read_xml(f, "d/plan.xml", kPlanData);
    auto table = data::expand_template(t, d, placeholder("wp"), f.diags);
    EXPECT_EQ(f.errors(), (std::vector<std::string>{
                              "l/t.xml:2:23: error: expected a text field inside <p>, found field 'plan' holding bullets; "
                              "place the <field> directly in the <cell>",
                          }));
    EXPECT_EQ(table.rows.size(), 4u);
}

TEST(data_Expand, RowWiderThanTheColumnsIsAnErrorAtTheRow) {
    // Two columns cannot hold cells spanning three.
    DataFixture f;
    auto t = f.read_template("l/t.xml",
                             "<table-template name=\"w\"><column/><column/>\n"
                             "  <record-row><cell colspan=\"2\"><p>x</p></cell><cell><p>y</p></cell></record-row>\n</table-template>");
    auto d = read_csv(f, "d/a.csv", "a\n1\n");
    data::expand_template(t, d, placeholder("w"), f.diags);
    EXPECT_EQ(f.errors(), (std::vector<std::string>{
                              "l/t.xml:2:4: error: expected cells spanning at most 2 columns in a <record-row> of template 'w', found 3",
                          }));
}

TEST(data_Expand, TemplateCanSortRecordsByAField) {
    // sort="term": records in case-insensitive order of the field, whatever the data order.
    DataFixture f;
    auto t = f.read_template("l/t.xml",
                             "<table-template name=\"abbr\" sort=\"term\"><column/><column/>"
                             "<record-row><cell><p><field name=\"term\"/></p></cell><cell><field name=\"expansion\"/></cell></record-row>"
                             "</table-template>");
    auto d = read_csv(f, "d/abbr.csv", "term,expansion\nUPU,Universal Postal Union\nGEA,Global Express Association\nbcc,lower\nUN,United Nations\n");
    auto table = data::expand_template(t, d, placeholder("abbr"), f.diags);
    ASSERT_EQ(table.rows.size(), 4u);
    std::vector<std::string> order;
    for (const auto& row : table.rows) order.push_back(text(row.cells.at(0)));
    EXPECT_EQ(order, (std::vector<std::string>{"bcc", "GEA", "UN", "UPU"}));
}
