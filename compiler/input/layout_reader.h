#pragma once
#include <optional>
#include <string>

#include "base/diagnostic.h"
#include "doc/layout_source.h"
#include "source/environment.h"
#include "source/source_manager.h"

namespace reportc::input {

// Reads a layout file (page masters, fonts, styles). `from` is where the report names it.
std::optional<doc::LayoutSource> read_layout(const std::string& path, const Environment& env, SourceManager& sources,
                                             Diagnostics& diags, Span from);

}  // namespace reportc::input
