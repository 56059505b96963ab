#include "driver/records.h"

#include <algorithm>
#include <set>

#include "data/dataset_loader.h"
#include "driver/fields.h"
#include "driver/file_names.h"

namespace reportc::driver {
namespace {

// A field's text: its runs, a line break inside a quoted CSV value (or <br/>) as a space.
std::string text_of(const doc::FieldValue& value) {
    std::string out;
    for (const auto& item : value.items) {
        if (!out.empty()) out += ' ';
        for (const auto& run : item) out += run.line_break ? std::string(" ") : run.text;
    }
    return out;
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

class RecordChecker {
public:
    RecordChecker(const input::RunFile& run, const std::string& date_format, Diagnostics& diags)
        : m_run(run), m_date_format(date_format), m_diags(diags) {}

    // One error per required column the header lacks; false when any is missing.
    bool check_columns(const doc::Dataset& data) {
        if (data.columns.empty()) return true;  // XML records name their fields one by one
        bool ok = true;
        for (const auto& column : m_run.required)
            if (std::find(data.columns.begin(), data.columns.end(), column) == data.columns.end()) {
                m_diags.error(data.header_span, "expected a column '" + column + "' in the header row, found " + joined(data.columns));
                ok = false;
            }
        return ok;
    }

    // The record with its values, or nullopt when the row is bad (reported).
    std::optional<MergeRecord> check(const doc::Record& record, size_t row, bool xml) {
        const size_t errors = m_diags.error_count();
        MergeRecord r;
        r.row = row;
        r.span = record.span;
        r.values = m_run.values;
        for (const auto& [name, value] : record.fields) {
            r.values[m_run.record_name + "." + name] = text_of(value);
            r.fields[name] = {value.span, r.values[m_run.record_name + "." + name]};
        }
        // An XML record's id attribute is its "id" field unless it has one.
        std::map<std::string, doc::FieldValue> id_field;
        if (xml && !record.id.empty() && !record.fields.count("id")) {
            r.values[m_run.record_name + ".id"] = record.id;
            id_field["id"] = doc::FieldValue{doc::FieldValue::Kind::Text, {{doc::TextRun{record.id, {}, "", false, record.span}}}, record.span};
        }
        auto field = [&](const std::string& name) -> const doc::FieldValue* {
            if (auto it = record.fields.find(name); it != record.fields.end()) return &it->second;
            if (auto it = id_field.find(name); it != id_field.end()) return &it->second;
            return nullptr;
        };
        for (const auto& column : m_run.required) {
            const auto* value = field(column);
            if (!value) m_diags.error(record.span, "expected a field '" + column + "' in the record, found none");
            else if (text_of(*value).empty()) m_diags.error(value->span, "expected a value in column '" + column + "', found an empty field");
        }
        if (m_diags.error_count() > errors) return std::nullopt;
        r.id = r.values[m_run.record_name + "." + m_run.key];
        r.name = r.values[m_run.record_name + "." + m_run.name_column];
        const Span key_span = field(m_run.key)->span;
        if (auto [it, added] = m_ids.emplace(r.id, key_span); !added) {
            m_diags.error(key_span, "expected a " + m_run.record_name + " " + m_run.key + " used once, found '" + r.id + "' again");
            m_diags.note(it->second, "'" + r.id + "' is first used here");
            return std::nullopt;
        }
        if (!expand(m_run.number, record.span, r.values, "certificate.number")) return std::nullopt;
        r.number = r.values["certificate.number"];
        if (!m_numbers.insert(r.number).second) {
            m_diags.error(record.span, "expected a certificate number of its own, found '" + r.number + "' again (see the number pattern)");
            return std::nullopt;
        }
        if (!expand(m_run.url, record.span, r.values, "certificate.url")) return std::nullopt;
        std::string file;
        if (!expand(m_run.file_name, record.span, r.values, "", &file)) return std::nullopt;
        r.file = safe_file_name(file);
        return r;
    }

    UniqueNames names;

private:
    bool expand(const input::RunPattern& pattern, Span at, std::map<std::string, std::string>& values, const std::string& into,
                std::string* out = nullptr) {
        std::string error;
        auto text = expand_pattern(pattern.text, values, m_date_format, error);
        if (!text) {
            m_diags.error(at, error);
            return false;
        }
        if (!into.empty()) values[into] = *text;
        if (out) *out = *text;
        return true;
    }

    const input::RunFile& m_run;
    const std::string& m_date_format;
    Diagnostics& m_diags;
    std::map<std::string, Span> m_ids;
    std::set<std::string> m_numbers;
};

}  // namespace

RecordSet read_records(const input::RunFile& run, const std::string& date_format, const Environment& env,
                       SourceManager& sources, Diagnostics& diags, const std::vector<std::string>& taken_names) {
    RecordSet set;
    const size_t errors = diags.error_count();
    auto data = data::load_dataset(run.records, env, sources, diags, run.records_span);
    if (!data) return set;
    RecordChecker checker(run, date_format, diags);
    for (const auto& name : taken_names) checker.names.take(name);
    if (!checker.check_columns(*data)) return set;
    set.readable = true;
    set.bad = diags.error_count() - errors;  // lines the CSV reader left out (each reported once)
    size_t row = 0;
    for (const auto& group : data->groups)
        for (const auto& record : group.records) {
            auto r = checker.check(record, ++row, data->columns.empty());
            if (!r) {
                ++set.bad;
                continue;
            }
            r->file = checker.names.take(r->file);
            r->values["certificate.file"] = r->file;
            set.good.push_back(std::move(*r));
        }
    if (set.good.empty() && set.bad == 0) diags.error(run.records_span, "expected records in '" + run.records + "', found none");
    return set;
}

}  // namespace reportc::driver
