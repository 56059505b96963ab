// The vertical list's boxes: small (a box per line of the document is held until its pages
// are made), with the rare fields behind one pointer that a copy duplicates.
#include <gtest/gtest.h>

#include "layout/vlist.h"

using namespace reportc;
using namespace reportc::layout;

TEST(layout_VBox, APlainLineHasNoExtras) {
    VBox line;
    line.height = Length::from_pt(12);
    EXPECT_TRUE(line.inserts().empty());
    EXPECT_FALSE(line.splittable());
    EXPECT_FALSE(line.repeat_header());
    EXPECT_FALSE(line.extras().section_mark);
    line.set_inserts({});  // none: nothing is made
    EXPECT_EQ(&line.extras(), &VBox().extras());
}

TEST(layout_VBox, ACopyHasItsOwnExtras) {
    VBox heading;
    heading.edit_extras().section_mark = "Introduction";
    heading.set_page_master("wide");
    VBox copy = heading;
    copy.edit_extras().section_mark = "Other";
    EXPECT_EQ(*heading.extras().section_mark, "Introduction");
    EXPECT_EQ(*copy.extras().section_mark, "Other");
    EXPECT_EQ(copy.page_master(), "wide");
    copy.drop_extras();
    EXPECT_FALSE(copy.extras().section_mark);
    EXPECT_EQ(*heading.extras().section_mark, "Introduction");
}

TEST(layout_VBox, PageMastersAreNamesInterned) {
    VBox a, b, c;
    a.set_page_master("landscape");
    b.set_page_master("landscape");
    c.set_page_master("cover");
    EXPECT_EQ(&a.page_master(), &b.page_master());
    EXPECT_EQ(c.page_master(), "cover");
    c.set_page_master("");
    EXPECT_TRUE(c.page_master().empty());
    EXPECT_TRUE(VBox().page_master().empty());
}
