#include "pages/marginals.h"

namespace reportc::pages {
namespace {

void set_slot(const std::string& text, style::Align align, const style::ParagraphStyle& style, Length baseline,
              const style::PageMaster& master, frame::Page& page, PageContext& ctx, Span span) {
    if (text.empty()) return;
    Rect body = master.body();
    inl::ParagraphInput input;
    input.runs.push_back({text, style.font, {}, false, span});
    input.align = align;
    input.width = body.width;
    input.hyphenate = false;
    input.span = span;
    auto set = ctx.typesetter.set(input);
    if (set.lines.empty()) return;
    for (const auto& f : set.lines.front().fragments)
        page.items.push_back(frame::TextItem{ctx.font_table.frame_font(f.face), f.size, body.x + f.x, baseline, f.text, f.color});
}

void set_marginal(const doc::MarginalDecl& decl, bool is_header, const style::PageMaster& master,
                  const MarginalFields& fields, frame::Page& page, PageContext& ctx) {
    const style::ParagraphStyle* style = ctx.styles.paragraph(decl.style);
    if (!style) {
        ctx.diags.error(decl.span, "expected a paragraph style defined in the layout, found '" + decl.style + "'");
        return;
    }
    Length baseline = is_header ? master.header_offset : master.size.height - master.footer_offset;
    set_slot(expand_fields(decl.left, fields), style::Align::Left, *style, baseline, master, page, ctx, decl.span);
    set_slot(expand_fields(decl.center, fields), style::Align::Center, *style, baseline, master, page, ctx, decl.span);
    set_slot(expand_fields(decl.right, fields), style::Align::Right, *style, baseline, master, page, ctx, decl.span);
    if (decl.rule) {
        Rect body = master.body();
        Length y = is_header ? baseline + style->font.size / 2 : baseline - style->font.size - style->font.size / 4;
        frame::ShapeItem rule;
        rule.path.push_back({frame::PathCommand::Kind::MoveTo, {{body.x, y}}});
        rule.path.push_back({frame::PathCommand::Kind::LineTo, {{body.x + body.width, y}}});
        rule.stroke = style->rule_color;
        rule.line_width = Length::from_pt(0.5);
        page.items.push_back(rule);
    }
}

}  // namespace

std::string expand_fields(const std::string& text, const MarginalFields& fields) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{') {
            size_t close = text.find('}', i);
            if (close != std::string::npos) {
                std::string name = text.substr(i + 1, close - i - 1);
                if (name == "title") { out += fields.title; i = close; continue; }
                if (name == "section") { out += fields.section; i = close; continue; }
                if (name == "page") { out += std::to_string(fields.page); i = close; continue; }
                if (name == "pages") { out += std::to_string(fields.pages); i = close; continue; }
            }
        }
        out += text[i];
    }
    return out;
}

void add_marginals(frame::Page& page, const style::PageMaster& master, const MarginalFields& fields, PageContext& ctx) {
    if (master.has_header) set_marginal(master.header, true, master, fields, page, ctx);
    if (master.has_footer) set_marginal(master.footer, false, master, fields, page, ctx);
}

}  // namespace reportc::pages
