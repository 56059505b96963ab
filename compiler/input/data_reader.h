#pragma once
// Reads the XML records format of docs/data-format.md into a doc::Dataset. This header keeps
// pugixml out, so the data module may include it.
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "doc/dataset.h"
#include "source/environment.h"
#include "source/source_manager.h"

namespace reportc::input {

// Reads `path` (a <records> file). `from` is where the file is named (a missing file is reported
// there). Errors are collected in `diags`; the result is nullopt only when the file cannot be read,
// parsed or has another root element.
std::optional<doc::Dataset> read_data_xml(const std::string& path, const Environment& env, SourceManager& sources,
                                          Diagnostics& diags, Span from);

// The whitespace rule of inline text in sources (no leading or trailing space, never two spaces
// across run boundaries, empty runs dropped), for runs put together outside the input module.
void normalize_run_spaces(std::vector<doc::TextRun>& runs);

}  // namespace reportc::input
