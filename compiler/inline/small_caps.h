#pragma once
// Synthesized small capitals, for a face without small capitals of its own. Private to inline.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/kerning.h"
#include "text/font_face.h"

namespace reportc::inl {

// Lower-case letters become capitals at the size that brings a capital to the font's x-height
// (clamped to 0.7-0.8 of the size, 0.75 when the font gives no heights), spaced out by 0.04 em
// of the run's size so the smaller letters do not look cramped (the run's capitals too, so the
// word is spaced evenly). A face with the OpenType 'smcp' feature sets them with its own glyphs,
// drawn by glyph code (docs/libharu-notes.md §L21), at the run's size and without tracking, as
// their designer spaced them.
constexpr int kSmallCapsTrackingMilli = 40;
double small_caps_scale(const text::FontFace& face);

// Splits text into stretches of lower-case letters (returned as capitals, small = true) and
// everything else.
std::vector<std::pair<bool, std::string>> small_caps_stretches(std::string_view text);

// Whether `kerning` (text::FontFace::small_caps_kerning of `text`) replaces every lower-case
// letter of `text`, a letter that has a capital (text::upper_case), by a glyph of its own.
bool all_lower_case_replaced(std::string_view text, const Kerning& kerning);

}  // namespace reportc::inl
