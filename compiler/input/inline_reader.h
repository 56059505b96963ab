#pragma once
// Private to input: mixed inline content (text, <b>, <i>, <span>, <a>, <br/>) into TextRuns.
#include <vector>

#include "doc/document.h"
#include "input/xml_file.h"

namespace reportc::input {

std::vector<doc::TextRun> read_inline(const XmlFile& file, pugi::xml_node parent, Diagnostics& diags);
bool is_inline_element(std::string_view name);

}  // namespace reportc::input
