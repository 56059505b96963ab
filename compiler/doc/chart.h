#pragma once
// Charts and diagrams as written in the sources, and a chart's data as data::resolve_charts
// resolves them (pure data; drawn by the chart module).
#include <optional>
#include <string>
#include <vector>

#include "base/geometry.h"
#include "base/span.h"
#include "doc/aggregate.h"
#include "doc/boxed.h"
#include "doc/node_id.h"

namespace reportc::doc {

// A series as written: inline values as their texts, or (a data chart) the field it reads.
// Nothing here is a number: data::resolve_charts parses the values into a ChartData.
struct ChartSeries {
    std::string name;
    bool derived = false;  // computed from stated figures, not stated itself: marked in the chart
    // Inline values as written (a <value> each, "" = no value) and where each is written;
    // data::resolve_charts reports bad ones there.
    std::vector<Span> value_spans;
    std::vector<std::string> raw_values;
    std::string field;  // a data chart: the data field this series comes from
    Span span;
};

// A series as data::resolve_charts resolved it: one number per category.
struct ChartDataSeries {
    std::string name;
    std::vector<double> values;  // one per category; NaN = no value (a gap; 0 in a stack)
    bool derived = false;
};

// What data::resolve_charts made of a chart: the categories and values to draw (from the data
// file, or parsed from the inline values) and the colours. Only resolve_charts sets it, so
// whether a chart's data were resolved is stated by the type, not by the stage it is looked at;
// the chart module draws from this alone.
struct ChartData {
    std::vector<std::string> categories;
    std::vector<ChartDataSeries> series;
    // Series colours from the layout's chart-palette setting; empty: the chart module's
    // default palette.
    std::vector<Color> palette;
};

// <chart type="bar|hbar|stacked-bar|line|pie|donut" …>: data inline (<category>, <series>) or
// from a data file (data, x, y attributes). A data chart's series are named by the reader
// (series[i] reads the field y_fields[i]); data::resolve_charts reads the categories and values
// into `resolved` before layout (docs/charts.md).
struct Chart {
    std::string id;
    std::string type = "bar";
    std::string title, x_label, y_label, unit, note;
    std::string width, height;  // lengths as written ("" = the column width / a default ratio)
    // As written: inline categories, and the series (inline values or data fields).
    std::vector<std::string> categories;
    std::vector<ChartSeries> series;
    // From a data file: each record gives a category (x field) and values (y fields).
    std::string data_path, x_field;
    std::vector<std::string> y_fields;
    std::vector<std::string> derived_fields;  // y fields whose values are derived, not stated
    Span data_span;
    Span x_span;  // the x attribute (errors about the category field)
    Aggregate aggregate;  // where, group-by, count, sum, sort: applied to the records first
    Boxed<ChartData> resolved;  // set by data::resolve_charts
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
