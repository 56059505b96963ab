#include "layout/paragraph_layout.h"

#include <set>

#include "base/utf8.h"
#include "layout/footnote_layout.h"
#include "layout/image_layout.h"
#include "layout/keeps.h"
#include "layout/no_break_units.h"
#include "layout/text_decorations.h"
#include "layout/text_fit.h"

namespace reportc::layout {
namespace {

std::string uppercase(const std::string& s) {
    std::string out;
    size_t pos = 0;
    while (pos < s.size()) {
        auto cp = utf8::decode(s, pos);
        if (!cp) continue;
        char32_t c = *cp;
        if (c >= 'a' && c <= 'z') c -= 32;
        else if ((c >= 0xE0 && c <= 0xFE && c != 0xF7)) c -= 32;  // Latin-1 lowercase letters
        utf8::append(out, c);
    }
    return out;
}

const style::ParagraphStyle& fallback_style() {
    static const style::ParagraphStyle s = [] {
        style::ParagraphStyle d;
        d.name = "body";
        return d;
    }();
    return s;
}

}  // namespace

const style::ParagraphStyle& paragraph_style(const std::string& name, Span span, LayoutContext& ctx) {
    if (const auto* s = ctx.in.styles.paragraph(name)) return *s;
    ctx.out.diags.error(span, "expected a paragraph style defined in the layout, found '" + name + "'");
    if (const auto* body = ctx.in.styles.paragraph("body")) return *body;
    return fallback_style();
}

std::vector<inl::StyledRun> style_runs(const std::vector<doc::TextRun>& runs, const style::ParagraphStyle& style,
                                       LayoutContext& ctx) {
    std::vector<inl::StyledRun> out;
    for (const auto& run : runs) {
        inl::StyledRun styled;
        const doc::RunExtras& x = run.rare();
        styled.font = style.font;
        for (const auto& name : run.char_styles) {
            if (const auto* cs = ctx.in.styles.character(name)) styled.font = cs->apply(styled.font);
            else ctx.out.diags.error(run.span, "expected a character style defined in the layout, found '" + name + "'");
        }
        if (x.footnote) {
            // The mark: the note's number, in the mark style, linked to the note.
            if (const auto* cs = ctx.in.styles.character(kFootnoteMarkStyle)) styled.font = cs->apply(styled.font);
            styled.text = footnote_number(*x.footnote, ctx);
            styled.link = "#" + x.footnote->id;
            styled.span = run.span;
            out.push_back(std::move(styled));
            continue;
        }
        if (x.image) {
            // An image in the line: a box sized in em of the run's font.
            if (auto size = inline_image_box(*x.image, styled.font.size, ctx.out.diags))
                styled.object = inl::InlineObject{size->width, size->height, x.image};
            styled.link = x.link;
            styled.span = run.span;
            out.push_back(std::move(styled));
            continue;
        }
        std::string text = doc::shown_text(run);
        if (x.resolved_variable && x.resolved_variable->page_value) {
            // Its page's value from the previous layout pass ("?" on the first), and an anchor
            // where it lands, so that the loop can tell whether it moved.
            auto it = ctx.in.variable_texts.find(x.resolved_variable->anchor);
            text = it == ctx.in.variable_texts.end() ? "?" : it->second;
            styled.anchor = x.resolved_variable->anchor;
        }
        const bool found = x.resolved && !x.resolved->anchor.empty();
        if (found && x.resolved->shows_page) {
            // A page reference: the page from the previous layout pass ("?" on the first).
            auto it = ctx.in.anchor_pages ? ctx.in.anchor_pages->find(x.resolved->anchor) : decltype(ctx.in.anchor_pages->end()){};
            text += ctx.in.anchor_pages && it != ctx.in.anchor_pages->end() ? it->second : "?";
            text += x.resolved->after_page;
        }
        text = bind_units(text, ctx.in.styles.settings().no_break_units);
        styled.text = style.transform == style::TextTransform::Uppercase ? uppercase(text) : text;
        styled.link = found ? "#" + x.resolved->anchor : x.link;
        styled.line_break = run.line_break;
        styled.span = run.span;
        out.push_back(std::move(styled));
    }
    return out;
}

namespace {

struct PreparedParagraph {
    inl::ParagraphInput input;
    Length left;
    Length marker_width, marker_x;
    int marker_face = -1;
    std::string marker_text;
};

// The notes whose marks (links to the note) are on `line` go with its box.
void attach_notes(VBox& box, const inl::Line& line, const std::vector<std::shared_ptr<const Insertion>>& notes,
                  std::vector<bool>& attached) {
    for (const auto& f : line.fragments) {
        if (f.link().size() < 2 || f.link()[0] != '#') continue;
        for (size_t k = 0; k < notes.size(); ++k)
            if (!attached[k] && f.link().compare(1, std::string::npos, notes[k]->anchor) == 0) {
                box.edit_extras().inserts.push_back({notes[k], Length{}});
                attached[k] = true;
            }
    }
}

PreparedParagraph prepare(const std::vector<inl::StyledRun>& runs, const style::ParagraphStyle& style, Span span,
                          const ParagraphOptions& options, const BlockEnv& env, LayoutContext& ctx) {
    PreparedParagraph p;
    p.left = env.indent + style.indent_left;
    p.input.runs = runs;
    p.input.align = env.align.value_or(style.align);
    p.input.width = env.width - style.indent_left - style.indent_right - env.indent;
    p.input.hyphenate = style.hyphenate;
    p.input.protrusion = style.protrusion;
    p.input.protrusion_tables = ctx.in.styles.protrusion();
    p.input.expansion = style.font_expansion;
    p.input.space_stretch = style.space_stretch;
    p.input.space_shrink = style.space_shrink;
    p.input.hyphenation = ctx.in.styles.hyphenation();
    p.input.ties = ctx.in.ties;
    p.input.tie_last_words = style.balance;
    p.input.span = span;
    // A marker hangs in the first-line indent; when it is wider than the hang, the first line
    // moves right so the two never overlap.
    p.marker_x = style.first_line_indent;
    p.marker_text = options.marker;
    if (!options.marker.empty()) {
        std::vector<text::MissingChar> missing;
        auto segs = ctx.in.fonts.segment(options.marker, {style.font.family, style.font.bold, style.font.italic}, missing);
        if (!segs.empty()) {
            p.marker_face = segs.front().face;
            p.marker_text = segs.front().text;
            p.marker_width = ctx.in.fonts.face(p.marker_face).width(p.marker_text, style.font.size);
        }
        Length gap = style.font.size / 2;
        Length hang = -style.first_line_indent;
        p.input.first_line_indent = p.marker_width + gap > hang ? p.marker_width + gap - hang : Length{};
    } else {
        p.input.first_line_indent = style.first_line_indent;
    }
    if (p.input.width < style.font.size) p.input.width = style.font.size;
    return p;
}

// text-wrap="balance": a paragraph of several lines set at the narrowest measure that keeps its
// number of lines without an overfull line, so that its lines are of like length and the last
// is no lone word (as CSS's text-wrap: balance). Found by bisection to a point; the trial
// settings report nothing (the final one does). The lines are then placed by the paragraph's
// alignment within its full measure: `shift` is what moves them.
Length balanced_width(const ParagraphKey& key, const inl::ParagraphInput& input, size_t lines, LayoutContext& ctx) {
    inl::ParagraphInput trial = input;
    Diagnostics quiet;
    Length lo = input.width / int64_t(lines + 1), hi = input.width;
    while (hi - lo > Length::from_pt(1)) {
        trial.width = lo + (hi - lo) / 2;
        const auto& set = ctx.paragraphs.set(key, trial, quiet);
        if (set.lines.size() <= lines && set.overfull_count == 0) hi = trial.width;
        else lo = trial.width;
    }
    return hi;
}

}  // namespace

std::pair<Length, Length> measure_paragraph(const std::vector<inl::StyledRun>& runs, const style::ParagraphStyle& style, Span span,
                                            const ParagraphOptions& options, const BlockEnv& env, LayoutContext& ctx) {
    // The same input as setting it will give (span included), so the items built here are reused.
    PreparedParagraph p = prepare(runs, style, span, options, env, ctx);
    auto [min_w, max_w] = ctx.paragraphs.content_widths(options.key, p.input);
    Length indents = env.indent + style.indent_left + style.indent_right;
    return {min_w + indents, max_w + indents};
}

void layout_paragraph(const std::vector<inl::StyledRun>& runs, const style::ParagraphStyle& style, Span span,
                      const ParagraphOptions& options, const BlockEnv& env, LayoutContext& ctx, std::vector<VItem>& out) {
    if (style.fit == style::Fit::Shrink) {
        // Set at the size fitting chose, by a style that fits no further.
        if (auto fitted = fit_paragraph(runs, style, span, env, ctx))
            layout_paragraph(fitted->runs, fitted->style, span, options, fitted->env, ctx, out);
        return;
    }
    PreparedParagraph prepared = prepare(runs, style, span, options, env, ctx);
    const inl::ParagraphInput& input = prepared.input;
    Length left = prepared.left;
    const Length marker_x = prepared.marker_x;
    const int marker_face = prepared.marker_face;
    const std::string& marker_text = prepared.marker_text;
    if (input.tie_last_words) {
        // When the last two words are wider than the measure they part after all.
        Diagnostics trial;
        if (ctx.paragraphs.set(options.key, input, trial).overfull_count > 0) prepared.input.tie_last_words = false;
    }
    const inl::ParagraphLayout* setting = &ctx.paragraphs.set(options.key, input, ctx.out.diags);
    if (style.balance && setting->lines.size() > 1 && input.align != style::Align::Justify) {
        inl::ParagraphInput balanced = input;
        balanced.width = balanced_width(options.key, input, setting->lines.size(), ctx);
        Diagnostics again;  // the full measure's setting reported already
        setting = &ctx.paragraphs.set(options.key, balanced, again);
        const Length spare = input.width - balanced.width;
        if (input.align == style::Align::Center) left += spare / 2;
        else if (input.align == style::Align::Right) left += spare;
    }
    const inl::ParagraphLayout& set = *setting;
    ctx.out.stats.lines += set.lines.size();
    ctx.out.stats.overfull_lines += set.overfull_count;

    const auto& main_face = ctx.in.fonts.face(std::max(0, ctx.in.fonts.resolve({style.font.family, style.font.bold, style.font.italic})));
    Length ascent = Length::ratio(style.font.size, main_face.ascender(), 1000);
    Length descent = Length::ratio(style.font.size, -main_face.descender(), 1000);

    if (style.keep_space_at_top && style.space_before > Length{}) keep_space_at_top(out, style.space_before, span);
    else out.push_back(VGlue{style.space_before});
    size_t n = set.lines.size();
    std::vector<bool> attached(options.notes.size(), false);
    std::set<std::string> placed_anchors;  // a variable's value broken across lines is anchored once
    for (size_t i = 0; i < n; ++i) {
        const auto& line = set.lines[i];
        if (line.justified) {
            ctx.out.stats.justified_lines++;
            if (line.space_factor > 1.5 + 1e-9) ctx.out.stats.over_1_5++;
            if (line.space_factor > 2.0 + 1e-9) ctx.out.stats.over_2++;
            ctx.out.stats.max_space_factor = std::max(ctx.out.stats.max_space_factor, line.space_factor);
        }
        VBox box;
        box.source = span;
        box.kind = BoxKind::ParagraphLine;
        Length line_ascent = max(ascent, line.ascent), line_descent = max(descent, line.descent);
        box.height = max(style.leading, line_ascent + line_descent);
        Length baseline = (box.height + line_ascent - line_descent) / 2;
        if (i == 0) {
            if (options.anchor) box.items.push_back(frame::AnchorItem{*options.anchor, {left, Length{}}});
            if (options.outline) box.edit_extras().outline.push_back(*options.outline);
            if (options.section_mark) box.edit_extras().section_mark = options.section_mark;
            if (marker_face >= 0 && !ctx.in.survey)
                box.items.push_back(frame::TextItem{.font = ctx.out.font_table.frame_font(marker_face), .color = style.font.color,
                                                    .size = style.font.size, .x = left + marker_x, .y = baseline,
                                                    .text = marker_text});
        }
        // A survey's page builder keeps the anchors alone (LayoutInputs::survey).
        if (!ctx.in.survey) {
            box.items.reserve(line.fragments.size());
            append_highlights(line, left, baseline, box.items);
        }
        for (const auto& f : line.fragments) {
            if (!f.anchor().empty() && placed_anchors.insert(f.anchor()).second)
                box.items.push_back(frame::AnchorItem{f.anchor(), {left + f.x, Length{}}});
            if (ctx.in.survey) continue;
            if (f.object()) {
                const Rect rect{left + f.x, baseline - f.object()->height, f.object()->width, f.object()->height};
                box.items.push_back(image_item(*f.object()->image, rect));
            } else {
                box.items.push_back(frame::TextItem{.font = ctx.out.font_table.frame_font(f.face), .color = f.color,
                                                    .expansion = int8_t(f.expansion), .size = f.size, .x = left + f.x, .y = baseline - f.rise,
                                                    .text = f.text, .tracking = f.tracking, .kerning = f.kerning});
            }
            if (!f.link().empty()) {
                const Rect rect{left + f.x, baseline - line_ascent, f.width, line_ascent + line_descent};
                // "#id" is a link inside the document; anything else a URI.
                frame::LinkItem link = f.link()[0] == '#' ? frame::LinkItem::to_anchor(rect, f.link().substr(1))
                                                        : frame::LinkItem::to_uri(rect, f.link());
                // Neighbouring fragments of one link on a line become one rectangle.
                if (!box.items.empty() && box.items.size() >= 2) {
                    if (auto* prev = std::get_if<frame::LinkItem>(&box.items[box.items.size() - 2]);
                        prev && prev->to == link.to && prev->target == link.target && prev->rect.y == link.rect.y) {
                        prev->rect.width = link.rect.x + link.rect.width - prev->rect.x;
                        continue;
                    }
                }
                box.items.push_back(link);
            }
        }
        if (!ctx.in.survey) append_decoration_lines(line, left, baseline, box.items);
        box.items.shrink_to_fit();  // the box lives until its page is made: no spare capacity
        attach_notes(box, line, options.notes, attached);
        if (i + 1 == n)
            for (size_t k = 0; k < options.notes.size(); ++k)
                if (!attached[k]) box.edit_extras().inserts.push_back({options.notes[k], Length{}});
        out.push_back(std::move(box));
        if (i + 1 < n) {
            // Widow and orphan control: no break leaving fewer than `orphans` lines at a page
            // bottom or fewer than `widows` at the top of the next page.
            // And no page break after a hyphenated line: a word is never split across pages
            // (TeX's \brokenpenalty, made absolute).
            bool allowed = i + 1 >= size_t(style.orphans) && n - i - 1 >= size_t(style.widows) && !line.hyphenated;
            out.push_back(VPenalty{allowed && !style.keep_with_next ? 0 : kNoBreak});
        }
    }
    if (style.rule_below > Length{}) {
        VBox rule;
        rule.source = span;
        rule.kind = BoxKind::ParagraphLine;
        Length gap = style.font.size / 4;
        rule.height = gap + style.rule_below;
        frame::ShapeItem shape;
        Length y = gap + style.rule_below / 2;
        shape.path.push_back({frame::PathCommand::Kind::MoveTo, {{prepared.left, y}}});
        shape.path.push_back({frame::PathCommand::Kind::LineTo, {{prepared.left + input.width, y}}});
        shape.stroke = style.rule_color;
        shape.line_width = style.rule_below;
        rule.items.push_back(shape);
        out.push_back(VPenalty{kNoBreak});
        out.push_back(std::move(rule));
    }
    if (style.keep_with_next) out.push_back(VPenalty{kNoBreak});
    out.push_back(VGlue{style.space_after});
}

}  // namespace reportc::layout
