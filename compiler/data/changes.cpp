#include "data/changes.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include "data/dataset_loader.h"

namespace reportc::data {
namespace {

// A field's text as compared and reported: its items (bullets, lines) joined by "; ".
std::string text_of(const doc::FieldValue& value) {
    std::string out;
    for (size_t i = 0; i < value.items.size(); ++i) out.append(i ? "; " : "").append(doc::plain_text(value.items[i]));
    return out;
}

std::string field_text(const doc::Record& record, const std::string& field) {
    auto it = record.fields.find(field);
    return it == record.fields.end() ? std::string() : text_of(it->second);
}

// The records of a dataset by the key they are matched on, in data order.
struct Keyed {
    std::vector<std::pair<std::string, const doc::Record*>> records;
    bool by_place = false;  // some record has no id: keys are given by match_by_content
};

Keyed keyed(const doc::Dataset& data) {
    const bool id_column = !data.columns.empty() && std::count(data.columns.begin(), data.columns.end(), "id") > 0;
    Keyed out;
    for (const auto& group : data.groups)
        for (const auto& record : group.records) {
            std::string key = data.columns.empty() ? record.id : id_column ? field_text(record, "id") : "";
            if (key.empty()) out.by_place = true;
            out.records.emplace_back(std::move(key), &record);
        }
    return out;
}

// A record's whole content, every field by name: what two versions of a record without an id
// share when it did not change.
std::string content_of(const doc::Record& record) {
    std::string out;
    for (const auto& [field, value] : record.fields) out.append(field).append(1, '\x1f').append(text_of(value)).append(1, '\x1e');
    return out;
}

// Keys for records without ids, given to both versions together: a record whose whole content is
// unchanged matches its copy wherever it moved, so an inserted or deleted row marks itself only;
// of the rest, a record matches one whose first printed field (an abbreviation's term) is the
// same, as an edit of its other fields; what is left over was added or removed.
void match_by_content(Keyed& old_records, Keyed& new_records, const std::string& first_field) {
    size_t next = 0;
    auto pair_on = [&](auto key_of, const char* tag) {
        std::map<std::string, std::vector<size_t>> unmatched_old;  // in data order, taken from the front
        for (size_t i = old_records.records.size(); i-- > 0;)
            if (old_records.records[i].first.empty()) unmatched_old[key_of(*old_records.records[i].second)].push_back(i);
        for (auto& [key, record] : new_records.records) {
            if (!key.empty()) continue;
            auto it = unmatched_old.find(key_of(*record));
            if (it == unmatched_old.end() || it->second.empty()) continue;
            key = old_records.records[it->second.back()].first = std::string(tag).append(std::to_string(++next));
            it->second.pop_back();
        }
    };
    for (auto* side : {&old_records, &new_records})
        for (auto& entry : side->records) entry.first.clear();
    pair_on(content_of, "=");
    pair_on([&](const doc::Record& r) { return field_text(r, first_field); }, "~");
    for (auto* side : {&old_records, &new_records}) {
        const char* tag = side == &old_records ? "-" : "+";
        for (auto& entry : side->records)
            if (entry.first.empty()) entry.first = std::string(tag).append(std::to_string(++next));
    }
}

// What names a record matched by content in the summary: its id (a CSV row's is "row-3"), or
// its place in the data ("#3").
std::string name_of(const doc::Record& record, size_t place) {
    return record.id.empty() ? std::string("#").append(std::to_string(place + 1)) : record.id;
}

// The record fields each template cell of a record row prints (group fields are not records').
std::vector<std::vector<std::set<std::string>>> cell_fields(const doc::TableTemplate& t) {
    std::vector<std::vector<std::set<std::string>>> rows;
    for (const auto& row : t.rows) {
        if (row.kind != doc::TemplateRow::Kind::Record) continue;
        auto& cells = rows.emplace_back();
        for (const auto& cell : row.cells) {
            auto& names = cells.emplace_back();
            for (const auto& block : cell.blocks) {
                if (block.kind == doc::TemplateBlock::Kind::FieldBlock && !block.field.group_scope) names.insert(block.field.field);
                for (const auto& part : block.parts)
                    if (part.kind == doc::TemplatePart::Kind::Field && !part.group_scope) names.insert(part.field);
            }
        }
    }
    return rows;
}

// The first record field the template prints (in its order): what names a removed record.
std::string first_field(const doc::TableTemplate& t) {
    for (const auto& row : t.rows) {
        if (row.kind != doc::TemplateRow::Kind::Record) continue;
        for (const auto& cell : row.cells)
            for (const auto& block : cell.blocks) {
                if (block.kind == doc::TemplateBlock::Kind::FieldBlock && !block.field.group_scope) return block.field.field;
                for (const auto& part : block.parts)
                    if (part.kind == doc::TemplatePart::Kind::Field && !part.group_scope) return part.field;
            }
    }
    return {};
}

struct Marker {
    const std::vector<doc::TableTemplate>& templates;
    const ChangeOptions& options;
    const Environment& env;
    SourceManager& sources;
    Diagnostics& diags;
    std::vector<RecordChange> changes;
    std::vector<std::string> parts;  // the ids of the sections around the current block

    const doc::TableTemplate* find_template(const std::string& name) const {
        for (const auto& t : templates)
            if (t.name == name) return &t;
        return nullptr;
    }

    std::string old_path(const std::string& path) const {
        namespace fs = std::filesystem;
        fs::path relative = fs::path(path).lexically_normal().lexically_relative(fs::path(options.new_root).lexically_normal());
        return (fs::path(options.old_root) / (relative.empty() ? fs::path(path).filename() : relative)).string();
    }

    RecordChange change(RecordChange::Kind kind, const doc::Table& table, std::string record) const {
        RecordChange c;
        c.kind = kind;
        c.part = parts.empty() ? "" : parts.front();
        c.table = table.id;
        c.record = std::move(record);
        return c;
    }

    // The table's rows marked; the removed records' list, or nullopt when none were removed.
    std::optional<doc::Paragraph> mark(doc::Table& table) {
        const doc::TableTemplate* t = find_template(table.template_name);
        if (!t || !table.expanded || table.data_path.empty()) return std::nullopt;
        Diagnostics scratch;  // the new file's errors were reported when the table was expanded
        auto now = load_dataset(table.data_path, env, sources, scratch, table.data_span);
        if (!now) return std::nullopt;
        std::optional<doc::Dataset> before;
        const std::string old_file = old_path(table.data_path);
        const std::string old_plain = old_file.substr(0, old_file.find('#'));
        if (env.file_exists(old_plain)) before = load_dataset(old_file, env, sources, diags, table.data_span);
        else diags.warning(table.data_span, std::string("no earlier version of this data file at '").append(old_plain).append("': every record is marked added"));
        Keyed new_records = keyed(*now);
        Keyed old_records = before ? keyed(*before) : Keyed{};
        const bool by_content = new_records.by_place || old_records.by_place;
        if (by_content) match_by_content(old_records, new_records, first_field(*t));

        std::map<std::string, const doc::Record*> old_by_key(old_records.records.begin(), old_records.records.end());
        std::map<Span, std::pair<doc::RowChange, std::set<std::string>>> by_span;  // a record's rows share its span
        size_t place = 0;
        for (const auto& [key, record] : new_records.records) {
            const size_t at = place++;
            auto it = old_by_key.find(key);
            const std::string name = by_content ? name_of(*record, at) : key;
            if (it == old_by_key.end()) {
                RecordChange c = change(RecordChange::Kind::Added, table, name);
                c.new_value = field_text(*record, first_field(*t));
                changes.push_back(std::move(c));
                by_span[record->span].first = doc::RowChange::Added;
                continue;
            }
            std::set<std::string> fields;
            for (const auto& [field, value] : record->fields) fields.insert(field);
            for (const auto& [field, value] : it->second->fields) fields.insert(field);
            std::set<std::string> changed;
            for (const auto& field : fields) {
                std::string was = field_text(*it->second, field), is = field_text(*record, field);
                if (was == is && record->fields.count(field) == it->second->fields.count(field)) continue;
                RecordChange c = change(RecordChange::Kind::Changed, table, name);
                c.field = field;
                c.old_value = std::move(was);
                c.new_value = std::move(is);
                changes.push_back(std::move(c));
                changed.insert(field);
            }
            if (!changed.empty()) by_span[record->span] = {doc::RowChange::Changed, std::move(changed)};
            old_by_key.erase(it);
        }
        mark_rows(doc::rows_of(table), cell_fields(*t), by_span);

        std::vector<std::string> removed;
        const std::string label_field = first_field(*t);
        place = 0;
        for (const auto& [key, record] : old_records.records) {
            const size_t at = place++;
            if (!old_by_key.count(key)) continue;
            RecordChange c = change(RecordChange::Kind::Removed, table, by_content ? name_of(*record, at) : key);
            c.old_value = field_text(*record, label_field);
            removed.push_back(c.old_value.empty() ? c.record : std::string(c.record).append(" – ").append(c.old_value));
            changes.push_back(std::move(c));
        }
        if (removed.empty()) return std::nullopt;
        doc::Paragraph list;
        list.style = options.removed_style;
        list.span = table.span;
        std::string text = "Removed: ";
        for (size_t i = 0; i < removed.size(); ++i) text.append(i ? "; " : "").append(removed[i]);
        list.runs.push_back(doc::TextRun{text, {}, "", false, table.span});
        return list;
    }

    static void mark_rows(std::vector<doc::TableRow>& rows, const std::vector<std::vector<std::set<std::string>>>& fields,
                          const std::map<Span, std::pair<doc::RowChange, std::set<std::string>>>& by_span) {
        size_t nth = 0;  // the row's place among its record's rows: which template record row made it
        for (size_t r = 0; r < rows.size(); ++r) {
            auto& row = rows[r];
            nth = r > 0 && rows[r - 1].kind == doc::TableRow::Kind::Body && rows[r - 1].span == row.span ? nth + 1 : 0;
            if (row.kind != doc::TableRow::Kind::Body) continue;
            auto it = by_span.find(row.span);
            if (it == by_span.end()) continue;
            row.change = it->second.first;
            for (size_t c = 0; c < row.cells.size(); ++c) {
                const bool prints_changed = nth < fields.size() && c < fields[nth].size() &&
                                            std::any_of(fields[nth][c].begin(), fields[nth][c].end(),
                                                        [&](const std::string& f) { return it->second.second.count(f) > 0; });
                row.cells[c].changed = row.change == doc::RowChange::Added || prints_changed;
            }
        }
    }

    void walk(std::vector<doc::Block>& blocks) {
        for (size_t i = 0; i < blocks.size(); ++i) {
            auto& node = blocks[i].node;
            if (auto* table = doc::node_if<doc::Table>(blocks[i])) {
                if (auto removed = mark(*table)) blocks.insert(blocks.begin() + std::ptrdiff_t(++i), doc::Block{std::move(*removed)});
            } else if (auto* section = doc::node_if<doc::Section>(blocks[i])) {
                if (!section->id.empty()) parts.push_back(section->id);
                walk(section->children);
                if (!section->id.empty()) parts.pop_back();
            } else if (auto* article = doc::node_if<doc::Article>(blocks[i])) {
                walk(article->children);
            } else if (auto* figure = doc::node_if<doc::Figure>(blocks[i])) {
                walk(figure->children);
            } else if (auto* division = std::get_if<doc::Division>(&node)) {
                walk(division->children);
            } else if (auto* frame = std::get_if<doc::Frame>(&node)) {
                walk(frame->children);
            }
        }
    }
};

std::string csv_cell(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) out.append(c == '"' ? "\"\"" : std::string(1, c));
    return out + "\"";
}

}  // namespace

const char* kind_name(RecordChange::Kind kind) {
    switch (kind) {
    case RecordChange::Kind::Changed: return "changed";
    case RecordChange::Kind::Added: return "added";
    case RecordChange::Kind::Removed: return "removed";
    }
    return "";
}

std::vector<RecordChange> mark_changes(doc::Document& document, const std::vector<doc::TableTemplate>& templates,
                                       const ChangeOptions& options, const Environment& env, SourceManager& sources,
                                       Diagnostics& diags) {
    Marker marker{templates, options, env, sources, diags, {}, {}};
    marker.walk(document.blocks);
    return std::move(marker.changes);
}

std::string changes_csv(const std::vector<RecordChange>& changes) {
    std::string out = "part,table,record,change,field,old,new\r\n";
    for (const auto& c : changes)
        out.append(csv_cell(c.part)).append(",").append(csv_cell(c.table)).append(",").append(csv_cell(c.record)).append(",")
            .append(kind_name(c.kind)).append(",").append(csv_cell(c.field)).append(",").append(csv_cell(c.old_value))
            .append(",").append(csv_cell(c.new_value)).append("\r\n");
    return out;
}

std::string format_change(const RecordChange& c) {
    std::string where = c.part;
    for (const auto* piece : {&c.table, &c.record})
        if (!piece->empty()) where.append(where.empty() ? "" : " ").append(*piece);
    std::string line = where.append(": ").append(kind_name(c.kind));
    if (c.kind == RecordChange::Kind::Changed)
        return line.append(" ").append(c.field).append(": '").append(c.old_value).append("' -> '").append(c.new_value).append("'");
    const std::string& what = c.kind == RecordChange::Kind::Added ? c.new_value : c.old_value;
    return what.empty() ? line : line.append(" '").append(what).append("'");
}

}  // namespace reportc::data
