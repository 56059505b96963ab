#pragma once
// Private to input: <image> elements, in report sources and on page masters.
#include "doc/document.h"
#include "input/xml_file.h"

namespace reportc::input {

// src (required, resolved against the file's folder), width, height, fit, alt. The caller
// checks which attributes the place allows.
doc::Image read_image(const XmlFile& file, pugi::xml_node node, Diagnostics& diags);

}  // namespace reportc::input
