// QR codes in block layout: one box of exactly the written size, the dark modules one filled path
// inside it (the quiet zone left light), a link over it for web and mail addresses, alignment,
// the width it asks of a table column, its place in a frame, and the errors at the element.
#include "layout/qr_layout.h"
#include "layout_fixture.h"

using namespace reportc;
using namespace reportc::layout;
using namespace reportc::layout::testing;

namespace {

using Strings = std::vector<std::string>;

doc::Qr qr_code(std::string data, std::string size = "100pt") {
    doc::Qr q;
    q.data = std::move(data);
    q.size = std::move(size);
    q.link = q.data.starts_with("https://");
    return q;
}

// The smallest and largest x and y of every point of the path.
Rect extent(const frame::ShapeItem& s) {
    Length x0 = s.path.at(0).points[0].x, y0 = s.path.at(0).points[0].y, x1 = x0, y1 = y0;
    for (const auto& c : s.path) {
        if (c.kind == frame::PathCommand::Kind::Close) continue;
        x0 = min(x0, c.points[0].x), x1 = max(x1, c.points[0].x);
        y0 = min(y0, c.points[0].y), y1 = max(y1, c.points[0].y);
    }
    return {x0, y0, x1 - x0, y1 - y0};
}

std::string first_message(const Diagnostics& diags) { return diags.all().empty() ? "none" : diags.all().front().message; }

}  // namespace

TEST(layout_Qr, OneFilledPathInABoxOfTheWrittenSize) {
    // "https://www.rocb-ap.org" is version 2 at M: 25 modules and 4 of quiet zone on each side,
    // 33 in all over 100pt, centred in a 200pt column.
    LayoutFixture f;
    auto d = numbered({{qr_code("https://www.rocb-ap.org")}});
    auto out = f.lay_out(d.blocks, measure(pt(200)));
    EXPECT_EQ(first_message(f.diags), "none");
    EXPECT_EQ(shape(out), (Strings{"glue 6.000pt", "box 100.000pt", "penalty 10000", "glue 6.000pt"}));
    const VBox& box = *boxes(out)[0];
    auto shapes = items_of<frame::ShapeItem>(box);
    ASSERT_EQ(shapes.size(), 1u);
    EXPECT_EQ(*shapes[0].fill, (Color{0, 0, 0}));
    EXPECT_FALSE(shapes[0].stroke);
    EXPECT_EQ(shapes[0].path.size() % 5, 0u);  // rectangles: move, three lines, close
    // The finder patterns reach the symbol's corners, 4 modules in from the square's.
    const Length x = pt(50), quiet = Length::ratio(pt(100), 4, 33), far = Length::ratio(pt(100), 29, 33);
    EXPECT_EQ(extent(shapes[0]), (Rect{x + quiet, quiet, far - quiet, far - quiet}));
    auto links = items_of<frame::LinkItem>(box);
    ASSERT_EQ(links.size(), 1u);
    EXPECT_EQ(links[0].rect, (Rect{x, Length{}, pt(100), pt(100)}));
    EXPECT_EQ(links[0].uri(), "https://www.rocb-ap.org");
}

TEST(layout_Qr, SizeInMillimetresIsExactAndTheDefaultIs25mm) {
    LayoutFixture f;
    auto d = numbered({{qr_code("https://example.org/a", "30mm")}, {qr_code("plain text", "")}});
    auto out = f.lay_out(d.blocks, measure(pt(300)));
    ASSERT_EQ(boxes(out).size(), 2u);
    EXPECT_EQ(boxes(out)[0]->height, Length::from_mm(30));
    EXPECT_EQ(boxes(out)[1]->height, Length::from_mm(25));
    EXPECT_TRUE(items_of<frame::LinkItem>(*boxes(out)[1]).empty());  // not a web or mail address
}

TEST(layout_Qr, NoQuietZoneFillsTheSquare) {
    LayoutFixture f;
    auto q = qr_code("https://www.rocb-ap.org");
    q.quiet_zone = 0;
    q.align = "left";
    auto d = numbered({{q}});
    auto out = f.lay_out(d.blocks, measure(pt(200), pt(10)));
    auto shapes = items_of<frame::ShapeItem>(*boxes(out)[0]);
    ASSERT_EQ(shapes.size(), 1u);
    // The finders' outer corners: top left at the square's, the far ones 7 of 25 modules short.
    EXPECT_EQ(extent(shapes[0]), (Rect{pt(10), Length{}, pt(100), pt(100)}));
}

TEST(layout_Qr, AlignedRightWithItsColour) {
    LayoutFixture f;
    auto q = qr_code("https://www.rocb-ap.org");
    q.align = "right";
    q.color = "#1f4e79";
    auto d = numbered({{q}});
    auto out = f.lay_out(d.blocks, measure(pt(200)));
    auto links = items_of<frame::LinkItem>(*boxes(out)[0]);
    ASSERT_EQ(links.size(), 1u);
    EXPECT_EQ(links[0].rect.x, pt(100));
    EXPECT_EQ(*items_of<frame::ShapeItem>(*boxes(out)[0])[0].fill, (Color{0x1f, 0x4e, 0x79}));
}

TEST(layout_Qr, WiderThanTheColumnIsSetAtItsWidthWithAWarning) {
    LayoutFixture f;
    auto d = numbered({{qr_code("https://www.rocb-ap.org", "300pt")}});
    auto out = f.lay_out(d.blocks, measure(pt(200)));
    EXPECT_EQ(boxes(out)[0]->height, pt(200));
    EXPECT_EQ(first_message(f.diags), "QR code of 300.000pt is wider than its column (200.000pt): set at the column's width");
}

TEST(layout_Qr, AsksItsSizeOfATableColumnAndSitsInAFrame) {
    LayoutFixture f("<box-style name=\"panel\" border=\"1pt #000000\" padding=\"5pt\"/>\n");
    auto d = numbered({{qr_code("https://www.rocb-ap.org", "60pt")}});
    EXPECT_EQ(f.measure_of(d.blocks), (std::pair{pt(60), pt(60)}));
    doc::Frame frame;
    frame.style = "panel";
    frame.children.push_back({paragraph("www.rocb-ap.org")});
    frame.children.push_back({qr_code("https://www.rocb-ap.org", "60pt")});
    auto framed = numbered({{frame}});
    auto out = f.lay_out(framed.blocks, measure(pt(200)));
    EXPECT_EQ(first_message(f.diags), "none");
    ASSERT_EQ(boxes(out).size(), 1u);
    // Border and padding, one text line, the larger of the paragraph's space after and the code's
    // space before (the spaces at the frame's top and bottom go), the code: 1 + 5 + 12 + 6 + 60 + 5 + 1.
    EXPECT_EQ(boxes(out)[0]->height, pt(90));
    EXPECT_EQ(items_of<frame::LinkItem>(*boxes(out)[0]).size(), 1u);
}

TEST(layout_Qr, DataItCannotEncodeASizeOrAColourAreErrorsAtTheElement) {
    auto error = [](doc::Qr q) {
        LayoutFixture f;
        q.span = Span{7, 3, 9};
        auto d = numbered({{q}});
        auto out = f.lay_out(d.blocks);
        EXPECT_TRUE(boxes(out).empty());
        EXPECT_EQ(f.diags.all().size(), 1u);
        EXPECT_EQ(f.diags.all().empty() ? Span{} : f.diags.all().front().span, (Span{7, 3, 9}));
        return first_message(f.diags);
    };
    EXPECT_EQ(error(qr_code("", "20mm")), "expected data for the QR code, found an empty data attribute");
    auto long_one = qr_code(std::string(1300, 'x'), "20mm");
    long_one.level = doc::QrLevel::H;
    EXPECT_EQ(error(long_one), "expected data of at most 1273 bytes for a QR code at level H, found 1300 bytes");
    EXPECT_EQ(error(qr_code("x", "big")), "expected a QR code size such as 25mm, found 'big'");
    auto blue = qr_code("x", "20mm");
    blue.color = "blue";
    EXPECT_EQ(error(blue), "expected a colour such as #1f4e79 for the QR code, found 'blue'");
}
