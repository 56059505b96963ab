// End to end: images in every format and place (a block, a figure with its caption, a page
// master's corner on every page), embedded once per file, and every kind of bad image file a
// located error with exit status 1, never a crash.
#include <gtest/gtest.h>

#include <iterator>
#include <set>
#include <sstream>
#include <unistd.h>

#include "image_files.h"
#include "run.h"

using namespace reportc::e2e;
using namespace reportc::test;

namespace {

// A5 pages; `masters` holds what the body page master contains (its images), `settings` more
// <setting> elements.
std::string layout(const std::string& master_content, const std::string& settings = "") {
    const std::string fonts = source_root() + "/fonts/liberation/LiberationSans-";
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<layout>\n<font-family name=\"Liberation Sans\" regular=\"" + fonts +
           "Regular.ttf\" bold=\"" + fonts + "Bold.ttf\" italic=\"" + fonts + "Italic.ttf\" bold-italic=\"" + fonts +
           "BoldItalic.ttf\"/>\n"
           "<page-master name=\"body\" size=\"A5\" margin-top=\"20mm\" margin-bottom=\"20mm\" margin-left=\"20mm\" "
           "margin-right=\"20mm\">" + master_content + "</page-master>\n"
           "<paragraph-style name=\"body\" font-family=\"Liberation Sans\" font-size=\"10pt\" leading=\"14pt\" space-after=\"6pt\"/>\n"
           "<paragraph-style name=\"caption\" based-on=\"body\" font-size=\"9pt\"/>\n"
           "<paragraph-style name=\"header\" based-on=\"body\" font-size=\"8pt\"/>\n"
           "<paragraph-style name=\"footer\" based-on=\"header\"/>\n" +
           settings + "</layout>\n";
}

// Writes the layout and report (its body after the <info>) in a fresh folder with `files`.
ScratchBuild build(const std::string& name, const std::string& body, const std::string& layout_text,
            const std::vector<std::pair<std::string, std::string>>& files) {
    ScratchBuild b = build_in_scratch(name, body, layout_text, files);
    return b;
}

// The rows of `pdfimages -list` (after its two header lines).
std::vector<std::string> image_rows(const std::string& pdf) {
    auto r = run("pdfimages -list " + quote(pdf));
    std::vector<std::string> rows;
    size_t at = 0, line = 0;
    while (at < r.out.size()) {
        size_t end = r.out.find('\n', at);
        if (end == std::string::npos) end = r.out.size();
        if (line++ >= 2) rows.push_back(r.out.substr(at, end - at));
        at = end + 1;
    }
    return rows;
}

size_t count(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

const std::vector<std::pair<std::string, std::string>> kEveryFormat = {
    {"gray.png", make_png({PngKind::Gray, 40, 30})},
    {"rgba.png", make_png({PngKind::Rgba, 40, 30})},
    {"palette.png", make_png({PngKind::PaletteTrns, 40, 30})},
    {"interlaced.png", make_png({PngKind::Rgb, 40, 30, true, 144})},
    {"sixteen.png", make_png({PngKind::Rgb16, 40, 30})},
    {"gray-alpha.png", make_png({PngKind::GrayAlpha, 40, 30})},
    {"baseline.jpg", make_jpeg({JpegKind::Rgb, 40, 30})},
    {"progressive.jpg", make_jpeg({JpegKind::Rgb, 40, 30, true})},
    {"gray.jpg", make_jpeg({JpegKind::Gray, 40, 30})},
    {"cmyk.jpg", make_jpeg({JpegKind::Cmyk, 40, 30})},
};

}  // namespace

TEST(e2e_Images, EveryFormatInEveryPlaceEmbeddedOncePerFile) {
    std::string body = "<figure caption=\"Figure 1. A logo\"><image src=\"rgba.png\" width=\"40mm\" alt=\"The logo\"/></figure>\n";
    for (const auto& [file, bytes] : kEveryFormat) body += "<image src=\"" + file + "\" width=\"30mm\"/>\n<p>After " + file + ".</p>\n";
    // The same file again, and many pages each showing the master's logo.
    body += "<image src=\"rgba.png\" height=\"10mm\" fit=\"cover\"/>\n";
    for (int i = 0; i < 40; ++i) body += "<p>Filler paragraph " + std::to_string(i) + " with enough words to take a line or two of the page.</p>\n";
    auto b = build("images-every", body, layout("<image src=\"logo.jpg\" x=\"5mm\" y=\"5mm\" width=\"12mm\" alt=\"corner\"/>"),
                   [] {
                       auto files = kEveryFormat;
                       files.push_back({"logo.jpg", make_jpeg({JpegKind::Rgb, 24, 24})});
                       return files;
                   }());
    ASSERT_EQ(b.status, 0) << b.err;
    const std::string trace = read_file(b.trace);
    const size_t pages = std::stoul(trace.substr(trace.find("pages=") + 6));
    EXPECT_GT(pages, 3u);
    // The corner logo on every page, behind the text (the first item of each page).
    EXPECT_EQ(count(trace, "image \"logo.jpg\" 14.173 14.173 34.016 34.016 jpeg 24x24 rgb alt=\"corner\""), pages) << trace;
    EXPECT_EQ(count(trace, "image \"rgba.png\""), 3u);
    EXPECT_NE(trace.find("png 40x30 rgb alpha alt=\"The logo\""), std::string::npos);
    // pdfimages lists every use; each file is one object (and one soft mask per file with
    // alpha), however many pages show it.
    std::set<std::string> images, masks;
    size_t logo_uses = 0;
    for (const auto& row : image_rows(b.pdf)) {
        std::istringstream fields(row);
        std::vector<std::string> f{std::istream_iterator<std::string>(fields), {}};
        ASSERT_GE(f.size(), 12u) << row;
        (f[2] == "smask" ? masks : images).insert(f[10]);
        if (f[2] == "image" && f[3] == "24") ++logo_uses;
    }
    EXPECT_EQ(images.size(), kEveryFormat.size() + 1) << run("pdfimages -list " + quote(b.pdf)).out;
    EXPECT_EQ(masks.size(), 3u);  // rgba (used three times), palette with tRNS, grey with alpha
    EXPECT_EQ(logo_uses, pages);
}

TEST(e2e_Images, HeaderAndFooterSlotsHoldImagesOnTheirBaseline) {
    std::string body;
    for (int i = 0; i < 30; ++i) body += "<p>Filler paragraph " + std::to_string(i) + " with enough words to take a line or two of the page.</p>\n";
    auto b = build("images-slots", body,
                   layout("<header><left>{title}</left><right><image src=\"logo.png\" height=\"8mm\" alt=\"Logo\"/></right></header>"
                          "<footer><center><image src=\"logo.png\" width=\"10mm\"/></center></footer>"),
                   {{"logo.png", make_png({PngKind::Rgba, 20, 20})}});
    ASSERT_EQ(b.status, 0) << b.err;
    const std::string trace = read_file(b.trace);
    const size_t pages = std::stoul(trace.substr(trace.find("pages=") + 6));
    EXPECT_GT(pages, 1u);
    // A5 is 419.528pt wide, the body 20mm (56.693pt) in from each side; the header's baseline
    // is at half the top margin (28.346pt) and the footer's 28.346pt above the bottom edge.
    EXPECT_EQ(count(trace, "image \"logo.png\" 340.157 5.669 22.677 22.677 png 20x20 rgb alpha alt=\"Logo\""), pages) << trace;
    EXPECT_EQ(count(trace, "image \"logo.png\" 195.591 538.583 28.346 28.346 png 20x20 rgb alpha"), pages) << trace;
    std::set<std::string> objects;
    for (const auto& row : image_rows(b.pdf)) {
        std::istringstream fields(row);
        std::vector<std::string> f{std::istream_iterator<std::string>(fields), {}};
        if (f.size() > 10 && f[2] == "image") objects.insert(f[10]);
    }
    EXPECT_EQ(objects.size(), 1u);
}

TEST(e2e_Images, EachBadFileIsALocatedErrorAndExitOne) {
    const std::string png = make_png({PngKind::Rgb, 64, 64});
    const std::string jpeg = make_jpeg({JpegKind::Rgb, 64, 64});
    struct Case { const char* name; std::string bytes; const char* found; };
    const Case cases[] = {
        {"truncated.png", truncated(png, png.size() / 2), "a damaged PNG (the file ends early)"},
        {"crc.png", with_bad_crc(png), "a damaged PNG (IHDR: CRC error)"},
        {"empty.png", "", "an empty file"},
        {"huge.png", png_claiming(20000, 20000), "an image of 20000x20000 pixels (over 100 megapixels)"},
        {"text.png", "not an image at all\n", "a file starting with 'not an i'"},
        {"truncated.jpg", truncated(jpeg, jpeg.size() / 2), "a damaged JPEG (Premature end of JPEG file)"},
    };
    for (const auto& c : cases) {
        auto b = build(std::string("images-bad-") + c.name, "<p>Before.</p>\n<image src=\"" + std::string(c.name) + "\" width=\"20mm\"/>",
                       layout(""), {{c.name, c.bytes}});
        EXPECT_EQ(b.status, 1) << c.name << "\n" << b.err;
        EXPECT_NE(b.err.find(b.dir + "/report.xml:5:2: error: expected a PNG or JPEG image in '" + c.name + "', found " + c.found + "\n"),
                  std::string::npos)
            << b.err;
        EXPECT_EQ(count(b.err, "error:"), 1u) << b.err;
    }
}

TEST(e2e_Images, MissingFileAndPathsOutsideTheProject) {
    auto missing = build("images-missing", "<image src=\"nowhere.png\"/>", layout(""), {});
    EXPECT_EQ(missing.status, 1);
    EXPECT_NE(missing.err.find("/report.xml:4:2: error: expected a PNG or JPEG image in 'nowhere.png', found no such file\n"),
              std::string::npos)
        << missing.err;

    const std::string shared = scratch_dir("images-shared-" + std::to_string(::getpid()));
    write_file(shared + "/logo.png", make_png({PngKind::Rgb}));
    const std::string src = "../images-shared-" + std::to_string(::getpid()) + "/logo.png";
    auto refused = build("images-outside", "<image src=\"" + src + "\"/>", layout(""), {});
    EXPECT_EQ(refused.status, 1);
    EXPECT_NE(refused.err.find("/report.xml:4:2: error: expected an image inside the report's folder '" + refused.dir +
                               "' or a folder the layout's image-paths setting names, found '" + src + "'\n"),
              std::string::npos)
        << refused.err;

    auto allowed = build("images-allowed", "<image src=\"" + src + "\"/>",
                         layout("", "<setting name=\"image-paths\" value=\"../images-shared-" + std::to_string(::getpid()) + "\"/>\n"), {});
    EXPECT_EQ(allowed.status, 0) << allowed.err;
}

TEST(e2e_Images, PageMasterImageErrorsAreLocatedInTheLayout) {
    auto b = build("images-master-bad", "<p>Text.</p>", layout("<image src=\"gone.png\" x=\"0\" y=\"0\"/>"), {});
    EXPECT_EQ(b.status, 1);
    EXPECT_NE(b.err.find(b.dir + "/layout.xml:4:115: error"), std::string::npos) << b.err;
    EXPECT_NE(b.err.find("error: expected a PNG or JPEG image in 'gone.png', found no such file"), std::string::npos) << b.err;
}

namespace {

// The numbers after the quoted text or name on the trace line that starts with `head` and
// holds `quoted`.
std::vector<double> trace_numbers(const std::string& trace, const std::string& head, const std::string& quoted) {
    std::istringstream lines(trace);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind(head, 0) != 0 || line.find(quoted) == std::string::npos) continue;
        std::istringstream fields(line.substr(head.size()));
        std::vector<double> out;
        for (std::string f; fields >> f;) {
            char* end = nullptr;
            const double v = std::strtod(f.c_str(), &end);
            if (end != f.c_str() && *end == '\0') out.push_back(v);
        }
        return out;
    }
    return {};
}

}  // namespace

TEST(e2e_Images, AnIconInALineOfTextStandsOnItsBaseline) {
    auto b = build("images-inline",
                   "<p>Call us <image src=\"phone.png\" height=\"1em\" alt=\"phone\"/> any day of the week.</p>",
                   layout(""), {{"phone.png", make_png({PngKind::Rgb, 20, 20})}});
    ASSERT_EQ(b.status, 0) << b.err;
    EXPECT_EQ(image_rows(b.pdf).size(), 1u);
    const std::string trace = read_file(b.trace);
    EXPECT_EQ(count(trace, "image \"phone.png\""), 1u) << trace;
    // image "phone.png" x y w h: 10pt square (1em of the 10pt body text), its bottom edge on
    // the baseline of "us" and "any", between them.
    const auto icon = trace_numbers(trace, "  image ", "\"phone.png\"");
    const auto us = trace_numbers(trace, "  text ", "\"us\"");
    const auto any = trace_numbers(trace, "  text ", "\"any\"");
    ASSERT_GE(icon.size(), 4u) << trace;
    ASSERT_GE(us.size(), 3u) << trace;
    ASSERT_GE(any.size(), 3u) << trace;
    EXPECT_NEAR(icon[2], 10, 0.01);
    EXPECT_NEAR(icon[3], 10, 0.01);
    EXPECT_NEAR(icon[1] + icon[3], us[2], 0.01) << trace;  // text f<n> size x y: y is the baseline
    EXPECT_NEAR(any[2], us[2], 0.01);
    EXPECT_GT(icon[0], us[1]);
    EXPECT_LT(icon[0] + icon[2], any[1]);
}

TEST(ImagesE2E, AnImageUnderAnUnknownConditionGivesOneErrorNotTwo) {
    // if="logo" names no variable: that is the one error; the image it guards is left out, so its
    // {logo} source adds none.
    ScratchBuild b = build("image-unknown-condition", "<image src=\"{logo}\" if=\"logo\" width=\"20mm\" alt=\"Logo\"/>\n<p>Text.</p>\n",
                           layout(""), {});
    EXPECT_EQ(b.status, 1);
    EXPECT_EQ(count(b.err, "error:"), 1u) << b.err;
    EXPECT_NE(b.err.find("unknown variable 'logo' in if"), std::string::npos) << b.err;
}
