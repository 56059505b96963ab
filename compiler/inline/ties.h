#pragma once
// Private to inline: whether the layout's ties (style::TieRules) keep two words on one line.
#include <string_view>

#include "style/typography.h"

namespace reportc::inl {

// True when the space between `before` and `after` (words as written, with their punctuation;
// `after` empty when no word follows) must not break:
// - `before` is one of rules.after ("Mr.", "(Dr."), opening brackets and quotes aside;
// - `before` is one of rules.before_number ("page", "Annex") and `after` is a number or a
//   roman numeral ("12", "4.1", "I", "III."), closing punctuation aside;
// - rules.after_number, `before` is a number ("30", "1,200") and `after` starts with a letter.
// Words compare without regard to the case of ASCII letters.
bool tied(const style::TieRules& rules, std::string_view before, std::string_view after);

}  // namespace reportc::inl
