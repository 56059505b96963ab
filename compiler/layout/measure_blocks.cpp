#include "layout/block_layout.h"
#include "layout/block_parts.h"
#include "layout/paragraph_layout.h"
#include "layout/qr_layout.h"

namespace reportc::layout {
namespace {

using namespace block_parts;

// Min/max content widths, node by node (overloads: every block type says what it adds).
class Measurer {
public:
    Measurer(const BlockEnv& env, LayoutContext& ctx) : m_env(env), m_ctx(ctx) {}

    std::pair<Length, Length> blocks(const std::vector<doc::Block>& blocks) {
        for (const auto& b : blocks) doc::visit_node([&](const auto& n) { measure(n); }, b);
        return m_acc;
    }

private:
    void widen(std::pair<Length, Length> v) {
        m_acc.first = max(m_acc.first, v.first);
        m_acc.second = max(m_acc.second, v.second);
    }
    void text(const std::string& text, const std::string& style_name, doc::NodeId node, ParagraphPart part, Span span) {
        runs(plain_runs(text, span), style_name, node, part, span);
    }
    void runs(const std::vector<doc::TextRun>& runs, const std::string& style_name, doc::NodeId node, ParagraphPart part,
              Span span) {
        const auto& style = paragraph_style(style_name, span, m_ctx);
        widen(measure_paragraph(style_runs(runs, style, m_ctx), style, span, options_for(node, part), m_env, m_ctx));
    }
    void children(const std::vector<doc::Block>& blocks) { widen(Measurer(m_env, m_ctx).blocks(blocks)); }

    void measure(const doc::Paragraph& n) {
        const auto& style = paragraph_style(n.style.empty() ? m_env.paragraph_style : n.style.str(), n.span, m_ctx);
        widen(measure_paragraph(style_runs(n.runs, style, m_ctx), style, n.span, options_for(n.node, ParagraphPart::Body), m_env, m_ctx));
    }
    void measure(const doc::List& n) {
        const auto& style = paragraph_style(n.style, n.span, m_ctx);
        for (const auto& item : n.items) {
            bool first = true;  // the marker hangs before the item's first block only, as it is set
            for (const auto& ib : item.blocks) {
                if (const auto* p = std::get_if<doc::Paragraph>(&ib.node)) {
                    const auto& ps = p->style.empty() || p->style == n.style ? style : paragraph_style(p->style, p->span, m_ctx);
                    ParagraphOptions options = options_for(p->node, ParagraphPart::Body);
                    if (first) options.marker = item_marker(n, item, style);
                    widen(measure_paragraph(style_runs(p->runs, ps, m_ctx), ps, p->span, options, m_env, m_ctx));
                } else {
                    auto inner = Measurer(m_env, m_ctx).blocks({ib});
                    widen({inner.first + style.indent_left, inner.second + style.indent_left});
                }
                first = false;
            }
        }
    }
    void measure(const doc::Section& n) {
        text(doc::numbered_title(n.title, n.numbered), n.style.empty() ? "heading-" + std::to_string(std::min(n.level, 4)) : n.style,
             n.node, ParagraphPart::Heading, n.span);
        children(n.children);
    }
    void measure(const doc::Article& n) {
        text(doc::numbered_title(n.title, n.numbered), "article-title", n.node, ParagraphPart::Heading, n.span);
        if (!n.date.empty() || !n.place.empty()) runs(dateline_runs(n), "article-date", n.node, ParagraphPart::Dateline, n.span);
        children(n.children);
    }
    void measure(const doc::Figure& n) {
        text(doc::numbered_title(n.caption, n.numbered), caption_style(n), n.node, ParagraphPart::Caption, n.span);
        children(n.children);
    }
    void measure(const doc::Signature& n) {
        text(n.name, "signature-name", n.node, ParagraphPart::SignatureName, n.span);
        if (!n.role.empty()) text(n.role, "signature-role", n.node, ParagraphPart::SignatureRole, n.span);
    }
    void measure(const doc::Division& n) { children(n.children); }
    // A frame adds its borders and padding to its content's widths.
    void measure(const doc::Frame& n) {
        const auto* s = m_ctx.in.styles.box(n.style);
        auto inner = Measurer(m_env, m_ctx).blocks(n.children);
        const Length sides = s ? s->left.width + s->padding_left + s->padding_right + s->right.width : Length{};
        widen({inner.first + sides, inner.second + sides});
    }
    void measure(const doc::Rule&) {}
    // Nested tables, charts, diagrams, contents and page breaks add no minimum of their own:
    // they take the width they are given.
    void measure(const doc::Table&) {}
    void measure(const doc::Chart&) {}
    void measure(const doc::Diagram&) {}
    void measure(const doc::Contents&) {}
    void measure(const doc::PageBreak&) {}
    void measure(const doc::Image&) {}
    // A QR code's square is as wide as written, however wide the column.
    void measure(const doc::Qr& n) {
        if (auto side = qr_side(n)) widen({*side, *side});
    }

    const BlockEnv& m_env;
    LayoutContext& m_ctx;
    std::pair<Length, Length> m_acc;
};

}  // namespace

std::pair<Length, Length> measure_blocks(const std::vector<doc::Block>& blocks, const BlockEnv& env, LayoutContext& ctx) {
    return Measurer(env, ctx).blocks(blocks);
}

}  // namespace reportc::layout
