// Reading <qr>: its attributes and their defaults, links on by default for web and mail
// addresses, a block wherever blocks go (a frame, a figure, a table cell), and each malformed
// attribute an error at that attribute.
#include <gtest/gtest.h>

#include "input/source_reader.h"
#include "rendered_diagnostics.h"

using namespace reportc;
using reportc::testing::rendered;

namespace {

struct Read {
    std::optional<doc::Document> document;
    std::vector<std::string> errors;
};

Read read(const std::string& body) {
    MemoryEnvironment env;
    SourceManager sources;
    Diagnostics diags;
    env.set_file("r/report.xml", "<report layout=\"l.xml\">\n" + body + "\n</report>\n");
    Read r;
    r.document = input::read_report("r/report.xml", env, sources, diags);
    r.errors = rendered(diags, sources);
    return r;
}

const doc::Qr& qr_at(const Read& r, size_t i) { return doc::node_as<doc::Qr>(r.document->blocks.at(i)); }

}  // namespace

TEST(QrReader, AttributesAndDefaults) {
    auto r = read("<qr data=\"https://www.rocb-ap.org\"/>\n"
                  "<qr data=\"Hà Nội\" size=\"30mm\" level=\"H\" quiet-zone=\"2\" colour=\"#1f4e79\" align=\"right\" alt=\"A name\"/>\n"
                  "<qr data=\"MAILTO:a@b.org\" color=\"#000000\" keep-with-next=\"true\"/>\n"
                  "<qr data=\"https://x.org\" link=\"no\"/>\n"
                  "<qr data=\"plain\" link=\"yes\"/>");
    ASSERT_TRUE(r.document);
    EXPECT_TRUE(r.errors.empty()) << r.errors.front();
    const auto& plain = qr_at(r, 0);
    EXPECT_EQ(plain.data, "https://www.rocb-ap.org");
    EXPECT_EQ(plain.size, "");
    EXPECT_EQ(plain.level, doc::QrLevel::M);
    EXPECT_EQ(plain.quiet_zone, 4);
    EXPECT_TRUE(plain.link);
    const auto& all = qr_at(r, 1);
    EXPECT_EQ(all.data, "Hà Nội");
    EXPECT_EQ(all.size, "30mm");
    EXPECT_EQ(all.level, doc::QrLevel::H);
    EXPECT_EQ(all.quiet_zone, 2);
    EXPECT_EQ(all.color, "#1f4e79");
    EXPECT_EQ(all.align, "right");
    EXPECT_EQ(all.alt, "A name");
    EXPECT_FALSE(all.link);
    EXPECT_TRUE(qr_at(r, 2).link);
    EXPECT_EQ(qr_at(r, 2).color, "#000000");
    EXPECT_EQ(r.document->blocks[2].keeps.with_next, true);
    EXPECT_FALSE(qr_at(r, 3).link);
    EXPECT_TRUE(qr_at(r, 4).link);
}

TEST(QrReader, ABlockInFramesFiguresAndTableCells) {
    auto r = read("<frame style=\"panel\"><p>www.rocb-ap.org</p><qr data=\"https://www.rocb-ap.org\"/></frame>\n"
                  "<figure caption=\"A code\"><qr data=\"x\"/></figure>\n"
                  "<table><row><cell><qr data=\"y\"/></cell><cell>Text</cell></row></table>");
    ASSERT_TRUE(r.document);
    EXPECT_TRUE(r.errors.empty()) << r.errors.front();
    EXPECT_TRUE(doc::holds<doc::Qr>(std::get<doc::Frame>(r.document->blocks[0].node).children.at(1)));
    EXPECT_TRUE(doc::holds<doc::Qr>(doc::node_as<doc::Figure>(r.document->blocks[1]).children.at(0)));
    const auto& table = doc::node_as<doc::Table>(r.document->blocks[2]);
    EXPECT_TRUE(doc::holds<doc::Qr>(table.rows.at(0).cells.at(0).blocks.at(0)));
}

TEST(QrReader, MalformedAttributesAreErrorsAtThem) {
    auto r = read("<qr data=\"x\" level=\"X\" quiet-zone=\"-1\" align=\"middle\" link=\"true\"/>\n"
                  "<qr data=\"x\" quiet-zone=\"17\" sise=\"2cm\"/>\n"
                  "<qr size=\"2cm\">text</qr>");
    EXPECT_EQ(r.errors, (std::vector<std::string>{
                            "r/report.xml:2:14: error: expected level L, M, Q or H, found 'X'",
                            "r/report.xml:2:24: error: expected quiet-zone a number of modules from 0 to 16, found '-1'",
                            "r/report.xml:2:40: error: expected align left, center or right, found 'middle'",
                            "r/report.xml:2:55: error: expected link 'yes' or 'no', found 'true'",
                            "r/report.xml:3:30: error: unknown attribute 'sise' on <qr>; expected one of: data, size, level, "
                            "quiet-zone, color, colour, align, link, alt",
                            "r/report.xml:3:14: error: expected quiet-zone a number of modules from 0 to 16, found '17'",
                            "r/report.xml:4:16: error: expected <qr> to be empty; put the text it carries in its data attribute",
                            "r/report.xml:4:2: error: missing attribute 'data' on <qr>",
                        }));
}
