#include "input/layout_reader.h"

#include <cstring>
#include <sstream>

#include "input/template_reader.h"
#include "input/xml_file.h"

namespace reportc::input {
namespace {

// Properties a paragraph style may set; character styles take the first five.
constexpr const char* kCharacterProperties[] = {"font-family", "font-weight", "font-style", "font-size", "color"};
constexpr const char* kParagraphProperties[] = {
    "font-family", "font-weight", "font-style", "font-size", "color", "leading", "space-before", "space-after",
    "indent-left", "indent-right", "first-line-indent", "align", "keep-with-next", "hyphenate", "widows", "orphans",
    "page-break-before", "text-transform", "rule-below", "rule-color"};
constexpr const char* kTableProperties[] = {"border-color", "border-width", "rules", "padding", "header-shade", "group-shade",
                                           "cell-style", "header-style", "group-style", "repeat-header", "continued-text",
                                           "continued-style", "split-rows", "group-page-break"};
constexpr const char* kPageMasterProperties[] = {"size", "orientation", "margin-top", "margin-bottom", "margin-left",
                                                 "margin-right", "header-offset", "footer-offset", "first-page-marginals", "page-numbering"};

template <size_t N>
bool contains(const char* const (&list)[N], const char* name) {
    for (const char* item : list)
        if (std::strcmp(item, name) == 0) return true;
    return false;
}

template <size_t N>
std::string join(const char* const (&list)[N]) {
    std::string out;
    for (const char* item : list) out += (out.empty() ? "" : ", ") + std::string(item);
    return out;
}

// Attributes of a declaration element: `fixed` are structural (name, based-on), the rest are
// properties checked against `allowed`.
template <size_t N>
std::vector<doc::Property> read_properties(const XmlFile& file, pugi::xml_node node, std::initializer_list<const char*> fixed,
                                           const char* const (&allowed)[N], Diagnostics& diags) {
    std::vector<doc::Property> out;
    for (auto attr : node.attributes()) {
        bool is_fixed = false;
        for (const char* f : fixed) is_fixed = is_fixed || std::strcmp(f, attr.name()) == 0;
        if (is_fixed) continue;
        if (!contains(allowed, attr.name())) {
            diags.error(file.attribute_span(node, attr.name()), "unknown property '" + std::string(attr.name()) + "' on <" +
                                                                    node.name() + ">; expected one of: " + join(allowed));
            continue;
        }
        out.push_back({attr.name(), attr.value(), file.attribute_span(node, attr.name())});
    }
    return out;
}

doc::MarginalDecl read_marginal(const XmlFile& file, pugi::xml_node node, Diagnostics& diags) {
    file.check_attributes(node, {"style", "rule"}, diags);
    doc::MarginalDecl m;
    m.style = node.attribute("style").as_string(std::strcmp(node.name(), "header") == 0 ? "header" : "footer");
    m.rule = std::string(node.attribute("rule").as_string("false")) == "true";
    m.span = file.span(node);
    for (auto child : node.children()) {
        if (child.type() == pugi::node_pcdata && !is_blank(child.value())) {
            diags.error(file.span(child), "unexpected text in <" + std::string(node.name()) + ">; expected <left>, <center> or <right>");
            continue;
        }
        if (child.type() != pugi::node_element) continue;
        std::string_view name = child.name();
        file.check_attributes(child, {}, diags);
        std::string text = collapse_whitespace(child.text().get());
        if (name == "left") m.left = text;
        else if (name == "center") m.center = text;
        else if (name == "right") m.right = text;
        else diags.error(file.span(child), "unexpected element <" + std::string(name) + "> in <" + node.name() + ">; expected <left>, <center> or <right>");
    }
    return m;
}

}  // namespace

std::optional<doc::LayoutSource> read_layout(const std::string& path, const Environment& env, SourceManager& sources,
                                             Diagnostics& diags, Span from) {
    auto file = XmlFile::load(path, env, sources, diags, from);
    if (!file) return std::nullopt;
    auto root = file->root();
    if (std::strcmp(root.name(), "layout") != 0) {
        diags.error(file->span(root), "expected the root element <layout>, found <" + std::string(root.name()) + ">");
        return std::nullopt;
    }
    file->check_attributes(root, {}, diags);
    doc::LayoutSource layout;
    layout.path = path;
    const std::string dir = file->directory();
    for (auto node : root.children()) {
        if (node.type() == pugi::node_pcdata && !is_blank(node.value())) {
            diags.error(file->span(node), "unexpected text in <layout>");
            continue;
        }
        if (node.type() != pugi::node_element) continue;
        std::string_view name = node.name();
        if (name == "font-family") {
            file->check_attributes(node, {"name", "regular", "bold", "italic", "bold-italic"}, diags);
            doc::FontFamilyDecl family;
            family.name = file->required(node, "name", diags).value_or("");
            auto path_of = [&](const char* attr) {
                std::string v = node.attribute(attr).value();
                return v.empty() ? v : join_path(dir, v);
            };
            family.regular = path_of("regular");
            family.bold = path_of("bold");
            family.italic = path_of("italic");
            family.bold_italic = path_of("bold-italic");
            family.regular_span = file->attribute_span(node, "regular");
            family.bold_span = file->attribute_span(node, "bold");
            family.italic_span = file->attribute_span(node, "italic");
            family.bold_italic_span = file->attribute_span(node, "bold-italic");
            family.span = file->span(node);
            if (family.regular.empty()) diags.error(family.span, "missing attribute 'regular' on <font-family>");
            layout.font_families.push_back(family);
        } else if (name == "font-fallback") {
            file->check_attributes(node, {"families"}, diags);
            std::stringstream in(file->required(node, "families", diags).value_or(""));
            std::string family;
            while (std::getline(in, family, ',')) {
                while (!family.empty() && family.front() == ' ') family.erase(0, 1);
                while (!family.empty() && family.back() == ' ') family.pop_back();
                if (!family.empty()) layout.fallback_families.push_back(family);
            }
            layout.fallback_span = file->attribute_span(node, "families");
        } else if (name == "hyphenation") {
            file->check_attributes(node, {"dictionary"}, diags);
            std::string dic = file->required(node, "dictionary", diags).value_or("");
            layout.hyphenation_dictionary = dic.empty() ? dic : join_path(dir, dic);
            layout.hyphenation_span = file->attribute_span(node, "dictionary");
        } else if (name == "page-master") {
            doc::PageMasterDecl master;
            master.name = file->required(node, "name", diags).value_or("");
            master.span = file->span(node);
            master.properties = read_properties(*file, node, {"name"}, kPageMasterProperties, diags);
            for (auto child : node.children()) {
                if (child.type() != pugi::node_element) continue;
                if (std::strcmp(child.name(), "header") == 0) {
                    master.header = read_marginal(*file, child, diags);
                    master.has_header = true;
                } else if (std::strcmp(child.name(), "footer") == 0) {
                    master.footer = read_marginal(*file, child, diags);
                    master.has_footer = true;
                } else {
                    diags.error(file->span(child), "unexpected element <" + std::string(child.name()) + "> in <page-master>; expected <header> or <footer>");
                }
            }
            layout.page_masters.push_back(master);
        } else if (name == "paragraph-style" || name == "character-style") {
            doc::StyleDecl style;
            bool paragraph = name == "paragraph-style";
            style.kind = paragraph ? doc::StyleDecl::Kind::Paragraph : doc::StyleDecl::Kind::Character;
            style.name = file->required(node, "name", diags).value_or("");
            style.based_on = node.attribute("based-on").value();
            style.span = file->span(node);
            style.properties = paragraph ? read_properties(*file, node, {"name", "based-on"}, kParagraphProperties, diags)
                                         : read_properties(*file, node, {"name", "based-on"}, kCharacterProperties, diags);
            layout.styles.push_back(style);
        } else if (name == "table-style") {
            doc::StyleDecl style;
            style.kind = doc::StyleDecl::Kind::Table;
            style.name = file->required(node, "name", diags).value_or("");
            style.based_on = node.attribute("based-on").value();
            style.span = file->span(node);
            style.properties = read_properties(*file, node, {"name", "based-on"}, kTableProperties, diags);
            layout.styles.push_back(style);
        } else if (name == "table-template") {
            auto t = read_table_template(*file, node, diags);
            for (const auto& other : layout.table_templates)
                if (other.name == t.name && !t.name.empty()) diags.error(t.span, "table template '" + t.name + "' is defined twice");
            layout.table_templates.push_back(std::move(t));
        } else if (name == "setting") {
            file->check_attributes(node, {"name", "value"}, diags);
            layout.settings.push_back({file->required(node, "name", diags).value_or(""),
                                       file->required(node, "value", diags).value_or(""), file->attribute_span(node, "value")});
        } else {
            diags.error(file->span(node), "unexpected element <" + std::string(name) +
                                              "> in <layout>; expected one of: font-family, font-fallback, hyphenation, "
                                              "page-master, paragraph-style, character-style, table-style, table-template, setting");
        }
    }
    return layout;
}

}  // namespace reportc::input
