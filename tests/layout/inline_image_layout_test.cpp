// Images in a line of text: sized in em of the run's font or in lengths, drawn on the line's
// baseline where the line puts them, the line taller for them.
#include "image/image.h"
#include "layout/image_layout.h"
#include "layout_fixture.h"

using namespace reportc;
using namespace reportc::layout;
using namespace reportc::layout::testing;

namespace {

std::shared_ptr<doc::Image> icon(std::string width, std::string height) {
    auto decoded = std::make_shared<image::Image>();
    decoded->width = 40;  // 30pt x 15pt at 96 dpi
    decoded->height = 20;
    auto i = std::make_shared<doc::Image>();
    i->src = i->path = "icon.png";
    i->width = std::move(width);
    i->height = std::move(height);
    i->decoded = decoded;
    return i;
}

std::string inline_box(const doc::Image& i) {
    Diagnostics diags;
    auto size = inline_image_box(i, pt(10), diags);
    if (!diags.all().empty()) return diags.all().front().message;
    return size ? to_string(size->width) + " x " + to_string(size->height) : "none";
}

}  // namespace

TEST(layout_InlineImage, SizedInEmOrLengthsOneSideByTheAspectRatio) {
    EXPECT_EQ(inline_box(*icon("", "")), "20.000pt x 10.000pt");  // 1em high
    EXPECT_EQ(inline_box(*icon("", "1.5em")), "30.000pt x 15.000pt");
    EXPECT_EQ(inline_box(*icon("4mm", "")), "11.339pt x 5.669pt");
    EXPECT_EQ(inline_box(*icon("12pt", "1em")), "12.000pt x 10.000pt");
    EXPECT_EQ(inline_box(*icon("", "50%")), "expected a length such as 4pt or 1.2em for the inline image's height, found '50%'");
}

TEST(layout_InlineImage, DrawnOnTheBaselineWhereTheLinePutsItAndTheLineGrows) {
    LayoutFixture f;
    doc::Paragraph p = paragraph("Call ");
    doc::TextRun run;
    run.rare_to_set().image = icon("", "2em");  // 40pt x 20pt
    p.runs.push_back(run);
    p.runs.push_back(text_run(" now"));
    auto d = numbered({{p}});
    auto out = f.lay_out(d.blocks, measure(pt(200)));
    const auto lines = boxes(out);
    ASSERT_EQ(lines.size(), 1u);
    // The line holds the 20pt image above the baseline and the text's descent below it.
    EXPECT_EQ(lines[0]->height, pt(20) + f.descent());
    const Length baseline = (lines[0]->height + pt(20) - f.descent()) / 2;
    const auto images = items_of<frame::ImageItem>(*lines[0]);
    ASSERT_EQ(images.size(), 1u);
    const Length x = f.width("Call") + f.width(" ");
    EXPECT_EQ(images[0].rect, (Rect{x, baseline - pt(20), pt(40), pt(20)}));
    EXPECT_EQ(images[0].image(), p.runs[1].rare().image->decoded);
    const auto words = texts(*lines[0]);
    ASSERT_EQ(words.size(), 2u);
    EXPECT_EQ(words[1].x, x + pt(40) + f.width(" "));
    EXPECT_EQ(words[1].y, baseline);
    EXPECT_TRUE(f.diags.all().empty());
}
