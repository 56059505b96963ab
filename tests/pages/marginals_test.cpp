#include <gtest/gtest.h>

#include "pages/marginals.h"

using reportc::pages::expand_fields;
using reportc::pages::last_page_of_numbering;
using reportc::pages::MarginalFields;

TEST(pages_Marginals, ExpandsFields) {
    // Known fields are replaced; unknown ones and stray braces stay as written.
    MarginalFields f{"Report", "Annex II", 7, 90};
    EXPECT_EQ(expand_fields("{title} – {section}", f), "Report – Annex II");
    EXPECT_EQ(expand_fields("Page {page} of {pages}", f), "Page 7 of 90");
    EXPECT_EQ(expand_fields("{unknown} {page", f), "{unknown} {page");
}

TEST(pages_Marginals, PagesIsTheLastFolioOfThePagesNumberingAndTotalPagesCountsAll) {
    // Two roman pages, then nine arabic: the last page reads "Page 9 of 9", not "of 11".
    MarginalFields f;
    f.page = 11;
    f.total_pages = 11;
    f.page_label = std::string("9");
    f.last_label = std::string("9");
    EXPECT_EQ(expand_fields("Page {page} of {pages}, sheet {total-pages}", f), "Page 9 of 9, sheet 11");
    f.page_label = std::string("i");
    f.last_label = std::string("ii");
    EXPECT_EQ(expand_fields("{page}/{pages}", f), "i/ii");
}

TEST(pages_Marginals, LastPageOfNumberingEndsWhereTheNextRunStarts) {
    std::vector<reportc::frame::PageLabelRange> ranges(3);
    ranges[0].first_page = 0;
    ranges[1].first_page = 2;
    ranges[2].first_page = 5;
    EXPECT_EQ(last_page_of_numbering(ranges, 8, 0), 1u);
    EXPECT_EQ(last_page_of_numbering(ranges, 8, 1), 1u);
    EXPECT_EQ(last_page_of_numbering(ranges, 8, 2), 4u);
    EXPECT_EQ(last_page_of_numbering(ranges, 8, 5), 7u);
    EXPECT_EQ(last_page_of_numbering(ranges, 8, 7), 7u);
}

TEST(pages_Marginals, ExpandsPageLabelDateAndUserVariables) {
    // {page-label} is the folio as {page} is; {date} and user variables come from the table the
    // driver builds; a name in braces is a field, other braces are text.
    const std::map<std::string, std::string> variables = {{"date", "5 December 2026"}, {"edition", "2"}};
    MarginalFields f{"Report", "Annex II", 7, 90};
    f.page_label = "iii";
    f.variables = &variables;
    EXPECT_EQ(expand_fields("{page-label} · {date} · edition {edition}", f), "iii · 5 December 2026 · edition 2");
    EXPECT_EQ(expand_fields("{ page } {1,2} {} {a b}", f), "{ page } {1,2} {} {a b}");
    EXPECT_EQ(reportc::pages::field_names("{page} of {pages}, {edition} { x } {2}"),
              (std::vector<std::string>{"page", "pages", "edition"}));
}
