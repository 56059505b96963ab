#pragma once
// Private to the input module: <protrusion family="…" unit="…"> with its <char c left right/>
// entries (docs/layout-format.md, "Character protrusion and font expansion"), read as written;
// style/protrusion.h checks the values.
#include <pugixml.hpp>

#include "base/diagnostic.h"
#include "doc/layout_source.h"
#include "input/xml_file.h"

namespace reportc::input {

doc::ProtrusionDecl read_protrusion(const XmlFile& file, pugi::xml_node node, Diagnostics& diags);

}  // namespace reportc::input
