// The text trace: exact output for hand-built documents.
#include <gtest/gtest.h>

#include <clocale>
#include <locale>

#include "trace/trace.h"

namespace reportc::trace {
namespace {

Length pt(double v) { return Length::from_pt(v); }

frame::PathCommand cmd(frame::PathCommand::Kind kind, std::initializer_list<Point> points) {
    frame::PathCommand c;
    c.kind = kind;
    size_t i = 0;
    for (Point p : points) c.points[i++] = p;
    return c;
}

frame::FrameDocument small_document() {
    using K = frame::PathCommand::Kind;
    frame::FrameDocument doc;
    doc.info.title = "Annual Report 2020/21";
    doc.info.author = "ROCB A/P";
    doc.info.creation_epoch = 1600000000;
    doc.fonts.push_back({"/some/machine/path/LiberationSans-Regular.ttf", "LiberationSans-Regular"});
    doc.fonts.push_back({"fonts/dejavu/DejaVuSans.ttf", "DejaVuSans"});

    frame::Page one{Size{pt(595.276), pt(841.89)}, {}};
    one.items.push_back(frame::AnchorItem{"executive-summary", Point{pt(72), pt(80)}});
    one.items.push_back(frame::TextItem{.font = 0, .size = pt(10), .x = pt(72), .y = pt(100), .text = "Executive"});
    one.items.push_back(frame::TextItem{.font = 1, .color = Color{0xc0, 0, 0x0a}, .size = pt(9.5), .x = pt(120.25), .y = pt(100), .text = "➢ “quoted” \\ done"});
    frame::ShapeItem bar;
    bar.path = {cmd(K::MoveTo, {{pt(72), pt(90)}}), cmd(K::LineTo, {{pt(500), pt(90)}}),
                cmd(K::CurveTo, {{pt(510), pt(90)}, {pt(520), pt(95)}, {pt(520), pt(100)}}), cmd(K::Close, {})};
    bar.fill = Color{0x1f, 0x4e, 0x79};
    one.items.push_back(bar);
    frame::ShapeItem rule;
    rule.path = {cmd(K::MoveTo, {{pt(72), pt(120)}}), cmd(K::LineTo, {{pt(523.276), pt(120)}})};
    rule.stroke = Color{0, 0, 0};
    rule.line_width = pt(0.5);
    rule.fill_rule = frame::FillRule::EvenOdd;
    one.items.push_back(rule);
    one.items.push_back(frame::LinkItem::to_uri(Rect{pt(72), pt(88), pt(100), pt(12)}, "https://example.org/?a=\"b\""));
    one.items.push_back(frame::LinkItem::to_anchor(Rect{pt(72), pt(130), pt(50), pt(12)}, "annex-ii"));
    doc.pages.push_back(one);

    frame::Page two{Size{pt(595.276), pt(841.89)}, {}};
    two.items.push_back(frame::AnchorItem{"annex-ii", Point{pt(72), pt(-0.0004)}});
    doc.pages.push_back(two);

    doc.outline = {{"Executive Summary", 1, "executive-summary"}, {"Annex II – Work Plan ’x’", 2, "annex-ii"}};
    doc.page_labels = {{0, frame::PageLabelStyle::LowerRoman, 1, ""}, {1, frame::PageLabelStyle::Decimal, 1, "A-"}};
    doc.show_outline = true;
    return doc;
}

const char* kSmallDocumentTrace =
    "document pages=2 title=\"Annual Report 2020/21\"\n"
    "info author=\"ROCB A/P\" subject=\"\" keywords=\"\" creator=\"reportc\" epoch=1600000000\n"
    "font 0 LiberationSans-Regular\n"
    "font 1 DejaVuSans\n"
    "page 1 595.276x841.890\n"
    "  anchor executive-summary 72.000 80.000\n"
    "  text f0 10.000 72.000 100.000 #000000 \"Executive\"\n"
    "  text f1 9.500 120.250 100.000 #c0000a \"➢ “quoted” \\\\ done\"\n"
    "  shape fill=#1f4e79 stroke=none lw=1.000 M 72.000 90.000 L 500.000 90.000 C 510.000 90.000 520.000 95.000 "
    "520.000 100.000 Z\n"
    "  shape fill=none stroke=#000000 lw=0.500 rule=evenodd M 72.000 120.000 L 523.276 120.000\n"
    "  link 72.000 88.000 100.000 12.000 uri=\"https://example.org/?a=\\\"b\\\"\"\n"
    "  link 72.000 130.000 50.000 12.000 anchor=\"annex-ii\"\n"
    "page 2 595.276x841.890\n"
    "  anchor annex-ii 72.000 0.000\n"  // no negative zero
    "outline 1 \"Executive Summary\" -> executive-summary\n"
    "outline 2 \"Annex II – Work Plan ’x’\" -> annex-ii\n"
    "label page=0 style=lower-roman start=1 prefix=\"\"\n"
    "label page=1 style=decimal start=1 prefix=\"A-\"\n"
    "view outlines\n";

// A small two-page document with every item kind traces to exactly the expected text; font
// paths do not appear.
TEST(trace_Format, SmallDocumentExactText) {
    EXPECT_EQ(trace(small_document()), kSmallDocumentTrace);
}

// Numbers round half away from zero to three decimals; negatives keep their sign unless they
// round to zero.
TEST(trace_Format, NumberRounding) {
    frame::FrameDocument doc;
    frame::Page page{Size{pt(100), pt(100)}, {}};
    page.items.push_back(frame::AnchorItem{"a", Point{Length::from_sp(32), Length::from_sp(-32)}});  // ±0.00049 pt
    page.items.push_back(frame::AnchorItem{"b", Point{Length::from_sp(33), Length::from_sp(-33)}});  // ±0.000504 pt
    page.items.push_back(frame::AnchorItem{"c", Point{pt(-12.3456), pt(1234567.0005)}});
    doc.pages.push_back(page);
    const std::string t = trace(doc);
    EXPECT_NE(t.find("  anchor a 0.000 0.000\n"), std::string::npos) << t;
    EXPECT_NE(t.find("  anchor b 0.001 -0.001\n"), std::string::npos) << t;
    EXPECT_NE(t.find("  anchor c -12.346 1234567.001\n"), std::string::npos) << t;
}

// Control characters are escaped so one item stays one line; odd names are quoted.
TEST(trace_Format, EscapesKeepOneItemPerLine) {
    frame::FrameDocument doc;
    doc.info.title = "two\nlines\tand\x01";
    frame::Page page{Size{pt(10), pt(10)}, {}};
    page.items.push_back(frame::AnchorItem{"has space", Point{}});
    page.items.push_back(frame::AnchorItem{"", Point{}});
    page.items.push_back(frame::LinkItem::to_uri(Rect{}, ""));
    doc.pages.push_back(page);
    EXPECT_EQ(trace(doc),
              "document pages=1 title=\"two\\nlines\\tand\\u0001\"\n"
              "info author=\"\" subject=\"\" keywords=\"\" creator=\"reportc\" epoch=none\n"
              "page 1 10.000x10.000\n"
              "  anchor \"has space\" 0.000 0.000\n"
              "  anchor \"\" 0.000 0.000\n"
              "  link 0.000 0.000 0.000 0.000 anchor=\"\"\n");
}

// A global C++ locale with digit grouping and the C locale set to the environment's change
// nothing: the trace formats numbers by hand.
TEST(trace_Format, IndependentOfLocale) {
    struct Grouping : std::numpunct<char> {
        char do_decimal_point() const override { return ','; }
        char do_thousands_sep() const override { return '.'; }
        std::string do_grouping() const override { return "\3"; }
    };
    const std::locale previous = std::locale::global(std::locale(std::locale::classic(), new Grouping));
    std::setlocale(LC_ALL, "");
    const std::string t = trace(small_document());
    std::locale::global(previous);
    std::setlocale(LC_ALL, "C");
    EXPECT_EQ(t, kSmallDocumentTrace);
}

}  // namespace
}  // namespace reportc::trace
