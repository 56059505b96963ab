// Document structure: vector paths, link annotations, outline, page labels, Info.
#include <ctime>
#include <map>
#include <regex>
#include <set>

#include "pdf_test_support.h"

namespace reportc::pdf::testing {
namespace {

// The decoded content stream of page `n` (1-based) from a QDF file.
std::string page_content(const std::string& qdf_text, int n) {
    size_t at = qdf_text.find("%% Contents for page " + std::to_string(n) + "\n");
    if (at == std::string::npos) return "";
    size_t begin = qdf_text.find("stream\n", at);
    size_t end = qdf_text.find("endstream", begin);
    if (begin == std::string::npos || end == std::string::npos) return "";
    return qdf_text.substr(begin + 7, end - begin - 7);
}

// The object number QDF gives page `n` (1-based).
std::string page_object(const std::string& qdf_text, int n) {
    std::smatch m;
    std::regex re("%% Page " + std::to_string(n) + "\n%% Original object ID: [0-9]+ 0\n([0-9]+) 0 obj");
    return std::regex_search(qdf_text, m, re) ? m[1].str() : "";
}

// (nesting depth, title, destination page) for every outline entry in `qpdf --json` output, in
// JSON order (keys are sorted, so an entry's kids come before its title). Depth counts the JSON
// arrays around the entry: 1 for top-level entries, 2 for their kids.
struct OutlineRow {
    int depth;
    std::string title;
    int page;
};
std::vector<OutlineRow> outline_rows(const std::string& json) {
    std::vector<OutlineRow> rows;
    size_t start = json.find("\n  \"outlines\": [");
    if (start == std::string::npos) return rows;
    int arrays = 0;
    std::map<int, int> page;  // destpageposfrom1 of the entry being read at each depth
    std::string last_key;
    for (size_t i = start + 3; i < json.size(); ++i) {
        char c = json[i];
        if (c == '[') ++arrays;
        if (c == ']' && --arrays == 0) break;
        if (c == '"') {
            std::string s;
            for (++i; i < json.size() && json[i] != '"'; ++i) s += json[i] == '\\' ? json[++i] : json[i];
            size_t next = json.find_first_not_of(' ', i + 1);
            if (json[next] == ':') {
                last_key = s;
            } else if (last_key == "title") {
                rows.push_back({arrays, s, page[arrays]});
            }
            continue;
        }
        if (last_key == "destpageposfrom1" && c >= '0' && c <= '9') {
            page[arrays] = std::atoi(json.c_str() + i);
            last_key.clear();
        }
    }
    return rows;
}

std::string compact(const std::string& json) {
    std::string out;
    bool in_string = false;
    for (size_t i = 0; i < json.size(); ++i) {
        char c = json[i];
        if (c == '"' && (i == 0 || json[i - 1] != '\\')) in_string = !in_string;
        if (in_string || (c != ' ' && c != '\n')) out += c;
    }
    return out;
}

// A filled rectangle and a stroked curve become m/l/h/f and m/c/S with y flipped; colours
// and width are set before each path; unchanged state is not repeated.
TEST(pdf_Shapes, PathsAreWrittenAsOperatorsWithYFlipped) {
    auto dir = output_dir();
    frame::FrameDocument doc = base_document();
    frame::Page page{Size{pt(600), pt(800)}, {}};
    page.items.push_back(shape({move(100, 100), line(300, 100), line(300, 150), line(100, 150), close()},
                               Color{0, 0, 255}, std::nullopt));
    page.items.push_back(shape({move(100, 300), curve(150, 200, 250, 400, 300, 300)}, std::nullopt, Color{255, 0, 0}, 2.5));
    frame::ShapeItem ring = shape({move(400, 400), line(500, 400), line(450, 480), close(), move(430, 420),
                                   line(470, 420), line(450, 450), close()},
                                  Color{0, 0, 255}, Color{255, 0, 0}, 2.5);
    ring.fill_rule = frame::FillRule::EvenOdd;
    page.items.push_back(ring);
    frame::ShapeItem hole = ring;
    hole.stroke.reset();
    hole.fill = Color{0, 128, 0};
    page.items.push_back(hole);
    page.items.push_back(shape({move(10, 10), line(20, 20)}, std::nullopt, std::nullopt));  // paints nothing
    doc.pages.push_back(page);

    std::string content = page_content(qdf(write_pdf_file(doc, dir), dir), 1);
    EXPECT_EQ(content,
              "0 0 1 rg\n"
              "100 700 m\n300 700 l\n300 650 l\n100 650 l\nh\nf\n"
              "1 0 0 RG\n2.5 w\n"
              "100 500 m\n150 600 250 400 300 500 c\nS\n"
              "400 400 m\n500 400 l\n450 320 l\nh\n430 380 m\n470 380 l\n450 350 l\nh\nB*\n"
              "0 0.50196 0 rg\n"
              "400 400 m\n500 400 l\n450 320 l\nh\n430 380 m\n470 380 l\n450 350 l\nh\nf*\n");
}

// The internal link on page 1 points at page 2's object with [page /XYZ x y null]; URI and
// mailto links are written (non-ASCII percent-encoded); no link has a visible border.
TEST(pdf_Links, InternalUriAndMailtoLinks) {
    auto dir = output_dir();
    std::string q = qdf(write_pdf_file(two_page_document(), dir), dir);
    const std::string page2 = page_object(q, 2);
    ASSERT_FALSE(page2.empty());

    std::smatch m;
    ASSERT_TRUE(std::regex_search(q, m, std::regex(R"(/Dest ([0-9]+) 0 R\n  /Rect \[\n    72\n    709.89001\n)")))
        << "no internal link with the expected rectangle on page 1";
    std::smatch dest;
    ASSERT_TRUE(std::regex_search(q, dest, std::regex("\n" + m[1].str() + R"( 0 obj\n\[\n  ([0-9]+) 0 R\n  /XYZ\n  72\n  781.89001\n  null\n\])")));
    EXPECT_EQ(dest[1].str(), page2);

    EXPECT_NE(q.find("/URI (https://example.org/%C3%A4?x=1&y=2)"), std::string::npos);
    EXPECT_NE(q.find("/URI (mailto:info@example.org?subject=Hello%20World)"), std::string::npos);
    EXPECT_EQ(count(q, "/Subtype /Link"), 4u);
    EXPECT_EQ(count(q, "/Border [\n    0\n    0\n    0\n  ]"), 4u);
    EXPECT_EQ(count(q, "\n  /P "), 0u);  // a link's page is the one that lists it (no optional /P)
}

// What libharu gives every page that no reader needs is not written (docs/libharu-notes.md §L25):
// no /ProcSet in a page's resources, and links to one anchor share one destination.
TEST(pdf_Links, PagesHaveNoProcSetAndLinksToOneAnchorShareADestination) {
    frame::FrameDocument doc = two_page_document();
    doc.pages[0].items.push_back(link(72, 200, 100, 12, "", "annex-ii"));
    doc.pages[1].items.push_back(link(72, 300, 100, 12, "", "annex-ii"));
    auto dir = output_dir();
    const std::string q = qdf(write_pdf_file(doc, dir, "shared-destinations.pdf"), dir);
    EXPECT_EQ(count(q, "/ProcSet ["), 0u);
    EXPECT_EQ(count(q, "/Subtype /Link"), 6u);
    std::set<std::string> destinations;
    const std::regex dest(R"(/Dest ([0-9]+) 0 R\n  /Rect)");  // a link's, not an outline entry's
    for (auto it = std::sregex_iterator(q.begin(), q.end(), dest); it != std::sregex_iterator(); ++it) destinations.insert((*it)[1].str());
    EXPECT_EQ(destinations.size(), 2u);  // annex-ii (three links) and executive-summary (one)
    const CommandResult check = run("qpdf --check " + quote(dir / "shared-destinations.pdf"), dir);
    EXPECT_EQ(check.status, 0) << check.out << check.err;
}

// An anchor defined twice is a warning; links go to the first definition.
TEST(pdf_Links, DuplicateAnchorWarnsAndKeepsTheFirst) {
    frame::FrameDocument doc = two_page_document();
    doc.pages[1].items.push_back(anchor("executive-summary", 72, 500));
    Diagnostics diags;
    ASSERT_TRUE(write_pdf(doc, diags).has_value()) << diagnostics_text(diags);
    EXPECT_EQ(diagnostics_text(diags),
              "warning: pdf: anchor \"executive-summary\" on page 2 is already defined on page 1; links go to the first\n");
}

// Outline titles with – ’ ➢ are readable, nested by level, and point at the anchors' pages;
// show_outline opens the bookmark panel.
TEST(pdf_Outline, NestedUnicodeTitlesPointAtTheirPages) {
    auto dir = output_dir();
    auto pdf = write_pdf_file(two_page_document(), dir);
    CommandResult r = run("qpdf --json --json-key=outlines " + quote(pdf), dir);
    ASSERT_EQ(r.status, 0) << r.err;
    std::vector<OutlineRow> rows = outline_rows(r.out);
    ASSERT_EQ(rows.size(), 3u) << r.out;
    EXPECT_EQ(rows[0].title, "Executive Summary");
    EXPECT_EQ(rows[0].depth, 1);
    EXPECT_EQ(rows[0].page, 1);
    EXPECT_EQ(rows[1].title, "Activities ➢ 2021");  // a kid is listed before its parent's title
    EXPECT_EQ(rows[1].depth, 2);
    EXPECT_EQ(rows[1].page, 2);
    EXPECT_EQ(rows[2].title, "Annex II – Work Plan ’x’");
    EXPECT_EQ(rows[2].depth, 1);
    EXPECT_EQ(rows[2].page, 2);

    EXPECT_NE(qdf(pdf, dir).find("/PageMode /UseOutlines"), std::string::npos);
}

// Page labels: roman numbering from page 0, "A-1" from page 1.
TEST(pdf_Meta, PageLabels) {
    auto dir = output_dir();
    auto pdf = write_pdf_file(two_page_document(), dir);
    CommandResult r = run("qpdf --json --json-key=pagelabels " + quote(pdf), dir);
    ASSERT_EQ(r.status, 0) << r.err;
    std::string json = compact(r.out);
    EXPECT_NE(json.find(R"("pagelabels":[{"index":0,"label":{"/S":"/r","/St":1}},{"index":1,"label":{"/P":"u:A-","/S":"/D","/St":1}}])"),
              std::string::npos)
        << json;
}

// Info strings with non-ASCII characters survive (UTF-16BE); both dates come from
// creation_epoch, in UTC.
TEST(pdf_Meta, InfoFieldsAndPinnedDates) {
    auto dir = output_dir();
    auto pdf = write_pdf_file(two_page_document(), dir);
    CommandResult r = run("pdfinfo -isodates " + quote(pdf), dir);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("Title:           Rapport annuel – Übersicht “Ångström”\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Author:          Zoë Łukasz\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Subject:         Annual report\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Keywords:        capacity building, customs\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Creator:         reportc\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("CreationDate:    2020-09-13T12:26:40Z\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("ModDate:         2020-09-13T12:26:40Z\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Pages:           2\n"), std::string::npos) << r.out;
}

// Without creation_epoch the dates are the current time (UTC).
TEST(pdf_Meta, DatesDefaultToNow) {
    auto dir = output_dir();
    frame::FrameDocument doc = two_page_document();
    doc.info.creation_epoch.reset();
    const std::time_t before = std::time(nullptr);
    auto pdf = write_pdf_file(doc, dir);
    const std::time_t after = std::time(nullptr);
    CommandResult r = run("pdfinfo -isodates " + quote(pdf), dir);
    std::smatch m;
    ASSERT_TRUE(std::regex_search(r.out, m, std::regex(R"(CreationDate:\s+(\d+)-(\d+)-(\d+)T(\d+):(\d+):(\d+)Z)"))) << r.out;
    std::tm tm{};
    tm.tm_year = std::stoi(m[1]) - 1900;
    tm.tm_mon = std::stoi(m[2]) - 1;
    tm.tm_mday = std::stoi(m[3]);
    tm.tm_hour = std::stoi(m[4]);
    tm.tm_min = std::stoi(m[5]);
    tm.tm_sec = std::stoi(m[6]);
    const std::time_t written = timegm(&tm);
    EXPECT_GE(written, before);
    EXPECT_LE(written, after);
}

// Dates before 1970 and in leap years convert correctly (epoch -> civil date without gmtime).
TEST(pdf_Meta, CreationDateConversionEdgeCases) {
    auto dir = output_dir();
    const std::pair<int64_t, std::string> cases[] = {
        {0, "1970-01-01T00:00:00Z"},
        {951782400, "2000-02-29T00:00:00Z"},
        {1709251199, "2024-02-29T23:59:59Z"},
        {-86401, "1969-12-30T23:59:59Z"},
    };
    for (const auto& [epoch, iso] : cases) {
        frame::FrameDocument doc = base_document();
        doc.pages.push_back(a4());
        doc.info.creation_epoch = epoch;
        auto pdf = write_pdf_file(doc, dir, "epoch.pdf");
        CommandResult r = run("pdfinfo -isodates " + quote(pdf), dir);
        EXPECT_NE(r.out.find("CreationDate:    " + iso + "\n"), std::string::npos) << epoch << "\n" << r.out;
    }
}


// A turned page (a landscape page on a portrait sheet): the sheet is portrait with /Rotate 90,
// the content is turned by one matrix ahead of everything, a link's rectangle is turned with it,
// and pdfinfo and pdftotext see the page landscape with its lines in reading order.
TEST(pdf_Pages, ATurnedPageIsAPortraitSheetRotatedForViewers) {
    auto dir = output_dir();
    frame::FrameDocument doc = base_document();
    frame::Page page{Size{pt(800), pt(600)}, {}};
    page.turned = true;
    page.items.push_back(text(0, 12, 72, 100, "First line of the landscape page"));
    page.items.push_back(text(0, 12, 72, 120, "Second line"));
    page.items.push_back(link(72, 200, 100, 20, "https://example.org/"));
    doc.pages.push_back(page);
    const auto pdf = write_pdf_file(doc, dir);
    std::string q = qdf(pdf, dir);
    const std::string object = page_object(q, 1);
    ASSERT_FALSE(object.empty());
    EXPECT_NE(q.find("/MediaBox [\n    0\n    0\n    600\n    800\n  ]"), std::string::npos);
    EXPECT_NE(q.find("/Rotate 90"), std::string::npos);
    EXPECT_EQ(page_content(q, 1).rfind("0 1 -1 0 600 0 cm\n", 0), 0u) << page_content(q, 1);
    // The link at x 72..172, y 200..220 from the top (PDF y 380..400) lands at x 200..220, y 72..172.
    EXPECT_NE(q.find("/Rect [\n    200\n    72\n    220\n    172\n  ]"), std::string::npos);
    CommandResult info = run("pdfinfo " + quote(pdf), dir);
    EXPECT_NE(info.out.find("Page rot:        90"), std::string::npos) << info.out;
    CommandResult r = run("pdftotext -enc UTF-8 " + quote(pdf) + " -", dir);
    EXPECT_EQ(r.out.substr(0, r.out.find('\f')), "First line of the landscape page\nSecond line\n\n");
}

}  // namespace
}  // namespace reportc::pdf::testing
