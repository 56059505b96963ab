#pragma once
// Charts before layout: every chart gets its resolved data (doc::ChartData): the categories and
// values read from its data file or parsed from its inline values, checked, with the layout's
// chart palette. The chart as written is left as it is.
#include <optional>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "doc/document.h"
#include "source/environment.h"
#include "source/source_manager.h"

namespace reportc::data {

// Walks all blocks (sections, articles, figures, list items, table cells) and sets every chart's
// `resolved`. A chart with a data file gets one category per record (the x field) and, for each
// series, the values of its field (an absent or empty field is a gap); none when the file cannot
// be loaded or lacks a named field. Inline categories are kept and inline values (<value>)
// parsed. Errors, each at the
// place the problem is written (the value in the data file or source, the series, the x
// attribute): a value that is not a number, a series without any value, a value count that does
// not match the categories, a negative value or more than one series in a pie or donut, a field
// the data file does not have. Each data file is loaded once.
void resolve_charts(doc::Document& document, const Environment& env, SourceManager& sources, Diagnostics& diags);

// The same, and every chart and diagram gets `palette` (the layout's chart-palette setting,
// parsed by the stylesheet) when it is not empty.
void resolve_charts(doc::Document& document, const std::vector<Color>& palette, const Environment& env,
                    SourceManager& sources, Diagnostics& diags);

// A chart value as written: optional sign, digits with an optional decimal part ("5", "-0.25",
// "6.7"); no units, no thousands separators, no exponent. Locale-independent.
std::optional<double> parse_chart_number(std::string_view text);

}  // namespace reportc::data
