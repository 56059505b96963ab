// Fonts reach the writer as bytes the compiler read once: nothing is read from the font's path,
// and libharu's own conventions (subset tags, one embedding per base font) still hold.
#include <regex>

#include "pdf_test_support.h"

namespace reportc::pdf::testing {
namespace {

std::string serif() { return std::string(REPORTC_SOURCE_ROOT) + "/fonts/liberation/LiberationSerif-Regular.ttf"; }

// The pdffonts names of the document's fonts, in object order.
std::vector<std::string> font_names(const std::filesystem::path& pdf, const std::filesystem::path& dir) {
    CommandResult r = run("pdffonts " + quote(pdf), dir);
    EXPECT_EQ(r.status, 0) << r.err;
    std::vector<std::string> names;
    std::regex row(R"(\n(\S+)\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes)");
    for (std::sregex_iterator it(r.out.begin(), r.out.end(), row), end; it != end; ++it) names.push_back((*it)[1]);
    return names;
}

frame::FrameDocument with_fonts(std::vector<frame::FontFile> fonts, const std::vector<std::string>& lines) {
    frame::FrameDocument doc;
    doc.info.creation_epoch = 1600000000;
    doc.fonts = std::move(fonts);
    frame::Page page = a4();
    for (size_t i = 0; i < lines.size(); ++i) page.items.push_back(text(int(i), 12, 72, 100 + 20 * double(i), lines[i]));
    doc.pages.push_back(page);
    return doc;
}

// A font given only as bytes, under a path that exists nowhere, is embedded as a subset with
// a ToUnicode map; qpdf finds nothing wrong and the text extracts.
TEST(pdf_FontBytes, FontGivenOnlyAsBytesIsEmbedded) {
    auto dir = output_dir();
    frame::FontFile font{"/nonexistent/dir/Sans.ttf", "LiberationSans-Regular",
                         std::make_shared<const std::string>(read_file(liberation()))};
    auto pdf = write_pdf_file(with_fonts({font}, {"Bytes held in memory"}), dir);
    CommandResult check = run("qpdf --check " + quote(pdf), dir);
    EXPECT_EQ(check.status, 0) << check.out << check.err;
    EXPECT_EQ(font_names(pdf, dir), std::vector<std::string>{"HPDFAA+LiberationSans"});
    CommandResult text = run("pdftotext " + quote(pdf) + " -", dir);
    EXPECT_EQ(text.out, "Bytes held in memory\n\n\f");
    EXPECT_EQ(text.err, "");
}

// Each embedded font gets the next six-letter subset tag in the order fonts are first used,
// as libharu's file loader numbers them: HPDFAA, HPDFAB, HPDFAC.
TEST(pdf_FontBytes, SubsetTagsCountUpInOrderOfFirstUse) {
    auto dir = output_dir();
    auto doc = with_fonts({font_file(serif(), "LiberationSerif"), font_file(dejavu(), "DejaVuSans"),
                           font_file(liberation(), "LiberationSans-Regular")},
                          {"Serif", "DejaVu", "Sans"});
    EXPECT_EQ(font_names(write_pdf_file(doc, dir), dir), (std::vector<std::string>{"HPDFAA+LiberationSerif", "HPDFAB+DejaVuSans,Book", "HPDFAC+LiberationSans"}));
}

// The same font under two paths is one font definition in libharu (same base font name), so
// it is embedded once and both texts use it.
TEST(pdf_FontBytes, OneFontUnderTwoPathsIsEmbeddedOnce) {
    auto dir = output_dir();
    auto bytes = std::make_shared<const std::string>(read_file(liberation()));
    auto doc = with_fonts({{"/a/Sans.ttf", "LiberationSans-Regular", bytes}, {"/b/Sans.ttf", "LiberationSans-Regular", bytes}},
                          {"First path", "Second path"});
    auto pdf = write_pdf_file(doc, dir);
    EXPECT_EQ(font_names(pdf, dir), std::vector<std::string>{"HPDFAA+LiberationSans"});
    CommandResult text = run("pdftotext " + quote(pdf) + " -", dir);
    EXPECT_EQ(text.out, "First path\nSecond path\n\n\f");
}

// The glyph lookups libharu makes for every document are worked out once per font and process
// (docs/libharu-notes.md §L20): the first document (worked out), the second (kept answers) and a
// third from a fresh copy of the same bytes (worked out again) are the same bytes, and the text
// of the second extracts as written, a character the font lacks still reported.
TEST(pdf_FontBytes, SecondDocumentIsTheSameBytes) {
    auto bytes = std::make_shared<const std::string>(read_file(liberation()));
    auto doc = with_fonts({{"/a/Sans.ttf", "LiberationSans-Regular", bytes}}, {"Nguyễn Văn Ánh, O\u2019Brien ➢"});
    Diagnostics first_diags, second_diags, third_diags;
    auto first = write_pdf(doc, first_diags);
    auto second = write_pdf(doc, second_diags);
    doc.fonts[0].bytes = std::make_shared<const std::string>(*bytes);
    auto third = write_pdf(doc, third_diags);
    ASSERT_TRUE(first && second && third);
    EXPECT_EQ(*first, *second);
    EXPECT_EQ(*first, *third);
    EXPECT_EQ(diagnostics_text(second_diags), diagnostics_text(first_diags));
    EXPECT_NE(diagnostics_text(second_diags).find("has no glyph for U+27A2"), std::string::npos) << diagnostics_text(second_diags);
    auto dir = output_dir();
    write_file(dir / "second.pdf", *second);
    CommandResult text = run("pdftotext " + quote(dir / "second.pdf") + " -", dir);
    EXPECT_EQ(text.out, "Nguyễn Văn Ánh, O\u2019Brien ➢\n\n\f");
}

}  // namespace
}  // namespace reportc::pdf::testing
