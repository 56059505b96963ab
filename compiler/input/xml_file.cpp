#include "input/xml_file.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <set>
#include <unordered_set>

#include "base/utf8.h"

namespace reportc::input {
namespace {

// What pugixml passes silently is checked on the text first (XML 1.0, sections 2.2, 4.1 and 4.2):
// a character reference to NUL (pugixml cuts the text there), to a surrogate or past U+10FFFF
// (it writes invalid UTF-8); entity declarations (never expanded, for safety) and references to
// entities other than XML's five (pugixml prints them as written).
class ReferenceCheck {
public:
    explicit ReferenceCheck(std::string_view text) : m_text(text) {}

    std::vector<XmlProblem> run() && {
        for (size_t pos = 0; pos < m_text.size();) {
            if (m_text[pos] == '&') pos = reference(pos);
            else if (m_text[pos] != '<') ++pos;
            else if (starts(pos, "<!--")) pos = past(pos, "-->");
            else if (starts(pos, "<![CDATA[")) pos = past(pos, "]]>");
            else if (starts(pos, "<?")) pos = past(pos, "?>");
            else if (starts(pos, "<!DOCTYPE")) pos = doctype(pos);
            else ++pos;
        }
        return std::move(m_problems);
    }

private:
    static constexpr size_t kShown = 24;  // at most this much of a long reference is quoted

    bool starts(size_t pos, std::string_view what) const { return m_text.substr(pos, what.size()) == what; }
    size_t past(size_t pos, std::string_view end) const {
        size_t at = m_text.find(end, pos + 1);
        return at == std::string_view::npos ? m_text.size() : at + end.size();
    }
    static bool name_char(char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == ':' || c == '.' || c == '-' ||
               static_cast<unsigned char>(c) >= 0x80;
    }
    std::string quoted(size_t begin, size_t end) const {
        std::string text(m_text.substr(begin, std::min(end - begin, kShown)));
        return "'" + (end - begin > kShown ? text.append("…") : text) + "'";
    }
    void error(size_t begin, size_t end, std::string message) { m_problems.push_back({begin, end, std::move(message)}); }

    size_t reference(size_t amp) {
        if (starts(amp, "&#")) return character_reference(amp);
        size_t end = amp + 1;
        while (end < m_text.size() && name_char(m_text[end])) ++end;
        if (end == amp + 1 || end == m_text.size() || m_text[end] != ';') return amp + 1;  // a plain '&', as pugixml reads it
        std::string_view name = m_text.substr(amp + 1, end - amp - 1);
        bool predefined = name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos";
        if (!predefined && !m_declared.contains(std::string(name)))  // a declared one is reported at its declaration
            error(amp, end + 1, "unknown entity " + quoted(amp, end + 1) +
                                    "; expected &amp; &lt; &gt; &quot; &apos; or a character reference such as &#xA0;");
        return end + 1;
    }

    size_t character_reference(size_t amp) {
        bool hex = starts(amp, "&#x");
        size_t end = amp + (hex ? 3 : 2);
        const size_t digits = end;
        uint32_t value = 0;
        for (; end < m_text.size() && (hex ? std::isxdigit(static_cast<unsigned char>(m_text[end])) : std::isdigit(static_cast<unsigned char>(m_text[end]))); ++end) {
            char c = char(std::tolower(static_cast<unsigned char>(m_text[end])));
            uint32_t digit = uint32_t(c <= '9' ? c - '0' : c - 'a' + 10);
            value = std::min<uint32_t>(value * (hex ? 16 : 10) + digit, 0x110000);  // saturates past the last code point
        }
        if (end == digits || end == m_text.size() || m_text[end] != ';') return amp + 1;  // not a reference
        const char* what = value == 0 ? " (U+0000, NUL)" : value >= 0xD800 && value <= 0xDFFF ? " (a surrogate)"
                                                      : value > 0x10FFFF ? " (past U+10FFFF)" : nullptr;
        if (what) error(amp, end + 1, "expected a character reference to a character, found " + quoted(amp, end + 1) + what);
        return end + 1;
    }

    // <!DOCTYPE …>: an internal subset's entity declarations are errors; the rest is skipped.
    size_t doctype(size_t begin) {
        size_t pos = begin + 9;
        for (; pos < m_text.size() && m_text[pos] != '>'; ++pos) {
            if (m_text[pos] == '"' || m_text[pos] == '\'') pos = m_text.find(m_text[pos], pos + 1);
            else if (m_text[pos] == '[') pos = internal_subset(pos + 1);
            if (pos == std::string_view::npos) return m_text.size();
        }
        return pos + 1;
    }

    size_t internal_subset(size_t pos) {
        for (; pos < m_text.size() && m_text[pos] != ']'; ++pos) {
            if (m_text[pos] == '"' || m_text[pos] == '\'') {
                pos = m_text.find(m_text[pos], pos + 1);
                if (pos == std::string_view::npos) return pos;
            } else if (starts(pos, "<!--")) {
                pos = past(pos, "-->") - 1;
            } else if (starts(pos, "<!ENTITY")) {
                size_t name = m_text.find_first_not_of(" \t\r\n%", pos + 8);
                size_t end = name;
                while (end < m_text.size() && name_char(m_text[end])) ++end;
                if (name != std::string_view::npos) m_declared.emplace(m_text.substr(name, end - name));
                error(pos, pos + 8, "unexpected entity declaration " + quoted(pos, std::min(end, m_text.size())) +
                                        "; entities are not expanded, write the text or a character reference such as &#xA0;");
            }
        }
        return pos;
    }

    std::string_view m_text;
    std::set<std::string, std::less<>> m_declared;
    std::vector<XmlProblem> m_problems;
};

}  // namespace

std::vector<XmlProblem> check_xml_text(std::string_view text) {
    if (size_t nul = text.find('\0'); nul != std::string_view::npos) return {{nul, nul + 1, "expected text, found a NUL byte (0x00)"}};
    return ReferenceCheck(text).run();
}

std::unique_ptr<XmlFile> XmlFile::load(const std::string& path, const Environment& env, SourceManager& sources,
                                       Diagnostics& diags, Span from) {
    auto text = env.read_file(path);
    if (!text) {
        diags.error(from, "cannot read file '" + path + "': " + env.why_unreadable(path));
        return nullptr;
    }
    auto file = std::unique_ptr<XmlFile>(new XmlFile());
    file->m_path = path;
    file->m_file = sources.add(path, std::move(*text));  // held once, by the manager
    file->m_sources = &sources;
    file->m_source = sources.file(file->m_file);
    file->m_source->pin();
    const std::string& content = file->m_source->text();
    if (size_t bad = utf8::first_invalid(content); bad != std::string::npos) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", unsigned(static_cast<unsigned char>(content[bad])));
        diags.error(Span{file->m_file, uint32_t(bad), uint32_t(bad + 1)},
                    std::string("expected UTF-8 text, found the invalid byte ") + hex);
        return nullptr;
    }
    if (auto problems = check_xml_text(content); !problems.empty()) {
        for (const auto& p : problems) diags.error(Span{file->m_file, uint32_t(p.begin), uint32_t(p.end)}, p.message);
        return nullptr;
    }
    // parse_ws_pcdata keeps the spaces between inline elements ("<b>a</b> <i>b</i>").
    auto result = file->m_doc.load_buffer(content.data(), content.size(),
                                          pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
    if (result.status == pugi::status_end_element_mismatch)
        if (auto mismatch = describe_mismatch(content, size_t(result.offset))) {
            diags.error(Span{file->m_file, uint32_t(mismatch->begin), uint32_t(mismatch->end)}, mismatch->message);
            return nullptr;
        }
    if (!result) {
        std::string what = result.description();
        if (!what.empty()) what[0] = char(std::tolower(static_cast<unsigned char>(what[0])));
        diags.error(Span{file->m_file, uint32_t(result.offset), uint32_t(result.offset)},
                    "expected well-formed XML: " + what);
        return nullptr;
    }
    if (!file->unique_attributes(diags)) return nullptr;
    return file;
}

XmlFile::~XmlFile() {
    if (!m_source) return;
    m_source->unpin();
    m_sources->compact_parsed(m_file);
}

// XML 1.0, section 3.1 (Unique Att Spec), which pugixml does not check: it keeps both, and a
// reader takes one of them (node.attribute() the first, a loop the last), so the other passed
// unchecked and unused. Walked with a loop, not recursion (nesting depth is limited later, by
// the readers); an element's first repeated attribute is reported, in time linear in its
// attributes however many it has.
bool XmlFile::unique_attributes(Diagnostics& diags) const {
    bool ok = true;
    std::unordered_set<std::string_view> names;
    pugi::xml_node node = m_doc.document_element();
    while (node) {
        names.clear();
        for (auto a = node.first_attribute(); a; a = a.next_attribute()) {
            if (names.insert(a.name()).second) continue;
            diags.error(attribute_span(node, a.name(), 1),
                        "expected each attribute once on <" + std::string(node.name()) + ">, found '" + a.name() + "' again");
            ok = false;
            break;
        }
        pugi::xml_node next = node.first_child();
        while (next && next.type() != pugi::node_element) next = next.next_sibling();
        for (pugi::xml_node up = node; up && !next; up = up.parent()) {
            next = up.next_sibling();
            while (next && next.type() != pugi::node_element) next = next.next_sibling();
        }
        node = next;
    }
    return ok;
}

Span XmlFile::span(pugi::xml_node node) const {
    auto offset = node.offset_debug();
    if (offset < 0) return Span{m_file, 0, 0};
    uint32_t begin = uint32_t(offset);
    uint32_t end = begin + uint32_t(std::strlen(node.name()));
    return Span{m_file, begin, end};
}

Span XmlFile::attribute_span(pugi::xml_node node, const char* name, size_t skip) const {
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
        if (starts_word && after < tag.size() && tag[after] == '=' && skip-- == 0)
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
