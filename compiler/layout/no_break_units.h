#pragma once
// Private to layout: the layout's no-break-units setting applied to text. A space between a
// number and one of the units ("12 %", "3.5 kg") becomes a no-break space (U+00A0), so the
// two never stand on different lines.
#include <string>
#include <vector>

namespace reportc::layout {

// `text` with the space after a digit and before a unit replaced. The unit must be followed by
// the end of the text or by a character that is neither a letter nor a digit ("12 kg," binds,
// "12 kgs" does not). Spaces across two runs are not seen.
std::string bind_units(const std::string& text, const std::vector<std::string>& units);

}  // namespace reportc::layout
