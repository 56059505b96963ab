#pragma once
// Text that cannot be set as written, reported before it is set. Private to inline.
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "text/font_registry.h"

namespace reportc::inl {

// Text that would print wrongly is an error, never a box or a blank (a name on a certificate must
// be right or not printed): a script that needs shaping, once per script, then each character no
// font has (`missing`), once. The character and its code are both named, as a blank or a
// look-alike is hard to find in the source.
void report_unsettable(const std::string& text, const std::vector<text::MissingChar>& missing, Span span, Diagnostics& diags);

// The longest word set, in bytes: half of libharu's HPDF_LIMIT_MAX_STRING_LEN.
constexpr size_t kMaxWordBytes = 32767;
// `text` with each word longer than kMaxWordBytes cut to it (at a character boundary), and one
// error per such word: PDF writing takes strings of at most 64 KiB, and no line holds such a
// word anyway (docs/source-format.md, Limits).
std::string without_long_words(const std::string& text, Span span, Diagnostics& diags);

}  // namespace reportc::inl
