#include "data/aggregate.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include "data/chart_data.h"

namespace reportc::data {
namespace {

// A record's field, or its group's (a group's fields are shared by its records).
const doc::FieldValue* lookup(const doc::RecordGroup& group, const doc::Record& record, const std::string& name) {
    if (auto f = record.fields.find(name); f != record.fields.end()) return &f->second;
    if (auto f = group.fields.find(name); f != group.fields.end()) return &f->second;
    return nullptr;
}

std::string text_of(const doc::FieldValue* value) {
    std::string text;
    if (!value) return text;
    for (const auto& item : value->items) {
        if (!text.empty()) text += ' ';
        text += doc::plain_text(item);
    }
    return text;
}

doc::FieldValue text_value(std::string text, Span span) {
    doc::FieldValue v;
    doc::TextRun run;
    run.text = std::move(text);
    run.span = span;
    v.items.push_back({std::move(run)});
    v.span = span;
    return v;
}

// Whole sums print without decimals; others as the shortest text that reads back the same.
std::string format_number(double v) {
    if (std::fabs(v) < 1e15 && v == std::floor(v)) return std::to_string(static_cast<long long>(v));
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc() ? std::string(buf, end) : "?";
}

class Aggregator {
public:
    Aggregator(const doc::Dataset& data, const doc::Aggregate& a, const std::string& path, Diagnostics& diags)
        : m_data(data), m_a(a), m_path(path), m_diags(diags) {
        for (const auto& name : data.columns) m_fields.insert(name);
        for (const auto& group : data.groups) {
            for (const auto& [name, value] : group.fields) m_fields.insert(name);
            for (const auto& record : group.records)
                for (const auto& [name, value] : record.fields) m_fields.insert(name);
        }
    }

    std::optional<doc::Dataset> run() {
        bool ok = true;
        for (const auto& c : m_a.where) ok = known(c.field, m_a.where_span) && ok;
        if (!m_a.group_by.empty()) ok = known(m_a.group_by, m_a.group_by_span) && ok;
        for (const auto& s : m_a.sums) ok = known(s, m_a.sum_span) && ok;
        if (!ok) return std::nullopt;
        doc::Dataset out = m_a.group_by.empty() ? filtered() : grouped();
        if (!out.groups.empty() && !m_ok) return std::nullopt;
        if (m_a.sort && !sort(out)) return std::nullopt;
        return out;
    }

private:
    bool known(const std::string& name, Span at) {
        if (m_fields.count(name)) return true;
        std::string list;
        for (const auto& n : m_fields) list.append(list.empty() ? "" : ", ").append(n);
        m_diags.error(at, "expected a field named '" + name + "' in " + m_path + ", found fields: " + (list.empty() ? "none" : list));
        return false;
    }

    bool kept(const doc::RecordGroup& group, const doc::Record& record) const {
        return std::all_of(m_a.where.begin(), m_a.where.end(), [&](const doc::FieldCondition& c) {
            return (text_of(lookup(group, record, c.field)) == c.value) == c.equals;
        });
    }

    // `where` alone: the records that pass, in their groups.
    doc::Dataset filtered() const {
        doc::Dataset out;
        out.path = m_data.path;
        out.columns = m_data.columns;
        out.header_span = m_data.header_span;
        for (const auto& group : m_data.groups) {
            doc::RecordGroup g = group;
            g.records.clear();
            for (const auto& record : group.records)
                if (kept(group, record)) g.records.push_back(record);
            out.groups.push_back(std::move(g));
        }
        return out;
    }

    // One record per value of the group-by field, in the order the values first appear.
    doc::Dataset grouped() {
        doc::Dataset out;
        out.path = m_data.path;
        out.columns.push_back(m_a.group_by);
        if (!m_a.count.empty()) out.columns.push_back(m_a.count);
        out.columns.insert(out.columns.end(), m_a.sums.begin(), m_a.sums.end());
        out.header_span = m_a.group_by_span;
        doc::RecordGroup all;
        all.implicit = true;
        std::map<std::string, size_t> index;  // group value -> its record in `all`
        std::vector<size_t> counts;
        std::vector<std::vector<double>> sums;
        for (const auto& group : m_data.groups) {
            for (const auto& record : group.records) {
                if (!kept(group, record)) continue;
                const doc::FieldValue* key_value = lookup(group, record, m_a.group_by);
                const std::string key = text_of(key_value);
                auto [it, added] = index.emplace(key, all.records.size());
                if (added) {
                    doc::Record r;
                    r.span = record.span;
                    r.fields[m_a.group_by] = key_value ? *key_value : text_value(key, record.span);
                    all.records.push_back(std::move(r));
                    counts.push_back(0);
                    sums.emplace_back(m_a.sums.size(), 0.0);
                }
                ++counts[it->second];
                for (size_t i = 0; i < m_a.sums.size(); ++i) sums[it->second][i] += number(group, record, m_a.sums[i]);
            }
        }
        for (size_t r = 0; r < all.records.size(); ++r) {
            auto& fields = all.records[r].fields;
            if (!m_a.count.empty()) fields[m_a.count] = text_value(std::to_string(counts[r]), m_a.count_span);
            for (size_t i = 0; i < m_a.sums.size(); ++i) fields[m_a.sums[i]] = text_value(format_number(sums[r][i]), m_a.sum_span);
        }
        out.groups.push_back(std::move(all));
        return out;
    }

    // A value to sum: empty counts as nothing; text that is not a number is an error at it.
    double number(const doc::RecordGroup& group, const doc::Record& record, const std::string& field) {
        const doc::FieldValue* value = lookup(group, record, field);
        const std::string text = text_of(value);
        if (text.empty()) return 0;
        if (auto n = parse_chart_number(text)) return *n;
        m_diags.error(value->span, "expected a number in field '" + field + "' to sum, found '" + text + "'");
        m_ok = false;
        return 0;
    }

    // Stable: records with equal keys keep their order. Numbers compare as numbers, else as text.
    bool sort(doc::Dataset& out) {
        const auto& key = *m_a.sort;
        std::set<std::string> fields(out.columns.begin(), out.columns.end());
        if (m_a.group_by.empty()) fields = m_fields;
        if (!fields.count(key.field)) {
            std::string list;
            for (const auto& n : fields) list.append(list.empty() ? "" : ", ").append(n);
            m_diags.error(m_a.sort_span, "expected a field named '" + key.field + "' to sort by, found fields: " + list);
            return false;
        }
        for (auto& group : out.groups) {
            auto value = [&](const doc::Record& r) { return text_of(lookup(group, r, key.field)); };
            std::stable_sort(group.records.begin(), group.records.end(), [&](const doc::Record& a, const doc::Record& b) {
                const std::string x = value(a), y = value(b);
                const auto nx = parse_chart_number(x), ny = parse_chart_number(y);
                const bool less = nx && ny ? *nx < *ny : x < y;
                const bool greater = nx && ny ? *ny < *nx : y < x;
                return key.descending ? greater : less;
            });
        }
        return true;
    }

    const doc::Dataset& m_data;
    const doc::Aggregate& m_a;
    const std::string& m_path;
    Diagnostics& m_diags;
    std::set<std::string> m_fields;  // every field name the file has
    bool m_ok = true;
};

}  // namespace

std::optional<doc::Dataset> aggregate(const doc::Dataset& data, const doc::Aggregate& aggregate, const std::string& shown_path,
                                      Diagnostics& diags) {
    return Aggregator(data, aggregate, shown_path, diags).run();
}

}  // namespace reportc::data
