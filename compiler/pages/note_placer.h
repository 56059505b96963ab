#pragma once
// Private to pages: where the footnotes of a page go (the page builder's insertions, after
// plain TeX's footnotes: The TeXbook ch. 15).
#include <vector>

#include "pages/paginate.h"

namespace reportc::pages {

// The footnotes of the page being filled.
struct Notes {
    std::vector<NotePiece> on_page;
    std::vector<NotePiece> held;  // to continue on the next page
    Length height;                // the note area with the skip above it; zero without notes
};

// Where footnotes go on a page whose body is `body` tall.
class NotePlacer {
public:
    NotePlacer(const PageRules& rules, Length body) : m_rules(rules), m_body(body), m_max_area(body * rules.note_area_percent / 100) {}

    // Adds `piece`, whose mark ends `total` below the body's top. A note that fits goes whole;
    // one that does not is cut after the last line that fits where the note allows a break,
    // and its rest and every later note wait for the next page (as plain TeX's footnotes do).
    // False when none of it can stay here and `must` is not set: the caller then moves the
    // mark to the next page.
    bool add(Notes& notes, const NotePiece& piece, Length total, bool must) const;
    // The rest of a note from the page before: it comes first, and at least its first lines
    // stay here even when they overfill the area, so that every page makes progress.
    void carry(Notes& notes, const NotePiece& piece) const;

private:
    const PageRules& m_rules;
    Length m_body, m_max_area;
};

}  // namespace reportc::pages
