// PNG previews: the page size in pixels follows the dpi, shapes and text land where the frame
// puts them, a single chart can be cut out by its id, and `reportc render` writes the files.
#include <gtest/gtest.h>

#include <cairo.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "../chart/chart_test_support.h"
#include "render/render_png.h"
#include "text/font_face.h"

using namespace reportc;
using namespace reportc::chart::testing;

namespace {

std::filesystem::path out_dir(const std::string& name) {
    auto dir = std::filesystem::path(REPORTC_BINARY_DIR) / "test-output/render" / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

// A decoded PNG; pixel() gives 0xRRGGBB.
class Png {
public:
    explicit Png(const std::filesystem::path& path) : m_surface(cairo_image_surface_create_from_png(path.c_str())) {}
    ~Png() { cairo_surface_destroy(m_surface); }
    bool ok() const { return cairo_surface_status(m_surface) == CAIRO_STATUS_SUCCESS; }
    int width() const { return cairo_image_surface_get_width(m_surface); }
    int height() const { return cairo_image_surface_get_height(m_surface); }
    uint32_t pixel(int x, int y) const {
        const unsigned char* data = cairo_image_surface_get_data(m_surface);
        int stride = cairo_image_surface_get_stride(m_surface);
        return *reinterpret_cast<const uint32_t*>(data + y * stride + x * 4) & 0xFFFFFF;
    }
    // Pixels of the colour `rgb` (0xRRGGBB) on the whole page.
    int count(uint32_t rgb) const {
        int n = 0;
        for (int y = 0; y < height(); ++y)
            for (int x = 0; x < width(); ++x) n += pixel(x, y) == rgb;
        return n;
    }
    // Pixels in [x0, x1) x [y0, y1) that are not white.
    int inked(int x0, int y0, int x1, int y1) const {
        int n = 0;
        for (int y = std::max(0, y0); y < std::min(height(), y1); ++y)
            for (int x = std::max(0, x0); x < std::min(width(), x1); ++x) n += pixel(x, y) != 0xFFFFFF;
        return n;
    }

private:
    cairo_surface_t* m_surface;
};

frame::ShapeItem rect(double x, double y, double w, double h, Color fill) {
    frame::ShapeItem s;
    auto P = [](double a, double b) { return Point{pt(a), pt(b)}; };
    s.path = {{frame::PathCommand::Kind::MoveTo, {P(x, y)}}, {frame::PathCommand::Kind::LineTo, {P(x + w, y)}},
              {frame::PathCommand::Kind::LineTo, {P(x + w, y + h)}}, {frame::PathCommand::Kind::LineTo, {P(x, y + h)}},
              {frame::PathCommand::Kind::Close, {}}};
    s.fill = fill;
    return s;
}

frame::FrameDocument small_page() {
    chart::Graphic g;
    g.width = pt(200);
    g.height = pt(100);
    frame::FrameDocument doc = document_of(g);
    doc.pages[0].items.push_back(rect(50, 20, 40, 60, Color{0xc0, 0x00, 0x00}));
    frame::TextItem t;
    t.font = 0;
    t.size = pt(20);
    t.x = pt(110);
    t.y = pt(60);
    t.text = "6.7";
    doc.pages[0].items.push_back(t);
    return doc;
}

}  // namespace

TEST(render_page, SizeFollowsDpiAndTheBarIsWhereTheFrameSaysItIs) {
    // A 200 x 100 pt page: 200 x 100 px at 72 dpi, 400 x 200 px at 144 dpi; the bar's middle is
    // red, the margins white, and the text's box has ink.
    auto dir = out_dir("page");
    std::string error;
    ASSERT_TRUE(render::render_page_png(small_page(), 0, 72, (dir / "p72.png").string(), error)) << error;
    Png a(dir / "p72.png");
    ASSERT_TRUE(a.ok());
    EXPECT_EQ(a.width(), 200);
    EXPECT_EQ(a.height(), 100);
    EXPECT_EQ(a.pixel(70, 50), 0xC00000u);
    EXPECT_EQ(a.pixel(5, 5), 0xFFFFFFu);
    EXPECT_EQ(a.pixel(95, 50), 0xFFFFFFu);
    EXPECT_GT(a.inked(110, 45, 140, 60), 30);  // "6.7" at 20 pt
    EXPECT_EQ(a.inked(150, 0, 200, 100), 0);   // nothing right of the text

    ASSERT_TRUE(render::render_page_png(small_page(), 0, 144, (dir / "p144.png").string(), error)) << error;
    Png b(dir / "p144.png");
    EXPECT_EQ(b.width(), 400);
    EXPECT_EQ(b.height(), 200);
    EXPECT_EQ(b.pixel(140, 100), 0xC00000u);
}

TEST(render_page, FontsAreDrawnFromTheirBytesAlone) {
    // The frame's font bytes are all the renderer reads: under a path that exists nowhere the
    // text is drawn exactly as before; a font without bytes is an error naming it.
    auto dir = out_dir("bytes");
    std::string error;
    frame::FrameDocument doc = small_page();
    ASSERT_TRUE(render::render_page_png(doc, 0, 72, (dir / "disk.png").string(), error)) << error;
    for (auto& font : doc.fonts) font.path = "/nonexistent/" + font.postscript_name + ".ttf";
    ASSERT_TRUE(render::render_page_png(doc, 0, 72, (dir / "bytes.png").string(), error)) << error;
    Png png(dir / "bytes.png");
    EXPECT_GT(png.inked(110, 45, 140, 60), 30);  // "6.7" at 20 pt
    std::ifstream a(dir / "disk.png", std::ios::binary), b(dir / "bytes.png", std::ios::binary);
    EXPECT_TRUE(std::equal(std::istreambuf_iterator<char>(a), {}, std::istreambuf_iterator<char>(b), {}));

    doc.fonts[0].bytes = nullptr;
    EXPECT_FALSE(render::render_page_png(doc, 0, 72, (dir / "none.png").string(), error));
    EXPECT_EQ(error, "font '/nonexistent/LiberationSans.ttf' has no bytes: its file was not read");
}

TEST(render_page, KerningMovesTheGlyphsAfterIt) {
    // "II" at 20 pt: the second I starts 5.56 pt after the first (278/1000 em); kerned by
    // +500/1000 em after the first, it starts 10 pt further right, as the PDF's TJ places it.
    auto dir = out_dir("kerning");
    std::string error;
    frame::FrameDocument doc = small_page();
    frame::TextItem& t = std::get<frame::TextItem>(doc.pages[0].items.back());
    t.text = "II";
    ASSERT_TRUE(render::render_page_png(doc, 0, 72, (dir / "plain.png").string(), error)) << error;
    const Kern wide[] = {{1, 500}};
    t.kerning = Kerning(wide);
    ASSERT_TRUE(render::render_page_png(doc, 0, 72, (dir / "kerned.png").string(), error)) << error;
    Png plain(dir / "plain.png"), kerned(dir / "kerned.png");
    EXPECT_GT(plain.inked(110, 40, 122, 62), 20);
    EXPECT_EQ(plain.inked(124, 40, 135, 62), 0);
    EXPECT_GT(kerned.inked(110, 40, 116, 62), 10);  // the first I stays
    EXPECT_EQ(kerned.inked(117, 40, 125, 62), 0);   // the gap
    EXPECT_GT(kerned.inked(125, 40, 132, 62), 10);  // the second I, moved
}

TEST(render_page, MissingPageIsAnError) {
    // Page 2 of a one-page document: false and a message naming the page count.
    std::string error;
    EXPECT_FALSE(render::render_page_png(small_page(), 1, 72, (out_dir("missing") / "x.png").string(), error));
    EXPECT_EQ(error, "page 2 does not exist (the document has 1 page)");
}

TEST(render_page, ChartBarsHaveInkAndLabelsAreDrawn) {
    // A drawn bar chart: every bar's centre is painted in the bar colour; the chart's text boxes
    // hold ink. (The PNGs of every chart type are left in test-output/render/charts for eyes.)
    auto dir = out_dir("charts");
    Diagnostics diags;
    doc::Chart c = make_chart("bar", {"FY2019/20", "FY2020/21"}, {series("Visits", {5.0, 6.7})});
    c.y_label = "Visits";
    c.unit = "millions";
    chart::Graphic g = chart::draw_chart(c, pt(300), std::nullopt, chart::ChartStyle{}, fonts(), diags);
    ASSERT_FALSE(diags.has_errors());
    std::string error;
    ASSERT_TRUE(render::render_page_png(document_of(g), 0, 72, (dir / "bar.png").string(), error)) << error;
    Png png(dir / "bar.png");
    ASSERT_TRUE(png.ok());
    auto bars = filled_rects(g);
    ASSERT_EQ(bars.size(), 2u);
    for (const auto& bar : bars) EXPECT_EQ(png.pixel(int(bar.x + bar.w / 2), int(bar.y + bar.h / 2)), 0x1F4E79u);
    for (const auto& [text, box] : label_boxes(g))
        EXPECT_GT(png.inked(int(box.x), int(box.y), int(box.right()) + 1, int(box.bottom()) + 1), 0) << text;

    for (const char* type : {"hbar", "stacked-bar", "line", "pie", "donut"}) {
        doc::Chart other = make_chart(type, {"ECWA", "PI", "SA", "SEA"}, {series("Members", {9, 8, 6, 10})});
        chart::Graphic og = chart::draw_chart(other, pt(300), std::nullopt, chart::ChartStyle{}, fonts(), diags);
        EXPECT_TRUE(render::render_page_png(document_of(og), 0, 144, (dir / (std::string(type) + ".png")).string(), error)) << error;
    }
}

TEST(render_items, CutsOneChartOutByItsAnchors) {
    // Anchors "c" and "c.end" mark a 100 x 50 pt chart: the PNG is that plus a 6 pt margin on
    // each side; a figure id whose caption anchor follows "c.end" finds the same region.
    frame::FrameDocument doc = small_page();
    auto& items = doc.pages[0].items;
    items.insert(items.begin(), frame::AnchorItem{"c", Point{pt(40), pt(10)}});
    items.push_back(frame::AnchorItem{"c.end", Point{pt(140), pt(60)}});
    items.push_back(frame::AnchorItem{"figure-1", Point{pt(40), pt(62)}});
    auto dir = out_dir("items");
    std::string error;
    ASSERT_TRUE(render::render_items_png(doc, "c", 72, (dir / "c.png").string(), error)) << error;
    Png png(dir / "c.png");
    EXPECT_EQ(png.width(), 112);
    EXPECT_EQ(png.height(), 62);
    EXPECT_EQ(png.pixel(70 - 40 + 6, 50 - 10 + 6), 0xC00000u);  // the bar, shifted by the region
    ASSERT_TRUE(render::render_items_png(doc, "figure-1", 72, (dir / "f.png").string(), error)) << error;
    EXPECT_EQ(Png(dir / "f.png").width(), 112);
    EXPECT_FALSE(render::render_items_png(doc, "nothing", 72, (dir / "n.png").string(), error));
    EXPECT_EQ(error, "no chart or diagram with the id 'nothing' (nor a figure holding one) in the document");
}

TEST(render_cli, RenderCommandWritesPagesAndOneDiagram) {
    // `reportc render` on a one-page report with a diagram: page-001.png at the A4 size for
    // 36 dpi, and the diagram alone with --id.
    auto dir = out_dir("cli");
    std::ofstream(dir / "report.xml") << "<report layout=\"" << REPORTC_SOURCE_ROOT << "/layouts/annual-report.xml\">\n"
                                      << "<section title=\"Charts\"><figure id=\"fig\" caption=\"Diagram 1: Test\">\n"
                                      << "<diagram id=\"d\" layout=\"row\"><box id=\"a\" emphasis=\"true\">Alpha</box>"
                                      << "<box id=\"b\">Beta</box><connector from=\"a\" to=\"b\"/></diagram>\n"
                                      << "</figure></section></report>\n";
    auto run = [&](const std::string& args) {
        std::string command = std::string("'") + REPORTC_EXE + "' render '" + (dir / "report.xml").string() + "' " + args + " 2>&1";
        FILE* pipe = popen(command.c_str(), "r");
        std::string out;
        char buf[1024];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
        int status = pclose(pipe);
        return std::make_pair(WEXITSTATUS(status), out);
    };
    auto [status, out] = run("--png '" + (dir / "png").string() + "' --dpi 36 --page 1");
    ASSERT_EQ(status, 0) << out;
    Png page(dir / "png/page-001.png");
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(page.width(), 298);   // 595.276 pt at 36 dpi
    EXPECT_EQ(page.height(), 421);  // 841.89 pt
    auto [status2, out2] = run("--png '" + (dir / "png").string() + "' --id d");
    ASSERT_EQ(status2, 0) << out2;
    Png one(dir / "png/d.png");
    ASSERT_TRUE(one.ok());
    EXPECT_GT(one.inked(0, 0, one.width(), one.height()), 100);
    auto [status3, out3] = run("--dpi 72");
    EXPECT_EQ(status3, 2) << out3;
    EXPECT_NE(out3.find("expected --png DIR"), std::string::npos) << out3;
}

TEST(render_page, ExpandedTextIsDrawnWiderAsInThePdf) {
    // Font expansion scales the glyphs and their advances (the PDF's Tz): "6.7" at 20 pt, about
    // 27.8 pt wide, set 10 % wider ends about 2.8 pt (5.6 px at 144 dpi) further right.
    auto dir = out_dir("expansion");
    std::string error;
    auto rightmost_ink = [](const Png& png) {
        for (int x = png.width() - 1; x >= 0; --x)
            if (png.inked(x, 80, x + 1, 125) > 0) return x;
        return -1;
    };
    frame::FrameDocument doc = small_page();
    ASSERT_TRUE(render::render_page_png(doc, 0, 144, (dir / "plain.png").string(), error)) << error;
    std::get<frame::TextItem>(doc.pages[0].items.back()).expansion = 100;
    ASSERT_TRUE(render::render_page_png(doc, 0, 144, (dir / "wide.png").string(), error)) << error;
    const Png plain(dir / "plain.png"), wide(dir / "wide.png");
    ASSERT_TRUE(plain.ok() && wide.ok());
    EXPECT_NEAR(rightmost_ink(wide) - rightmost_ink(plain), 5.6, 1.5);
}

TEST(render_cli, ImagesAreDrawnAsThePdfShowsThem) {
    // A 4 x 2 px pure red PNG set 50 mm wide (25 mm high) in a figure: at 72 dpi about
    // 142 x 71 px of that red on the rendered page, and none without the image.
    auto dir = out_dir("image");
    cairo_surface_t* red = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 4, 2);
    cairo_t* cr = cairo_create(red);
    cairo_set_source_rgb(cr, 1, 0, 0);
    cairo_paint(cr);
    cairo_destroy(cr);
    ASSERT_EQ(cairo_surface_write_to_png(red, (dir / "red.png").c_str()), CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(red);
    std::ofstream(dir / "report.xml") << "<report layout=\"" << REPORTC_SOURCE_ROOT << "/layouts/annual-report.xml\">\n"
                                      << "<section title=\"Images\"><figure id=\"fig\" caption=\"Red\">\n"
                                      << "<image src=\"red.png\" width=\"50mm\" alt=\"A red block\"/>\n"
                                      << "</figure></section></report>\n";
    const std::string command = std::string("'") + REPORTC_EXE + "' render '" + (dir / "report.xml").string() + "' --png '" +
                                (dir / "png").string() + "' --page 1 --allow-read '" + REPORTC_SOURCE_ROOT + "' 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    Png page(dir / "png/page-001.png");
    ASSERT_TRUE(page.ok());
    const int reds = page.count(0xFF0000);
    EXPECT_GT(reds, 138 * 67) << reds;
    EXPECT_LT(reds, 146 * 75) << reds;
}

TEST(render_page, SmallCapitalsAreDrawnAsTheFontsOwnGlyphs) {
    // "nao" at 60 pt in Vollkorn (Debian's fonts-vollkorn), as the PDF draws it with 'smcp':
    // n.sc, a.sc and o.sc stand taller than the x-height, where the lower-case letters (no
    // ascender among them) leave the band above it white.
    const std::string path = "/usr/share/fonts/truetype/vollkorn/Vollkorn-Regular.ttf";
    std::ifstream in(path, std::ios::binary);
    auto bytes = std::make_shared<const std::string>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    std::string error;
    auto vollkorn = text::FontFace::load(path, bytes, error);
    ASSERT_TRUE(vollkorn) << error;
    auto dir = out_dir("small-caps");
    frame::FrameDocument doc = small_page();
    doc.fonts.push_back({path, vollkorn->postscript_name(), bytes});
    doc.pages[0].items.erase(doc.pages[0].items.begin());  // the red bar
    frame::TextItem& t = std::get<frame::TextItem>(doc.pages[0].items.back());
    t.font = int(doc.fonts.size() - 1);
    t.size = pt(60);
    t.x = pt(10);
    t.y = pt(90);
    t.text = "nao";
    ASSERT_TRUE(render::render_page_png(doc, 0, 72, (dir / "lower.png").string(), error)) << error;
    t.kerning = vollkorn->small_caps_kerning("nao");
    ASSERT_EQ(t.kerning.substitutions().size(), 3u);
    ASSERT_TRUE(render::render_page_png(doc, 0, 72, (dir / "smcp.png").string(), error)) << error;
    Png lower(dir / "lower.png"), smcp(dir / "smcp.png");
    const int x_top = 90 - int(std::lround(60.0 * vollkorn->x_height() / 1000));
    const int band_lower = lower.inked(0, x_top - 8, 200, x_top - 2), band_smcp = smcp.inked(0, x_top - 8, 200, x_top - 2);
    EXPECT_LT(band_lower, 10) << x_top;
    EXPECT_GT(band_smcp, 40) << x_top;  // 74 with Debian 12's Cairo
}
