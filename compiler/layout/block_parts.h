#pragma once
// Private to layout: what setting a block (block_layout.cpp) and measuring it for a table's
// column widths (measure_blocks.cpp) must agree on, so that a cell is measured as it is set.
#include <string>
#include <vector>

#include "doc/document.h"
#include "layout/paragraph_layout.h"

namespace reportc::layout::block_parts {

std::vector<doc::TextRun> plain_runs(const std::string& text, Span span);
// An article's date line, "date, place" or "place, date", each part in its character style.
std::vector<doc::TextRun> dateline_runs(const doc::Article& a);
// Tables carry their caption above (kept with the table), pictures below; each in its style.
bool caption_above(const doc::Figure& f);
const char* caption_style(const doc::Figure& f);
// An item's hanging label, else its number in a numbered list ("b)"), else the list's marker.
std::string item_marker(const doc::List& list, const doc::ListItem& item, const style::ParagraphStyle& style);
// The paragraph cache's key for a node's part.
ParagraphOptions options_for(doc::NodeId node, ParagraphPart part);

}  // namespace reportc::layout::block_parts
