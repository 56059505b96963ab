// What a mismatched end tag should have been. pugixml stops at "</b" of `<p>text</b>` with
// "start-end tags mismatch" and no names; the reader's message names both the end tag found and
// the one the open element needs, with the line it was opened on. The text up to the end tag was
// accepted by the parser, so a small scan of it is enough: comments, processing instructions,
// CDATA sections and the DOCTYPE are skipped, quoted attribute values may hold '>' (XML 1.0,
// sections 2.5-2.8 and 3.1).
#include <string>
#include <vector>

#include "input/xml_file.h"

namespace reportc::input {
namespace {

bool name_char(char c) {
    return !(c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '>' || c == '/' || c == '=' || c == '"' || c == '\'');
}

// Past the end of the construct that starts at `pos` with `open`, closed by `close`.
size_t past(std::string_view text, size_t pos, std::string_view close) {
    size_t end = text.find(close, pos);
    return end == std::string_view::npos ? text.size() : end + close.size();
}

// Past the '>' that ends a tag or declaration from `pos`, skipping quoted values and, in a
// DOCTYPE (`brackets`), its internal subset in brackets.
size_t past_markup(std::string_view text, size_t pos, bool brackets) {
    int depth = 0;
    char quote = 0;
    for (; pos < text.size(); ++pos) {
        char c = text[pos];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (brackets && (c == '[' || c == ']')) {
            depth += c == '[' ? 1 : -1;
        } else if (c == '>' && depth <= 0) {
            return pos + 1;
        }
    }
    return pos;
}

struct Open {
    std::string name;
    size_t at = 0;
};

size_t line_of(std::string_view text, size_t offset) {
    size_t line = 1;
    for (size_t i = 0; i < offset && i < text.size(); ++i) line += text[i] == '\n';
    return line;
}

}  // namespace

std::optional<XmlProblem> describe_mismatch(std::string_view text, size_t offset) {
    if (offset > text.size()) return std::nullopt;
    size_t end_tag = text.rfind("</", offset);
    if (end_tag == std::string_view::npos) return std::nullopt;
    std::vector<Open> open;
    for (size_t pos = text.find('<'); pos < end_tag; pos = text.find('<', pos)) {
        std::string_view rest = text.substr(pos);
        if (rest.starts_with("<!--")) pos = past(text, pos + 4, "-->");
        else if (rest.starts_with("<?")) pos = past(text, pos + 2, "?>");
        else if (rest.starts_with("<![CDATA[")) pos = past(text, pos + 9, "]]>");
        else if (rest.starts_with("<!")) pos = past_markup(text, pos + 2, true);
        else if (rest.starts_with("</")) {
            if (!open.empty()) open.pop_back();
            pos = past_markup(text, pos + 2, false);
        } else {
            size_t name_end = pos + 1;
            while (name_end < text.size() && name_char(text[name_end])) ++name_end;
            size_t tag_end = past_markup(text, name_end, false);
            if (tag_end < 2 || text[tag_end - 2] != '/') open.push_back({std::string(text.substr(pos + 1, name_end - pos - 1)), pos});
            pos = tag_end;
        }
    }
    if (open.empty()) return std::nullopt;
    size_t found_end = end_tag + 2;
    while (found_end < text.size() && name_char(text[found_end])) ++found_end;
    std::string found(text.substr(end_tag, found_end - end_tag));
    if (found_end < text.size() && text[found_end] == '>') found += '>', ++found_end;
    const Open& expected = open.back();
    return XmlProblem{end_tag, found_end,
                      std::string("expected '</").append(expected.name).append(">' to close '<").append(expected.name)
                          .append(">' of line ").append(std::to_string(line_of(text, expected.at)))
                          .append(", found '").append(found).append("'")};
}

}  // namespace reportc::input
