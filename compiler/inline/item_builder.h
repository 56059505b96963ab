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

struct ItemContent {
    ItemRole role = ItemRole::Content;
    std::vector<Fragment> pieces;  // Content: the glyph runs of the box (x relative to the box)
    Fragment hyphen;               // Hyphen: the "-" drawn when the line breaks here
};

struct ItemList {
    std::vector<linebreak::Item> items;
    std::vector<ItemContent> content;  // parallel to items
    Length space_ascent, space_descent;  // of the paragraph's main font, for empty lines
};

ItemList build_items(const ParagraphInput& paragraph, const text::FontRegistry& fonts, const text::Hyphenator* hyphenator,
                     Diagnostics& diags);

}  // namespace reportc::inl
