#pragma once
// The vertical list: what block layout hands to page breaking. Boxes are unbreakable (a line,
// a table row, a rule); glue is discardable space; penalties say where a page may break
// (TeX's page builder model, The TeXbook ch. 15).
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <variant>
#include <vector>

#include "base/length.h"
#include "base/span.h"
#include "frame/frame.h"

namespace reportc::layout {

class RowBand;

constexpr int kNoBreak = 10000;
constexpr int kForceBreak = -10000;

// What made a box, so that a diagnostic about it (a page break it forced) can name it.
enum class BoxKind { Other, ParagraphLine, TableRow, Chart, Diagram };

struct VBox {
    Length height;
    std::vector<frame::Item> items;  // x from the body's left edge, y from the box's top
    std::vector<frame::OutlineEntry> outline;  // headings starting in this box
    std::optional<std::string> section_mark;   // a level-1 title starting here (running header)
    std::string page_master;                   // non-empty: this box must start a page of that master
    Span source;                               // where in the sources the box comes from (none: made up)
    BoxKind kind = BoxKind::Other;

    // Table rows: a band of rows the page builder may split between lines of its cells; the
    // box's items are the band drawn whole.
    std::shared_ptr<const RowBand> band;
    // The header rows (and "continued" line) to set at the top of a page this row continues on.
    std::shared_ptr<const std::vector<VBox>> repeat_header;
};

struct VGlue {
    Length height;  // discarded at the top of a page
};

struct VPenalty {
    int cost = 0;  // >= kNoBreak: no break here; <= kForceBreak: a break must happen here
};

using VItem = std::variant<VBox, VGlue, VPenalty>;

std::ostream& operator<<(std::ostream& os, const VItem& item);

}  // namespace reportc::layout
