#pragma once
// Private to input: a layout's <table-template> element into a doc::TableTemplate (the rows that
// data records become; see docs/data-format.md). Called by the layout reader.
#include "doc/table_template.h"
#include "input/xml_file.h"

namespace reportc::input {

// Reads `node` (a <table-template>); every mistake is a located error in `diags` and the template
// keeps what could be read.
doc::TableTemplate read_table_template(const XmlFile& file, pugi::xml_node node, Diagnostics& diags);

}  // namespace reportc::input
