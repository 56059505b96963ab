#pragma once
// Character protrusion (optical margin alignment): how far a character at the start or end of a
// line hangs into the margin, in thousandths of its own advance width. Private to inline.
#include <vector>

#include "inline/paragraph_input.h"
#include "style/protrusion.h"
#include "text/font_registry.h"

namespace reportc::inl {

struct Protrusion {
    int left = 0, right = 0;  // thousandths of the character's width
};

// The engine's table (docs/layout-format.md, "Character protrusion"), modelled on the default set
// of the microtype package for LaTeX (R. Schlicht), which applies to any text font: full stops,
// commas, hyphens, dashes and quotation marks hang most; letters with open or slanted sides
// (A, T, V, W, Y, v, w, y, …) a little. Characters not in the table do not hang.
Protrusion default_protrusion(char32_t c);

// The amounts of a character set in a face: the layout's table for the face's family where it
// lists the character (<protrusion family>, style/protrusion.h), else the engine's table.
struct FaceProtrusion {
    Protrusion amounts;
    bool em = false;  // thousandths of the font size, not of the character's width
};

class ProtrusionLookup {
public:
    // `tables` may be null (the engine's table alone). A face shared by two families (the same
    // file) takes the table of the first family listed.
    ProtrusionLookup(const style::ProtrusionTables* tables, const text::FontRegistry& fonts);
    FaceProtrusion at(int face, char32_t c) const;
    // How far a fragment's first (or last) character hangs: the table's share of its width.
    Length hang(const Fragment& f, bool first) const;

private:
    const text::FontRegistry& m_fonts;
    // The layout's table of each face by its index (null: none, the engine's table): looked up
    // for every box of a paragraph with protrusion, so a vector, not a map.
    std::vector<const style::ProtrusionTable*> m_faces;
};

}  // namespace reportc::inl
