#pragma once
// Character protrusion (optical margin alignment): how far a character at the start or end of a
// line hangs into the margin, in thousandths of its own advance width. Private to inline.
namespace reportc::inl {

struct Protrusion {
    int left = 0, right = 0;  // thousandths of the character's width
};

// The engine's table (docs/layout-format.md, "Character protrusion"), modelled on the default set
// of the microtype package for LaTeX (R. Schlicht), which applies to any text font: full stops,
// commas, hyphens, dashes and quotation marks hang most; letters with open or slanted sides
// (A, T, V, W, Y, v, w, y, …) a little. Characters not in the table do not hang.
Protrusion default_protrusion(char32_t c);

}  // namespace reportc::inl
