#pragma once
// The layout's rules for where lines may break inside and between words: the hyphenation
// policy (<hyphenation>'s attributes) and the ties of each language (<ties>), checked once.
// The engine knows no words of any language: the lists come from the layout.
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "doc/layout_source.h"

namespace reportc::style {

// Penalties and demerits as in TeX (The TeXbook, chapter 14), with its defaults where it has
// one; capitalised and all-capital words cost more to hyphenate than TeX charges, so that a
// name or an acronym is broken only when nothing else gives acceptable spacing.
struct HyphenationPolicy {
    int hyphen_penalty = 50;            // \hyphenpenalty: a break at a hyphenation point
    int explicit_hyphen_penalty = 50;   // \exhyphenpenalty: a break after a hyphen the text has
    int capitalized_penalty = 150;      // a hyphenation point in a word that starts with a capital
    int uppercase_penalty = 150;        // … in a word with no lowercase letter ("ASEAN")
    int double_hyphen_demerits = 10000; // \doublehyphendemerits: two hyphenated lines in a row
    int final_hyphen_demerits = 5000;   // \finalhyphendemerits: the second-to-last line hyphenated
    int max_hyphenated_lines = 2;       // hyphenated lines in a row at most (0: no limit)
    // A break the rules forbid (a tie, the hyphen of a one-letter prefix: "E-|Commerce") in the
    // emergency pass, tried only when a paragraph cannot be set otherwise (10000: never).
    int emergency_penalty = 10000;
    auto operator<=>(const HyphenationPolicy&) const = default;
};

// Where a space between two words does not break, for one language (TeX's ties, "~").
struct TieRules {
    std::string lang;
    std::vector<std::string> after;          // the space after one of these ("Mr.", "Dr.")
    std::vector<std::string> before_number;  // the space between one of these and a number ("page 12", "Annex I")
    bool after_number = false;               // the space between a number and a word ("30 June", "37 officials")
    bool operator==(const TieRules&) const = default;
};

HyphenationPolicy read_hyphenation_policy(const std::vector<doc::Property>& properties, Diagnostics& diags);

// Each language once; an empty or repeated lang is an error.
std::vector<std::shared_ptr<const TieRules>> read_ties(const std::vector<doc::TiesDecl>& decls, Diagnostics& diags);

// The rules for `lang` ("en-GB" takes "en-GB", else "en"); null when the layout has none.
std::shared_ptr<const TieRules> ties_for(const std::vector<std::shared_ptr<const TieRules>>& all, const std::string& lang);

}  // namespace reportc::style
