#pragma once
// Private to input: <chart> and <diagram> elements of report sources.
#include "doc/chart.h"
#include "input/xml_file.h"

namespace reportc::input {

doc::Chart read_chart(const XmlFile& file, pugi::xml_node node, Diagnostics& diags);
doc::Diagram read_diagram(const XmlFile& file, pugi::xml_node node, Diagnostics& diags);

}  // namespace reportc::input
