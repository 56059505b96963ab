// The text trace: formatting by hand (no streams, no printf), so neither the C nor the C++
// locale can change a byte of it.
#include "trace/trace.h"

#include <variant>

namespace reportc::trace {

namespace {

const char* kHex = "0123456789abcdef";

// Three decimals, rounded half away from zero, no unit: "595.276", "-0.500".
std::string num(Length l) {
    const int64_t half = Length::kSpPerPt / 2;
    int64_t milli = (l.sp * 1000 + (l.sp >= 0 ? half : -half)) / Length::kSpPerPt;
    std::string sign = milli < 0 ? "-" : "";
    if (milli < 0) milli = -milli;
    std::string frac = std::to_string(milli % 1000);
    while (frac.size() < 3) frac.insert(frac.begin(), '0');
    return sign + std::to_string(milli / 1000) + "." + frac;
}

std::string color(Color c) {
    return {'#', kHex[c.r >> 4], kHex[c.r & 15], kHex[c.g >> 4], kHex[c.g & 15], kHex[c.b >> 4], kHex[c.b & 15]};
}

std::string color(const std::optional<Color>& c) { return c ? color(*c) : "none"; }

std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char ch : s) {
        unsigned char c = static_cast<unsigned char>(ch);
        switch (ch) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20 || c == 0x7F) {
                out += "\\u00";
                out += kHex[c >> 4];
                out += kHex[c & 15];
            } else {
                out += ch;
            }
        }
    }
    return out + "\"";
}

std::string name(const std::string& s) {
    if (s.empty()) return quoted(s);
    for (unsigned char c : s)
        if (c <= 0x20 || c == 0x7F || c == '"' || c == '\\') return quoted(s);
    return s;
}

std::string point(Point p) { return num(p.x) + " " + num(p.y); }

const char* style_name(frame::PageLabelStyle s) {
    switch (s) {
    case frame::PageLabelStyle::Decimal: return "decimal";
    case frame::PageLabelStyle::LowerRoman: return "lower-roman";
    case frame::PageLabelStyle::UpperRoman: return "upper-roman";
    case frame::PageLabelStyle::LowerAlpha: return "lower-alpha";
    case frame::PageLabelStyle::UpperAlpha: return "upper-alpha";
    }
    return "?";
}

std::string item_line(const frame::TextItem& t) {
    // Tracking, expansion (tz, in thousandths of the width) and kerning ("kern=AT:MILLI,…",
    // base/kerning.h) are written only where there are some, so traces of other text stay as they were.
    std::string kerning;
    for (const Kern& k : t.kerning.adjustments())
        kerning.append(kerning.empty() ? " kern=" : ",").append(std::to_string(k.at)).append(":").append(std::to_string(k.milli));
    // Glyph substitutions ("glyphs=AT+COUNT:GLYPH,…"): which characters are drawn as which glyph
    // (a ligature, a small capital); open ones are drawn as their letters and not listed.
    std::string glyphs;
    for (const GlyphSub& g : t.kerning.substitutions())
        if (!g.open)
            glyphs.append(glyphs.empty() ? " glyphs=" : ",")
                .append(std::to_string(g.at))
                .append("+")
                .append(std::to_string(g.count))
                .append(":")
                .append(std::to_string(g.glyph));
    return "text f" + std::to_string(t.font) + " " + num(t.size) + " " + num(t.x) + " " + num(t.y) + " " +
           color(t.color) + (t.tracking != Length{} ? " tc=" + num(t.tracking) : "") +
           (t.expansion != 0 ? std::string(" tz=").append(std::to_string(1000 + t.expansion)) : "") + kerning + glyphs + " " +
           quoted(t.text);
}

std::string item_line(const frame::ShapeItem& s) {
    std::string line = "shape fill=" + color(s.fill) + " stroke=" + color(s.stroke) + " lw=" + num(s.line_width);
    if (s.fill_rule == frame::FillRule::EvenOdd) line += " rule=evenodd";
    for (const frame::PathCommand& cmd : s.path) {
        switch (cmd.kind) {
        case frame::PathCommand::Kind::MoveTo: line += " M " + point(cmd.points[0]); break;
        case frame::PathCommand::Kind::LineTo: line += " L " + point(cmd.points[0]); break;
        case frame::PathCommand::Kind::CurveTo:
            line += " C " + point(cmd.points[0]) + " " + point(cmd.points[1]) + " " + point(cmd.points[2]);
            break;
        case frame::PathCommand::Kind::Close: line += " Z"; break;
        }
    }
    return line;
}

std::string item_line(const frame::LinkItem& l) {
    std::string line = "link " + num(l.rect.x) + " " + num(l.rect.y) + " " + num(l.rect.width) + " " + num(l.rect.height);
    if (!l.uri().empty()) line += " uri=" + quoted(l.uri());
    if (!l.anchor().empty() || l.uri().empty()) line += " anchor=" + quoted(l.anchor());
    return line;
}

std::string item_line(const frame::AnchorItem& a) { return "anchor " + name(a.name) + " " + point(a.at); }

std::string rect(const Rect& r) { return num(r.x) + " " + num(r.y) + " " + num(r.width) + " " + num(r.height); }

// The file's name only: traces hold no paths.
std::string item_line(const frame::ImageItem& i) {
    const std::string& path = i.path();
    std::string line = "image " + quoted(path.substr(path.find_last_of('/') + 1)) + " " + rect(i.rect);
    if (auto clip = i.clip()) line += " clip " + rect(*clip);
    if (const auto& image = i.image()) {
        static const char* spaces[] = {"gray", "rgb", "cmyk"};
        line += std::string(image->format == image::Format::Png ? " png " : " jpeg ") + std::to_string(image->width) + "x" +
                std::to_string(image->height) + " " + spaces[int(image->color)];
        if (!image->alpha.empty()) line += " alpha";
    }
    if (!i.alt().empty()) line += " alt=" + quoted(i.alt());
    return line;
}

}  // namespace

std::string trace(const frame::FrameDocument& doc) {
    std::string out;
    auto line = [&](const std::string& s) {
        out += s;
        out += '\n';
    };

    const frame::DocumentInfo& info = doc.info;
    line("document pages=" + std::to_string(doc.pages.size()) + " title=" + quoted(info.title));
    line("info author=" + quoted(info.author) + " subject=" + quoted(info.subject) + " keywords=" +
         quoted(info.keywords) + " creator=" + quoted(info.creator) +
         " epoch=" + (info.creation_epoch ? std::to_string(*info.creation_epoch) : std::string("none")));
    for (size_t i = 0; i < doc.fonts.size(); ++i) line("font " + std::to_string(i) + " " + name(doc.fonts[i].postscript_name));

    for (size_t i = 0; i < doc.pages.size(); ++i) {
        const frame::Page& page = doc.pages[i];
        line("page " + std::to_string(i + 1) + " " + num(page.size.width) + "x" + num(page.size.height) + (page.turned ? " turned" : ""));
        for (const frame::Item& item : page.items)
            line("  " + std::visit([](const auto& v) { return item_line(v); }, item));
    }

    for (const frame::OutlineEntry& e : doc.outline)
        line("outline " + std::to_string(e.level) + " " + quoted(e.title) + " -> " + name(e.anchor));
    for (const frame::PageLabelRange& r : doc.page_labels)
        line("label page=" + std::to_string(r.first_page) + " style=" + style_name(r.style) +
             " start=" + std::to_string(r.start) + " prefix=" + quoted(r.prefix));
    if (doc.show_outline) line("view outlines");
    return out;
}

}  // namespace reportc::trace
