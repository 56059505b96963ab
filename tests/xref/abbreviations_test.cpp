#include <gtest/gtest.h>

#include "xref/xref.h"
#include "xref_builders.h"

using namespace reportc;
using namespace reportc::xref_test;

namespace {

doc::Table register_of(std::vector<std::string> terms) {
    doc::Table t;
    t.id = "abbreviations";
    uint32_t line = 100;
    for (const auto& term : terms) {
        doc::TableRow row;
        row.span = Span{3, line, line + 1};
        line += 10;
        doc::TableCell cell;
        cell.blocks.push_back(para({text(term)}));
        row.cells.push_back(cell);
        t.rows.push_back(row);
    }
    return t;
}

xref::Options checking(std::vector<doc::IgnoredWord> ignored = {}) {
    xref::Options options;
    options.abbreviation_table = "abbreviations";
    options.check_abbreviations = true;
    options.abbreviation_ignore = std::move(ignored);
    return options;
}

std::vector<std::string> check(const std::string& sentence, std::vector<std::string> terms, const xref::Options& options) {
    doc::Document d;
    d.blocks.push_back(para({text(sentence, {}, Span{1, 1, 1})}));
    d.blocks.push_back({register_of(std::move(terms))});
    Diagnostics diags;
    xref::resolve(d, options, diags);
    std::vector<std::string> out;
    for (const auto& m : diags.all()) out.push_back(m.message);
    return out;
}

}  // namespace

TEST(xref_Abbreviations, UsedButUndefinedAndDefinedButUnused) {
    // The register defines WCO and CBEC; the text uses WCO, API, PNR and a surname in capitals:
    // without an ignore list the surname reads as an abbreviation too.
    EXPECT_EQ(check("The WCO promotes API and PNR data, says Ms. Pavida BOONMUN.", {"WCO", "CBEC"}, checking()),
              (std::vector<std::string>{
                  "abbreviation 'API' is used 1 time but the register does not define it",
                  "abbreviation 'BOONMUN' is used 1 time but the register does not define it",
                  "abbreviation 'PNR' is used 1 time but the register does not define it",
                  "abbreviation 'CBEC' is defined in the register but never used in the text",
              }));
}

TEST(xref_Abbreviations, IgnoreListedWordIsNotReported) {
    // BOONMUN in the ignore list: not reported. An ignore-list word the text never uses is, at
    // its place in the list.
    auto options = checking({{"BOONMUN", Span{2, 5, 12}}, {"TRAFFIC", Span{2, 13, 20}}});
    doc::Document d;
    d.blocks.push_back(para({text("Ms. Pavida BOONMUN and BOONMUNs spoke.")}));
    d.blocks.push_back({register_of({})});
    Diagnostics diags;
    xref::resolve(d, options, diags);
    ASSERT_EQ(diags.all().size(), 1u);
    EXPECT_EQ(diags.all()[0].message, "'TRAFFIC' is in the abbreviation ignore list but the text never uses it");
    EXPECT_EQ(diags.all()[0].span, (Span{2, 13, 20}));
}

TEST(xref_Abbreviations, RegisterEntryOrAWordOfOneCountsAsAUse) {
    // "RILO" is a word of the entry "RILO A/P"; "DGs" is the plural of the entry "DG"; "A/P" is
    // two one-letter words, never a candidate.
    EXPECT_EQ(check("The RILO and the DGs of A/P met the RILO A/P.", {"RILO A/P", "DG"}, checking()), std::vector<std::string>{});
    // An entry followed by digits is a use of the entry: "FY2020" of "FY".
    EXPECT_EQ(check("In FY2020 and FY 2021.", {"FY"}, checking()), std::vector<std::string>{});
}

TEST(xref_Abbreviations, IgnoredRegisterEntryIsNotReportedAsUnused) {
    // An entry the published register has but the text never uses can be acknowledged.
    EXPECT_EQ(check("The WCO.", {"WCO", "CBEC"}, checking({{"CBEC", Span{2, 1, 5}}})), std::vector<std::string>{});
}

TEST(xref_Abbreviations, RomanNumeralsAreNotAbbreviations) {
    // Pillar II, Annex III, Part IV, XXXIX are numerals; MIX and XL are not (only I, V, X count).
    EXPECT_EQ(check("Pillar II, Annex III, Part IV, XXXIX, MIX and XL.", {}, checking()),
              (std::vector<std::string>{
                  "abbreviation 'MIX' is used 1 time but the register does not define it",
                  "abbreviation 'XL' is used 1 time but the register does not define it",
              }));
    EXPECT_TRUE(xref::is_roman_numeral("VIII"));
    EXPECT_FALSE(xref::is_roman_numeral("IIII"));
    EXPECT_FALSE(xref::is_roman_numeral("XXXX"));
}

TEST(xref_Abbreviations, WhatReadsAsAnAbbreviation) {
    // Two capitals or more, digits allowed, a plural "s"; mixed-case words and single capitals
    // are not candidates.
    EXPECT_TRUE(xref::looks_like_abbreviation("WCO"));
    EXPECT_TRUE(xref::looks_like_abbreviation("DGs"));
    EXPECT_TRUE(xref::looks_like_abbreviation("H1N1"));
    EXPECT_FALSE(xref::looks_like_abbreviation("G20"));
    EXPECT_FALSE(xref::looks_like_abbreviation("CENcomm"));
    EXPECT_FALSE(xref::looks_like_abbreviation("Customs"));
    EXPECT_FALSE(xref::looks_like_abbreviation("A"));
}

TEST(xref_Abbreviations, FindingPointsAtTheWordInItsSource) {
    // With the source text at hand, the warning's span is the word itself, even after collapsed
    // whitespace; without it, the run's start.
    const std::string source = "<p>The WCO\n      and   the API of\n  the API.</p>";
    auto options = checking();
    options.source_text = [&](uint32_t file, uint32_t begin) {
        if (file != 1 || begin >= source.size()) return std::string();
        const std::string tail = source.substr(begin);
        return tail.substr(0, tail.find('<'));
    };
    doc::Document d;
    d.blocks.push_back(para({text("The WCO and the API of the API.", {}, Span{1, 3, 3})}));
    d.blocks.push_back({register_of({"WCO"})});
    Diagnostics diags;
    xref::resolve(d, options, diags);
    ASSERT_EQ(diags.all().size(), 1u);
    EXPECT_EQ(diags.all()[0].message, "abbreviation 'API' is used 2 times but the register does not define it");
    EXPECT_EQ(diags.all()[0].span, (Span{1, uint32_t(source.find("API")), uint32_t(source.find("API") + 3)}));
}
