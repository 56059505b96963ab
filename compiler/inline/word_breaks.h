#pragma once
// Where a word may break: its hyphenation points (at the paragraph's hyphen penalties, names and
// acronyms costing more), explicit hyphens and dashes, and slashes. Private to inline.
#include <cstddef>
#include <string>
#include <vector>

#include "inline/paragraph_input.h"
#include "text/hyphenator.h"

namespace reportc::inl {

// A break opportunity inside a word, at a byte offset into the word's text. `emergency`: a break
// the rules forbid, tried only when a paragraph cannot be set otherwise (linebreak::Item::tie).
struct WordBreak {
    size_t at;
    int penalty;
    bool flagged;
    bool hyphenation;
    bool emergency = false;
};

// The word's breaks in `out` (cleared first), in order, one per offset. `hyphenator` may be null.
void word_breaks(const std::string& word, const ParagraphInput& paragraph, const text::Hyphenator* hyphenator,
                 std::vector<WordBreak>& out);

}  // namespace reportc::inl
