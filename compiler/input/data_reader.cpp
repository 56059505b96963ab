#include "input/data_reader.h"

#include <cstring>
#include <map>

#include "input/inline_reader.h"
#include "input/xml_file.h"

namespace reportc::input {
namespace {

class DataReader {
public:
    DataReader(const XmlFile& file, const SourceManager& sources, Diagnostics& diags)
        : m_file(file), m_sources(sources), m_diags(diags) {}

    doc::Dataset read();

private:
    doc::RecordGroup read_group(pugi::xml_node node);
    doc::Record read_record(pugi::xml_node node);
    // Reads an `id` attribute, checking it is unique in the file (groups and records share ids).
    std::string read_id(pugi::xml_node node);
    void read_field(pugi::xml_node node, const char* owner, std::map<std::string, doc::FieldValue>& fields);
    std::vector<doc::TextRun> read_text(pugi::xml_node node);
    // `depth`: inline elements open around `parent`'s content; `styles`: theirs, added to and
    // restored rather than copied per level; `too_deep`: the limit was reported.
    void read_inline(pugi::xml_node parent, int depth, std::vector<std::string>& styles, const std::string& link,
                     std::vector<doc::TextRun>& out, bool& too_deep);
    void unexpected_text(pugi::xml_node node, const char* in, const char* expected);

    const XmlFile& m_file;
    const SourceManager& m_sources;
    Diagnostics& m_diags;
    std::map<std::string, Span> m_ids;  // id -> where it was first used
};

bool is_text(pugi::xml_node node) { return node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata; }

void DataReader::unexpected_text(pugi::xml_node node, const char* in, const char* expected) {
    m_diags.error(m_file.span(node), std::string("unexpected text in <") + in + ">; expected " + expected);
}

doc::Dataset DataReader::read() {
    auto root = m_file.root();
    m_file.check_attributes(root, {}, m_diags);
    doc::Dataset data;
    data.path = m_file.path();
    size_t implicit = SIZE_MAX;  // index of the group that collects records outside a <group>
    for (auto child : root.children()) {
        if (is_text(child) && !is_blank(child.value())) unexpected_text(child, "records", "<group> or <record>");
        if (child.type() != pugi::node_element) continue;
        std::string_view name = child.name();
        if (name == "group") {
            data.groups.push_back(read_group(child));
        } else if (name == "record") {
            if (implicit == SIZE_MAX) {
                implicit = data.groups.size();
                doc::RecordGroup group;
                group.implicit = true;
                group.span = m_file.span(root);
                data.groups.push_back(std::move(group));
            }
            data.groups[implicit].records.push_back(read_record(child));
        } else {
            m_diags.error(m_file.span(child), "unexpected element <" + std::string(name) + "> in <records>; expected <group> or <record>");
        }
    }
    return data;
}

std::string DataReader::read_id(pugi::xml_node node) {
    std::string id = node.attribute("id").value();
    if (id.empty()) return id;
    Span at = m_file.attribute_span(node, "id");
    auto [it, inserted] = m_ids.emplace(id, at);
    if (!inserted) {
        uint32_t line = m_sources.file(it->second.file)->line_col(it->second.begin).line;
        m_diags.error(at, "expected ids unique in the file, found '" + id + "' again (first at line " + std::to_string(line) + ")");
    }
    return id;
}

doc::RecordGroup DataReader::read_group(pugi::xml_node node) {
    m_file.check_attributes(node, {"id", "title"}, m_diags);
    doc::RecordGroup group;
    group.id = read_id(node);
    group.title = node.attribute("title").value();
    group.span = m_file.span(node);
    for (auto child : node.children()) {
        if (is_text(child) && !is_blank(child.value())) unexpected_text(child, "group", "<field> or <record>");
        if (child.type() != pugi::node_element) continue;
        std::string_view name = child.name();
        if (name == "record") {
            group.records.push_back(read_record(child));
        } else if (name == "field") {
            std::string field = child.attribute("name").value();
            if (field == "id" || field == "title")
                m_diags.error(m_file.attribute_span(child, "name"), "expected the group's " + field + " in its '" + field +
                                                                        "' attribute, found a field named '" + field + "'");
            else
                read_field(child, "group", group.fields);
        } else {
            m_diags.error(m_file.span(child), "unexpected element <" + std::string(name) + "> in <group>; expected <field> or <record>");
        }
    }
    return group;
}

doc::Record DataReader::read_record(pugi::xml_node node) {
    m_file.check_attributes(node, {"id"}, m_diags);
    doc::Record record;
    record.id = read_id(node);
    record.span = m_file.span(node);
    for (auto child : node.children()) {
        if (is_text(child) && !is_blank(child.value())) unexpected_text(child, "record", "<field>");
        if (child.type() != pugi::node_element) continue;
        if (std::strcmp(child.name(), "field") == 0) read_field(child, "record", record.fields);
        else m_diags.error(m_file.span(child), "unexpected element <" + std::string(child.name()) + "> in <record>; expected <field>");
    }
    return record;
}

void DataReader::read_field(pugi::xml_node node, const char* owner, std::map<std::string, doc::FieldValue>& fields) {
    m_file.check_attributes(node, {"name"}, m_diags);
    auto name = m_file.required(node, "name", m_diags);
    if (!name) return;
    doc::FieldValue value;
    value.span = m_file.span(node);
    // A field holds either inline text or items (<bullet> or <line>), never both.
    pugi::xml_node first_item;
    for (auto child : node.children())
        if (child.type() == pugi::node_element && (std::strcmp(child.name(), "bullet") == 0 || std::strcmp(child.name(), "line") == 0)) {
            first_item = child;
            break;
        }
    if (!first_item) {
        value.kind = doc::FieldValue::Kind::Text;
        value.items.push_back(read_text(node));
    } else {
        std::string item = first_item.name();
        value.kind = item == "bullet" ? doc::FieldValue::Kind::Bullets : doc::FieldValue::Kind::Lines;
        std::string expected = "expected only <" + item + "> items in field '" + *name + "', found ";
        for (auto child : node.children()) {
            if (is_text(child)) {
                if (!is_blank(child.value()))
                    m_diags.error(m_file.span(child), expected + "text; a field holds text or <" + item + "> items, not both");
                continue;
            }
            if (child.type() != pugi::node_element) continue;
            if (child.name() != item) {
                m_diags.error(m_file.span(child), expected + "<" + child.name() + ">");
                continue;
            }
            m_file.check_attributes(child, {}, m_diags);
            value.items.push_back(read_text(child));
        }
    }
    if (fields.contains(*name)) {
        m_diags.error(m_file.attribute_span(node, "name"),
                      std::string("expected each field once in a ") + owner + ", found a second '" + *name + "'");
        return;
    }
    fields.emplace(*name, std::move(value));
}

std::vector<doc::TextRun> DataReader::read_text(pugi::xml_node node) {
    std::vector<doc::TextRun> runs;
    bool too_deep = false;
    std::vector<std::string> styles;
    read_inline(node, 0, styles, "", runs, too_deep);
    normalize_inline_spaces(runs);
    return runs;
}

void DataReader::read_inline(pugi::xml_node parent, int depth, std::vector<std::string>& styles, const std::string& link,
                             std::vector<doc::TextRun>& out, bool& too_deep) {
    for (auto child : parent.children()) {
        if (is_text(child)) {
            out.push_back({collapse_whitespace(child.value()), styles, link, false, m_file.span(child)});
            continue;
        }
        if (child.type() != pugi::node_element) continue;  // comments note uncertain reconstructions
        std::string_view name = child.name();
        if (!within_inline_depth(m_file, child, depth + 1, too_deep, m_diags)) continue;
        const size_t outer_styles = styles.size();
        std::string inner_link = link;
        if (name == "see-also") {
            m_file.check_attributes(child, {}, m_diags);
            styles.push_back("see-also");
        } else if (const char* style = markup_char_style(name)) {
            m_file.check_attributes(child, {}, m_diags);
            styles.push_back(style);
        } else if (name == "a") {
            m_file.check_attributes(child, {"href"}, m_diags);
            if (auto href = m_file.required(child, "href", m_diags)) inner_link = *href;
        } else {
            m_diags.error(m_file.span(child), "unexpected element <" + std::string(name) +
                                                  "> in field text; expected one of: see-also, a, b, i");
            continue;
        }
        read_inline(child, depth + 1, styles, inner_link, out, too_deep);
        styles.resize(outer_styles);
    }
}

}  // namespace

std::optional<doc::Dataset> read_data_xml(const std::string& path, const Environment& env, SourceManager& sources,
                                          Diagnostics& diags, Span from) {
    auto file = XmlFile::load(path, env, sources, diags, from);
    if (!file) return std::nullopt;
    auto root = file->root();
    if (std::strcmp(root.name(), "records") != 0) {
        diags.error(file->span(root), "expected the root element <records>, found <" + std::string(root.name()) + ">");
        return std::nullopt;
    }
    return DataReader(*file, sources, diags).read();
}

void normalize_run_spaces(std::vector<doc::TextRun>& runs) { normalize_inline_spaces(runs); }

}  // namespace reportc::input
