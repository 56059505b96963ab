#include "input/xml_file.h"

#include <cstring>

#include "base/utf8.h"

namespace reportc::input {

std::unique_ptr<XmlFile> XmlFile::load(const std::string& path, const Environment& env, SourceManager& sources,
                                       Diagnostics& diags, Span from) {
    auto text = env.read_file(path);
    if (!text) {
        diags.error(from, "cannot read file '" + path + "'");
        return nullptr;
    }
    auto file = std::unique_ptr<XmlFile>(new XmlFile());
    file->m_path = path;
    file->m_file = sources.add(path, *text);
    file->m_source = sources.file(file->m_file);
    const std::string& content = file->m_source->text();
    if (size_t bad = utf8::first_invalid(content); bad != std::string::npos) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", unsigned(static_cast<unsigned char>(content[bad])));
        diags.error(Span{file->m_file, uint32_t(bad), uint32_t(bad + 1)},
                    std::string("expected UTF-8 text, found the invalid byte ") + hex);
        return nullptr;
    }
    // parse_ws_pcdata keeps the spaces between inline elements ("<b>a</b> <i>b</i>").
    auto result = file->m_doc.load_buffer(content.data(), content.size(),
                                          pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
    if (!result) {
        std::string what = result.description();
        if (!what.empty()) what[0] = char(std::tolower(static_cast<unsigned char>(what[0])));
        diags.error(Span{file->m_file, uint32_t(result.offset), uint32_t(result.offset)},
                    "expected well-formed XML: " + what);
        return nullptr;
    }
    return file;
}

Span XmlFile::span(pugi::xml_node node) const {
    auto offset = node.offset_debug();
    if (offset < 0) return Span{m_file, 0, 0};
    uint32_t begin = uint32_t(offset);
    uint32_t end = begin + uint32_t(std::strlen(node.name()));
    return Span{m_file, begin, end};
}

Span XmlFile::attribute_span(pugi::xml_node node, const char* name) const {
    // pugixml keeps no attribute offsets: find `name=` inside the element's start tag.
    Span element = span(node);
    const std::string& text = m_source->text();
    size_t tag_end = text.find('>', element.begin);
    std::string_view tag = std::string_view(text).substr(element.begin, tag_end == std::string::npos ? std::string::npos : tag_end - element.begin);
    size_t name_len = std::strlen(name);
    for (size_t pos = tag.find(name); pos != std::string_view::npos; pos = tag.find(name, pos + 1)) {
        bool starts_word = pos > 0 && std::isspace(static_cast<unsigned char>(tag[pos - 1]));
        size_t after = pos + name_len;
        while (after < tag.size() && std::isspace(static_cast<unsigned char>(tag[after]))) ++after;
        if (starts_word && after < tag.size() && tag[after] == '=')
            return Span{m_file, uint32_t(element.begin + pos), uint32_t(element.begin + pos + name_len)};
    }
    return element;
}

void XmlFile::check_attributes(pugi::xml_node node, std::initializer_list<const char*> allowed, Diagnostics& diags) const {
    for (auto attr : node.attributes()) {
        bool ok = false;
        for (const char* a : allowed) ok = ok || std::strcmp(a, attr.name()) == 0;
        if (ok) continue;
        std::string list;
        for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        diags.error(attribute_span(node, attr.name()),
                    "unknown attribute '" + std::string(attr.name()) + "' on <" + node.name() + ">; expected " +
                        (list.empty() ? "no attributes" : "one of: " + list));
    }
}

std::optional<std::string> XmlFile::required(pugi::xml_node node, const char* name, Diagnostics& diags) const {
    auto attr = node.attribute(name);
    if (!attr) {
        diags.error(span(node), "missing attribute '" + std::string(name) + "' on <" + node.name() + ">");
        return std::nullopt;
    }
    return std::string(attr.value());
}

void XmlFile::expect_empty(pugi::xml_node node, const char* what, Diagnostics& diags) const {
    for (auto child : node.children()) {
        bool text = child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata;
        if (child.type() == pugi::node_element || (text && !is_blank(child.value())))
            diags.error(span(child), std::string("expected <") + node.name() + "> to be empty" + (*what ? "; " : "") + what);
    }
}

void XmlFile::expect_text_only(pugi::xml_node node, Diagnostics& diags) const {
    for (auto child : node.children())
        if (child.type() == pugi::node_element)
            diags.error(span(child), "unexpected element <" + std::string(child.name()) + "> in <" + node.name() + ">; expected text only");
}

std::string collapse_whitespace(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool in_space = false;
    for (char c : text) {
        bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (space) {
            if (!in_space) out += ' ';
            in_space = true;
        } else {
            out += c;
            in_space = false;
        }
    }
    return out;
}

bool is_blank(std::string_view text) {
    for (char c : text)
        if (!(c == ' ' || c == '\n' || c == '\t' || c == '\r')) return false;
    return true;
}

}  // namespace reportc::input
