#include <gtest/gtest.h>

#include <sstream>

#include "test_support.h"

using namespace reportc;
using reportc::testing::DataFixture;
using Kind = doc::TemplatePart::Kind;

TEST(data_TemplateReader, ReadsTheWorkPlanTemplate) {
    // The annex template: columns, a group row, a header row with group fields, a record row with
    // fields in paragraphs and fields placed directly in cells, and a footer row with styled text.
    DataFixture f;
    auto t = f.read_template(
        "l/layout.xml",
        "<table-template name=\"work-plan\" table-style=\"work-plan\">\n"
        "  <column width=\"3fr\"/><column width=\"auto\"/><column width=\"30mm\"/>\n"
        "  <group-row><cell colspan=\"3\"><p><field name=\"title\" scope=\"group\"/></p></cell></group-row>\n"
        "  <header-row>\n"
        "    <cell><p><field name=\"action-heading\" scope=\"group\"/></p><p style=\"table-header-note\"><field name=\"rsp-heading\" scope=\"group\"/></p></cell>\n"
        "    <cell><p><field name=\"plan-heading\" scope=\"group\"/></p></cell>\n"
        "    <cell><p><field name=\"kpi-heading\" scope=\"group\"/></p></cell>\n"
        "  </header-row>\n"
        "  <record-row>\n"
        "    <cell><p><b><field name=\"label\"/></b> <field name=\"action\"/></p><p style=\"rsp\"><field name=\"rsp\" optional=\"true\"/></p></cell>\n"
        "    <cell valign=\"top\"><field name=\"plan\" marker=\"➢\"/></cell>\n"
        "    <cell align=\"left\"><field name=\"kpi\" format=\"number\" style=\"kpi\"/></cell>\n"
        "  </record-row>\n"
        "  <footer-row><cell colspan=\"3\"><p>Source:\n   <span style=\"note\"><i>ROCB</i></span></p></cell></footer-row>\n"
        "</table-template>\n");
    EXPECT_TRUE(f.diags.all().empty()) << f.errors()[0];
    EXPECT_EQ(t.name, "work-plan");
    EXPECT_EQ(t.table_style, "work-plan");
    ASSERT_EQ(t.columns.size(), 3u);
    EXPECT_EQ(t.columns[0].kind, doc::ColumnSpec::Kind::Fraction);
    EXPECT_EQ(t.columns[1].kind, doc::ColumnSpec::Kind::Auto);
    EXPECT_EQ(t.columns[2].kind, doc::ColumnSpec::Kind::Fixed);
    EXPECT_EQ(t.columns[2].value, "30mm");
    ASSERT_EQ(t.rows.size(), 4u);
    EXPECT_EQ(t.rows[0].kind, doc::TemplateRow::Kind::Group);
    EXPECT_EQ(t.rows[1].kind, doc::TemplateRow::Kind::Header);
    EXPECT_EQ(t.rows[2].kind, doc::TemplateRow::Kind::Record);
    EXPECT_EQ(t.rows[3].kind, doc::TemplateRow::Kind::Footer);
    EXPECT_EQ(t.rows[0].cells.at(0).colspan, 3);
    EXPECT_TRUE(t.rows[0].cells[0].blocks.at(0).parts.at(0).group_scope);
    EXPECT_EQ(t.rows[1].cells.at(0).blocks.at(1).style, "table-header-note");

    const auto& record = t.rows[2];
    ASSERT_EQ(record.cells.size(), 3u);
    const auto& first = record.cells[0].blocks.at(0);
    EXPECT_EQ(first.kind, doc::TemplateBlock::Kind::Paragraph);
    ASSERT_EQ(first.parts.size(), 3u);
    EXPECT_EQ(first.parts[0].kind, Kind::Field);
    EXPECT_EQ(first.parts[0].field, "label");
    EXPECT_EQ(first.parts[0].char_styles, std::vector<std::string>{"strong"});
    EXPECT_EQ(first.parts[1].kind, Kind::Text);
    EXPECT_EQ(first.parts[1].text, " ");
    EXPECT_FALSE(first.parts[2].group_scope);
    EXPECT_TRUE(record.cells[0].blocks.at(1).parts.at(0).optional);
    const auto& plan = record.cells[1];
    EXPECT_EQ(plan.valign, "top");
    EXPECT_EQ(plan.blocks.at(0).kind, doc::TemplateBlock::Kind::FieldBlock);
    EXPECT_EQ(plan.blocks[0].marker, "➢");
    EXPECT_EQ(plan.blocks[0].field.field, "plan");
    const auto& kpi = record.cells[2];
    EXPECT_EQ(kpi.align, "left");
    EXPECT_TRUE(kpi.blocks.at(0).field.number);
    EXPECT_EQ(kpi.blocks[0].style, "kpi");
    EXPECT_EQ(kpi.blocks[0].marker, "•");

    const auto& footer = t.rows[3].cells.at(0).blocks.at(0).parts;
    ASSERT_EQ(footer.size(), 2u);
    EXPECT_EQ(footer[0].text, "Source: ");
    EXPECT_EQ(footer[1].char_styles, (std::vector<std::string>{"note", "emphasis"}));
    EXPECT_EQ(f.sources.location(record.span), "l/layout.xml:9:4");
}

TEST(data_TemplateReader, PrintsReadably) {
    // operator<< gives a compact outline for failing tests.
    DataFixture f;
    auto t = f.read_template("l/t.xml",
                             "<table-template name=\"n\"><column width=\"2fr\"/>"
                             "<record-row><cell colspan=\"2\"><p><i>x</i> <field name=\"a\" optional=\"true\"/></p>"
                             "<field name=\"b\" scope=\"group\" marker=\"-\" format=\"number\"/></cell></record-row></table-template>");
    std::ostringstream os;
    os << t;
    EXPECT_EQ(os.str(),
              "table-template n columns=2fr\n"
              "  record-row\n"
              "    cell colspan=2\n"
              "      p() \"x\"[emphasis] \" \" {a?}\n"
              "      field {b@group#} marker=\"-\"\n");
}

TEST(data_TemplateReader, MistakesAreLocatedErrors) {
    // Bad attribute values, attributes in the wrong place, record fields outside record rows and
    // unknown elements are each reported at the attribute or element.
    DataFixture f;
    f.read_template("l/t.xml",
                    "<table-template name=\"t\">\n"
                    "  <column width=\"1fr\"/>\n"
                    "  <header-row><cell colspan=\"0\"><p><field name=\"h\"/></p></cell></header-row>\n"
                    "  <record-row>\n"
                    "    <cell align=\"middle\" rowspan=\"2\"><p><field name=\"a\" marker=\"-\"/><u/></p></cell>\n"
                    "    <cell><field scope=\"both\" optional=\"yes\" format=\"date\"/>text</cell>\n"
                    "  </record-row>\n"
                    "  <row/>\n"
                    "</table-template>\n");
    EXPECT_EQ(f.errors(), (std::vector<std::string>{
                              "l/t.xml:3:21: error: expected a positive whole number for colspan, found '0'",
                              "l/t.xml:3:37: error: expected a group field (scope=\"group\") in <header-row>, found the record field 'h'",
                              "l/t.xml:5:26: error: unknown attribute 'rowspan' on <cell>; expected one of: colspan, align, valign",
                              "l/t.xml:5:11: error: expected align left, center, right or justify, found 'middle'",
                              "l/t.xml:5:57: error: expected 'marker' only on a <field> placed directly in a <cell>, found it inside <p>",
                              "l/t.xml:5:70: error: unexpected element <u> in a template paragraph; expected one of: field, b, i, span",
                              "l/t.xml:6:12: error: missing attribute 'name' on <field>",
                              "l/t.xml:6:18: error: expected scope 'record' or 'group', found 'both'",
                              "l/t.xml:6:31: error: expected optional 'true' or 'false', found 'yes'",
                              "l/t.xml:6:46: error: expected format 'number', found 'date'",
                              "l/t.xml:6:61: error: unexpected text in <cell>; expected <p> or <field>",
                              "l/t.xml:8:4: error: unexpected element <row> in <table-template>; expected one of: column, "
                              "group-row, header-row, record-row, footer-row",
                          }));
}

TEST(data_TemplateReader, RecordRowAndNameAreRequired) {
    // A template without a name or a record row cannot turn records into rows.
    DataFixture f;
    f.read_template("l/t.xml", "<table-template>\n<column/></table-template>");
    EXPECT_EQ(f.errors(), (std::vector<std::string>{
                              "l/t.xml:1:2: error: missing attribute 'name' on <table-template>",
                              "l/t.xml:1:2: error: expected a <record-row> in <table-template> '', found none",
                          }));
}
