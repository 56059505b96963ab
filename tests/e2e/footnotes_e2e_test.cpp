// End to end: footnotes in paragraphs, list items and table cells, set at the foot of the page
// of their mark, numbered by document or by page, continued when long; and the page builder's
// break-penalty.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>
#include <unistd.h>

#include "run.h"

using namespace reportc::e2e;

namespace {

// A small layout of our own: A5 pages, the footnote styles unless `with_note_styles` is false,
// and `settings` (<setting> elements).
std::string layout(const std::string& settings, bool with_note_styles = true) {
    const std::string fonts = source_root() + "/fonts/liberation/LiberationSans-";
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<layout>\n<font-family name=\"Liberation Sans\" regular=\"" + fonts +
                      "Regular.ttf\" bold=\"" + fonts + "Bold.ttf\" italic=\"" + fonts + "Italic.ttf\" bold-italic=\"" + fonts +
                      "BoldItalic.ttf\"/>\n"
                      "<page-master name=\"body\" size=\"A5\" margin-top=\"20mm\" margin-bottom=\"20mm\" margin-left=\"20mm\" "
                      "margin-right=\"20mm\"/>\n"
                      "<paragraph-style name=\"body\" font-family=\"Liberation Sans\" font-size=\"10pt\" leading=\"14pt\" "
                      "space-after=\"6pt\" widows=\"2\" orphans=\"2\"/>\n"
                      "<paragraph-style name=\"heading-1\" based-on=\"body\" font-size=\"14pt\" leading=\"18pt\" keep-with-next=\"true\"/>\n"
                      "<paragraph-style name=\"heading-2\" based-on=\"heading-1\"/>\n"
                      "<paragraph-style name=\"list-item\" based-on=\"body\" indent-left=\"6mm\" first-line-indent=\"-4mm\"/>\n"
                      "<paragraph-style name=\"table-cell\" based-on=\"body\" space-after=\"0\"/>\n"
                      "<paragraph-style name=\"table-header\" based-on=\"table-cell\"/>\n"
                      "<paragraph-style name=\"table-group\" based-on=\"table-cell\"/>\n"
                      "<paragraph-style name=\"table-continued\" based-on=\"table-cell\"/>\n"
                      "<table-style name=\"table\"/>\n";
    if (with_note_styles)
        out += "<paragraph-style name=\"footnote\" based-on=\"body\" font-size=\"8pt\" leading=\"10pt\" space-after=\"0\" "
               "indent-left=\"4mm\" first-line-indent=\"-4mm\"/>\n"
               "<character-style name=\"footnote-mark\" font-size=\"6pt\" baseline-shift=\"3pt\"/>\n";
    return out + settings + "</layout>\n";
}

ScratchBuild build(const std::string& name, const std::string& body, const std::string& layout_text) {
    ScratchBuild b = build_in_scratch(name, body, layout_text);
    return b;
}

// Filler paragraphs: "Para N …" with two lines each.
std::string paragraphs(int from, int to, const std::string& note_every = "") {
    std::string out;
    for (int i = from; i <= to; ++i) {
        out += "<p>Para " + std::to_string(i) + " has words enough to fill two lines of the page body";
        if (!note_every.empty() && i % 3 == 0) out += "<footnote>" + note_every + " " + std::to_string(i) + ".</footnote>";
        out += " and then some more.</p>\n";
    }
    return out;
}

// The trace's items, one per line, with the page each is on.
struct TraceLine {
    int page = 0;
    std::string text;
};
std::vector<TraceLine> trace_lines(const std::string& trace) {
    std::vector<TraceLine> out;
    std::istringstream in(trace);
    std::string line;
    int page = 0;
    while (std::getline(in, line)) {
        if (line.rfind("page ", 0) == 0) ++page;
        else out.push_back({page, line});
    }
    return out;
}

// The page of the first trace line containing `needle` (0: none), and that line's y.
std::pair<int, double> find(const std::vector<TraceLine>& lines, const std::string& needle) {
    for (const auto& l : lines)
        if (l.text.find(needle) != std::string::npos) {
            // "  text f1 10.000 x y #color \"…\"" and "  anchor name x y": y is the fifth field / the fourth.
            std::istringstream fields(l.text);
            std::string kind, a, b, c, d;
            fields >> kind >> a >> b >> c >> d;
            return {l.page, std::stod(kind == "anchor" ? c : d)};
        }
    return {0, 0};
}

}  // namespace

TEST(FootnotesE2E, NoteSitsAtTheFootOfThePageOfItsMarkAndTheMarkLinksToIt) {
    auto b = build("fn-foot", "<section title=\"Notes\">" + paragraphs(1, 20, "Note for para") + "</section>", layout(""));
    ASSERT_EQ(b.status, 0) << b.err;
    auto lines = trace_lines(read_file(b.trace));
    // Para 9's note: on the page of para 9, below every line of body text on that page.
    auto [mark_page, mark_y] = find(lines, "anchor=\"footnote-3\"");
    auto [note_page, note_y] = find(lines, "anchor footnote-3 ");
    ASSERT_GT(mark_page, 0);
    EXPECT_EQ(note_page, mark_page);
    for (const auto& l : lines) {
        if (l.page == note_page && l.text.find("\"Para\"") != std::string::npos) {
            EXPECT_LT(find({l}, "\"Para\"").second, note_y);
        }
    }
    // The mark is a link to the note; the separator rule sits above the notes.
    EXPECT_NE(read_file(b.trace).find("anchor=\"footnote-3\""), std::string::npos);
    bool rule = false;
    for (const auto& l : lines)
        if (l.page == note_page && l.text.find("shape") != std::string::npos) rule = true;
    EXPECT_TRUE(rule);
    // Numbered through the document: the sixth note prints 6.
    std::string text = run("pdftotext -layout -q " + quote(b.pdf) + " -").out;
    EXPECT_TRUE(std::regex_search(text, std::regex("\\b6 +Note for para 18\\."))) << text;
}

TEST(FootnotesE2E, NumberedByPageWhenTheLayoutSaysSo) {
    auto b = build("fn-page", "<section title=\"Notes\">" + paragraphs(1, 30, "Note for para") + "</section>",
                   layout("<setting name=\"footnote-numbering\" value=\"page\"/>\n"));
    ASSERT_EQ(b.status, 0) << b.err;
    auto lines = trace_lines(read_file(b.trace));
    int pages_with_notes = 0;
    for (int page = 1; page <= 6; ++page) {
        std::string text =
            run("pdftotext -layout -q -f " + std::to_string(page) + " -l " + std::to_string(page) + " " + quote(b.pdf) + " -").out;
        std::smatch first;
        if (!std::regex_search(text, first, std::regex("(\\d+) +Note for para"))) continue;
        ++pages_with_notes;
        // The first note of every page is number 1.
        EXPECT_EQ(first[1].str(), "1") << "page " << page << ":\n" << text;
    }
    EXPECT_GE(pages_with_notes, 2);
}

TEST(FootnotesE2E, ALongNoteContinuesOnTheNextPage) {
    std::string long_note;
    for (int i = 0; i < 40; ++i) long_note += "Sentence " + std::to_string(i) + " of a note far too long for one page foot. ";
    long_note += "The very end.";
    auto b = build("fn-long", "<section title=\"Notes\"><p>A mark here<footnote>" + long_note + "</footnote> in a line.</p>" +
                                  paragraphs(1, 30) + "</section>", layout(""));
    ASSERT_EQ(b.status, 0) << b.err;
    auto lines = trace_lines(read_file(b.trace));
    auto [start_page, start_y] = find(lines, "anchor footnote-1 ");
    auto [end_page, end_y] = find(lines, "\"end.\"");
    EXPECT_EQ(start_page, 1);
    EXPECT_GE(end_page, 2);
    // Every sentence is printed once.
    std::string text = run("pdftotext -q " + quote(b.pdf) + " -").out;
    for (int i = 0; i < 40; ++i) EXPECT_NE(text.find("Sentence " + std::to_string(i) + " of"), std::string::npos) << i;
}

TEST(FootnotesE2E, NotesInListItemsAndTableCells) {
    auto b = build("fn-cells",
                   "<section title=\"Notes\"><list><item><p>An item<footnote>The item's note.</footnote>.</p></item></list>"
                   "<table><column width=\"1fr\"/><column width=\"1fr\"/><row><cell>A cell<footnote>The cell's note.</footnote></cell>"
                   "<cell>Other</cell></row></table></section>",
                   layout(""));
    ASSERT_EQ(b.status, 0) << b.err;
    std::string text = run("pdftotext -q " + quote(b.pdf) + " -").out;
    EXPECT_NE(text.find("1 The item's note."), std::string::npos) << text;
    EXPECT_NE(text.find("2 The cell's note."), std::string::npos) << text;
}

TEST(FootnotesE2E, MissingFootnoteStylesAreOneErrorAtTheFirstNote) {
    auto b = build("fn-nostyle", "<section title=\"Notes\"><p>One<footnote>a</footnote> and two<footnote>b</footnote>.</p></section>",
                   layout("", false));
    EXPECT_EQ(b.status, 1);
    EXPECT_EQ(b.err.find("error:"), b.err.rfind("error:")) << b.err;
    EXPECT_NE(b.err.find("report.xml:4:31: error: expected a paragraph style 'footnote' and a character style 'footnote-mark' in "
                         "the layout for footnotes (the notes and their marks are set in them)"),
              std::string::npos)
        << b.err;
}

TEST(FootnotesE2E, ANoteInsideANoteIsAnError) {
    auto b = build("fn-nested", "<section title=\"N\"><p>x<footnote>a<footnote>b</footnote></footnote></p></section>", layout(""));
    EXPECT_EQ(b.status, 1);
    EXPECT_NE(b.err.find("error: unexpected <footnote> in a footnote; a note holds no note of its own"), std::string::npos) << b.err;
}
