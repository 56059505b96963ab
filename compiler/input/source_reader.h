#pragma once
#include <optional>
#include <string>

#include "base/diagnostic.h"
#include "doc/document.h"
#include "source/environment.h"
#include "source/source_manager.h"

namespace reportc::input {

// Reads a report source (following <include>s) into a Document. Errors are collected in
// `diags`; the result is nullopt only when the root file cannot be read or parsed at all. An
// included file that cannot be read or parsed is left out and marks the Document `incomplete`.
std::optional<doc::Document> read_report(const std::string& path, const Environment& env, SourceManager& sources,
                                         Diagnostics& diags);

}  // namespace reportc::input
