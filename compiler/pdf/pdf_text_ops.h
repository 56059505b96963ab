#pragma once
// Internal to the pdf module: the two text operators every word costs, Td and Tj, written to a
// page's content stream here rather than through HPDF_Page_MoveTextPos and HPDF_Page_TextOut.
//
// libharu 2.3.0 clears a 512-byte buffer a byte at a time (its HPDF_MemSet) for every Td and
// encodes each string through its UTF-8 encoder a byte at a time: 7.7 % of a one-thread build
// of the annual report, all of it on the drawing thread (docs/libharu-notes.md §L27). These
// write the same bytes, leave libharu the same record of the text position, and mark the same
// glyphs for the font subset (HPDF_Page_TextWidth still measures each string). Where that
// equivalence is not established (a text matrix that scales or turns, a font other than a
// Type0 TrueType one through the UTF-8 encoder, a string libharu would cut short, text outside
// a text object) they call libharu's own function instead.
#include <hpdf.h>

#include <string>

namespace reportc::pdf {

// HPDF_Page_TextOut(page, x, y, text): Td to (x, y) from the start of the current line, then
// the text shown as one string (Tj), unless libharu measures it as zero wide.
HPDF_STATUS text_out(HPDF_Page page, HPDF_REAL x, HPDF_REAL y, const std::string& text);

// The Td that HPDF_Page_TextOut writes before its string: to (x, y) in text space from the start
// of the current line, as HPDF_Page_MoveTextPos(page, x - line x, y - line y) does.
HPDF_STATUS move_text_to(HPDF_Page page, HPDF_REAL x, HPDF_REAL y);

}  // namespace reportc::pdf
