#pragma once
// Private to layout: the mark a table row cut by a page break shows at the top of its first cell
// on the page it continues on, such as "(continued)" (the table style's row-continued-text).
#include <memory>

#include "layout/block_layout.h"
#include "layout/row_band.h"

namespace reportc::layout {

// The mark set in the table style's row-continued-style at env's width (the first column's
// inner width), its items moved right by `x` (the column's content edge); null when the style
// sets no text.
std::shared_ptr<const ContinuedMark> row_continued_mark(const style::TableStyle& style, Span span, const BlockEnv& env, Length x,
                                                        LayoutContext& ctx);

}  // namespace reportc::layout
