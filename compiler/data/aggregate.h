#pragma once
// A data file's records as a chart or table's aggregate makes them (docs/data-format.md#aggregates):
// filtered by `where`, grouped by `group-by` into one record per group (its value, the count of
// its records, the sums of fields), and sorted.
#include <optional>
#include <string>

#include "base/diagnostic.h"
#include "doc/aggregate.h"
#include "doc/dataset.h"

namespace reportc::data {

// nullopt when the aggregate names a field the file does not have or a sum meets a value that is
// not a number (each reported). `shown_path` names the file in messages.
std::optional<doc::Dataset> aggregate(const doc::Dataset& data, const doc::Aggregate& aggregate, const std::string& shown_path,
                                      Diagnostics& diags);

}  // namespace reportc::data
