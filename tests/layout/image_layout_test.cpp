// Image sizes and fits: the file's own size (its resolution, else 96 dpi), one side from the
// other by the aspect ratio, percentages, scaling down to the column, and contain / cover / none.
#include <gtest/gtest.h>

#include "image/image.h"
#include "layout/image_layout.h"

using namespace reportc;

namespace {

doc::Image picture(uint32_t w, uint32_t h, std::optional<double> dpi = std::nullopt) {
    auto decoded = std::make_shared<image::Image>();
    decoded->width = w;
    decoded->height = h;
    if (dpi) decoded->resolution = image::Resolution{*dpi, *dpi};
    doc::Image i;
    i.src = i.path = "p.png";
    i.decoded = decoded;
    return i;
}

std::string box(const doc::Image& i, Length reference = Length::from_pt(400)) {
    Diagnostics diags;
    auto size = layout::image_box(i, reference, diags);
    if (!diags.all().empty()) return diags.all().front().message;
    return size ? to_string(size->width) + " x " + to_string(size->height) : "none";
}

}  // namespace

TEST(layout_Image, NaturalSizeFromTheFileResolutionElse96Dpi) {
    EXPECT_EQ(box(picture(96, 48)), "72.000pt x 36.000pt");
    EXPECT_EQ(box(picture(300, 150, 300.0)), "72.000pt x 36.000pt");
    EXPECT_EQ(box(picture(960, 480)), "400.000pt x 200.000pt");  // 720pt wide: scaled down to the column
}

TEST(layout_Image, OneSideFromTheOtherAndPercentages) {
    auto i = picture(200, 100);
    i.width = "50mm";
    EXPECT_EQ(box(i), "141.732pt x 70.866pt");
    i.width.clear();
    i.height = "10%";
    EXPECT_EQ(box(i), "80.000pt x 40.000pt");
    i.width = "100pt";
    EXPECT_EQ(box(i), "100.000pt x 40.000pt");  // both given: the box as written
    i.width = "wide";
    EXPECT_EQ(box(i), "expected a length such as 40mm or a percentage such as 50% for the image's width, found 'wide'");
}

TEST(layout_Image, FitContainCoverNone) {
    auto i = picture(96, 48);  // 72 x 36 pt
    const Rect target{Length::from_pt(10), Length::from_pt(20), Length::from_pt(100), Length::from_pt(100)};
    i.fit = doc::ImageFit::Contain;
    auto contain = layout::image_item(i, target);
    EXPECT_EQ(contain.rect, (Rect{Length::from_pt(10), Length::from_pt(45), Length::from_pt(100), Length::from_pt(50)}));
    EXPECT_FALSE(contain.clip());
    i.fit = doc::ImageFit::Cover;
    auto cover = layout::image_item(i, target);
    EXPECT_EQ(cover.rect, (Rect{Length::from_pt(-40), Length::from_pt(20), Length::from_pt(200), Length::from_pt(100)}));
    EXPECT_EQ(cover.clip(), target);
    i.fit = doc::ImageFit::None;
    auto none = layout::image_item(i, target);
    EXPECT_EQ(none.rect, (Rect{Length::from_pt(24), Length::from_pt(52), Length::from_pt(72), Length::from_pt(36)}));
    EXPECT_FALSE(none.clip());
    EXPECT_EQ(none.image(), i.decoded);
}

// The clip box sits behind the item's shared part relative to its rectangle, so moving a copy
// (a page master's image on every page, a line moved onto its page) moves its clip alone.
TEST(layout_Image, MovingACoverImageMovesItsClipAndNotItsCopies) {
    auto i = picture(96, 48);
    i.fit = doc::ImageFit::Cover;
    const Rect target{Length::from_pt(10), Length::from_pt(20), Length::from_pt(100), Length::from_pt(100)};
    const frame::ImageItem placed = layout::image_item(i, target);
    frame::Item moved = placed;
    frame::translate(moved, Length::from_pt(5), Length::from_pt(300));
    const auto& m = std::get<frame::ImageItem>(moved);
    EXPECT_EQ(m.clip(), (Rect{Length::from_pt(15), Length::from_pt(320), Length::from_pt(100), Length::from_pt(100)}));
    EXPECT_EQ(m.rect, (Rect{Length::from_pt(-35), Length::from_pt(320), Length::from_pt(200), Length::from_pt(100)}));
    EXPECT_EQ(placed.clip(), target);
    EXPECT_EQ(m.use, placed.use);  // one shared part for both
}
