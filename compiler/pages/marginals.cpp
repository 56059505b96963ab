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

Length text_width(const std::string& text, const style::ParagraphStyle& style, PageContext& ctx) {
    std::vector<text::MissingChar> missing;
    Length w;
    for (const auto& run : ctx.fonts.segment(text, {style.font.family, style.font.bold, style.font.italic}, missing))
        w += ctx.fonts.face(run.face).width(run.text, style.font.size);
    return w;
}

// Shortens `text` word by word, ending it with "…", until it fits `width`: a long section title
// must never run into the document title beside it.
std::string fit(std::string text, Length width, const style::ParagraphStyle& style, PageContext& ctx) {
    if (text_width(text, style, ctx) <= width) return text;
    while (!text.empty()) {
        auto space = text.find_last_of(' ');
        text = space == std::string::npos ? std::string() : text.substr(0, space);
        while (!text.empty() && (text.back() == ',' || text.back() == ':' || text.back() == ' ')) text.pop_back();
        if (text_width(text + "…", style, ctx) <= width) return text + "…";
    }
    return text;
}

void set_marginal(const doc::MarginalDecl& decl, bool is_header, const style::PageMaster& master,
                  const MarginalFields& fields, frame::Page& page, PageContext& ctx) {
    const style::ParagraphStyle* style = ctx.styles.paragraph(decl.style);
    if (!style) {
        ctx.diags.error(decl.span, "expected a paragraph style defined in the layout, found '" + decl.style + "'");
        return;
    }
    Length baseline = is_header ? master.header_offset : master.size.height - master.footer_offset;
    std::string left = expand_fields(decl.left, fields), center = expand_fields(decl.center, fields),
                right = expand_fields(decl.right, fields);
    // The slots share the line: the right one gives way to the others, then the centre one.
    const Length width = master.body().width, gap = style->font.size * 2;
    Length left_w = text_width(left, *style, ctx);
    if (!center.empty()) center = fit(center, width - (left_w + gap) * 2, *style, ctx);
    Length center_w = text_width(center, *style, ctx);
    Length taken = center.empty() ? left_w : max(left_w, center_w / 2 + width / 2);
    right = fit(right, width - taken - gap, *style, ctx);
    set_slot(left, style::Align::Left, *style, baseline, master, page, ctx, decl.span);
    set_slot(center, style::Align::Center, *style, baseline, master, page, ctx, decl.span);
    set_slot(right, style::Align::Right, *style, baseline, master, page, ctx, decl.span);
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
                if (name == "page") { out += fields.page_label.empty() ? std::to_string(fields.page) : fields.page_label; i = close; continue; }
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
