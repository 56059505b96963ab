#pragma once
// A word's items copied from the paragraph's list without hyphenation points (item_builder.h):
// when that list's word of the same index is the same text and no hyphenation point was added
// to its breaks, the same input to the same computation gives the same items (tests:
// inline_ItemReuse.*). Private to inline.
#include <string_view>
#include <vector>

#include "inline/item_builder.h"
#include "inline/word_breaks.h"

namespace reportc::inl {

// Appends `plain`'s word `word` to `out` (its pieces' indices shifted) and returns true, when it
// is `text` broken only at `breaks` without hyphenation points; else leaves `out` and returns false.
bool copy_word(const ItemList& plain, size_t word, std::string_view text, const std::vector<WordBreak>& breaks, ItemList& out);

// The extras of the last piece from `from` on that has any; null if none.
std::shared_ptr<const FragmentExtras> last_extras(const ItemList& list, size_t from);

}  // namespace reportc::inl
