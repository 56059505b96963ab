#pragma once
// An aggregate of a data file as a data chart or a generated table declares it
// (docs/data-format.md#aggregates): the records are filtered (where), grouped by a field
// (group-by) with each group's record count and sums of fields, and sorted, before the chart or
// the table template reads them. The data module computes it (data::aggregate).
#include <optional>
#include <string>
#include <vector>

#include "base/span.h"

namespace reportc::doc {

// One condition of `where`: a field's text equals (or, with !=, differs from) a value.
struct FieldCondition {
    std::string field;
    bool equals = true;
    std::string value;
};

struct SortKey {
    std::string field;
    bool descending = false;
};

struct Aggregate {
    std::vector<FieldCondition> where;  // all must hold
    std::string group_by;          // empty: the records are kept one by one
    std::string count;             // the field that receives each group's number of records
    std::vector<std::string> sums;  // fields summed over each group (the sum keeps the field's name)
    std::optional<SortKey> sort;
    Span where_span, group_by_span, count_span, sum_span, sort_span;

    bool empty() const { return where.empty() && group_by.empty() && count.empty() && sums.empty() && !sort; }
};

}  // namespace reportc::doc
