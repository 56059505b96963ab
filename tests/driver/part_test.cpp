// One part on its own (`build --part ID`): the part's pages as they are in the whole report.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <unistd.h>

#include "driver/compiler.h"

using namespace reportc;

namespace {

std::string root() { return REPORTC_SOURCE_ROOT; }

// A report whose parts each start a page (heading-1 breaks the page), numbered in the footer,
// with references across parts: front matter, "one" (with a second-level "one-b"), "two".
struct PartProject {
    std::string dir;
    PartProject() {
        dir = (std::filesystem::temp_directory_path() / ("reportc-part-" + std::to_string(::getpid()))).string();
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        const std::string fonts = root() + "/fonts/liberation/";
        write("layout.xml",
              "<layout>\n"
              "<font-family name=\"Sans\" regular=\"" + fonts + "LiberationSans-Regular.ttf\" bold=\"" + fonts +
                  "LiberationSans-Bold.ttf\"/>\n"
              "<hyphenation dictionary=\"" REPORTC_HYPHEN_DICTIONARY "\"/>\n"
              "<page-master name=\"front\" size=\"105mm 148mm\" page-numbering=\"lower-roman\"><footer><center>{page}</center></footer></page-master>\n"
              "<page-master name=\"body\" size=\"105mm 148mm\"><header><left>{section}</left></header>"
              "<footer><center>{page} / {pages}</center></footer></page-master>\n"
              "<paragraph-style name=\"body\" font-family=\"Sans\" font-size=\"10pt\"/>\n"
              "<paragraph-style name=\"heading-1\" based-on=\"body\" font-weight=\"bold\" page-break-before=\"true\"/>\n"
              "<paragraph-style name=\"heading-2\" based-on=\"body\" font-weight=\"bold\"/>\n"
              "<paragraph-style name=\"toc-1\" based-on=\"body\"/>\n<paragraph-style name=\"toc-2\" based-on=\"body\"/>\n"
              "<paragraph-style name=\"header\" based-on=\"body\" font-size=\"8pt\"/>\n"
              "<paragraph-style name=\"footer\" based-on=\"header\"/>\n"
              "</layout>\n");
        std::string filler;
        for (int i = 0; i < 12; ++i) filler += "<p>Filler text that takes a few lines of the small page so that the part runs on.</p>\n";
        write("report.xml",
              "<report layout=\"layout.xml\"><info><title>The Report</title></info>\n"
              "<division page-master=\"front\"><contents/></division>\n"
              "<section id=\"one\" title=\"One\"><p>See <ref to=\"two\" show=\"page\"/> and <ref to=\"one-b\"/>.</p>\n" + filler +
                  "<section id=\"one-b\" title=\"One B\"><p>Back to <ref to=\"one\"/>.</p>\n" + filler + "</section></section>\n"
              "<section id=\"two\" title=\"Two\"><p>See <ref to=\"one\"/>.</p>" + filler + "</section>\n"
              "</report>\n");
    }
    ~PartProject() { std::filesystem::remove_all(dir); }
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

Built build(const PartProject& p, const std::string& part) {
    RealEnvironment env;
    SourceManager sources;
    Diagnostics diags;
    Built b;
    driver::Options o;
    o.input = p.path("report.xml");
    o.part = part;
    o.frames_out = &b.frames;
    b.outcome = driver::compile(o, env, sources, diags);
    b.diagnostics = all(diags, sources);
    return b;
}

std::vector<std::string> texts(const frame::Page& page) {
    std::vector<std::string> out;
    for (const auto& item : page.items)
        if (const auto* t = std::get_if<frame::TextItem>(&item)) out.push_back(t->text);
    return out;
}

size_t page_of(const frame::FrameDocument& frames, const std::string& anchor) {
    for (size_t p = 0; p < frames.pages.size(); ++p)
        for (const auto& item : frames.pages[p].items)
            if (const auto* a = std::get_if<frame::AnchorItem>(&item); a && a->name == anchor) return p;
    return frames.pages.size();
}

}  // namespace

TEST(driver_Part, PagesAreTheFullBuildsPagesWithTheirNumbers) {
    // The part "one" is the pages from its heading to the page before "two"'s, every text on them
    // (headers, folios "3 / 7", reference texts with pages) as in the full build.
    PartProject p;
    Built full = build(p, "");
    ASSERT_TRUE(full.outcome.success) << full.diagnostics;
    Built part = build(p, "one");
    ASSERT_TRUE(part.outcome.success) << part.diagnostics;
    const size_t first = page_of(full.frames, "one"), end = page_of(full.frames, "two");
    ASSERT_LT(first + 2, end) << "the part should run over three pages at least";
    ASSERT_EQ(part.frames.pages.size(), end - first);
    EXPECT_EQ(part.outcome.pages, end - first);
    for (size_t i = 0; i < part.frames.pages.size(); ++i) EXPECT_EQ(texts(part.frames.pages[i]), texts(full.frames.pages[first + i])) << i;
    // The page labels: decimal from the number the part's first page has in the report.
    ASSERT_EQ(part.frames.page_labels.size(), 1u);
    EXPECT_EQ(part.frames.page_labels[0].first_page, 0);
    EXPECT_EQ(part.frames.page_labels[0].style, frame::PageLabelStyle::Decimal);
    EXPECT_EQ(part.frames.page_labels[0].start, int(first - full.frames.page_labels.back().first_page) + 1);
}

TEST(driver_Part, LinksOutsideThePartBecomePlainText) {
    // "See two" links nowhere in the part (its target is not written); "One B" and "one" still link.
    PartProject p;
    Built part = build(p, "one");
    ASSERT_TRUE(part.outcome.success) << part.diagnostics;
    std::set<std::string> anchors, targets;
    for (const auto& page : part.frames.pages)
        for (const auto& item : page.items) {
            if (const auto* a = std::get_if<frame::AnchorItem>(&item)) anchors.insert(a->name);
            if (const auto* l = std::get_if<frame::LinkItem>(&item); l && l->to == frame::LinkItem::To::Anchor) targets.insert(l->target);
        }
    EXPECT_EQ(targets, (std::set<std::string>{"one", "one-b"}));
    for (const auto& t : targets) EXPECT_TRUE(anchors.count(t)) << t;
}

TEST(driver_Part, OutlineAndTitleCoverThePart) {
    PartProject p;
    Built part = build(p, "one");
    ASSERT_TRUE(part.outcome.success) << part.diagnostics;
    ASSERT_EQ(part.frames.outline.size(), 2u);
    EXPECT_EQ(part.frames.outline[0].title, "One");
    EXPECT_EQ(part.frames.outline[0].level, 1);
    EXPECT_EQ(part.frames.outline[1].title, "One B");
    EXPECT_EQ(part.frames.outline[1].level, 2);
    EXPECT_EQ(part.frames.info.title, "One");
    EXPECT_EQ(part.frames.info.subject, "Part of The Report");
}

TEST(driver_Part, SecondLevelPartEndsAtTheNextHeadingOfItsLevelOrAbove) {
    // "one-b" runs on to the page before "two" (a heading above its level); it starts on a page it
    // shares with the end of "one"'s text, which is kept (the page as in the report).
    PartProject p;
    Built full = build(p, "");
    Built part = build(p, "one-b");
    ASSERT_TRUE(part.outcome.success) << part.diagnostics;
    const size_t first = page_of(full.frames, "one-b"), end = page_of(full.frames, "two");
    ASSERT_EQ(part.frames.pages.size(), end - first);
    EXPECT_EQ(texts(part.frames.pages.front()), texts(full.frames.pages[first]));
    ASSERT_EQ(part.frames.outline.size(), 1u);
    EXPECT_EQ(part.frames.outline[0].level, 1);
}

TEST(driver_Part, UnknownPartIsAnErrorListingTheParts) {
    PartProject p;
    Built part = build(p, "three");
    EXPECT_FALSE(part.outcome.success);
    EXPECT_EQ(part.diagnostics.substr(0, part.diagnostics.find('\n')),
              p.path("report.xml") + ":1:1: error: expected the id of a part (a top-level or second-level section) after --part, "
                                     "found 'three'; the parts are: one, one-b, two");
}
