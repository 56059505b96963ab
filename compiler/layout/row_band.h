#pragma once
// A band of table rows laid out once and sliced by page breaking: rows are split between lines
// of their cells, never through a line, and a row-spanning cell cut by a break repeats its
// label on the continuation.
#include <memory>
#include <optional>
#include <vector>

#include "base/geometry.h"
#include "frame/frame.h"
#include "layout/vlist.h"
#include "style/stylesheet.h"

namespace reportc::layout {

// One line box of a cell's content; top is relative to the cell's content origin.
struct CellLine {
    Length top, height;
    std::vector<frame::Item> items;  // x absolute (from the body's left), y from the line's top
    std::vector<InsertionMark> inserts;  // footnotes called from the line (y from its top)
    Length bottom() const { return top + height; }
};

// Lines set at the top of a row's first cell on the page the row continues on ("(continued)").
struct ContinuedMark {
    std::vector<CellLine> lines;  // tops from the cell's content origin
    Length height;                // the lines and the space after them
};

struct BandCell {
    Length x, width;
    Length top, height;          // the cell box within the band (rows it spans included)
    Length content_offset;       // padding plus vertical-alignment shift
    std::vector<CellLine> lines;
    std::optional<Color> shade;
    const style::BoxStyle* box = nullptr;  // borders per side (a row's or cell's box style); null: none
    bool open_top = false;                 // the rest of a cell cut by a page break: no top side
    bool spans_rows = false;
    bool first_column = false;   // the row's first cell: it shows the continued mark
    size_t label_lines = 0;      // how many of the first lines form the label repeated on a continuation
    bool change_bar = false;     // a review copy: the bar beside the table, as tall as this cell
};

struct BandStyle {
    Color rule_color;
    Length rule_width;
    bool vertical_rules = false;
    bool horizontal_rules = true;
    bool top_rule = false;       // draw the table's top edge (first band, repeated headers)
    Length padding;                    // inside a cell below its content (and above, unless padding_top)
    std::optional<Length> padding_top;  // inside a cell above its content
    Length top_padding() const { return padding_top.value_or(padding); }
    Length left, width;          // the table's horizontal extent
    Color change_bar_color;      // a review copy's change bar: left of the table by its gap
    Length change_bar_width, change_bar_gap;
};

class RowBand : public Splittable {
public:
    Length height;
    std::vector<BandCell> cells;
    BandStyle style;
    bool continuation = false;  // the rest of a split band: drawn with a top rule
    std::shared_ptr<const ContinuedMark> continued_mark;  // shown by a first cell cut by a break; null: none

    // The largest y (a line bottom of some cell) such that the part above, y plus bottom
    // padding, fits in `room`, and every cell the cut goes through keeps at least `min_lines`
    // lines on each side (a shorter cell stays whole above or below). Each cell is cut at its
    // own last line ending at or above y, never through a line.
    std::optional<Length> cut(Length room, size_t min_lines) const override;
    std::pair<VBox, VBox> split(const VBox& box, Length y) const override;
    bool continues() const override { return continuation; }
    Length part_height(Length y) const { return y + style.padding; }
    // The items of the band drawn whole (limit = height) or of its part above a cut.
    std::vector<frame::Item> render(Length limit) const;
    // The whole band's items, moved out: the band is used up (rows never split keep no band).
    std::vector<frame::Item> take_all();
    // What remains below a cut: each cell's remaining lines moved to the top of the new band;
    // a row-spanning cell whose lines were all drawn repeats its label; a first cell shows the
    // continued mark above them.
    std::shared_ptr<RowBand> rest_after(Length y) const;
    // The footnotes called from the band's cells, by the offset of their lines from its top.
    std::vector<InsertionMark> marks() const;

private:
    bool keeps_lines_together(Length y, size_t min_lines) const;
    template <typename Band>
    static std::vector<frame::Item> draw(Band& band, Length limit);
};

// The band drawn whole as one box; `like` gives the box's other fields.
VBox band_box(const std::shared_ptr<const RowBand>& band, const VBox& like);

}  // namespace reportc::layout
