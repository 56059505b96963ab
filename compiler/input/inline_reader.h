#pragma once
// Private to input: mixed inline content (text, <b>, <i>, <span>, <a>, <br/>) into TextRuns.
#include <vector>

#include "doc/document.h"
#include "input/xml_file.h"

namespace reportc::input {

std::vector<doc::TextRun> read_inline(const XmlFile& file, pugi::xml_node parent, Diagnostics& diags);
// Styled text only: text, <b>, <i> and <span style> (header and footer slots). Any other
// element is an error naming the element it is in.
std::vector<doc::TextRun> read_styled_text(const XmlFile& file, pugi::xml_node parent, Diagnostics& diags);
bool is_inline_element(std::string_view name);
// Inline elements nest by recursion (report text, data fields, template paragraphs): a generous
// bound keeps hostile input from overflowing the stack (docs/source-format.md, Limits).
constexpr int kMaxInlineDepth = 1000;
// Whether `element`, at `depth` (1 for a child of the paragraph), is within kMaxInlineDepth; if
// not, reports it unless `reported` says the limit was reported already (then sets it).
bool within_inline_depth(const XmlFile& file, pugi::xml_node element, int depth, bool& reported, Diagnostics& diags);
// The character style an emphasis element stands for: <b> strong, <i> emphasis; else nullptr.
// Shared by report text, data fields and template paragraphs.
const char* markup_char_style(std::string_view element);
// The built-in character style an inline styling element of report text stands for (<sup>
// superscript, <sub> subscript, <u> underline, <s> and <strike> strike, <sc> small-caps,
// <mark> highlight; style::kBuiltinCharacterStyles); else nullptr.
const char* decoration_char_style(std::string_view element);
// The whitespace rule read_inline applies to its runs (no leading or trailing space, never two
// spaces across run boundaries, empty runs dropped), for runs gathered elsewhere (data fields).
void normalize_inline_spaces(std::vector<doc::TextRun>& runs);

}  // namespace reportc::input
