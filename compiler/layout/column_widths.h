#pragma once
// Column widths in the spirit of CSS automatic table layout (CSS 2.1 §17.5.2.2): every column
// gets at least its minimum content width (the widest unbreakable piece), then the space left
// goes to auto columns up to their maximum content width and to fr columns by their ratio.
#include <ostream>
#include <vector>

#include "base/length.h"

namespace reportc::layout {

struct ColumnRequest {
    enum class Kind { Auto, Fixed, Fraction };
    Kind kind = Kind::Auto;
    Length fixed;       // Fixed
    double fraction = 1;// Fraction
    Length min, max;    // content widths, padding included
};

struct ColumnResult {
    std::vector<Length> widths;
    Length overflow;  // > 0 when even the minimum widths do not fit the available width
};

// A cell spanning several columns: its min/max are spread over them when they need more.
struct SpanRequest {
    size_t first = 0, count = 1;
    Length min, max;
};

ColumnResult resolve_columns(std::vector<ColumnRequest> columns, const std::vector<SpanRequest>& spans, Length available);

std::ostream& operator<<(std::ostream& os, const ColumnRequest& c);

}  // namespace reportc::layout
