#include <gtest/gtest.h>

#include "pages/marginals.h"

using reportc::pages::expand_fields;
using reportc::pages::MarginalFields;

TEST(pages_Marginals, ExpandsFields) {
    // Known fields are replaced; unknown ones and stray braces stay as written.
    MarginalFields f{"Report", "Annex II", 7, 90};
    EXPECT_EQ(expand_fields("{title} – {section}", f), "Report – Annex II");
    EXPECT_EQ(expand_fields("Page {page} of {pages}", f), "Page 7 of 90");
    EXPECT_EQ(expand_fields("{unknown} {page", f), "{unknown} {page");
}
