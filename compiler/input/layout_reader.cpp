#include "input/layout_reader.h"

#include <cctype>
#include <cstring>
#include <sstream>

#include "input/inline_reader.h"
#include "input/template_reader.h"
#include "input/image_reader.h"
#include "input/ties_reader.h"
#include "input/protrusion_reader.h"
#include "input/xml_file.h"
#include "base/font_features.h"

namespace reportc::input {
namespace {

// <font-family font-features="liga onum -kern">: known tags (base/font_features.h), separated by
// spaces or commas, each once.
std::vector<FontFeature> read_font_features(const XmlFile& file, pugi::xml_node node, Diagnostics& diags) {
    std::vector<FontFeature> out;
    std::stringstream in(node.attribute("font-features").as_string(""));
    std::string word;
    while (in >> word) {
        while (!word.empty() && word.back() == ',') word.pop_back();
        if (word.empty()) continue;
        const std::optional<FontFeature> feature = parse_font_feature(word);
        if (!feature) {
            std::string known;
            for (std::string_view tag : known_font_features()) known.append(known.empty() ? "" : ", ").append(tag);
            diags.error(file.attribute_span(node, "font-features"),
                        std::string("expected an OpenType feature (").append(known).append(", or one of them after '-'), found '")
                            .append(word)
                            .append("'"));
            continue;
        }
        out.push_back(*feature);
    }
    return out;
}

// Properties a paragraph style may set, and those a character style may.
constexpr const char* kCharacterProperties[] = {"font-family", "font-weight", "font-style", "font-size", "color", "baseline-shift",
                                                 "vertical-align", "text-decoration", "font-variant", "background-color"};
// <hyphenation>'s policy (docs/layout-format.md); the style module checks the values.
constexpr const char* kHyphenationProperties[] = {"hyphen-penalty", "explicit-hyphen-penalty", "capitalized-penalty",
                                                   "uppercase-penalty", "double-hyphen-demerits", "final-hyphen-demerits",
                                                   "max-hyphenated-lines",
                                                   "emergency-penalty"};
constexpr const char* kParagraphProperties[] = {
    "font-family", "font-weight", "font-style", "font-size", "color", "leading", "space-before", "space-after",
    "indent-left", "indent-right", "first-line-indent", "align", "keep-with-next", "hyphenate", "widows", "orphans",
    "page-break-before", "text-transform", "rule-below", "rule-color", "break-penalty",
    "keep-together", "page-break-after", "space-before-at-top", "keep-with-next-lines", "text-wrap", "space-after-list", "list-marker",
    "fit", "min-font-size",
    "protrusion", "font-expansion",
    "space-stretch", "space-shrink"};
constexpr const char* kTableProperties[] = {"border-color", "border-width", "rules", "padding", "header-shade", "group-shade",
                                           "cell-style", "header-style", "group-style", "repeat-header", "continued-text",
                                           "continued-style", "split-rows", "group-page-break",
                                           "stripe-shade", "padding-top", "padding-bottom", "keep-together", "keep-with-next",
                                           "page-break-before", "page-break-after",
                                           "row-continued-text", "row-continued-style"};
constexpr const char* kBoxProperties[] = {
    "background", "border", "border-top", "border-right", "border-bottom", "border-left", "padding", "padding-top",
    "padding-right", "padding-bottom", "padding-left", "radius", "height", "min-height", "space-before", "space-after",
    "space-before-at-top", "keep-together", "keep-with-next", "page-break-before", "page-break-after"};
constexpr const char* kPageMasterProperties[] = {"size", "orientation", "margin-top", "margin-bottom", "margin-left",
                                                 "margin-right", "header-offset", "footer-offset", "first-page-marginals", "page-numbering",
                                                 "sheet"};

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

// A header or footer slot: styled text, or one <image> alone. A slot with both keeps its text
// (the image is reported and left out).
void read_slot(const XmlFile& file, pugi::xml_node slot, std::vector<doc::TextRun>& text, std::optional<doc::Image>& image,
               Diagnostics& diags) {
    pugi::xml_node element = slot.child("image");
    bool alone = true;
    for (auto other : slot.children()) {
        const bool is_text = other.type() == pugi::node_pcdata || other.type() == pugi::node_cdata;
        if (other != element && (other.type() == pugi::node_element || (is_text && !is_blank(other.value())))) alone = false;
    }
    if (element && alone) {
        file.check_attributes(element, {"src", "width", "height", "fit", "alt"}, diags);
        image = read_image(file, element, diags);
        return;
    }
    if (element) {
        diags.error(file.span(element), "expected <" + std::string(slot.name()) + "> to hold text or one <image>, not both");
        slot.remove_child(element);
    }
    text = read_styled_text(file, slot, diags);
}

doc::MarginalDecl read_marginal(const XmlFile& file, pugi::xml_node node, Diagnostics& diags) {
    file.check_attributes(node, {"style", "rule"}, diags);
    doc::MarginalDecl m;
    m.style = node.attribute("style").as_string(std::strcmp(node.name(), "header") == 0 ? "header" : "footer");
    std::string rule = node.attribute("rule").as_string("false");
    if (rule == "true") m.rule = true;
    else if (rule != "false")
        diags.error(file.attribute_span(node, "rule"), "expected rule 'true' or 'false', found '" + rule + "'");
    m.span = file.span(node);
    for (auto child : node.children()) {
        if (child.type() == pugi::node_pcdata && !is_blank(child.value())) {
            diags.error(file.span(child), "unexpected text in <" + std::string(node.name()) + ">; expected <left>, <center> or <right>");
            continue;
        }
        if (child.type() != pugi::node_element) continue;
        std::string_view name = child.name();
        file.check_attributes(child, {}, diags);
        if (name == "left") read_slot(file, child, m.left, m.left_image, diags);
        else if (name == "center") read_slot(file, child, m.center, m.center_image, diags);
        else if (name == "right") read_slot(file, child, m.right, m.right_image, diags);
        else diags.error(file.span(child), "unexpected element <" + std::string(name) + "> in <" + node.name() + ">; expected <left>, <center> or <right>");
    }
    return m;
}

doc::LinkPatternDecl read_link_pattern(const XmlFile& file, pugi::xml_node node, Diagnostics& diags) {
    file.check_attributes(node, {"style", "match", "target", "link-text"}, diags);
    file.expect_empty(node, "", diags);
    doc::LinkPatternDecl p;
    p.style = file.required(node, "style", diags).value_or("");
    p.match = file.required(node, "match", diags).value_or("");
    p.target = file.required(node, "target", diags).value_or("");
    p.link_text = node.attribute("link-text").value();
    p.span = file.attribute_span(node, "style");
    p.match_span = file.attribute_span(node, "match");
    p.target_span = file.attribute_span(node, "target");
    p.link_text_span = file.attribute_span(node, "link-text");
    return p;
}

// <numbering>: its rules with their attributes as written (xref checks the values).
void read_numbering(const XmlFile& file, pugi::xml_node node, std::vector<doc::NumberingDecl>& out, Diagnostics& diags) {
    file.check_attributes(node, {}, diags);
    for (auto child : node.children()) {
        if (child.type() == pugi::node_pcdata && !is_blank(child.value()))
            diags.error(file.span(child), "unexpected text in <numbering>");
        if (child.type() != pugi::node_element) continue;
        std::string_view name = child.name();
        if (name == "heading") file.check_attributes(child, {"level", "format", "label", "separator", "show-label"}, diags);
        else if (name == "figure") file.check_attributes(child, {"kind", "format", "label", "separator", "show-label", "scope"}, diags);
        else if (name == "footnote") file.check_attributes(child, {"label"}, diags);
        else if (name == "ref-format") file.check_attributes(child, {"name", "text"}, diags);
        else {
            diags.error(file.span(child), "unexpected element <" + std::string(name) +
                                              "> in <numbering>; expected one of: heading, figure, footnote, ref-format");
            continue;
        }
        file.expect_empty(child, "", diags);
        doc::NumberingDecl decl{std::string(name), {}, file.span(child)};
        for (auto attr : child.attributes()) decl.attributes.push_back({attr.name(), attr.value(), file.attribute_span(child, attr.name())});
        out.push_back(std::move(decl));
    }
}

// The words of an <abbreviation-ignore>, each located at itself; comments between them are
// allowed, so a long list can be grouped and explained.
void read_ignored_words(const XmlFile& file, pugi::xml_node node, std::vector<doc::IgnoredWord>& out, Diagnostics& diags) {
    file.check_attributes(node, {}, diags);
    for (auto child : node.children()) {
        if (child.type() == pugi::node_comment) continue;
        if (child.type() != pugi::node_pcdata && child.type() != pugi::node_cdata) {
            diags.error(file.span(child), "unexpected element <" + std::string(child.name()) +
                                              "> in <abbreviation-ignore>; expected words separated by spaces");
            continue;
        }
        Span text = file.span(child);
        std::string_view value = child.value();
        size_t i = 0;
        while (i < value.size()) {
            while (i < value.size() && std::isspace(static_cast<unsigned char>(value[i]))) ++i;
            size_t j = i;
            while (j < value.size() && !std::isspace(static_cast<unsigned char>(value[j]))) ++j;
            if (j > i) out.push_back({std::string(value.substr(i, j - i)), Span{text.file, uint32_t(text.begin + i), uint32_t(text.begin + j)}});
            i = j;
        }
    }
}

// <links allow-schemes="ftp tel">: link schemes allowed beside http, https and mailto, each a
// letter, then letters, digits, '+', '-' or '.' (RFC 3986 §3.1), kept in lowercase.
void read_link_schemes(const XmlFile& file, pugi::xml_node node, std::vector<std::string>& out, Diagnostics& diags) {
    file.check_attributes(node, {"allow-schemes"}, diags);
    file.expect_empty(node, "", diags);
    auto value = file.required(node, "allow-schemes", diags);
    if (!value) return;
    std::istringstream words(*value);
    for (std::string word; words >> word;) {
        bool valid = std::isalpha(static_cast<unsigned char>(word[0]));
        for (char& c : word) {
            valid = valid && (std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.');
            c = char(std::tolower(static_cast<unsigned char>(c)));
        }
        if (valid) out.push_back(word);
        else diags.error(file.attribute_span(node, "allow-schemes"), "expected link schemes such as 'ftp tel' (a letter, then letters, digits, '+', '-' or '.'), found '" + word + "'");
    }
}

// A pattern applies to runs of a character style: a name no <character-style> declares would
// silently link nothing.
void check_link_pattern_styles(const doc::LayoutSource& layout, Diagnostics& diags) {
    for (const auto& p : layout.link_patterns) {
        bool declared = false;
        for (const auto& s : layout.styles) declared = declared || (s.kind == doc::StyleDecl::Kind::Character && s.name == p.style);
        if (!declared && !p.style.empty())
            diags.error(p.span, "expected a character style declared with <character-style> in 'style', found '" + p.style + "'");
    }
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
            file->check_attributes(node, {"name", "regular", "bold", "italic", "bold-italic", "kerning",
                                          "font-features"}, diags);
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
            if (std::string kerning = node.attribute("kerning").as_string("true"); kerning == "false") family.kerning = false;
            else if (kerning != "true")
                diags.error(file->attribute_span(node, "kerning"), "expected kerning 'true' or 'false', found '" + kerning + "'");
            family.features = read_font_features(*file, node, diags);
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
            layout.hyphenation_policy = read_properties(*file, node, {"dictionary"}, kHyphenationProperties, diags);
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
                } else if (std::strcmp(child.name(), "image") == 0) {
                    file->check_attributes(child, {"src", "x", "y", "width", "height", "fit", "alt"}, diags);
                    master.images.push_back({read_image(*file, child, diags), child.attribute("x").as_string("0"),
                                             child.attribute("y").as_string("0")});
                } else if (std::strcmp(child.name(), "fill") == 0) {
                    file->check_attributes(child, {"x", "y", "width", "height", "color"}, diags);
                    master.fills.push_back({child.attribute("x").as_string("0"), child.attribute("y").as_string("0"),
                                            file->required(child, "width", diags).value_or(""),
                                            file->required(child, "height", diags).value_or(""),
                                            file->required(child, "color", diags).value_or(""), file->span(child)});
                } else {
                    diags.error(file->span(child), "unexpected element <" + std::string(child.name()) + "> in <page-master>; expected <header>, <footer>, <image> or <fill>");
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
        } else if (name == "table-style" || name == "box-style") {
            doc::StyleDecl style;
            const bool table = name == "table-style";
            style.kind = table ? doc::StyleDecl::Kind::Table : doc::StyleDecl::Kind::Box;
            style.name = file->required(node, "name", diags).value_or("");
            style.based_on = node.attribute("based-on").value();
            style.span = file->span(node);
            style.properties = table ? read_properties(*file, node, {"name", "based-on"}, kTableProperties, diags)
                                     : read_properties(*file, node, {"name", "based-on"}, kBoxProperties, diags);
            layout.styles.push_back(style);
        } else if (name == "table-template") {
            auto t = read_table_template(*file, node, diags);
            for (const auto& other : layout.table_templates)
                if (other.name == t.name && !t.name.empty()) diags.error(t.span, "table template '" + t.name + "' is defined twice");
            layout.table_templates.push_back(std::move(t));
        } else if (name == "setting") {
            file->check_attributes(node, {"name", "value"}, diags);
            auto setting_name = file->required(node, "name", diags);
            auto value = file->required(node, "value", diags);
            if (setting_name && value)
                layout.settings.push_back({*setting_name, *value, file->attribute_span(node, "name"), file->attribute_span(node, "value")});
        } else if (name == "link-pattern") {
            layout.link_patterns.push_back(read_link_pattern(*file, node, diags));
        } else if (name == "links") {
            read_link_schemes(*file, node, layout.link_schemes, diags);
        } else if (name == "abbreviation-ignore") {
            read_ignored_words(*file, node, layout.abbreviation_ignore, diags);
        } else if (name == "numbering") {
            read_numbering(*file, node, layout.numbering, diags);
        } else if (name == "ties") {
            layout.ties.push_back(read_ties(*file, node, diags));
        } else if (name == "protrusion") {
            layout.protrusion.push_back(read_protrusion(*file, node, diags));
        } else {
            diags.error(file->span(node), "unexpected element <" + std::string(name) +
                                              "> in <layout>; expected one of: font-family, font-fallback, hyphenation, "
                                              "page-master, paragraph-style, character-style, table-style, box-style, table-template, setting, "
                                              "link-pattern, links, abbreviation-ignore, numbering, ties, protrusion");
        }
    }
    check_link_pattern_styles(layout, diags);
    return layout;
}

}  // namespace reportc::input
