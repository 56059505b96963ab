// <chart> and <diagram> elements (docs/charts.md). Every unknown element or attribute is an error
// at its location; values stay text here and are parsed (and checked) by data::resolve_charts.
#include "input/chart_reader.h"

#include <cstring>
#include <map>
#include <string>
#include <utility>

#include "input/aggregate_reader.h"

namespace reportc::input {
namespace {

// Boxes nest by recursion (here and when the diagram is drawn); a diagram is unreadable long
// before this bound, which only keeps hostile input from overflowing the stack (docs/source-format.md,
// Limits).
constexpr int kMaxBoxDepth = 50;

constexpr const char* kChartTypes[] = {"bar", "hbar", "stacked-bar", "line", "pie", "donut"};

std::string trimmed(std::string_view text) {
    std::string s = collapse_whitespace(text);
    while (!s.empty() && s.back() == ' ') s.pop_back();
    if (!s.empty() && s.front() == ' ') s.erase(0, 1);
    return s;
}

// "a, b ,c" -> {"a","b","c"}; empty entries are dropped (and reported by the caller).
std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= text.size()) {
        size_t comma = text.find(',', start);
        if (comma == std::string::npos) comma = text.size();
        out.push_back(trimmed(std::string_view(text).substr(start, comma - start)));
        start = comma + 1;
    }
    return out;
}

std::optional<bool> read_bool(const XmlFile& file, pugi::xml_node node, const char* name, Diagnostics& diags) {
    auto attr = node.attribute(name);
    if (!attr) return std::nullopt;
    std::string v = attr.value();
    if (v == "true") return true;
    if (v == "false") return false;
    diags.error(file.attribute_span(node, name), std::string("expected ") + name + " 'true' or 'false', found '" + v + "'");
    return std::nullopt;
}

// Reports text directly inside `node` (only elements belong there).
void no_text(const XmlFile& file, pugi::xml_node node, const char* expected, Diagnostics& diags) {
    for (auto child : node.children())
        if ((child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) && !is_blank(child.value()))
            diags.error(file.span(child), "unexpected text in <" + std::string(node.name()) + ">; expected " + expected);
}

class ChartReader {
public:
    ChartReader(const XmlFile& file, Diagnostics& diags) : m_file(file), m_diags(diags) {}

    doc::Chart read(pugi::xml_node node) {
        m_file.check_attributes(node, {"id", "type", "title", "x-label", "y-label", "unit", "note", "width", "height",
                                       "data", "x", "y", "derived",
                                       "where", "group-by", "count", "sum", "sort"},
                                m_diags);
        doc::Chart chart;
        chart.span = m_file.span(node);
        chart.id = node.attribute("id").value();
        chart.type = node.attribute("type").as_string("bar");
        bool known = false;
        for (const char* t : kChartTypes) known = known || chart.type == t;
        if (!known)
            m_diags.error(m_file.attribute_span(node, "type"),
                          "expected chart type bar, hbar, stacked-bar, line, pie or donut, found '" + chart.type + "'");
        chart.title = trimmed(node.attribute("title").value());
        chart.x_label = trimmed(node.attribute("x-label").value());
        chart.y_label = trimmed(node.attribute("y-label").value());
        chart.unit = trimmed(node.attribute("unit").value());
        chart.note = trimmed(node.attribute("note").value());
        chart.width = node.attribute("width").value();
        chart.height = node.attribute("height").value();

        const bool from_data = bool(node.attribute("data"));
        if (from_data) {
            chart.data_path = join_path(m_file.directory(), node.attribute("data").value());
            chart.data_span = m_file.attribute_span(node, "data");
            chart.x_span = m_file.attribute_span(node, "x");
            chart.aggregate = read_aggregate(m_file, node, m_diags);
            if (!node.attribute("x") && !chart.aggregate.group_by.empty()) chart.x_field = chart.aggregate.group_by;  // the groups
            else if (auto x = m_file.required(node, "x", m_diags)) chart.x_field = trimmed(*x);
        } else {
            reject_aggregate(m_file, node, "it works on the records of a data file", m_diags);
            for (const char* attr : {"x", "y", "derived"})
                if (node.attribute(attr))
                    m_diags.error(m_file.attribute_span(node, attr),
                                  std::string("unexpected attribute '") + attr +
                                      "' on a <chart> without 'data'; it names fields of a data file");
        }
        no_text(m_file, node, "<category> or <series>", m_diags);
        for (auto child : node.children()) {
            if (child.type() != pugi::node_element) continue;
            std::string_view name = child.name();
            if (name == "category") {
                if (from_data) {
                    m_diags.error(m_file.span(child), "unexpected <category> in a <chart> with 'data'; the categories come from the field named by 'x'");
                    continue;
                }
                m_file.check_attributes(child, {}, m_diags);
                m_file.expect_text_only(child, m_diags);
                chart.categories.push_back(trimmed(child.text().get()));
            } else if (name == "series") {
                if (from_data) data_series(child, chart);
                else chart.series.push_back(inline_series(child));
            } else {
                m_diags.error(m_file.span(child), "unexpected element <" + std::string(name) + "> in <chart>; expected <category> or <series>");
            }
        }
        if (from_data) data_fields(node, chart);
        return chart;
    }

private:
    doc::ChartSeries inline_series(pugi::xml_node node) {
        m_file.check_attributes(node, {"name", "derived"}, m_diags);
        doc::ChartSeries series;
        series.span = m_file.span(node);
        series.name = trimmed(node.attribute("name").value());
        series.derived = read_bool(m_file, node, "derived", m_diags).value_or(false);
        no_text(m_file, node, "<value>", m_diags);
        for (auto child : node.children()) {
            if (child.type() != pugi::node_element) continue;
            if (std::strcmp(child.name(), "value") != 0) {
                m_diags.error(m_file.span(child), "unexpected element <" + std::string(child.name()) + "> in <series>; expected <value>");
                continue;
            }
            m_file.check_attributes(child, {}, m_diags);
            m_file.expect_text_only(child, m_diags);
            series.raw_values.push_back(trimmed(child.text().get()));
            series.value_spans.push_back(m_file.span(child));
        }
        return series;
    }

    // <series field="visits" name="Visits" derived="true"/> inside a data chart.
    void data_series(pugi::xml_node node, doc::Chart& chart) {
        m_file.check_attributes(node, {"field", "name", "derived"}, m_diags);
        m_file.expect_empty(node, "a data chart's values come from its data file", m_diags);
        auto field = m_file.required(node, "field", m_diags);
        if (!field) return;
        doc::ChartSeries series;
        series.span = m_file.attribute_span(node, "field");
        series.field = trimmed(*field);
        series.name = node.attribute("name") ? trimmed(node.attribute("name").value()) : series.field;
        series.derived = read_bool(m_file, node, "derived", m_diags).value_or(false);
        chart.y_fields.push_back(series.field);
        if (series.derived) chart.derived_fields.push_back(series.field);
        chart.series.push_back(std::move(series));
    }

    void data_fields(pugi::xml_node node, doc::Chart& chart) {
        if (auto y = node.attribute("y")) {
            Span at = m_file.attribute_span(node, "y");
            for (const auto& field : split_list(y.value())) {
                if (field.empty()) {
                    m_diags.error(at, "expected field names separated by commas in 'y', found '" + std::string(y.value()) + "'");
                    continue;
                }
                doc::ChartSeries series;
                series.name = field;
                series.field = field;
                series.span = at;
                chart.y_fields.push_back(field);
                chart.series.push_back(std::move(series));
            }
        }
        if (chart.series.empty() && !node.attribute("y")) {  // an aggregate's count and sums are the values
            auto add = [&](const std::string& field, Span at) {
                chart.series.push_back(doc::ChartSeries{field, false, {}, {}, field, at});
                chart.y_fields.push_back(field);
            };
            if (!chart.aggregate.count.empty()) add(chart.aggregate.count, chart.aggregate.count_span);
            for (const auto& field : chart.aggregate.sums) add(field, chart.aggregate.sum_span);
        }
        if (chart.series.empty())
            m_diags.error(chart.span, "expected the value fields of a data chart in 'y' or in <series field=…> elements, found none");
        if (auto derived = node.attribute("derived")) {
            Span at = m_file.attribute_span(node, "derived");
            for (const auto& field : split_list(derived.value())) {
                bool found = false;
                for (auto& s : chart.series)
                    if (s.field == field) {
                        s.derived = true;
                        found = true;
                    }
                if (!found) {
                    std::string list;
                    for (const auto& s : chart.series) list += (list.empty() ? "" : ", ") + s.field;
                    m_diags.error(at, "expected 'derived' to name value fields of the chart (" + list + "), found '" + field + "'");
                    continue;
                }
                chart.derived_fields.push_back(field);
            }
        }
    }

    const XmlFile& m_file;
    Diagnostics& m_diags;
};

class DiagramReader {
public:
    DiagramReader(const XmlFile& file, Diagnostics& diags) : m_file(file), m_diags(diags) {}

    doc::Diagram read(pugi::xml_node node) {
        m_file.check_attributes(node, {"id", "layout", "title", "width", "height"}, m_diags);
        doc::Diagram diagram;
        diagram.span = m_file.span(node);
        diagram.id = node.attribute("id").value();
        diagram.layout = node.attribute("layout").as_string("row");
        if (diagram.layout != "row" && diagram.layout != "column")
            m_diags.error(m_file.attribute_span(node, "layout"), "expected layout 'row' or 'column', found '" + diagram.layout + "'");
        diagram.title = trimmed(node.attribute("title").value());
        diagram.width = node.attribute("width").value();
        diagram.height = node.attribute("height").value();
        no_text(m_file, node, "<box> or <connector>", m_diags);
        std::vector<pugi::xml_node> connectors;
        for (auto child : node.children()) {
            if (child.type() != pugi::node_element) continue;
            std::string_view name = child.name();
            if (name == "box") diagram.nodes.push_back(box(child));
            else if (name == "connector") connectors.push_back(child);
            else m_diags.error(m_file.span(child), "unexpected element <" + std::string(name) + "> in <diagram>; expected <box> or <connector>");
        }
        if (diagram.nodes.empty()) m_diags.error(diagram.span, "expected at least one <box> in <diagram>, found none");
        for (auto c : connectors) diagram.edges.push_back(connector(c));
        return diagram;
    }

private:
    doc::DiagramNode box(pugi::xml_node node) {
        struct Deeper {
            int& depth;
            explicit Deeper(int& d) : depth(++d) {}
            ~Deeper() { --depth; }
        } deeper(m_depth);
        m_file.check_attributes(node, {"id", "title", "emphasis"}, m_diags);
        doc::DiagramNode box;
        box.span = m_file.span(node);
        box.id = node.attribute("id").value();
        if (!box.id.empty() && !m_ids.emplace(box.id, box.span).second)
            m_diags.error(m_file.attribute_span(node, "id"), "expected a unique box id in the diagram, found '" + box.id + "' a second time");
        box.title = trimmed(node.attribute("title").value());
        box.emphasis = read_bool(m_file, node, "emphasis", m_diags).value_or(false);
        std::string text;
        for (auto child : node.children()) {
            if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
                text += child.value();
                text += ' ';
            } else if (child.type() == pugi::node_element) {
                if (std::strcmp(child.name(), "box") != 0)
                    m_diags.error(m_file.span(child), "unexpected element <" + std::string(child.name()) + "> in <box>; expected text or <box>");
                else if (m_depth < kMaxBoxDepth) box.children.push_back(this->box(child));
                else if (!std::exchange(m_too_deep, true))
                    m_diags.error(m_file.span(child), "expected boxes nested at most " + std::to_string(kMaxBoxDepth) +
                                                          " deep, found <box> at depth " + std::to_string(m_depth + 1));
            }
        }
        box.label = trimmed(text);
        return box;
    }

    doc::DiagramEdge connector(pugi::xml_node node) {
        m_file.check_attributes(node, {"from", "to", "arrow"}, m_diags);
        m_file.expect_empty(node, "", m_diags);
        doc::DiagramEdge edge;
        edge.span = m_file.span(node);
        edge.from = m_file.required(node, "from", m_diags).value_or("");
        edge.to = m_file.required(node, "to", m_diags).value_or("");
        edge.arrow = read_bool(m_file, node, "arrow", m_diags).value_or(true);
        for (const char* end : {"from", "to"}) {
            std::string id = node.attribute(end).value();
            if (node.attribute(end) && !m_ids.count(id))
                m_diags.error(m_file.attribute_span(node, end),
                              "expected the id of a <box> in this diagram for '" + std::string(end) + "', found '" + id + "'");
        }
        if (!edge.from.empty() && edge.from == edge.to)
            m_diags.error(edge.span, "expected a connector between two different boxes, found '" + edge.from + "' at both ends");
        return edge;
    }

    const XmlFile& m_file;
    Diagnostics& m_diags;
    std::map<std::string, Span> m_ids;
    int m_depth = 0;          // boxes open around the one being read
    bool m_too_deep = false;  // the depth limit was reported (once: what is inside is skipped)
};

}  // namespace

doc::Chart read_chart(const XmlFile& file, pugi::xml_node node, Diagnostics& diags) {
    return ChartReader(file, diags).read(node);
}

doc::Diagram read_diagram(const XmlFile& file, pugi::xml_node node, Diagnostics& diags) {
    return DiagramReader(file, diags).read(node);
}

}  // namespace reportc::input
