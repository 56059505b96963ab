#include "input/ties_reader.h"

#include <cctype>
#include <cstring>
#include <string>
#include <string_view>

namespace reportc::input {
namespace {

// The words of an element's text, each with its span.
void read_words(const XmlFile& file, pugi::xml_node node, std::vector<doc::IgnoredWord>& out, Diagnostics& diags) {
    file.check_attributes(node, {}, diags);
    for (auto child : node.children()) {
        if (child.type() == pugi::node_comment) continue;
        if (child.type() != pugi::node_pcdata && child.type() != pugi::node_cdata) {
            diags.error(file.span(child), "unexpected element <" + std::string(child.name()) + "> in <" + node.name() +
                                              ">; expected words separated by spaces");
            continue;
        }
        const Span text = file.span(child);
        const std::string_view value = child.value();
        for (size_t i = 0; i < value.size();) {
            while (i < value.size() && std::isspace(static_cast<unsigned char>(value[i]))) ++i;
            size_t j = i;
            while (j < value.size() && !std::isspace(static_cast<unsigned char>(value[j]))) ++j;
            if (j > i) out.push_back({std::string(value.substr(i, j - i)), Span{text.file, uint32_t(text.begin + i), uint32_t(text.begin + j)}});
            i = j;
        }
    }
}

}  // namespace

doc::TiesDecl read_ties(const XmlFile& file, pugi::xml_node node, Diagnostics& diags) {
    file.check_attributes(node, {"lang", "after-number"}, diags);
    doc::TiesDecl ties;
    ties.lang = file.required(node, "lang", diags).value_or("");
    ties.span = file.span(node);
    if (auto attr = node.attribute("after-number"))
        ties.attributes.push_back({"after-number", attr.value(), file.attribute_span(node, "after-number")});
    for (auto child : node.children()) {
        if (child.type() == pugi::node_pcdata && !std::string_view(child.value()).empty() &&
            std::string_view(child.value()).find_first_not_of(" \t\r\n") != std::string_view::npos) {
            diags.error(file.span(child), "unexpected text in <ties>");
            continue;
        }
        if (child.type() != pugi::node_element) continue;
        if (std::strcmp(child.name(), "after") == 0) read_words(file, child, ties.after, diags);
        else if (std::strcmp(child.name(), "before-number") == 0) read_words(file, child, ties.before_number, diags);
        else
            diags.error(file.span(child), "unexpected element <" + std::string(child.name()) +
                                              "> in <ties>; expected <after> or <before-number>");
    }
    return ties;
}

}  // namespace reportc::input
