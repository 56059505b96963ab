#pragma once
// Private to input: <qr> elements.
#include "doc/document.h"
#include "input/xml_file.h"

namespace reportc::input {

// data (required), size, level, quiet-zone, color (or colour), align, link, alt; an unknown
// attribute or a malformed level, quiet zone, alignment or link is an error at it. Layout checks
// the size and colour and encodes the data.
doc::Qr read_qr(const XmlFile& file, pugi::xml_node node, Diagnostics& diags);

}  // namespace reportc::input
