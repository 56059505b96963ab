#pragma once
// Private to the text module: the small amount of Unicode case and letter knowledge that
// hyphenation needs. Covers Latin (Basic, Latin-1, Extended-A/B, Extended Additional), Greek
// and Cyrillic, the scripts reports are written in; everything else counts as "not a letter",
// which only means "not hyphenated".
namespace reportc::text::letters {

bool is_mark(char32_t cp);    // combining diacritical marks (U+0300-U+036F)
bool is_letter(char32_t cp);  // letters of the scripts above, and combining marks
// Simple one-to-one lowercase mapping; characters without one map to themselves.
char32_t to_lower(char32_t cp);
inline bool is_upper(char32_t cp) { return to_lower(cp) != cp; }

}  // namespace reportc::text::letters
