// The file as a whole: validity, reproducibility, and errors reported as diagnostics.
#include <regex>

#include "pdf_test_support.h"

namespace reportc::pdf::testing {
namespace {

// Writes `doc` expecting failure; returns the error messages, one per line.
std::string expect_failure(const frame::FrameDocument& doc) {
    Diagnostics diags;
    std::optional<std::string> bytes = write_pdf(doc, diags);
    EXPECT_FALSE(bytes.has_value());
    EXPECT_TRUE(diags.has_errors());
    std::string errors;
    for (const Diagnostic& d : diags.all())
        if (d.severity == Severity::Error) errors += d.message + "\n";
    return errors;
}

frame::FrameDocument one_line(std::string s, int font = 0) {
    frame::FrameDocument doc = base_document();
    frame::Page page = a4();
    page.items.push_back(text(font, 12, 72, 100, std::move(s)));
    doc.pages.push_back(page);
    return doc;
}

// qpdf finds no syntax or stream errors in the full two-page document, and every font is
// embedded as a subset.
TEST(pdf_Output, QpdfCheckPassesAndFontsAreEmbeddedSubsets) {
    auto dir = output_dir();
    auto pdf = write_pdf_file(two_page_document(), dir);
    CommandResult check = run("qpdf --check " + quote(pdf), dir);
    EXPECT_EQ(check.status, 0) << check.out << check.err;
    EXPECT_NE(check.out.find("No syntax or stream encoding errors found"), std::string::npos) << check.out;
    EXPECT_EQ(check.err, "");

    CommandResult fonts = run("pdffonts " + quote(pdf), dir);
    ASSERT_EQ(fonts.status, 0) << fonts.err;
    std::regex row(R"(\n(\S+)\s+CID TrueType\s+Identity-H\s+(yes|no)\s+(yes|no)\s+(yes|no))");
    int n = 0;
    for (std::sregex_iterator it(fonts.out.begin(), fonts.out.end(), row), end; it != end; ++it, ++n) {
        EXPECT_EQ((*it)[2], "yes") << "not embedded: " << (*it)[1];
        EXPECT_EQ((*it)[3], "yes") << "not a subset: " << (*it)[1];
        EXPECT_EQ((*it)[4], "yes") << "no ToUnicode: " << (*it)[1];
    }
    EXPECT_EQ(n, 2) << fonts.out;
    CommandResult text = run("pdftotext " + quote(pdf) + " /dev/null", dir);
    EXPECT_EQ(text.err, "");
}

// The same document written twice gives the same bytes: libharu writes no /ID (only PDF/A
// and encryption add one) and the dates come from creation_epoch.
TEST(pdf_Output, TwoWritesAreByteIdentical) {
    auto dir = output_dir();
    Diagnostics diags;
    std::optional<std::string> first = write_pdf(two_page_document(), diags);
    std::optional<std::string> second = write_pdf(two_page_document(), diags);
    ASSERT_TRUE(first && second) << diagnostics_text(diags);
    EXPECT_TRUE(*first == *second) << "sizes " << first->size() << " and " << second->size();
    EXPECT_EQ(first->find("/ID"), std::string::npos);
    EXPECT_EQ(first->compare(0, 8, "%PDF-1.3"), 0);
    write_file(dir / "two-pages.pdf", *first);
    RecordProperty("two_page_pdf_bytes", std::to_string(first->size()));
    std::cout << "[ info     ] two-page document: " << first->size() << " bytes\n";
}

// Errors already in the collector (from other stages) do not make a valid document fail.
TEST(pdf_Output, EarlierErrorsInTheCollectorDoNotFailTheWrite) {
    Diagnostics diags;
    diags.error(Span{}, "an error from another stage");
    EXPECT_TRUE(write_pdf(one_line("fine"), diags).has_value()) << diagnostics_text(diags);
    EXPECT_EQ(diags.error_count(), 1u);
}

// A font whose bytes were never read is refused before libharu sees anything; the next
// document is written normally.
TEST(pdf_Errors, FontWithoutBytes) {
    frame::FrameDocument doc = one_line("Hello");
    doc.fonts[0].path = "/nonexistent/NoSuchFont.ttf";
    doc.fonts[0].bytes = nullptr;
    EXPECT_EQ(expect_failure(doc), "pdf: font 0 \"/nonexistent/NoSuchFont.ttf\" has no bytes: its file was not read\n");
    Diagnostics diags;
    EXPECT_TRUE(write_pdf(one_line("Hello"), diags).has_value()) << diagnostics_text(diags);
}

// Broken font bytes are errors, never crashes: garbage, a truncated file (libharu would return
// NULL without an error) and unitsPerEm = 0 (libharu 2.3.0 would die with SIGFPE). Only the
// bytes are given; the paths exist nowhere.
TEST(pdf_Errors, BrokenFontFiles) {
    const std::string font = read_file(liberation());
    std::string zero_em = font;
    const size_t tables = (uint8_t(font[4]) << 8) | uint8_t(font[5]);
    for (size_t i = 0; i < tables; ++i) {
        const size_t entry = 12 + i * 16;
        if (font.compare(entry, 4, "head") != 0) continue;
        const size_t offset = (uint32_t(uint8_t(font[entry + 8])) << 24) | (uint8_t(font[entry + 9]) << 16) |
                              (uint8_t(font[entry + 10]) << 8) | uint8_t(font[entry + 11]);
        zero_em[offset + 18] = zero_em[offset + 19] = 0;
    }
    const struct {
        std::string path, bytes, problem;
    } cases[] = {
        {"/nonexistent/garbage.ttf", std::string(2000, 'x'), "it is not a TrueType font"},
        {"/nonexistent/truncated.ttf", font.substr(0, 5000), "it is truncated: table '"},
        {"/nonexistent/zero-em.ttf", zero_em, "its unitsPerEm is 0"},
    };
    for (const auto& c : cases) {
        frame::FrameDocument doc = one_line("Hello");
        doc.fonts[0] = {c.path, "Broken", std::make_shared<const std::string>(c.bytes)};
        std::string errors = expect_failure(doc);
        EXPECT_EQ(errors.rfind("pdf: font 0 \"" + c.path + "\" cannot be used: " + c.problem, 0), 0u) << errors;
    }
}

// Invalid UTF-8 never reaches libharu (which would mangle it): every bad string is reported
// with where it is and the byte offset.
TEST(pdf_Errors, InvalidUtf8IsReportedEverywhere) {
    frame::FrameDocument doc = one_line("caf\xC3 au lait");
    doc.info.title = "Bad \xFF title";
    doc.pages[0].items.push_back(anchor("a", 72, 50));
    doc.outline.push_back({"Out\xE2\x80line", 1, "a"});
    EXPECT_EQ(expect_failure(doc),
              "pdf: document title: invalid UTF-8 at byte 4 in \"Bad \\xff title\"\n"
              "pdf: page 1 item 1: text: invalid UTF-8 at byte 3 in \"caf\\xc3 au lait\"\n"
              "pdf: outline entry 1 title: invalid UTF-8 at byte 3 in \"Out\\xe2\\x80line\"\n");
}

// Characters outside the BMP would become spaces in libharu: an error.
TEST(pdf_Errors, CharacterOutsideTheBmp) {
    EXPECT_EQ(expect_failure(one_line("smile 😀")),
              "pdf: page 1 item 1: text: U+1F600 at byte 6 in \"smile 😀\" is outside the Basic Multilingual Plane, "
              "which libharu cannot encode\n");
}

// Links and outline entries to anchors no page defines: one error per reference, each naming
// the anchor.
TEST(pdf_Errors, MissingAnchors) {
    frame::FrameDocument doc = two_page_document();
    doc.pages[0].items.push_back(link(72, 400, 50, 12, "", "no-such-anchor"));
    doc.outline.push_back({"Missing", 1, "also-missing"});
    EXPECT_EQ(expect_failure(doc),
              "pdf: link on page 1 points to anchor \"no-such-anchor\", which no page defines\n"
              "pdf: outline entry 4 \"Missing\" points to anchor \"also-missing\", which no page defines\n");
}

// Structural mistakes in the frames are reported before libharu could choke on them.
TEST(pdf_Errors, MalformedFrames) {
    frame::FrameDocument doc = one_line("x", 7);
    doc.pages[0].items.push_back(shape({line(10, 10), line(20, 20)}, std::nullopt, Color{}));
    doc.pages[0].items.push_back(link(0, 0, 10, 10, ""));
    doc.page_labels.push_back({0, frame::PageLabelStyle::Decimal, 1, "Anhang Ä-"});
    doc.page_labels.push_back({3, frame::PageLabelStyle::Decimal, 0, ""});
    doc.pages.push_back(frame::Page{Size{pt(1), pt(20000)}, {}});
    EXPECT_EQ(expect_failure(doc),
              "pdf: page 1 item 1: text uses font 7 but the document has 2 fonts\n"
              "pdf: page 1 item 2: shape path starts with a line, curve or close instead of a move\n"
              "pdf: page 1 item 3: link has neither a URI nor an anchor\n"
              "pdf: page 2: size 1 x 20000 pt is outside the 3 to 14400 pt libharu supports\n"
              "pdf: page label range 1: prefix \"Anhang Ä-\" is not printable ASCII (libharu writes it as raw bytes)\n"
              "pdf: page label range 2 starts at page index 3 but the document has 2 pages\n"
              "pdf: page label range 2 starts numbering at 0; the PDF minimum is 1\n");
}

// A document without pages is an error, not an empty file.
TEST(pdf_Errors, NoPages) {
    EXPECT_EQ(expect_failure(base_document()), "pdf: the document has no pages\n");
}

}  // namespace
}  // namespace reportc::pdf::testing
