#pragma once
// <frame>: blocks in a box drawn as its box style says (border per side, single or double;
// background; padding; rounded corners; a fixed, page or minimum height). A frame without a
// fixed height splits across a page break between lines of its content like a table band:
// the part on the page leaves its bottom open, the rest its top.
#include <memory>
#include <vector>

#include "doc/document.h"
#include "layout/context.h"
#include "layout/row_band.h"
#include "layout/vlist.h"

namespace reportc::layout {

class FrameBand : public Splittable {
public:
    style::BoxStyle style;
    Length left, width;          // the box's horizontal extent, from the body's left
    Length height;               // this piece's height, border included
    std::vector<CellLine> lines; // the content, tops from the content's origin
    // break_after[i]: the content allows a page break after lines[i] (its own keeps, widows and
    // orphans hold inside the frame too).
    std::vector<bool> break_after;
    bool continuation = false;   // the rest of an earlier cut: its top is open

    std::optional<Length> cut(Length room, size_t min_lines) const override;
    std::pair<VBox, VBox> split(const VBox& box, Length at) const override;
    bool continues() const override { return continuation; }

    // From the piece's top to its content's origin, and from the content's end to its bottom.
    Length top_inset() const { return continuation ? style.padding_top : style.top.width + style.padding_top; }
    Length bottom_inset() const { return style.padding_bottom + style.bottom.width; }
    // The piece drawn down to `content_end` (a cut's height in content, or the content's end),
    // `open_bottom` when a cut leaves its bottom open.
    std::vector<frame::Item> render(Length piece_height, Length content_end, bool open_bottom) const;
    // The footnotes called from the content, from the piece's top.
    std::vector<InsertionMark> marks() const;
};

// The frame laid out as one box (splittable unless its height is fixed), with its style's
// space around it.
void layout_frame(const doc::Frame& frame, const BlockEnv& env, LayoutContext& ctx, std::vector<VItem>& out);

// The frame's box style, or an error at the frame and a plain box when the layout lacks it.
const style::BoxStyle& frame_style(const doc::Frame& frame, LayoutContext& ctx);

}  // namespace reportc::layout
