// A review copy (`build --changes-since OLD`): a data set with an edit, an addition and a removal,
// made here, and what the build marks and lists.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "driver/compiler.h"

using namespace reportc;

namespace {

std::string root() { return REPORTC_SOURCE_ROOT; }

const char* kOldPlan =
    "<records><group id=\"1\" title=\"Pillar 1\">\n"
    "<record id=\"1-a\"><field name=\"label\">a)</field><field name=\"action\">Hold a workshop</field><field name=\"kpi\">Members</field></record>\n"
    "<record id=\"1-b\"><field name=\"label\">b)</field><field name=\"action\">Write a guide</field><field name=\"kpi\">A guide</field></record>\n"
    "<record id=\"1-c\"><field name=\"label\">c)</field><field name=\"action\">Visit the members</field><field name=\"kpi\">Visits</field></record>\n"
    "</group></records>\n";

// 1-b's kpi edited, 1-c removed, 1-d added.
const char* kNewPlan =
    "<records><group id=\"1\" title=\"Pillar 1\">\n"
    "<record id=\"1-a\"><field name=\"label\">a)</field><field name=\"action\">Hold a workshop</field><field name=\"kpi\">Members</field></record>\n"
    "<record id=\"1-b\"><field name=\"label\">b)</field><field name=\"action\">Write a guide</field><field name=\"kpi\">Two guides, \"short\"</field></record>\n"
    "<record id=\"1-d\"><field name=\"label\">d)</field><field name=\"action\">Run a survey</field><field name=\"kpi\">Answers</field></record>\n"
    "</group></records>\n";

struct ChangesProject {
    std::string dir;
    ChangesProject() {
        dir = (std::filesystem::temp_directory_path() / ("reportc-changes-" + std::to_string(::getpid()))).string();
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir + "/new/data");
        std::filesystem::create_directories(dir + "/old/data");
        const std::string fonts = root() + "/fonts/liberation/";
        write("layout.xml",
              "<layout>\n"
              "<font-family name=\"Sans\" regular=\"" + fonts + "LiberationSans-Regular.ttf\" bold=\"" + fonts +
                  "LiberationSans-Bold.ttf\"/>\n"
              "<hyphenation dictionary=\"" REPORTC_HYPHEN_DICTIONARY "\"/>\n"
              "<page-master name=\"body\" size=\"A4\"/>\n"
              "<setting name=\"change-bar-color\" value=\"#ff0000\"/>\n"
              "<setting name=\"change-highlight\" value=\"#ffff00\"/>\n"
              "<setting name=\"change-added-highlight\" value=\"#00ff00\"/>\n"
              "<paragraph-style name=\"body\" font-family=\"Sans\" font-size=\"10pt\"/>\n"
              "<paragraph-style name=\"heading-1\" based-on=\"body\" font-weight=\"bold\"/>\n"
              "<paragraph-style name=\"table-cell\" based-on=\"body\"/>\n"
              "<paragraph-style name=\"table-group\" based-on=\"body\"/>\n"
              "<table-style name=\"table\"/>\n"
              "<table-template name=\"plan\"><column width=\"1fr\"/><column width=\"4fr\"/><column width=\"2fr\"/>"
              "<group-row><cell colspan=\"3\"><p><field scope=\"group\" name=\"title\"/></p></cell></group-row>"
              "<record-row><cell><p><field name=\"label\"/></p></cell><cell><p><field name=\"action\"/></p></cell>"
              "<cell><p><field name=\"kpi\"/></p></cell></record-row>"
              "</table-template>\n"
              "<table-template name=\"list\"><column width=\"1fr\"/><column width=\"1fr\"/>"
              "<record-row><cell><p><field name=\"term\"/></p></cell><cell><p><field name=\"meaning\"/></p></cell></record-row>"
              "</table-template>\n"
              "</layout>\n");
        write("new/report.xml",
              "<report layout=\"../layout.xml\"><info><title>T</title></info>\n"
              "<section id=\"annex\" title=\"Annex\"><table id=\"plan\" template=\"plan\" data=\"data/plan.xml\"/>\n"
              "<table id=\"terms\" template=\"list\" data=\"data/terms.csv\"/></section>\n"
              "</report>\n");
        write("new/data/plan.xml", kNewPlan);
        write("old/data/plan.xml", kOldPlan);
        write("new/data/terms.csv", "term,meaning\nAEO,Authorized Economic Operator\nWCO,World Customs Organisation\n");
        write("old/data/terms.csv", "term,meaning\nAEO,Authorized Economic Operator\nWCO,World Customs Organization\n");
    }
    ~ChangesProject() { std::filesystem::remove_all(dir); }
    void write(const std::string& name, const std::string& text) const { std::ofstream(dir + "/" + name) << text; }
    std::string path(const std::string& name) const { return dir + "/" + name; }
};

std::string all(const Diagnostics& diags, const SourceManager& sources) {
    std::string out;
    for (const auto& d : diags.all()) out += sources.render(d) + "\n";
    return out;
}

struct Built {
    frame::FrameDocument frames;
    driver::Outcome outcome;
    std::string diagnostics;
};

Built build(const ChangesProject& p) {
    RealEnvironment env;
    SourceManager sources;
    Diagnostics diags;
    Built b;
    driver::Options o;
    o.input = p.path("new/report.xml");
    o.changes_since = p.path("old");
    o.frames_out = &b.frames;
    b.outcome = driver::compile(o, env, sources, diags);
    b.diagnostics = all(diags, sources);
    return b;
}

// The filled rectangles of a colour: (x, y, width, height) in points, from the shapes' paths.
std::vector<Rect> fills(const frame::Page& page, Color color) {
    std::vector<Rect> out;
    for (const auto& item : page.items) {
        const auto* s = std::get_if<frame::ShapeItem>(&item);
        if (!s || !s->fill || *s->fill != color || s->path.size() < 3) continue;
        const Point a = s->path[0].points[0], c = s->path[2].points[0];
        out.push_back({a.x, a.y, c.x - a.x, c.y - a.y});
    }
    return out;
}

std::string page_text(const frame::Page& page) {
    std::string out;
    for (const auto& item : page.items)
        if (const auto* t = std::get_if<frame::TextItem>(&item)) out += t->text + " ";
    return out;
}

}  // namespace

TEST(driver_Changes, SummaryListsEditsAdditionsAndRemovalsInDocumentOrder) {
    ChangesProject p;
    Built b = build(p);
    ASSERT_TRUE(b.outcome.success) << b.diagnostics;
    std::vector<std::string> lines;
    for (const auto& c : b.outcome.changes) lines.push_back(data::format_change(c));
    EXPECT_EQ(lines, (std::vector<std::string>{
                         "annex plan 1-b: changed kpi: 'A guide' -> 'Two guides, \"short\"'",
                         "annex plan 1-d: added 'd)'",
                         "annex plan 1-c: removed 'c)'",
                         "annex terms row-2: changed meaning: 'World Customs Organization' -> 'World Customs Organisation'",
                     }));
}

TEST(driver_Changes, CsvHasOneRowPerChange) {
    ChangesProject p;
    Built b = build(p);
    ASSERT_TRUE(b.outcome.success) << b.diagnostics;
    EXPECT_EQ(data::changes_csv(b.outcome.changes),
              "part,table,record,change,field,old,new\r\n"
              "annex,plan,1-b,changed,kpi,A guide,\"Two guides, \"\"short\"\"\"\r\n"
              "annex,plan,1-d,added,,,d)\r\n"
              "annex,plan,1-c,removed,,c),\r\n"
              "annex,terms,row-2,changed,meaning,World Customs Organization,World Customs Organisation\r\n");
}

TEST(driver_Changes, RecordsWithoutIdsAreMatchedByContentWithoutAWarning) {
    // The terms CSV has no id column: its rows are matched by their whole content, then by their
    // first printed field (the term), so the edited meaning is one change and nothing is warned.
    ChangesProject p;
    Built b = build(p);
    ASSERT_TRUE(b.outcome.success) << b.diagnostics;
    EXPECT_EQ(b.diagnostics, "");
}

TEST(driver_Changes, RowInsertedOrDeletedWithoutIdsMarksItselfOnly) {
    // Matched by place, a row inserted at the top marked every later row changed (and the last
    // one added); matched by content, only the inserted, removed and edited rows are marked.
    ChangesProject p;
    p.write("old/data/terms.csv", "term,meaning\nAEO,Authorized Economic Operator\nHS,Harmonized System\n"
                                  "WCO,World Customs Organization\nWTO,World Trade Organization\n");
    p.write("new/data/terms.csv", "term,meaning\nACE,Advance Cargo Exchange\nAEO,Authorized Economic Operator\n"
                                  "WCO,World Customs Organisation\nWTO,World Trade Organization\n");
    Built b = build(p);
    ASSERT_TRUE(b.outcome.success) << b.diagnostics;
    EXPECT_EQ(b.diagnostics, "");
    std::vector<std::string> lines;
    for (const auto& c : b.outcome.changes)
        if (c.table == "terms") lines.push_back(data::format_change(c));
    EXPECT_EQ(lines, (std::vector<std::string>{
                         "annex terms row-1: added 'ACE'",
                         "annex terms row-3: changed meaning: 'World Customs Organization' -> 'World Customs Organisation'",
                         "annex terms row-2: removed 'HS'",
                     }));
}

TEST(driver_Changes, ChangedRowsHaveABarChangedCellsAndAddedRowsAFill) {
    // Bars (red) left of the table, beside 1-b, 1-d and the changed term: three; the changed
    // cells (yellow): 1-b's kpi and the term's meaning; the added row's three cells (green).
    ChangesProject p;
    Built b = build(p);
    ASSERT_TRUE(b.outcome.success) << b.diagnostics;
    ASSERT_EQ(b.frames.pages.size(), 1u);
    const auto& page = b.frames.pages[0];
    auto bars = fills(page, Color{0xff, 0, 0});
    ASSERT_EQ(bars.size(), 3u);
    auto cells = fills(page, Color{0xff, 0xff, 0});
    ASSERT_EQ(cells.size(), 2u);
    EXPECT_EQ(fills(page, Color{0, 0xff, 0}).size(), 3u);
    for (const auto& bar : bars) {
        EXPECT_EQ(bar.width, Length::from_pt(2));  // the default width
        EXPECT_LT(bar.x + bar.width, cells[0].x);   // in the margin, left of the table
    }
    EXPECT_NE(page_text(page).find("Removed: 1-c – c)"), std::string::npos) << page_text(page);
}
