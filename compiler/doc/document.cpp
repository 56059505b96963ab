#include "doc/document.h"
#include "doc/layout_source.h"

namespace reportc::doc {

Span span_of(const Block& b) {
    return std::visit([](const auto& n) { return n.span; }, b.node);
}

std::string plain_text(const std::vector<TextRun>& runs) {
    std::string out;
    for (const auto& r : runs) out += r.line_break ? "\n" : r.text;
    return out;
}

std::ostream& operator<<(std::ostream& os, const TextRun& r) {
    if (r.line_break) return os << "<br>";
    os << "\"" << r.text << "\"";
    for (const auto& s : r.char_styles) os << "[" << s << "]";
    if (!r.link.empty()) os << "->" << r.link;
    return os;
}

namespace {
void print_blocks(std::ostream& os, const std::vector<Block>& blocks, int depth);

void print_block(std::ostream& os, const Block& b, int depth) {
    std::string pad(depth * 2, ' ');
    std::visit([&](const auto& n) {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, Paragraph>) {
            os << pad << "p(" << n.style << ")";
            for (const auto& r : n.runs) os << " " << r;
            os << "\n";
        } else if constexpr (std::is_same_v<T, Section>) {
            os << pad << "section " << n.level << " \"" << n.title << "\"" << (n.id.empty() ? "" : " #" + n.id) << "\n";
            print_blocks(os, n.children, depth + 1);
        } else if constexpr (std::is_same_v<T, Article>) {
            os << pad << "article \"" << n.title << "\" date=\"" << n.date << "\" place=\"" << n.place << "\"\n";
            print_blocks(os, n.children, depth + 1);
        } else if constexpr (std::is_same_v<T, List>) {
            os << pad << "list marker=\"" << n.marker << "\"\n";
            for (const auto& item : n.items) {
                os << pad << "  item" << (item.label.empty() ? "" : " label=\"" + item.label + "\"") << "\n";
                print_blocks(os, item.blocks, depth + 2);
            }
        } else if constexpr (std::is_same_v<T, Signature>) {
            os << pad << "signature \"" << n.name << "\" \"" << n.role << "\"\n";
        } else if constexpr (std::is_same_v<T, Figure>) {
            os << pad << "figure #" << n.id << " \"" << n.caption << "\"\n";
            print_blocks(os, n.children, depth + 1);
        } else if constexpr (std::is_same_v<T, PageBreak>) {
            os << pad << "page-break\n";
        } else if constexpr (std::is_same_v<T, Table>) {
            os << pad << "table columns=" << n.columns.size() << " rows=" << n.rows.size() << "\n";
        }
    }, b.node);
}

void print_blocks(std::ostream& os, const std::vector<Block>& blocks, int depth) {
    for (const auto& b : blocks) print_block(os, b, depth);
}
}  // namespace

std::ostream& operator<<(std::ostream& os, const Block& b) {
    print_block(os, b, 0);
    return os;
}

std::ostream& operator<<(std::ostream& os, const Document& d) {
    os << "document \"" << d.info.title << "\" layout=" << d.layout_path << "\n";
    print_blocks(os, d.blocks, 1);
    return os;
}

std::ostream& operator<<(std::ostream& os, const StyleDecl& s) {
    os << (s.kind == StyleDecl::Kind::Paragraph ? "paragraph-style " : "character-style ") << s.name;
    if (!s.based_on.empty()) os << " based-on=" << s.based_on;
    for (const auto& p : s.properties) os << " " << p.name << "=" << p.value;
    return os;
}

}  // namespace reportc::doc
