#pragma once
// Private to the input module: the aggregate attributes (where, group-by, count, sum, sort) of a
// data chart or a generated table (docs/data-format.md#aggregates).
#include "doc/aggregate.h"
#include "input/xml_file.h"

namespace reportc::input {

// Reads the attributes present; malformed ones are reported and left out.
doc::Aggregate read_aggregate(const XmlFile& file, pugi::xml_node node, Diagnostics& diags);

// An error at each aggregate attribute of `node`, an element without `data` (`why` ends it).
void reject_aggregate(const XmlFile& file, pugi::xml_node node, const char* why, Diagnostics& diags);

}  // namespace reportc::input
