#pragma once
// Private to inline: turns styled runs into the box/glue/penalty list of Knuth & Plass (1981),
// keeping beside each item what to draw for it.
#include <vector>

#include "base/diagnostic.h"
#include "inline/paragraph_input.h"
#include "linebreak/item.h"
#include "text/font_registry.h"
#include "text/hyphenator.h"

namespace reportc::inl {

enum class ItemRole { Content, Space, Hyphen, Filler };

// What to draw for an item: a Content box's glyph runs, or the "-" of a Hyphen penalty, as a
// range of ItemList::pieces (flat storage: no allocation per item).
struct ItemContent {
    ItemRole role = ItemRole::Content;
    uint32_t piece_begin = 0, piece_end = 0;
};

// Where one word's items and pieces lie in a list built without hyphenation points.
struct WordSpan {
    uint32_t item_begin = 0, item_end = 0, piece_begin = 0, piece_end = 0;
};

struct ItemList {
    std::vector<linebreak::Item> items;
    std::vector<ItemContent> content;  // parallel to items
    std::vector<Fragment> pieces;      // x of a Content piece is relative to its box
    bool hyphenated = false;           // hyphenation points were included
    std::vector<WordSpan> words;       // without hyphenation points: each word's, in order
};

// `plain`: the same paragraph's list built without hyphenation points (hyphenate off), or null.
// Building with hyphenation points, a word the hyphenator gives none is copied from it instead of
// measured again: most words of a paragraph set on the second pass (issue 16).
ItemList build_items(const ParagraphInput& paragraph, const text::FontRegistry& fonts, const text::Hyphenator* hyphenator,
                     Diagnostics& diags, const ItemList* plain = nullptr);

}  // namespace reportc::inl
