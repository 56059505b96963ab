#pragma once
// A paragraph as the line breaker sees it: a list of boxes, glue and penalties, the model of
// Knuth & Plass, "Breaking Paragraphs into Lines", Software—Practice and Experience 11 (1981),
// section "Formulating the problem". The breaker sees numbers only: what a box holds (glyphs,
// an image) is the inline module's business.
#include <ostream>

#include "base/length.h"

namespace reportc::linebreak {

enum class ItemKind { Box, Glue, Penalty };

// K&P: a penalty of +infinity forbids a break, -infinity forces one. Like TeX, any cost at or
// beyond these values counts as infinite.
constexpr int kInfinitePenalty = 10000;

struct Item {
    ItemKind kind = ItemKind::Box;
    Length width;             // box/glue natural width; penalty: width added if the line breaks here (hyphen)
    Length stretch, shrink;   // glue only
    int penalty = 0;          // penalty only
    bool flagged = false;     // penalty only: a hyphen break (flagged in the paper's sense)
    bool hyphenation = false; // penalty only: an automatic hyphenation point; ignored in the first pass
    bool expandable = false;  // box, or a penalty's hyphen: glyphs that font expansion may widen or narrow
    // Penalty only: a break the rules forbid, such as a tie (TeX's "~", inline/ties.h) or after
    // the hyphen of "E-Commerce". Infinite like its penalty, except in the emergency passes,
    // where it costs Params::emergency_tie_penalty.
    bool tie = false;
    // Character protrusion (Hàn Thế Thành, "Micro-typographic extensions to the TeX typesetting
    // system", 2000; pdfTeX's \lpcode and \rpcode): how far a box's first character may hang into
    // the left margin when the box starts a line, and its last character into the right margin
    // when it ends one; a penalty's hang_right is that of the hyphen it adds.
    Length hang_left, hang_right;
};

inline Item box(Length width) { return Item{ItemKind::Box, width, {}, {}, 0, false, false}; }
inline Item glue(Length width, Length stretch, Length shrink) {
    return Item{ItemKind::Glue, width, stretch, shrink, 0, false, false};
}
inline Item penalty(Length width, int cost, bool flagged = false, bool hyphenation = false) {
    return Item{ItemKind::Penalty, width, {}, {}, cost, flagged, hyphenation};
}

// Debug output ("box 10.000pt", "glue 5.000pt +2.000pt -1.000pt", "penalty 50 width 3.000pt
// flagged"), so that failing tests explain themselves. Defined in print.cpp.
std::ostream& operator<<(std::ostream& os, ItemKind kind);
std::ostream& operator<<(std::ostream& os, const Item& item);

}  // namespace reportc::linebreak
