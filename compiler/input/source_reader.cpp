#include "input/source_reader.h"

#include <algorithm>
#include <cstring>

#include "doc/limits.h"
#include "input/aggregate_reader.h"
#include "input/chart_reader.h"
#include "input/image_reader.h"
#include "input/inline_reader.h"
#include "input/qr_reader.h"
#include "input/report_reader.h"
#include "input/xml_file.h"

namespace reportc::input {

std::optional<doc::Document> ReportReader::read(const std::string& path) {
    auto file = XmlFile::load(path, m_env, m_sources, m_diags, Span{});
    if (!file) return std::nullopt;
    auto root = file->root();
    if (std::strcmp(root.name(), "report") != 0) {
        m_diags.error(file->span(root), "expected the root element <report>, found <" + std::string(root.name()) + ">");
        return std::nullopt;
    }
    file->check_attributes(root, {"layout", "lang"}, m_diags);
    doc::Document document;
    if (auto layout = file->required(root, "layout", m_diags)) {
        document.layout_path = join_path(file->directory(), *layout);
        document.layout_span = file->attribute_span(root, "layout");
    }
    if (auto lang = root.attribute("lang")) document.lang = lang.value();
    m_include_stack.push_back(normalize_path(path));
    bool seen_block = false;
    for (auto child : root.children()) {
        if (child.type() == pugi::node_element && std::strcmp(child.name(), "info") == 0) {
            if (seen_block) m_diags.error(file->span(child), "expected <info> before the first block, found it after");
            read_info(*file, child, document.info);
            continue;
        }
        if (child.type() == pugi::node_element) seen_block = true;
        if (child.type() == pugi::node_element) {
            read_block(*file, child, 1, document.blocks);
        } else if (child.type() == pugi::node_pcdata && !is_blank(child.value())) {
            m_diags.error(file->span(child), "unexpected text in <report>; text belongs in a block such as <p>");
        }
    }
    m_files.push_back(std::move(file));
    document.incomplete = m_include_failed;
    return document;
}

void ReportReader::read_info(const XmlFile& file, pugi::xml_node node, doc::Info& info) {
    file.check_attributes(node, {}, m_diags);
    if (m_seen_info) m_diags.error(file.span(node), "expected one <info>, found a second one");
    m_seen_info = true;
    for (auto child : node.children()) {
        if (child.type() == pugi::node_pcdata && !is_blank(child.value()))
            m_diags.error(file.span(child), "unexpected text in <info>; expected <title>, <author>, <subject>, <keywords> or <variable>");
        if (child.type() != pugi::node_element) continue;
        std::string_view name = child.name();
        if (name == "variable") {
            read_variable(file, child, info);
            continue;
        }
        file.check_attributes(child, {}, m_diags);
        file.expect_text_only(child, m_diags);
        std::string value = collapse_whitespace(child.text().get());
        while (!value.empty() && value.back() == ' ') value.pop_back();
        if (!value.empty() && value.front() == ' ') value.erase(0, 1);
        if (name == "title") info.title = value;
        else if (name == "author") info.author = value;
        else if (name == "subject") info.subject = value;
        else if (name == "keywords") info.keywords = value;
        else m_diags.error(file.span(child), "unexpected element <" + std::string(name) + "> in <info>; expected one of: title, author, subject, keywords, variable");
    }
}

void ReportReader::read_variable(const XmlFile& file, pugi::xml_node node, doc::Info& info) {
    file.check_attributes(node, {"name", "value"}, m_diags);
    file.expect_empty(node, "the value is the value attribute", m_diags);
    auto name = file.required(node, "name", m_diags);
    auto value = file.required(node, "value", m_diags);
    if (name && value) info.variables.push_back({*name, *value, file.span(node)});
}

void ReportReader::read_blocks(const XmlFile& file, pugi::xml_node parent, int level, std::vector<doc::Block>& out) {
    for (auto child : parent.children()) {
        if (child.type() == pugi::node_element) {
            read_block(file, child, level, out);
        } else if ((child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) && !is_blank(child.value())) {
            m_diags.error(file.span(child), "unexpected text in <" + std::string(parent.name()) +
                                                ">; text belongs in a block such as <p>");
        }
    }
}

// Every block element may carry keep-together, keep-with-next, page-break-before and
// page-break-after: they are read here, once, and taken off the element before it is read.
void ReportReader::read_block(const XmlFile& file, pugi::xml_node node, int level, std::vector<doc::Block>& out) {
    if (m_depth >= kMaxBlockDepth) {
        if (!m_too_deep)
            m_diags.error(file.span(node), "expected blocks nested at most " + std::to_string(kMaxBlockDepth) + " deep, found <" +
                                               node.name() + "> at depth " + std::to_string(m_depth + 1));
        m_too_deep = true;
        return;
    }
    struct Deeper {
        int& depth;
        explicit Deeper(int& d) : depth(++d) {}
        ~Deeper() { --depth; }
    } deeper(m_depth);
    std::string_view name = node.name();
    if (name == "include" || name == "page-break") return read_element(file, node, level, out);
    doc::Keeps keeps = take_keeps(file, node);
    auto condition = take_condition(file, node);
    const size_t before = out.size();
    read_element(file, node, level, out);
    if (out.size() == before + 1) out.back().keeps = keeps;
    if (out.size() == before + 1) out.back().condition = std::move(condition);
}

// if="NAME" / unless="NAME" (docs/merge.md#conditions): taken off the element like the keeps.
std::optional<doc::Condition> ReportReader::take_condition(const XmlFile& file, pugi::xml_node node) {
    auto if_attr = node.attribute("if"), unless_attr = node.attribute("unless");
    if (!if_attr && !unless_attr) return std::nullopt;
    if (if_attr && unless_attr) {
        m_diags.error(file.attribute_span(node, "unless"), "expected one of if and unless on <" + std::string(node.name()) + ">, found both");
        node.remove_attribute(unless_attr);
    }
    auto attr = if_attr ? if_attr : unless_attr;
    doc::Condition condition{attr.value(), !if_attr, file.attribute_span(node, attr.name())};
    node.remove_attribute(attr);
    return condition;
}

doc::Keeps ReportReader::take_keeps(const XmlFile& file, pugi::xml_node node) {
    doc::Keeps keeps;
    for (auto [attr, target] : {std::pair{"keep-together", &keeps.together}, std::pair{"keep-with-next", &keeps.with_next},
                                std::pair{"page-break-before", &keeps.break_before}, std::pair{"page-break-after", &keeps.break_after}}) {
        auto a = node.attribute(attr);
        if (!a) continue;
        std::string value = a.value();
        if (value == "true" || value == "false") *target = value == "true";
        else m_diags.error(file.attribute_span(node, attr), std::string("expected ") + attr + " 'true' or 'false', found '" + value + "'");
        node.remove_attribute(a);
    }
    return keeps;
}

void ReportReader::read_element(const XmlFile& file, pugi::xml_node node, int level, std::vector<doc::Block>& out) {
    std::string_view name = node.name();
    if (name == "p") {
        file.check_attributes(node, {"style", "id"}, m_diags);
        out.push_back({read_paragraph(file, node, "")});
    } else if (name == "section") {
        file.check_attributes(node, {"title", "short-title", "id", "style", "page-master", "number"}, m_diags);
        doc::Section section;
        section.short_title = node.attribute("short-title").value();
        section.number = node.attribute("number").value();
        section.page_master = node.attribute("page-master").value();
        section.title = file.required(node, "title", m_diags).value_or("");
        section.id = node.attribute("id").value();
        section.style = node.attribute("style").value();
        section.level = level;
        section.span = file.span(node);
        read_blocks(file, node, level + 1, section.children);
        out.push_back({std::move(section)});
    } else if (name == "article") {
        file.check_attributes(node, {"title", "short-title", "date", "place", "order", "id", "number"}, m_diags);
        doc::Article article;
        article.short_title = node.attribute("short-title").value();
        article.number = node.attribute("number").value();
        article.title = file.required(node, "title", m_diags).value_or("");
        article.id = node.attribute("id").value();
        article.date = node.attribute("date").value();
        article.place = node.attribute("place").value();
        article.level = level;
        std::string order = node.attribute("order").as_string("date-place");
        if (order == "place-date") article.place_first = true;
        else if (order != "date-place")
            m_diags.error(file.attribute_span(node, "order"), "expected order 'date-place' or 'place-date', found '" + order + "'");
        article.span = file.span(node);
        read_blocks(file, node, level + 1, article.children);
        out.push_back({std::move(article)});
    } else if (name == "list") {
        out.push_back({read_list(file, node, level)});
    } else if (name == "signature") {
        file.check_attributes(node, {"name", "role"}, m_diags);
        doc::Signature signature{file.required(node, "name", m_diags).value_or(""), node.attribute("role").value(), file.span(node)};
        file.expect_empty(node, "put the name and role in its attributes", m_diags);
        out.push_back({std::move(signature)});
    } else if (name == "figure") {
        file.check_attributes(node, {"id", "caption", "kind", "number", "separator"}, m_diags);
        doc::Figure figure;
        figure.id = node.attribute("id").value();
        figure.caption = file.required(node, "caption", m_diags).value_or("");
        figure.kind = node.attribute("kind").as_string("figure");
        figure.number = node.attribute("number").value();
        figure.separator = node.attribute("separator").value();
        figure.span = file.span(node);
        read_blocks(file, node, level, figure.children);
        out.push_back({std::move(figure)});
    } else if (name == "table") {
        out.push_back({read_table(file, node, level)});
    } else if (name == "contents") {
        file.check_attributes(node, {"kind"}, m_diags);
        file.expect_empty(node, "its entries come from the headings or the figures", m_diags);
        doc::Contents contents{file.span(node)};
        contents.kind = node.attribute("kind").value();
        out.push_back({std::move(contents)});
    } else if (name == "division") {
        file.check_attributes(node, {"page-master"}, m_diags);
        doc::Division division;
        division.page_master = file.required(node, "page-master", m_diags).value_or("");
        division.span = file.span(node);
        read_blocks(file, node, level, division.children);
        out.push_back({std::move(division)});
    } else if (name == "frame") {
        file.check_attributes(node, {"style"}, m_diags);
        doc::Frame frame;
        frame.style = node.attribute("style").as_string("frame");
        frame.span = file.span(node);
        read_blocks(file, node, level, frame.children);
        out.push_back({std::move(frame)});
    } else if (name == "rule") {
        file.check_attributes(node, {"width", "thickness", "color", "align"}, m_diags);
        file.expect_empty(node, "", m_diags);
        doc::Rule rule{node.attribute("width").value(), node.attribute("thickness").value(), node.attribute("color").value(),
                       node.attribute("align").value(), file.span(node)};
        if (!rule.align.empty() && rule.align != "left" && rule.align != "center" && rule.align != "right")
            m_diags.error(file.attribute_span(node, "align"), "expected align left, center or right, found '" + rule.align + "'");
        out.push_back({std::move(rule)});
    } else if (name == "chart") {
        out.push_back({read_chart(file, node, m_diags)});
    } else if (name == "diagram") {
        out.push_back({read_diagram(file, node, m_diags)});
    } else if (name == "image") {
        file.check_attributes(node, {"src", "width", "height", "fit", "alt"}, m_diags);
        out.push_back({read_image(file, node, m_diags)});
    } else if (name == "qr") {
        out.push_back({read_qr(file, node, m_diags)});
    } else if (name == "page-break") {
        file.check_attributes(node, {}, m_diags);
        file.expect_empty(node, "", m_diags);
        out.push_back({doc::PageBreak{file.span(node)}});
    } else if (name == "include") {
        read_include(file, node, level, out);
    } else {
        m_diags.error(file.span(node), "unexpected element <" + std::string(name) + ">; expected a block element (" +
                                           kBlockElements + ")");
    }
}

void ReportReader::read_include(const XmlFile& file, pugi::xml_node node, int level, std::vector<doc::Block>& out) {
    file.check_attributes(node, {"href"}, m_diags);
    file.expect_empty(node, "", m_diags);
    auto href = file.required(node, "href", m_diags);
    if (!href) return;
    std::string path = join_path(file.directory(), *href);
    Span at = file.attribute_span(node, "href");
    if (std::find(m_include_stack.begin(), m_include_stack.end(), path) != m_include_stack.end()) {
        std::string chain;
        for (const auto& p : m_include_stack) chain += p + " -> ";
        m_diags.error(at, "include cycle: " + chain + path);
        return;
    }
    auto included = XmlFile::load(path, m_env, m_sources, m_diags, at);
    if (!included) {
        m_include_failed = true;
        return;
    }
    m_include_stack.push_back(path);
    auto root = included->root();
    if (std::strcmp(root.name(), "blocks") == 0) {
        included->check_attributes(root, {}, m_diags);
        read_blocks(*included, root, level, out);
    } else {
        read_block(*included, root, level, out);
    }
    m_include_stack.pop_back();
    m_files.push_back(std::move(included));
}

std::optional<doc::Document> read_report(const std::string& path, const Environment& env, SourceManager& sources,
                                         Diagnostics& diags) {
    ReportReader reader(env, sources, diags);
    return reader.read(path);
}

}  // namespace reportc::input
