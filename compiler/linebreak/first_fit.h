#pragma once
// First-fit line breaking for ragged text: each line takes as many items as fit its measure and
// breaks only then, at the last legal break that fits, so no line ends early to even out the
// lines after it (what total fit does to ragged text). An automatic hyphenation point is used
// only when no other break fits the line: when a word is wider than the line on its own.
#include <vector>

#include "linebreak/item.h"
#include "linebreak/knuth_plass.h"

namespace reportc::linebreak {

// Lines with ratio 0 (ragged text is set at its natural width); a line that no break makes fit
// ends at the first legal break after its measure and is marked overfull. Pass is First.
Result break_first_fit(const std::vector<Item>& items, const LineWidths& widths);

}  // namespace reportc::linebreak
