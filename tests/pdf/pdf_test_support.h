#pragma once
// Helpers for the pdf tests: hand-built frame documents, writing PDFs into the build tree, and
// running poppler/qpdf on them.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "frame/frame.h"
#include "pdf/pdf_writer.h"

namespace reportc::pdf::testing {

inline std::string liberation() { return std::string(REPORTC_SOURCE_ROOT) + "/fonts/liberation/LiberationSans-Regular.ttf"; }
inline std::string dejavu() { return std::string(REPORTC_SOURCE_ROOT) + "/fonts/dejavu/DejaVuSans.ttf"; }

inline Length pt(double v) { return Length::from_pt(v); }

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A frame font with the file's bytes, read here as the compiler reads them (once, up front).
inline frame::FontFile font_file(const std::string& path, const std::string& postscript_name) {
    return {path, postscript_name, std::make_shared<const std::string>(read_file(path))};
}

// A4, the size the reports use.
inline frame::Page a4() { return frame::Page{Size{pt(595.276), pt(841.89)}, {}}; }

inline frame::TextItem text(int font, double size, double x, double y, std::string s, Color c = {}) {
    frame::TextItem t;
    t.font = font;
    t.size = pt(size);
    t.x = pt(x);
    t.y = pt(y);
    t.text = std::move(s);
    t.color = c;
    return t;
}

inline frame::PathCommand move(double x, double y) { return {frame::PathCommand::Kind::MoveTo, {{pt(x), pt(y)}}}; }
inline frame::PathCommand line(double x, double y) { return {frame::PathCommand::Kind::LineTo, {{pt(x), pt(y)}}}; }
inline frame::PathCommand curve(double x1, double y1, double x2, double y2, double x3, double y3) {
    return {frame::PathCommand::Kind::CurveTo, {{pt(x1), pt(y1)}, {pt(x2), pt(y2)}, {pt(x3), pt(y3)}}};
}
inline frame::PathCommand close() { return {frame::PathCommand::Kind::Close, {}}; }

// Liberation Sans as font 0 and DejaVu Sans as font 1; creation date pinned.
inline frame::FrameDocument base_document() {
    frame::FrameDocument doc;
    doc.fonts.push_back(font_file(liberation(), "LiberationSans-Regular"));
    doc.fonts.push_back(font_file(dejavu(), "DejaVuSans"));
    doc.info.creation_epoch = 1600000000;  // 2020-09-13 12:26:40 UTC
    return doc;
}

inline frame::ShapeItem shape(std::vector<frame::PathCommand> path, std::optional<Color> fill,
                              std::optional<Color> stroke, double line_width = 1) {
    frame::ShapeItem s;
    s.path = std::move(path);
    s.fill = fill;
    s.stroke = stroke;
    s.line_width = pt(line_width);
    return s;
}

inline frame::LinkItem link(double x, double y, double w, double h, std::string uri, std::string anchor = "") {
    const Rect rect{pt(x), pt(y), pt(w), pt(h)};
    return uri.empty() ? frame::LinkItem::to_anchor(rect, std::move(anchor)) : frame::LinkItem::to_uri(rect, std::move(uri));
}

inline frame::AnchorItem anchor(std::string name, double x, double y) { return {std::move(name), Point{pt(x), pt(y)}}; }

// Two A4 pages with everything the writer handles: text in both fonts, a filled rectangle and
// a stroked curve, internal/URI/mailto links, anchors, a nested outline with non-ASCII titles,
// two page-label ranges and non-ASCII Info.
inline frame::FrameDocument two_page_document() {
    frame::FrameDocument doc = base_document();
    doc.info.title = "Rapport annuel – Übersicht “Ångström”";
    doc.info.author = "Zoë Łukasz";
    doc.info.subject = "Annual report";
    doc.info.keywords = "capacity building, customs";

    frame::Page one = a4();
    one.items.push_back(anchor("executive-summary", 72, 80));
    one.items.push_back(text(0, 16, 72, 100, "Executive Summary", Color{0x1f, 0x4e, 0x79}));
    one.items.push_back(shape({move(72, 110), line(523, 110), line(523, 112), line(72, 112), close()},
                              Color{0x1f, 0x4e, 0x79}, std::nullopt));
    one.items.push_back(text(0, 10, 72, 130, "See the work plan in Annex II – it’s on page 2."));
    one.items.push_back(link(72, 120, 200, 12, "", "annex-ii"));
    one.items.push_back(text(0, 10, 72, 150, "Web: https://example.org/ä"));
    one.items.push_back(link(72, 140, 150, 12, "https://example.org/ä?x=1&y=2"));
    one.items.push_back(text(0, 10, 72, 170, "Mail: info@example.org"));
    one.items.push_back(link(72, 160, 150, 12, "mailto:info@example.org?subject=Hello%20World"));
    one.items.push_back(shape({move(72, 300), curve(150, 200, 250, 400, 330, 300)}, std::nullopt,
                              Color{0xc0, 0x00, 0x00}, 2.5));
    doc.pages.push_back(one);

    frame::Page two = a4();
    two.items.push_back(anchor("annex-ii", 72, 60));
    two.items.push_back(text(0, 16, 72, 80, "Annex II – Work Plan ’x’"));
    two.items.push_back(text(1, 10, 72, 110, "➢ Activities 2021"));
    two.items.push_back(link(72, 100, 100, 12, "", "executive-summary"));
    doc.pages.push_back(two);

    doc.outline = {{"Executive Summary", 1, "executive-summary"},
                   {"Annex II – Work Plan ’x’", 1, "annex-ii"},
                   {"Activities ➢ 2021", 2, "annex-ii"}};
    doc.page_labels = {{0, frame::PageLabelStyle::LowerRoman, 1, ""}, {1, frame::PageLabelStyle::Decimal, 1, "A-"}};
    doc.show_outline = true;
    return doc;
}

// A fresh directory under the build tree for one test's files.
inline std::filesystem::path output_dir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::filesystem::path dir = std::filesystem::path(REPORTC_BINARY_DIR) / "test-output" / "pdf" /
                                (std::string(info->test_suite_name()) + "." + info->name());
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

inline void write_file(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

inline std::string quote(const std::filesystem::path& p) {
    std::string s(1, '\'');
    s += p.string();
    s += '\'';
    return s;
}

struct CommandResult {
    int status = -1;
    std::string out, err;
};

// Runs a shell command; stdout through popen, stderr captured in a file next to `dir`.
inline CommandResult run(const std::string& command, const std::filesystem::path& dir) {
    const std::filesystem::path err_file = dir / "stderr.txt";
    CommandResult result;
    FILE* pipe = popen((command + " 2>" + quote(err_file)).c_str(), "r");
    if (!pipe) return result;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) result.out.append(buf, n);
    result.status = pclose(pipe);
    result.err = read_file(err_file);
    return result;
}

inline std::string diagnostics_text(const Diagnostics& diags) {
    std::string s;
    for (const Diagnostic& d : diags.all()) s += std::string(to_string(d.severity)) + ": " + d.message + "\n";
    return s;
}

// Writes `doc` and saves it as <dir>/<name>; fails the test if the writer reports an error.
inline std::filesystem::path write_pdf_file(const frame::FrameDocument& doc, const std::filesystem::path& dir,
                                            const std::string& name = "out.pdf") {
    Diagnostics diags;
    std::optional<std::string> bytes = write_pdf(doc, diags);
    EXPECT_TRUE(bytes.has_value()) << diagnostics_text(diags);
    EXPECT_FALSE(diags.has_errors()) << diagnostics_text(diags);
    const std::filesystem::path path = dir / name;
    write_file(path, bytes.value_or(""));
    return path;
}

// The uncompressed, commented QDF form of a PDF (qpdf --qdf), for grepping operators.
inline std::string qdf(const std::filesystem::path& pdf, const std::filesystem::path& dir) {
    const std::filesystem::path out = dir / "out.qdf";
    CommandResult r = run("qpdf --qdf --object-streams=disable " + quote(pdf) + " " + quote(out), dir);
    EXPECT_EQ(r.status, 0) << r.err;
    return read_file(out);
}

inline size_t count(const std::string& haystack, const std::string& needle) {
    size_t n = 0;
    for (size_t pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) ++n;
    return n;
}

// `count` pages of `lines` distinct lines of text each; with 100 lines or more a page's deflated
// content passes 4 KiB (libharu reads a stream back in pieces of HPDF_STREAM_BUF_SIZ).
inline frame::FrameDocument text_pages(int count, int lines) {
    frame::FrameDocument doc = base_document();
    for (int p = 0; p < count; ++p) {
        frame::Page page = a4();
        for (int line = 0; line < lines; ++line)
            page.items.push_back(text(line % 2, 1 + line % 9, 10 + line % 37, 10 + line % 800,
                                      "Page " + std::to_string(p) + " line " + std::to_string(line) + ": " +
                                          std::to_string(uint64_t(p) * 7919u + uint64_t(line) * 104729u)));
        doc.pages.push_back(page);
    }
    return doc;
}

// A PDF's bytes gathered as the writer gives them (pdf::ByteSink).
struct StringSink : ByteSink {
    std::string bytes;
    bool write(std::string_view piece) override {
        bytes.append(piece);
        return true;
    }
};

}  // namespace reportc::pdf::testing
