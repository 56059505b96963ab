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

struct ItemList {
    std::vector<linebreak::Item> items;
    std::vector<ItemContent> content;  // parallel to items
    std::vector<Fragment> pieces;      // x of a Content piece is relative to its box
    bool hyphenated = false;           // hyphenation points were included
};

ItemList build_items(const ParagraphInput& paragraph, const text::FontRegistry& fonts, const text::Hyphenator* hyphenator,
                     Diagnostics& diags);

}  // namespace reportc::inl
