#include "data/data_exchange.h"

#include <algorithm>
#include <map>
#include <set>

namespace reportc::data {
namespace {

constexpr const char* kBullet = "\xE2\x80\xA2";  // •

bool has_style(const doc::TextRun& run, const char* style) {
    return std::find(run.char_styles.begin(), run.char_styles.end(), style) != run.char_styles.end();
}

// Adds `text` to the cell, joined to the last run when it looks the same.
void append(input::WrittenCell& cell, const std::string& text, bool bold, bool italic) {
    if (text.empty()) return;
    if (!cell.empty() && cell.back().bold == bold && cell.back().italic == italic) cell.back().text += text;
    else cell.push_back({text, bold, italic});
}

void append_runs(input::WrittenCell& cell, const std::vector<doc::TextRun>& runs) {
    for (const auto& run : runs) {
        if (run.line_break) append(cell, "\n", false, false);
        else append(cell, run.text, has_style(run, "strong"), has_style(run, "emphasis"));
    }
}

input::WrittenCell cell_of(const doc::FieldValue* value) {
    input::WrittenCell cell;
    if (!value) return cell;
    for (size_t i = 0; i < value->items.size(); ++i) {
        if (i > 0) append(cell, "\n", false, false);
        if (value->kind == doc::FieldValue::Kind::Bullets) append(cell, value->items[i].empty() ? kBullet : std::string(kBullet) + " ", false, false);
        append_runs(cell, value->items[i]);
    }
    return cell;
}

input::WrittenCell plain(const std::string& text) { return text.empty() ? input::WrittenCell{} : input::WrittenCell{{text, false, false}}; }

// Names in the order the file first writes them (by their place in it).
std::vector<std::string> in_written_order(const std::vector<const std::map<std::string, doc::FieldValue>*>& field_maps) {
    std::vector<std::string> names;
    std::set<std::string> seen;
    for (const auto* fields : field_maps) {
        std::vector<std::pair<uint32_t, std::string>> here;
        for (const auto& [name, value] : *fields) here.emplace_back(value.span.begin, name);
        std::sort(here.begin(), here.end());
        for (const auto& [at, name] : here)
            if (seen.insert(name).second) names.push_back(name);
    }
    return names;
}

}  // namespace

input::WrittenSheet sheet_of(const doc::Dataset& data, const std::string& sheet_name) {
    input::WrittenSheet sheet;
    sheet.name = sheet_name;
    const bool csv_like = !data.columns.empty();
    const bool grouped = std::any_of(data.groups.begin(), data.groups.end(), [](const doc::RecordGroup& g) { return !g.implicit; });
    std::vector<const std::map<std::string, doc::FieldValue>*> group_fields, record_fields;
    for (const auto& g : data.groups) {
        group_fields.push_back(&g.fields);
        for (const auto& r : g.records) record_fields.push_back(&r.fields);
    }
    const std::vector<std::string> group_names = in_written_order(group_fields);
    const std::vector<std::string> field_names = csv_like ? data.columns : in_written_order(record_fields);

    std::vector<input::WrittenCell> header;
    if (grouped) {
        header.push_back(plain("group"));
        header.push_back(plain("group-title"));
        for (const auto& name : group_names) header.push_back(plain("group." + name));
    }
    if (!csv_like) header.push_back(plain("id"));
    for (const auto& name : field_names) header.push_back(plain(name));
    sheet.rows.push_back(std::move(header));

    for (const auto& g : data.groups) {
        for (const auto& r : g.records) {
            std::vector<input::WrittenCell> row;
            if (grouped) {
                row.push_back(plain(g.id));
                row.push_back(plain(g.title));
                for (const auto& name : group_names) {
                    auto f = g.fields.find(name);
                    row.push_back(cell_of(f == g.fields.end() ? nullptr : &f->second));
                }
            }
            if (!csv_like) row.push_back(plain(r.id));
            for (const auto& name : field_names) {
                auto f = r.fields.find(name);
                row.push_back(cell_of(f == r.fields.end() ? nullptr : &f->second));
            }
            sheet.rows.push_back(std::move(row));
        }
    }
    return sheet;
}

}  // namespace reportc::data
