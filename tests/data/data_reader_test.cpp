#include <gtest/gtest.h>

#include "data/dataset_loader.h"
#include "input/data_reader.h"
#include "test_support.h"

using namespace reportc;
using reportc::testing::DataFixture;

namespace {

std::optional<doc::Dataset> read(DataFixture& f, const std::string& xml, const std::string& path = "d/data.xml") {
    f.env.set_file(path, xml);
    return input::read_data_xml(path, f.env, f.sources, f.diags, Span{});
}

std::vector<std::string> styles(std::initializer_list<const char*> names) { return {names.begin(), names.end()}; }

}  // namespace

TEST(data_XmlRecords, ReadsGroupsFieldsBulletsLinesAndSeeAlso) {
    // A group with a group field and a record holding text, bullets (one empty), lines and a
    // see-also cross-reference; a record outside any group lands in an implicit group.
    DataFixture f;
    auto d = read(f,
                  "<records>\n"
                  "  <group id=\"1\" title=\"1. Support\">\n"
                  "    <field name=\"heading\">Annual   Work Plan</field>\n"
                  "    <record id=\"1-a\">\n"
                  "      <field name=\"label\">a)</field>\n"
                  "      <field name=\"plan\">\n"
                  "        <bullet>Do <b>this</b> <see-also>(See also 1-(b))</see-also></bullet>\n"
                  "        <bullet/>\n"
                  "        <bullet><i>Read</i> <a href=\"https://wcoomd.org\">the guide</a></bullet>\n"
                  "      </field>\n"
                  "      <field name=\"kpi\"><line>First</line><line>  Second\n   line </line></field>\n"
                  "    </record>\n"
                  "  </group>\n"
                  "  <!-- uncertain: the loose record -->\n"
                  "  <record id=\"x\"><field name=\"label\">loose</field></record>\n"
                  "</records>\n");
    ASSERT_TRUE(d.has_value());
    EXPECT_TRUE(f.diags.all().empty()) << f.errors()[0];
    EXPECT_EQ(d->path, "d/data.xml");
    ASSERT_EQ(d->groups.size(), 2u) << *d;
    EXPECT_EQ(d->record_count(), 2u);

    const auto& g = d->groups[0];
    EXPECT_EQ(g.id, "1");
    EXPECT_EQ(g.title, "1. Support");
    EXPECT_FALSE(g.implicit);
    EXPECT_EQ(doc::plain_text(g.fields.at("heading").items.at(0)), "Annual Work Plan");
    EXPECT_EQ(f.sources.location(g.span), "d/data.xml:2:4");

    const auto& r = g.records.at(0);
    EXPECT_EQ(r.id, "1-a");
    EXPECT_EQ(f.sources.location(r.span), "d/data.xml:4:6");
    EXPECT_EQ(r.fields.at("label").kind, doc::FieldValue::Kind::Text);

    const auto& plan = r.fields.at("plan");
    EXPECT_EQ(plan.kind, doc::FieldValue::Kind::Bullets);
    ASSERT_EQ(plan.items.size(), 3u);
    const auto& first = plan.items[0];
    ASSERT_EQ(first.size(), 4u);
    EXPECT_EQ(doc::plain_text(first), "Do this (See also 1-(b))");
    EXPECT_EQ(first[1].char_styles, styles({"strong"}));
    EXPECT_EQ(first[3].text, "(See also 1-(b))");
    EXPECT_EQ(first[3].char_styles, styles({"see-also"}));
    EXPECT_TRUE(plan.items[1].empty());  // the empty <bullet/> is kept as an empty item
    const auto& third = plan.items[2];
    ASSERT_EQ(third.size(), 3u);
    EXPECT_EQ(third[0].char_styles, styles({"emphasis"}));
    EXPECT_EQ(third[2].text, "the guide");
    EXPECT_EQ(third[2].rare().link, "https://wcoomd.org");

    const auto& kpi = r.fields.at("kpi");
    EXPECT_EQ(kpi.kind, doc::FieldValue::Kind::Lines);
    ASSERT_EQ(kpi.items.size(), 2u);
    EXPECT_EQ(doc::plain_text(kpi.items[0]), "First");
    EXPECT_EQ(doc::plain_text(kpi.items[1]), "Second line");

    const auto& loose = d->groups[1];
    EXPECT_TRUE(loose.implicit);
    ASSERT_EQ(loose.records.size(), 1u);
    EXPECT_EQ(loose.records[0].id, "x");
}

TEST(data_XmlRecords, LooseRecordsShareOneImplicitGroup) {
    // Records directly under <records>, before and after a group, are collected into one implicit
    // group placed where the first of them appears.
    DataFixture f;
    auto d = read(f, "<records><record id=\"a\"/><group id=\"g\"><record id=\"b\"/></group><record id=\"c\"/></records>");
    ASSERT_TRUE(d.has_value());
    EXPECT_TRUE(f.diags.all().empty());
    ASSERT_EQ(d->groups.size(), 2u);
    EXPECT_TRUE(d->groups[0].implicit);
    ASSERT_EQ(d->groups[0].records.size(), 2u);
    EXPECT_EQ(d->groups[0].records[1].id, "c");
    EXPECT_EQ(d->groups[1].id, "g");
}

TEST(data_XmlRecords, MistakesAreLocatedErrors) {
    // A repeated field, an unknown element, an unknown attribute, a repeated id, text mixed with
    // bullets and unknown inline markup each give one error at the offending node.
    DataFixture f;
    auto d = read(f,
                  "<records>\n"
                  "  <record id=\"a\">\n"
                  "    <field name=\"x\">1</field>\n"
                  "    <field name=\"x\">2</field>\n"
                  "    <note/>\n"
                  "  </record>\n"
                  "  <record id=\"a\" kind=\"b\">\n"
                  "    <field name=\"p\"><bullet>one</bullet>stray</field>\n"
                  "    <field name=\"q\">a <u>b</u></field>\n"
                  "    <field name=\"m\"><bullet/><line/></field>\n"
                  "  </record>\n"
                  "</records>\n");
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(f.errors(), (std::vector<std::string>{
                              "d/data.xml:4:12: error: expected each field once in a record, found a second 'x'",
                              "d/data.xml:5:6: error: unexpected element <note> in <record>; expected <field>",
                              "d/data.xml:7:18: error: unknown attribute 'kind' on <record>; expected one of: id",
                              "d/data.xml:7:11: error: expected ids unique in the file, found 'a' again (first at line 2)",
                              "d/data.xml:8:41: error: expected only <bullet> items in field 'p', found text; a field holds "
                              "text or <bullet> items, not both",
                              "d/data.xml:9:24: error: unexpected element <u> in field text; expected one of: see-also, a, b, i",
                              "d/data.xml:10:31: error: expected only <bullet> items in field 'm', found <line>",
                          }));
    EXPECT_EQ(d->groups.at(0).records.at(0).fields.at("x").items.at(0).at(0).text, "1");  // the first one stays
}

TEST(data_XmlRecords, WrongRootAndMissingFile) {
    // Another root element is an error at the root; a missing file is reported where it is named.
    DataFixture f;
    EXPECT_FALSE(read(f, "<?xml version=\"1.0\"?>\n<rows/>\n").has_value());
    EXPECT_FALSE(input::read_data_xml("d/none.xml", f.env, f.sources, f.diags, Span{}).has_value());
    EXPECT_EQ(f.errors(), (std::vector<std::string>{
                              "d/data.xml:2:2: error: expected the root element <records>, found <rows>",
                              "reportc: error: cannot read file 'd/none.xml': no such file",
                          }));
}

TEST(data_XmlRecords, GroupTitleBelongsInTheAttribute) {
    // A group <field name="title"> would compete with the title attribute that templates read.
    DataFixture f;
    read(f, "<records>\n<group id=\"1\"><field name=\"title\">T</field></group>\n</records>");
    EXPECT_EQ(f.errors(), (std::vector<std::string>{
                              "d/data.xml:2:22: error: expected the group's title in its 'title' attribute, found a "
                              "field named 'title'",
                          }));
}

TEST(data_XmlRecords, RealReportDataReadsCleanly) {
    // The report's data files in the repository (XML records and CSV) follow the format.
    for (const char* name : {"annual-work-plan.xml", "strategic-action-plan.xml", "contact-points.xml", "abbreviations.csv"}) {
        RealEnvironment env;
        SourceManager sources;
        Diagnostics diags;
        std::string path = std::string(REPORTC_SOURCE_ROOT) + "/sources/rocb-ap-annual-report-2020-21/data/" + name;
        auto d = data::load_dataset(path, env, sources, diags, Span{});
        ASSERT_TRUE(d.has_value()) << name;
        EXPECT_EQ(diags.error_count(), 0u) << name << ": " << reportc::testing::rendered(diags, sources).at(0);
        EXPECT_GT(d->record_count(), 5u) << name;
    }
}
