#pragma once
// Scripts reportc cannot set correctly. Its text is set one glyph per character, left to right,
// as the font's cmap maps it (libharu 2.3.0 has no shaping, docs/libharu-notes.md §L1): right to
// left scripts, joining scripts and scripts whose vowels and conjuncts are reordered or stacked
// would print wrongly though the font has every glyph, so such text is refused, not set.
#include <string_view>

namespace reportc::text {

// The script's name ("Thai", "Arabic", …) if `cp` is in a Unicode block of a script that needs
// shaping (bidirectional ordering, joining, reordering or stacking of marks); "" otherwise. By
// block, from the Unicode Standard's block list (Blocks.txt); Latin, Greek, Cyrillic, CJK, kana
// and Hangul syllables need none.
std::string_view script_needing_shaping(char32_t cp);

}  // namespace reportc::text
