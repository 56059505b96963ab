#pragma once
// The highlights, underlines and strike-throughs of a set line, as frame
// shapes. Neighbouring fragments decorated alike (the words of one run and the spaces between
// them) share one shape; a decoration never runs on across a line break, since each line is
// decorated on its own. Paragraphs and the page's header and footer slots draw them alike.
#include <vector>

#include "frame/frame.h"
#include "inline/paragraph_input.h"

namespace reportc::layout {

// Filled rectangles behind the text (draw them before the line's text).
void append_highlights(const inl::Line& line, Length left, Length baseline, std::vector<frame::Item>& out);
// Underlines and strike-throughs in the text's colour (draw them after the line's text).
void append_decoration_lines(const inl::Line& line, Length left, Length baseline, std::vector<frame::Item>& out);

}  // namespace reportc::layout
