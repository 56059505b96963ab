#include "data/chart_data.h"

#include "doc/walk.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>

#include "data/aggregate.h"
#include "data/dataset_loader.h"

namespace reportc::data {
namespace {

constexpr double kGap = std::numeric_limits<double>::quiet_NaN();
// Placing value labels compares every label with every other: a chart of 100,000 points took
// most of a minute. Far more categories than a page can show (docs/source-format.md, Limits).
constexpr size_t kMaxChartCategories = 10000;

bool is_pie(const doc::Chart& chart) { return chart.type == "pie" || chart.type == "donut"; }

std::string field_text(const doc::FieldValue& value) {
    std::string text;
    for (const auto& item : value.items) text += doc::plain_text(item);
    return text;
}

// Field names of a data file in the order they first appear in it (record fields, then group
// fields for names no record has).
std::vector<std::string> field_names(const doc::Dataset& data) {
    std::map<std::string, Span> first;
    auto note = [&](const std::string& name, Span at) {
        auto [it, inserted] = first.emplace(name, at);
        if (!inserted && at.file == it->second.file && at.begin < it->second.begin) it->second = at;
    };
    for (const auto& group : data.groups) {
        for (const auto& [name, value] : group.fields) note(name, value.span);
        for (const auto& record : group.records)
            for (const auto& [name, value] : record.fields) note(name, value.span);
    }
    std::vector<std::pair<Span, std::string>> ordered;
    for (const auto& [name, at] : first) ordered.emplace_back(at, name);
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.first.begin < b.first.begin; });
    std::vector<std::string> names;
    for (const auto& [at, name] : ordered) names.push_back(name);
    return names;
}

// One series while its values are read: the numbers, and each value's text and place (in the
// source or the data file) for the checks that follow.
struct ReadSeries {
    const doc::ChartSeries* written = nullptr;
    std::vector<double> values;
    std::vector<Span> spans;
    std::vector<std::string> texts;
    bool unparsable = false;  // some value is not a number (reported)
};

class ChartResolver
    : public doc::PassOver<
    doc::Section, doc::Article, doc::Paragraph, doc::List, doc::ListItem, doc::Table,
    doc::TableRow, doc::TableCell, doc::Figure, doc::Division, doc::Frame, doc::Rule, doc::Signature, doc::PageBreak,
    doc::Contents, doc::Footnote, doc::Image,
    doc::Qr> {
public:
    using PassOver::enter;
    ChartResolver(const Environment& env, SourceManager& sources, Diagnostics& diags, std::vector<Color> palette)
        : m_env(env), m_sources(sources), m_diags(diags), m_palette(std::move(palette)) {}

    void walk(std::vector<doc::Block>& blocks) { doc::walk(blocks, *this); }

    // The walk's visitor: charts get their resolved data, charts and diagrams the layout's palette.
    void enter(doc::Diagram& d) {
        if (!m_palette.empty()) d.palette = m_palette;
    }
    void enter(doc::Chart& chart) {
        doc::ChartData data;
        data.palette = m_palette;
        std::vector<ReadSeries> series = chart.data_path.empty() ? from_inline(chart, data) : from_data(chart, data);
        if (data.categories.size() > kMaxChartCategories) {
            m_diags.error(chart.data_path.empty() ? chart.span : chart.data_span,
                          "expected at most " + std::to_string(kMaxChartCategories) + " categories in a chart, found " +
                              std::to_string(data.categories.size()));
            data.categories.resize(kMaxChartCategories);  // reported: what is drawn stays bounded
            for (auto& s : series) s.values.resize(std::min(s.values.size(), kMaxChartCategories));
        }
        check(chart, series);
        for (auto& s : series) data.series.push_back({s.written->name, std::move(s.values), s.written->derived});
        chart.resolved = std::move(data);
    }

private:
    // The data path as the source wrote it (relative to the source file's folder).
    std::string shown_path(const doc::Chart& chart) const {
        if (const SourceFile* file = m_sources.file(chart.data_span.file)) {
            std::string dir = parent_directory(file->path());
            if (!dir.empty() && chart.data_path.size() > dir.size() + 1 && chart.data_path.compare(0, dir.size(), dir) == 0 &&
                chart.data_path[dir.size()] == '/')
                return chart.data_path.substr(dir.size() + 1);
        }
        return chart.data_path;
    }

    // A data chart: no series when the file cannot be loaded or lacks a named field (reported;
    // nothing to draw).
    std::vector<ReadSeries> from_data(const doc::Chart& chart, doc::ChartData& out) {
        auto it = m_datasets.find(chart.data_path);
        if (it == m_datasets.end())
            it = m_datasets.emplace(chart.data_path, load_dataset(chart.data_path, m_env, m_sources, m_diags, chart.data_span)).first;
        if (!it->second) return {};  // the load error is reported
        const std::string path = shown_path(chart);
        std::optional<doc::Dataset> aggregated;
        if (!chart.aggregate.empty()) {
            aggregated = aggregate(*it->second, chart.aggregate, path, m_diags);
            if (!aggregated) return {};  // reported
        }
        const doc::Dataset& data = aggregated ? *aggregated : *it->second;
        const std::vector<std::string> names = field_names(data);
        auto exists = [&](const std::string& name) { return std::find(names.begin(), names.end(), name) != names.end(); };
        auto missing = [&](const std::string& name, Span at) {
            std::string list;
            for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
            m_diags.error(at, "expected a field named '" + name + "' in " + path + ", found fields: " + (list.empty() ? "none" : list));
        };
        bool ok = true;
        if (!chart.x_field.empty() && !exists(chart.x_field)) {
            missing(chart.x_field, chart.x_span.valid() ? chart.x_span : chart.span);
            ok = false;
        }
        for (const auto& s : chart.series)
            if (!exists(s.field)) {
                missing(s.field, s.span);
                ok = false;
            }
        if (!ok || chart.x_field.empty()) return {};
        std::vector<ReadSeries> series;
        for (const auto& s : chart.series) series.push_back({&s, {}, {}, {}, false});
        for (const auto& group : data.groups) {
            for (const auto& record : group.records) {
                auto lookup = [&](const std::string& name) -> const doc::FieldValue* {
                    if (auto f = record.fields.find(name); f != record.fields.end()) return &f->second;
                    if (auto f = group.fields.find(name); f != group.fields.end()) return &f->second;
                    return nullptr;
                };
                const doc::FieldValue* x = lookup(chart.x_field);
                if (!x) {
                    m_diags.error(record.span, "expected the field '" + chart.x_field + "' (the chart's categories) in every record of " +
                                                   path + ", found a record without it");
                    continue;
                }
                out.categories.push_back(field_text(*x));
                for (auto& s : series) {
                    const doc::FieldValue* v = lookup(s.written->field);
                    std::string text = v ? field_text(*v) : "";
                    Span at = v ? v->span : record.span;
                    s.spans.push_back(at);
                    s.texts.push_back(text);
                    if (text.empty()) {
                        s.values.push_back(kGap);
                        continue;
                    }
                    auto number = parse_chart_number(text);
                    if (!number) {
                        m_diags.error(at, "expected a number in field '" + s.written->field + "', found '" + text + "'");
                        s.unparsable = true;
                    }
                    s.values.push_back(number.value_or(kGap));
                }
            }
        }
        return series;
    }

    std::vector<ReadSeries> from_inline(const doc::Chart& chart, doc::ChartData& out) {
        if (chart.categories.empty() && !chart.series.empty())
            m_diags.error(chart.span, "expected <category> elements naming the chart's categories, found none");
        out.categories = chart.categories;
        std::vector<ReadSeries> series;
        for (const auto& written : chart.series) {
            ReadSeries s{&written, {}, written.value_spans, written.raw_values, false};
            for (size_t i = 0; i < written.raw_values.size(); ++i) {
                const std::string& text = written.raw_values[i];
                Span at = i < written.value_spans.size() ? written.value_spans[i] : written.span;
                if (text.empty()) {
                    s.values.push_back(kGap);
                    continue;
                }
                auto number = parse_chart_number(text);
                if (!number) {
                    m_diags.error(at, "expected a number in <value>, found '" + text + "'");
                    s.unparsable = true;
                }
                s.values.push_back(number.value_or(kGap));
            }
            if (!s.values.empty() && !chart.categories.empty() && s.values.size() != chart.categories.size())
                m_diags.error(written.span, "expected " + std::to_string(chart.categories.size()) + " values in series '" + written.name +
                                                "' (one per category), found " + std::to_string(s.values.size()));
            series.push_back(std::move(s));
        }
        if (chart.series.empty()) m_diags.error(chart.span, "expected at least one <series> in <chart>, found none");
        return series;
    }

    void check(const doc::Chart& chart, const std::vector<ReadSeries>& series) {
        const bool data = !chart.data_path.empty();
        for (const auto& s : series) {
            bool any = std::any_of(s.values.begin(), s.values.end(), [](double v) { return !std::isnan(v); });
            if (any || s.unparsable) continue;  // a series of only unparsable values is reported already
            if (data)
                m_diags.error(s.written->span, "expected at least one value in field '" + s.written->field + "' of " + shown_path(chart) +
                                                   ", found none");
            else m_diags.error(s.written->span, "expected at least one value in series '" + s.written->name + "', found none");
        }
        if (!is_pie(chart)) return;
        const std::string kind = chart.type == "pie" ? "a pie chart" : "a donut chart";
        if (series.size() > 1)
            m_diags.error(series[1].written->span, "expected one series in " + kind + ", found " + std::to_string(series.size()));
        if (series.empty()) return;
        const auto& s = series.front();
        double total = 0;
        bool negative = false;
        for (size_t i = 0; i < s.values.size(); ++i) {
            double v = s.values[i];
            if (std::isnan(v)) continue;
            if (v < 0) {
                negative = true;
                Span at = i < s.spans.size() ? s.spans[i] : s.written->span;
                std::string where = data ? " in field '" + s.written->field + "'" : "";
                std::string text = i < s.texts.size() ? s.texts[i] : format_value(v);
                m_diags.error(at, "expected a value of zero or more in " + kind + where + ", found '" + text + "'");
            }
            total += v;
        }
        bool any = std::any_of(s.values.begin(), s.values.end(), [](double v) { return !std::isnan(v); });
        if (any && !negative && total <= 0) m_diags.error(s.written->span, "expected a positive total in " + kind + ", found 0");
    }

    static std::string format_value(double v) {
        char buf[64];
        auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
        return ec == std::errc() ? std::string(buf, end) : "?";
    }

    const Environment& m_env;
    SourceManager& m_sources;
    Diagnostics& m_diags;
    std::vector<Color> m_palette;
    std::map<std::string, std::optional<doc::Dataset>> m_datasets;  // by path; a failed load is kept too
};

}  // namespace

std::optional<double> parse_chart_number(std::string_view text) {
    size_t i = 0;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    size_t digits = 0, frac = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i, ++digits;
    if (i < text.size() && text[i] == '.') {
        ++i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i, ++frac;
        if (frac == 0) return std::nullopt;
    }
    if (i != text.size() || digits + frac == 0) return std::nullopt;
    std::string_view body = text;
    if (body.front() == '+') body.remove_prefix(1);
    double value = 0;
    auto [ptr, ec] = std::from_chars(body.data(), body.data() + body.size(), value);
    if (ec != std::errc() || ptr != body.data() + body.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

void resolve_charts(doc::Document& document, const Environment& env, SourceManager& sources, Diagnostics& diags) {
    ChartResolver(env, sources, diags, {}).walk(document.blocks);
}

void resolve_charts(doc::Document& document, const std::vector<Color>& palette, const Environment& env,
                    SourceManager& sources, Diagnostics& diags) {
    ChartResolver(env, sources, diags, palette).walk(document.blocks);
}

}  // namespace reportc::data
