#include "input/qr_reader.h"

#include <algorithm>
#include <cctype>

namespace reportc::input {
namespace {

std::optional<doc::QrLevel> parse_level(std::string_view text) {
    if (text == "L") return doc::QrLevel::L;
    if (text == "M") return doc::QrLevel::M;
    if (text == "Q") return doc::QrLevel::Q;
    if (text == "H") return doc::QrLevel::H;
    return std::nullopt;
}

constexpr int kMaxQuietZone = 16;

}  // namespace

doc::Qr read_qr(const XmlFile& file, pugi::xml_node node, Diagnostics& diags) {
    file.check_attributes(node, {"data", "size", "level", "quiet-zone", "color", "colour", "align", "link", "alt"}, diags);
    file.expect_empty(node, "put the text it carries in its data attribute", diags);
    doc::Qr qr;
    qr.span = file.span(node);
    qr.data = file.required(node, "data", diags).value_or("");
    qr.size = node.attribute("size").value();
    qr.color = node.attribute("color") ? node.attribute("color").value() : node.attribute("colour").value();
    qr.alt = node.attribute("alt").value();
    if (auto a = node.attribute("level")) {
        if (auto level = parse_level(a.value())) qr.level = *level;
        else diags.error(file.attribute_span(node, "level"), std::string("expected level L, M, Q or H, found '").append(a.value()).append("'"));
    }
    if (auto a = node.attribute("quiet-zone")) {
        const std::string text = a.value();
        const bool digits = !text.empty() && text.size() <= 2 && std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
        if (digits && std::stoi(text) <= kMaxQuietZone) qr.quiet_zone = std::stoi(text);
        else diags.error(file.attribute_span(node, "quiet-zone"),
                         std::string("expected quiet-zone a number of modules from 0 to ").append(std::to_string(kMaxQuietZone)).append(", found '").append(text).append("'"));
    }
    qr.align = node.attribute("align").value();
    if (!qr.align.empty() && qr.align != "left" && qr.align != "center" && qr.align != "right")
        diags.error(file.attribute_span(node, "align"), std::string("expected align left, center or right, found '").append(qr.align).append("'"));
    qr.link = doc::is_link_data(qr.data);
    if (auto a = node.attribute("link")) {
        const std::string text = a.value();
        qr.link_given = true;
        if (text == "yes" || text == "no") qr.link = text == "yes";
        else diags.error(file.attribute_span(node, "link"), std::string("expected link 'yes' or 'no', found '").append(text).append("'"));
    }
    return qr;
}

}  // namespace reportc::input
