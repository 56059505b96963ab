// data::records_xml: a sheet's records written as an XML records file (docs/data-format.md).
#include <string_view>

#include "base/xml_text.h"
#include "data/data_exchange.h"

namespace reportc::data {
namespace {

constexpr std::string_view kBullet = "\xE2\x80\xA2";  // •
constexpr std::string_view kSeeAlso = "(See also";


bool has_style(const doc::TextRun& run, const char* style) {
    for (const auto& s : run.char_styles)
        if (s == style) return true;
    return false;
}

// A run's text with its markup; a "(See also …)" part as <see-also>, as the data files write it.
std::string run_xml(const doc::TextRun& run) {
    std::string text = xml_escaped(run.text);
    if (const auto at = text.find(kSeeAlso); at != std::string::npos) {
        size_t close = std::string::npos;
        int depth = 0;
        for (size_t i = at; i < text.size() && close == std::string::npos; ++i) {
            if (text[i] == '(') ++depth;
            else if (text[i] == ')' && --depth == 0) close = i;
        }
        size_t start = at;  // a doubled opening parenthesis as printed ("((See also 1-(s))") belongs to it
        while (start > 0 && text[start - 1] == '(') --start;
        if (close != std::string::npos)
            text = text.substr(0, start) + "<see-also>" + text.substr(start, close + 1 - start) + "</see-also>" + text.substr(close + 1);
    }
    if (has_style(run, "emphasis")) text = std::string("<i>").append(text).append("</i>");
    if (has_style(run, "strong")) text = std::string("<b>").append(text).append("</b>");
    return text;
}

// The cell's runs cut at its line breaks.
std::vector<std::vector<doc::TextRun>> lines_of(const doc::FieldValue& value) {
    std::vector<std::vector<doc::TextRun>> lines(1);
    for (const auto& item : value.items) {
        for (const auto& run : item) {
            if (run.line_break) lines.emplace_back();
            else lines.back().push_back(run);
        }
    }
    return lines;
}

std::string text_of(const std::vector<doc::TextRun>& runs) {
    std::string xml;
    for (const auto& run : runs) xml += run_xml(run);
    return xml;
}

bool starts_with_bullet(const std::vector<doc::TextRun>& line) { return !line.empty() && std::string_view(line.front().text).substr(0, kBullet.size()) == kBullet; }

// "• text" -> "text"
std::vector<doc::TextRun> without_bullet(std::vector<doc::TextRun> line) {
    std::string& first = line.front().text;
    first.erase(0, kBullet.size());
    if (!first.empty() && first.front() == ' ') first.erase(0, 1);
    return line;
}

std::string field_xml(const std::string& name, const doc::FieldValue* value, const char* indent) {
    const std::string open = std::string(indent) + "<field name=\"" + xml_escaped(name) + "\"";
    if (!value) return open + "/>\n";
    const auto lines = lines_of(*value);
    if (lines.size() == 1 && !starts_with_bullet(lines[0])) {
        const std::string text = text_of(lines[0]);
        return text.empty() ? open + "/>\n" : open + ">" + text + "</field>\n";
    }
    bool bullets = true;
    for (const auto& line : lines) bullets = bullets && starts_with_bullet(line);
    std::string xml = open + ">\n";
    for (const auto& line : lines) {
        const std::string item = bullets ? "bullet" : "line";
        const std::string text = text_of(bullets ? without_bullet(line) : line);
        xml += std::string(indent) + "  <" + item + (text.empty() ? "/>\n" : ">" + text + "</" + item + ">\n");
    }
    return xml + indent + "</field>\n";
}

const doc::FieldValue* find(const doc::Record& r, const std::string& name) {
    auto it = r.fields.find(name);
    return it == r.fields.end() ? nullptr : &it->second;
}

std::string plain(const doc::Record& r, const std::string& name) {
    const doc::FieldValue* v = find(r, name);
    std::string text;
    if (v)
        for (const auto& item : v->items) text += doc::plain_text(item);
    return text;
}

}  // namespace

std::string records_xml(const doc::Dataset& sheet) {
    std::vector<std::string> group_fields, fields;
    bool grouped = false, ids = false;
    for (const auto& column : sheet.columns) {
        if (column == "group") grouped = true;
        else if (column == "id") ids = true;
        else if (column == "group-title") continue;
        else if (column.rfind("group.", 0) == 0) group_fields.push_back(column);
        else fields.push_back(column);
    }
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<records>\n";
    std::string open_group;
    bool in_group = false;
    for (const auto& g : sheet.groups) {
        for (const auto& r : g.records) {
            const char* indent = "  ";
            if (grouped) {
                const std::string id = plain(r, "group");
                if (!in_group || id != open_group) {
                    if (in_group) xml += "  </group>\n";
                    xml += "  <group";
                    if (!id.empty()) xml += " id=\"" + xml_escaped(id) + "\"";
                    const std::string title = plain(r, "group-title");
                    if (!title.empty()) xml += " title=\"" + xml_escaped(title) + "\"";
                    xml += ">\n";
                    for (const auto& name : group_fields) xml += field_xml(name.substr(6), find(r, name), "    ");
                    open_group = id;
                    in_group = true;
                }
                indent = "    ";
            }
            xml += std::string(indent) + "<record";
            if (ids && !plain(r, "id").empty()) xml += " id=\"" + xml_escaped(plain(r, "id")) + "\"";
            xml += ">\n";
            const std::string inner = std::string(indent) + "  ";
            for (const auto& name : fields) xml += field_xml(name, find(r, name), inner.c_str());
            xml += std::string(indent) + "</record>\n";
        }
    }
    if (in_group) xml += "  </group>\n";
    return xml + "</records>\n";
}

}  // namespace reportc::data
