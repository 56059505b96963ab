// End to end: a document using every inline styling feature (tests/e2e/inline/), checked in
// its trace, its PDF's text and its rendered page: superscripts and subscripts at the font's
// OS/2 size and offset, underlines joined per line, strike-throughs, highlights behind the
// text, tracked small capitals, and no-break spaces typed, written as <nbsp/> or inserted by
// the layout's no-break-units.
#include <gtest/gtest.h>

#include <sstream>
#include <unistd.h>

#include "run.h"

using namespace reportc::e2e;

namespace {

struct Item {
    std::string kind, text, fill, stroke;
    double size = 0, x = 0, y = 0, line_width = 0, tracking = 0;
};

// The trace's text and shape items: "text fN SIZE X Y #COLOR [tc=T] \"…\"" and
// "shape fill=… stroke=… lw=W M X Y L X Y …" (y is the first point's).
std::vector<Item> items(const std::string& trace) {
    std::vector<Item> out;
    std::istringstream in(trace);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        Item item;
        fields >> item.kind;
        if (item.kind == "text") {
            std::string font, color, next;
            fields >> font >> item.size >> item.x >> item.y >> color >> next;
            if (next.rfind("tc=", 0) == 0) item.tracking = std::stod(next.substr(3));
            item.text = line.substr(line.find('"') + 1);
            item.text.pop_back();
        } else if (item.kind == "shape") {
            std::string fill, stroke, lw, m;
            fields >> fill >> stroke >> lw >> m >> item.x >> item.y;
            item.fill = fill.substr(5);
            item.stroke = stroke.substr(7);
            item.line_width = std::stod(lw.substr(3));
        } else {
            continue;
        }
        out.push_back(item);
    }
    return out;
}

struct Built {
    std::string dir, pdf, trace, err;
    int status = -1;
    std::vector<Item> items;
    const Item& text(const std::string& t, size_t nth = 0) const {
        for (const auto& i : items)
            if (i.kind == "text" && i.text == t && nth-- == 0) return i;
        static const Item none;
        ADD_FAILURE() << "no text item \"" << t << "\"";
        return none;
    }
    size_t index(const std::string& kind, const std::string& what) const {
        for (size_t k = 0; k < items.size(); ++k)
            if (items[k].kind == kind && (items[k].text == what || items[k].fill == what)) return k;
        return items.size();
    }
};

const Built& built() {
    static const Built b = [] {
        Built b;
        b.dir = scratch_dir("inline-styling-" + std::to_string(::getpid()));
        b.pdf = b.dir + "/out.pdf";
        b.trace = b.dir + "/out.trace";
        auto r = run("SOURCE_DATE_EPOCH=0 " + reportc_exe() + " build " + quote(source_root() + "/tests/e2e/inline/inline-styling.xml") +
                     " -o " + quote(b.pdf) + " --trace " + quote(b.trace));
        b.status = r.status;
        b.err = r.err;
        b.items = items(read_file(b.trace));
        return b;
    }();
    return b;
}

const std::string kNbsp = "\u00A0";

}  // namespace

TEST(InlineStylingE2E, BuildsWithoutDiagnostics) {
    const Built& b = built();
    ASSERT_EQ(b.status, 0) << b.err;
    EXPECT_EQ(b.err.find("warning"), std::string::npos) << b.err;
}

TEST(InlineStylingE2E, ScriptsTakeLiberationSansOs2Metrics) {
    // Liberation Sans: scripts at 0.649 em, raised 0.477 em, lowered 0.138 em.
    const Built& b = built();
    const Item& st = b.text("st");
    EXPECT_DOUBLE_EQ(st.size, 6.49);
    EXPECT_NEAR(b.text("rounds,").y - st.y, 4.77, 0.001);
    const Item& two = b.text("2", 1);  // CO₂ (the first "2" is the one of 2nd)
    EXPECT_DOUBLE_EQ(two.size, 6.49);
    EXPECT_NEAR(two.y - b.text("and", 1).y, 1.38, 0.001);
    // The footnote mark is a superscript of its style.
    EXPECT_DOUBLE_EQ(b.text("1", 1).size, 6.49);
    // So is a superscript in a header slot, at the header's 8pt.
    EXPECT_NEAR(b.text("Draft").y - b.text("A").y, 8 * 0.477, 0.001);
}

TEST(InlineStylingE2E, UnderlinesAreJoinedPerLineAndStrikesSitHigher) {
    const Built& b = built();
    std::vector<Item> underlines, strikes;
    for (const auto& i : b.items) {
        if (i.kind != "shape" || i.stroke != "#000000") continue;
        if (i.line_width == 0.73) underlines.push_back(i);  // 'post' thickness: 0.073 em
        if (i.line_width == 0.49) strikes.push_back(i);     // OS/2 strikeout: 0.049 em
    }
    // The long underline on two lines (one shape each, a leading apart) and x² underlined.
    ASSERT_EQ(underlines.size(), 3u);
    EXPECT_NEAR(underlines[1].y - underlines[0].y, 14, 0.001);
    EXPECT_NEAR(underlines[0].x, b.text("an").x, 0.001);
    // struck, struck again: one shape per element, across the space inside "struck again".
    ASSERT_EQ(strikes.size(), 2u);
    EXPECT_NEAR(strikes[1].x, b.text("struck", 1).x, 0.001);
    EXPECT_LT(strikes[1].y, underlines[2].y);
}

TEST(InlineStylingE2E, HighlightsAreDrawnBehindTheirText) {
    const Built& b = built();
    const size_t green = b.index("shape", "#c8f0c8");  // the layout's own highlight
    const size_t pink = b.index("shape", "#ffe0e0");
    ASSERT_LT(green, b.items.size());
    ASSERT_LT(pink, b.items.size());
    EXPECT_LT(green, b.index("text", "highlighted"));
    EXPECT_LT(pink, b.index("text", "withdrawn"));
    EXPECT_NEAR(b.items[green].x, b.text("highlighted").x, 0.001);
}

TEST(InlineStylingE2E, SmallCapitalsAreSynthesizedAndTracked) {
    const Built& b = built();
    EXPECT_DOUBLE_EQ(b.text("N").size, 10);
    EXPECT_DOUBLE_EQ(b.text("ATO").size, 7.686);  // x-height / cap-height of Liberation Sans
    EXPECT_DOUBLE_EQ(b.text("ATO").tracking, 0.4);
    EXPECT_DOUBLE_EQ(b.text("LAF").tracking, 0.4);
}

TEST(InlineStylingE2E, NoBreakSpacesJoinWhatTheyStandBetween) {
    // A justified line has one text item per word: a no-break space keeps its two sides in one.
    const Built& b = built();
    for (const std::string& word : {"10" + kNbsp + "kg,", "20" + kNbsp + "km,", "E" + kNbsp + "=" + kNbsp + "mc",
                                    "12" + kNbsp + "%,", "3.5" + kNbsp + "kg", "40" + kNbsp + "€"})
        EXPECT_GT(b.text(word).size, 0) << word;
    // A plain space, and a number before a word the layout does not list, still break.
    EXPECT_GT(b.text("30").size, 0);
    EXPECT_GT(b.text("apples.").size, 0);
    // The non-breaking hyphen, drawn with Liberation Sans's U+2010.
    EXPECT_GT(b.text("COVID\u201019;").size, 0);
}

TEST(InlineStylingE2E, PdfTextAndRenderedPage) {
    const Built& b = built();
    std::string text = run("pdftotext -q " + quote(b.pdf) + " -").out;
    EXPECT_NE(text.find("a withdrawn amount"), std::string::npos) << text;
    auto r = run(reportc_exe() + " render " + quote(source_root() + "/tests/e2e/inline/inline-styling.xml") + " --png " +
                 quote(b.dir + "/png") + " --page 1");
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_FALSE(read_file(b.dir + "/png/page-001.png").empty());
}
