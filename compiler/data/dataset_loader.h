#pragma once
// Loads a data file by its extension: .xml (XML records), .csv, or a spreadsheet (.xlsx, .ods)
// with its sheet after a '#' ("plan.xlsx#Actions"; none: the first sheet).
#include <optional>
#include <string>

#include "base/diagnostic.h"
#include "doc/dataset.h"
#include "source/environment.h"
#include "source/source_manager.h"

namespace reportc::data {

// `from` is where the file is named (the data attribute): a missing file or an unknown
// extension is reported there.
std::optional<doc::Dataset> load_dataset(const std::string& path, const Environment& env, SourceManager& sources,
                                         Diagnostics& diags, Span from);

}  // namespace reportc::data
