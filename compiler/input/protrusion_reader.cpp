#include "input/protrusion_reader.h"

#include <cstring>
#include <string>
#include <string_view>

namespace reportc::input {

doc::ProtrusionDecl read_protrusion(const XmlFile& file, pugi::xml_node node, Diagnostics& diags) {
    file.check_attributes(node, {"family", "unit"}, diags);
    doc::ProtrusionDecl decl;
    decl.family = file.required(node, "family", diags).value_or("");
    decl.span = file.span(node);
    decl.family_span = file.attribute_span(node, "family");
    if (auto unit = node.attribute("unit")) {
        decl.unit = unit.value();
        decl.unit_span = file.attribute_span(node, "unit");
    }
    for (auto child : node.children()) {
        if (child.type() == pugi::node_pcdata && std::string_view(child.value()).find_first_not_of(" \t\r\n") != std::string_view::npos) {
            diags.error(file.span(child), "unexpected text in <protrusion>");
            continue;
        }
        if (child.type() != pugi::node_element) continue;
        if (std::strcmp(child.name(), "char") != 0) {
            diags.error(file.span(child), "unexpected element <" + std::string(child.name()) + "> in <protrusion>; expected <char>");
            continue;
        }
        file.check_attributes(child, {"c", "left", "right"}, diags);
        doc::ProtrusionEntryDecl entry;
        entry.span = file.span(child);
        entry.c = file.required(child, "c", diags).value_or("");
        entry.c_span = file.attribute_span(child, "c");
        entry.left = child.attribute("left").value();
        entry.left_span = file.attribute_span(child, "left");
        entry.right = child.attribute("right").value();
        entry.right_span = file.attribute_span(child, "right");
        if (!child.attribute("c")) continue;  // reported by required()
        decl.entries.push_back(std::move(entry));
    }
    return decl;
}

}  // namespace reportc::input
