#pragma once
// Sets a paragraph: styled runs -> Knuth-Plass items (boxes, glue, penalties; hyphenation points
// as flagged penalties) -> optimal breaks -> lines of positioned fragments.
#include <memory>

#include "base/diagnostic.h"
#include "inline/paragraph_input.h"
#include "text/font_registry.h"
#include "text/hyphenator.h"

namespace reportc::inl {

// A paragraph's item list, built once and reusable at any measure (tables measure a cell's
// content widths and then set it: the items are the same).
struct ItemList;
using PreparedItems = std::shared_ptr<const ItemList>;

class Typesetter {
public:
    Typesetter(const text::FontRegistry& fonts, const text::Hyphenator* hyphenator, Diagnostics& diags)
        : m_fonts(fonts), m_hyphenator(hyphenator), m_diags(diags) {}

    PreparedItems prepare(const ParagraphInput& paragraph) const;
    // `prepared` (from prepare() with the same runs, alignment and hyphenation) saves rebuilding
    // the items; without it they are built here.
    ParagraphLayout set(const ParagraphInput& paragraph, const PreparedItems& prepared = nullptr) const;
    // The same, set into `into`, whose lines' storage is reused (what was in it is replaced):
    // the paragraph cache sets every paragraph of a pass into one layout.
    void set(const ParagraphInput& paragraph, const PreparedItems& prepared, ParagraphLayout& into) const;
    // Natural width of the widest unbreakable piece and of the whole paragraph on one line:
    // the min/max content widths that automatic table layout needs.
    std::pair<Length, Length> content_widths(const ParagraphInput& paragraph, const PreparedItems& prepared = nullptr) const;

private:
    const text::FontRegistry& m_fonts;
    const text::Hyphenator* m_hyphenator;
    Diagnostics& m_diags;
};

}  // namespace reportc::inl
