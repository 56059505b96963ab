#pragma once
// Charts and diagrams as written in the sources (pure data; drawn by the chart module).
#include <optional>
#include <string>
#include <vector>

#include "base/geometry.h"
#include "base/span.h"
#include "doc/node_id.h"

namespace reportc::doc {

struct ChartSeries {
    std::string name;
    std::vector<double> values;  // one per category; NaN = no value (a gap; 0 in a stack)
    bool derived = false;        // computed from stated figures, not stated itself: marked in the chart
    // Where each value is written (a <value> or a data field), and inline values as written:
    // data::resolve_charts parses raw_values into values and reports bad ones at value_spans.
    std::vector<Span> value_spans;
    std::vector<std::string> raw_values;
    std::string field;  // a data chart: the data field this series comes from
    Span span;
};

// <chart type="bar|hbar|stacked-bar|line|pie|donut" …>: data inline (<category>, <series>) or
// from a data file (data, x, y attributes), resolved before layout. A data chart's series are
// named by the reader (series[i] reads the field y_fields[i]); data::resolve_charts fills the
// categories and the values (docs/charts.md).
struct Chart {
    std::string id;
    std::string type = "bar";
    std::string title, x_label, y_label, unit, note;
    std::string width, height;  // lengths as written ("" = the column width / a default ratio)
    std::vector<std::string> categories;
    std::vector<ChartSeries> series;
    // From a data file: each record gives a category (x field) and values (y fields).
    std::string data_path, x_field;
    std::vector<std::string> y_fields;
    std::vector<std::string> derived_fields;  // y fields whose values are derived, not stated
    Span data_span;
    Span x_span;  // the x attribute (errors about the category field)
    // Series colours from the layout's chart-palette setting (filled by data::resolve_charts);
    // empty: the chart module's default palette.
    std::vector<Color> palette;
    Span span;
    NodeId node;  // given once by doc::number_nodes
};

// <diagram layout="row|column">: labelled boxes laid out from their text, with connectors.
struct DiagramNode {
    std::string id;
    std::string label;  // the box's text (may be long: it wraps)
    std::string title;  // an optional bold first line
    bool emphasis = false;
    std::vector<DiagramNode> children;  // nested boxes (a row of pillars under a roof, …)
    Span span;
};

struct DiagramEdge {
    std::string from, to;  // node ids
    bool arrow = true;
    Span span;
};

struct Diagram {
    std::string id;
    std::string layout = "row";  // row | column
    std::string title;
    std::string width, height;
    std::vector<DiagramNode> nodes;
    std::vector<DiagramEdge> edges;
    std::vector<Color> palette;  // as Chart::palette; the first colour is the accent of emphasis boxes
    Span span;
    NodeId node;  // given once by doc::number_nodes
};

}  // namespace reportc::doc
