// A chart in a PDF is vector paths and real text: qpdf shows path operators, pdftotext finds
// the labels, pdfimages finds no image.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "chart_test_support.h"
#include "pdf/pdf_writer.h"

using namespace reportc;
using namespace reportc::chart;
using namespace reportc::chart::testing;

namespace {

struct Command {
    int status = -1;
    std::string out;
};

Command run(const std::string& command) {
    Command r;
    FILE* pipe = popen((command + " 2>/dev/null").c_str(), "r");
    if (!pipe) return r;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
    r.status = pclose(pipe);
    return r;
}

std::filesystem::path out_dir() {
    auto dir = std::filesystem::path(REPORTC_BINARY_DIR) / "test-output/chart/pdf";
    std::filesystem::create_directories(dir);
    return dir;
}

// A bar chart and a donut on one A4 page, moved into place as layout would.
frame::FrameDocument chart_page() {
    Diagnostics diags;
    doc::Chart bars = make_chart("stacked-bar", {"FY2019/20", "FY2020/21"},
                            {series("Visits", {NAN, 6.7}), series("Visits, derived", {5.0, NAN}, true)});
    bars.y_label = "Website visits";
    bars.unit = "millions";
    doc::Chart ring = make_chart("donut", {"East, Central and West Asia (ECWA)", "Pacific Islands (PI)", "South Asia (SA)", "Southeast Asia (SEA)"},
                            {series("Members", {9, 8, 6, 10})});
    ring.unit = "Members";
    Graphic a = draw_chart(bars, pt(400), std::nullopt, ChartStyle{}, fonts(), diags);
    Graphic b = draw_chart(ring, pt(400), std::nullopt, ChartStyle{}, fonts(), diags);
    EXPECT_FALSE(diags.has_errors());
    frame::FrameDocument doc = document_of(a);
    frame::Page& page = doc.pages.front();
    page.size = Size{pt(595.276), pt(841.89)};
    page.items.clear();
    auto place = [&](const Graphic& g, double dx, double dy) {
        for (auto item : g.items) {
            if (auto* t = std::get_if<frame::TextItem>(&item)) t->x += pt(dx), t->y += pt(dy);
            if (auto* s = std::get_if<frame::ShapeItem>(&item))
                for (auto& c : s->path)
                    for (auto& p : c.points) p.x += pt(dx), p.y += pt(dy);
            page.items.push_back(item);
        }
    };
    place(a, 90, 80);
    place(b, 90, 80 + a.height.pt() + 30);
    return doc;
}

}  // namespace

TEST(chart_pdf, VectorPathsExtractableLabelsNoImages) {
    // The PDF holds moveto/lineto/curveto paths that are filled and stroked, the labels as text,
    // and no raster image at all.
    Diagnostics diags;
    auto bytes = pdf::write_pdf(chart_page(), diags);
    ASSERT_TRUE(bytes.has_value());
    ASSERT_FALSE(diags.has_errors());
    const auto dir = out_dir();
    const auto pdf = dir / "chart.pdf";
    std::ofstream(pdf, std::ios::binary) << *bytes;

    Command qdf = run("qpdf --qdf --object-streams=disable '" + pdf.string() + "' '" + (dir / "chart.qdf").string() + "'");
    ASSERT_EQ(qdf.status, 0);
    const std::string content = read_text(dir / "chart.qdf");
    auto has = [&](const std::string& op) { return content.find(op) != std::string::npos; };
    EXPECT_TRUE(has(" m\n"));
    EXPECT_TRUE(has(" l\n"));
    EXPECT_TRUE(has(" c\n"));  // arcs of the donut
    EXPECT_TRUE(has("\nf\n") || has("\nB\n"));
    EXPECT_TRUE(has("\nS\n"));

    Command text = run("pdftotext -layout '" + pdf.string() + "' -");
    ASSERT_EQ(text.status, 0);
    for (const char* label : {"6.7", "5.0", "FY2019/20", "FY2020/21", "Website visits (millions)", "Visits, derived", "33", "Members",
                              "Pacific Islands (PI): 8"})
        EXPECT_NE(text.out.find(label), std::string::npos) << label << " not in:\n" << text.out;

    Command images = run("pdfimages -list '" + pdf.string() + "'");
    ASSERT_EQ(images.status, 0);
    size_t lines = 0;
    for (char ch : images.out) lines += ch == '\n';
    EXPECT_EQ(lines, 2u) << images.out;  // the header and its rule only
}
