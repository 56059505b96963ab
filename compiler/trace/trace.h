#pragma once
// A stable, human-readable text dump of a FrameDocument for golden tests: independent of
// libharu, zlib, the locale and machine paths (fonts appear by PostScript name only).
//
//   document pages=2 title="…"
//   info author="…" subject="…" keywords="…" creator="reportc" epoch=1600000000   (epoch=none)
//   font 0 LiberationSans-Regular
//   page 1 595.276x841.890
//     text f0 10.000 72.000 100.000 #000000 "Executive"
//     shape fill=#1f4e79 stroke=none lw=1.000 M 72.000 90.000 L 500.000 90.000 C … Z
//     link 72.000 88.000 100.000 12.000 uri="https://…"      (or anchor="name")
//     anchor executive-summary 72.000 80.000
//   outline 1 "Executive Summary" -> executive-summary
//   label page=0 style=decimal start=1 prefix=""
//   view outlines                                   (only when show_outline is set)
//
// One item per line, in document order. Lengths are in pt with three decimals, rounded half
// away from zero, never "-0.000" (frame coordinates: top-left origin, y down, text y = baseline). Strings are double-quoted with \"
// and \\ escaped (\n, \r, \t and other control characters as \n, \r, \t, \u00XX). Shapes add
// " rule=evenodd" after lw= for the even-odd fill rule. Names (anchors) print bare unless they
// are empty or hold spaces, quotes, backslashes or control characters; then they are quoted.
#include <string>

#include "frame/frame.h"

namespace reportc::trace {

std::string trace(const frame::FrameDocument& doc);

}  // namespace reportc::trace
