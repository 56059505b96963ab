#include "layout/contents_layout.h"

#include "layout/paragraph_layout.h"

namespace reportc::layout {
namespace {

Length text_width(const std::string& text, const style::ParagraphStyle& style, LayoutContext& ctx, int& face) {
    std::vector<text::MissingChar> missing;
    Length w;
    face = -1;
    for (const auto& run : ctx.in.fonts.segment(text, {style.font.family, style.font.bold, style.font.italic}, missing)) {
        if (face < 0) face = run.face;
        w += ctx.in.fonts.face(run.face).width(run.text, style.font.size);
    }
    return w;
}

void entry(const TocEntry& e, const std::string& style_name, const BlockEnv& env, LayoutContext& ctx, std::vector<VItem>& out,
           Span span) {
    const auto& style = paragraph_style(style_name, span, ctx);
    std::string page = "?";
    if (ctx.in.anchor_pages)
        if (auto it = ctx.in.anchor_pages->find(e.anchor); it != ctx.in.anchor_pages->end()) page = it->second;
    // The number column holds the widest plausible folio; titles wrap before it.
    const Length number_column = style.font.size * 3;
    const Length gap = style.font.size / 2;
    const Length left = env.indent + style.indent_left;
    const Length right_edge = env.width - style.indent_right;
    inl::ParagraphInput input;
    style::FontSpec font = style.font;
    input.runs.push_back({e.title, font, "#" + e.anchor, false, span});
    input.align = style::Align::Left;
    input.width = right_edge - left - number_column - gap;
    input.first_line_indent = style.first_line_indent;
    input.hyphenate = false;
    input.span = span;
    const auto& set = ctx.paragraphs.set({}, input, ctx.out.diags);

    const auto& face = ctx.in.fonts.face(std::max(0, ctx.in.fonts.resolve({font.family, font.bold, font.italic})));
    const Length ascent = Length::ratio(font.size, face.ascender(), 1000);
    const Length descent = Length::ratio(font.size, -face.descender(), 1000);
    out.push_back(VGlue{style.space_before});
    for (size_t i = 0; i < set.lines.size(); ++i) {
        const auto& line = set.lines[i];
        VBox box;
        box.source = span;  // the <contents/> element: where a forced break in the contents is reported
        box.kind = BoxKind::ParagraphLine;
        box.height = max(style.leading, ascent + descent);
        const Length baseline = (box.height + ascent - descent) / 2;
        Length end_x = left;
        for (const auto& f : line.fragments) {
            box.items.push_back(frame::TextItem{.font = ctx.out.font_table.frame_font(f.face), .color = f.color, .size = f.size,
                                                .x = left + f.x, .y = baseline, .text = f.text, .tracking = f.tracking,
                                                .kerning = f.kerning});
            end_x = max(end_x, left + f.x + f.width);
        }
        if (i + 1 == set.lines.size()) {
            // Dot leaders on a fixed grid, so the dots of all entries line up; then the number.
            int page_face = -1;
            Length page_w = text_width(page, style, ctx, page_face);
            int dot_face = -1;
            Length dot_w = text_width(".", style, ctx, dot_face);
            const Length step = style.font.size / 2;
            Length number_x = right_edge - page_w;
            Length x = Length::from_sp(((end_x + gap).sp + step.sp - 1) / step.sp * step.sp);
            std::string dots;
            Length dots_x = x;
            while (x + dot_w + gap <= number_x) {
                dots += '.';
                x += step;
            }
            if (!dots.empty() && dot_face >= 0)
                // One item for all the dots: the character spacing (PDF Tc) after each dot makes up the
                // rest of the step, so the dots stay on the grid (an item per dot cost 80 bytes a dot).
                // The dot's width is the font's /W width (text::FontFace), as the PDF advances it.
                box.items.push_back(frame::TextItem{.font = ctx.out.font_table.frame_font(dot_face), .color = font.color,
                                                    .size = font.size, .x = dots_x, .y = baseline, .text = std::move(dots),
                                                    .tracking = step - dot_w});
            if (page_face >= 0)
                box.items.push_back(frame::TextItem{.font = ctx.out.font_table.frame_font(page_face), .color = font.color,
                                                    .size = font.size, .x = number_x, .y = baseline, .text = page});
        }
        // The whole line is the link, number included.
        box.items.push_back(frame::LinkItem::to_anchor({left, Length{}, right_edge - left, box.height}, e.anchor));
        out.push_back(std::move(box));
        if (i + 1 < set.lines.size()) out.push_back(VPenalty{kNoBreak});
    }
    out.push_back(VGlue{style.space_after});
}

}  // namespace

void layout_contents(const doc::Contents& contents, const BlockEnv& env, LayoutContext& ctx, std::vector<VItem>& out,
                     const std::function<void()>& after_entry) {
    if (contents.kind.empty()) {
        for (const auto& e : ctx.in.toc) {
            entry(e, "toc-" + std::to_string(std::min(e.level, 4)), env, ctx, out, contents.span);
            if (after_entry) after_entry();
        }
        return;
    }
    // A list of figures: one entry per figure of the kind, in the style toc-figure.
    if (auto it = ctx.in.figure_lists.find(contents.kind); it != ctx.in.figure_lists.end())
        for (const auto& e : it->second) {
            entry(e, "toc-figure", env, ctx, out, contents.span);
            if (after_entry) after_entry();
        }
}

}  // namespace reportc::layout
