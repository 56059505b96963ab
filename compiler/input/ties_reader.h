#pragma once
// Private to the input module: <ties> of a layout, the words around which a space does not break.
#include <pugixml.hpp>

#include "base/diagnostic.h"
#include "doc/layout_source.h"
#include "input/xml_file.h"

namespace reportc::input {

// <ties lang="en" after-number="true"><after>Mr. Dr.</after><before-number>Annex page</before-number></ties>
doc::TiesDecl read_ties(const XmlFile& file, pugi::xml_node node, Diagnostics& diags);

}  // namespace reportc::input
