#pragma once
// The layout's character protrusion amounts per font family (<protrusion family>, after the
// microtype package's \SetProtrusion): for some characters, how far they hang into the left and
// right margins, in thousandths of the character's width (unit="character", microtype's default)
// or of the font size (unit="em"). They override the engine's table (inline/protrusion.h) for
// the characters listed; the others keep its amounts.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "doc/layout_source.h"

namespace reportc::style {

struct ProtrusionAmounts {
    int left = 0, right = 0;  // thousandths of the unit
    bool operator==(const ProtrusionAmounts&) const = default;
};

struct ProtrusionTable {
    bool em = false;  // amounts in thousandths of the font size, not of the character's width
    std::map<char32_t, ProtrusionAmounts> chars;
    bool operator==(const ProtrusionTable&) const = default;
};

// By font family name.
using ProtrusionTables = std::map<std::string, ProtrusionTable>;

// Each family once and declared with <font-family>; a character is one character or U+XXXX; an
// amount a whole number from -1000 to 1000 (negative: the character is pulled in, as microtype
// allows). Errors at the attribute; a bad entry is left out.
std::shared_ptr<const ProtrusionTables> read_protrusion(const doc::LayoutSource& layout, Diagnostics& diags);

}  // namespace reportc::style
