#include "layout/footnote_layout.h"

#include "layout/paragraph_layout.h"

namespace reportc::layout {

std::string footnote_number(const doc::Footnote& note, const LayoutContext& ctx) {
    auto it = ctx.in.footnote_numbers.find(note.node);
    return it == ctx.in.footnote_numbers.end() ? "?" : std::to_string(it->second);
}

namespace {

// A note's width: the body of the page it is set on, whatever the measure of its mark (a
// table cell, a list).
Length note_width(const BlockEnv& env, const LayoutContext& ctx) {
    const auto* master = ctx.in.styles.page_master(env.master);
    return master ? master->body().width : env.width;
}

// The note as lines: its number hangs in the style's first-line indent, as a list marker does;
// it may continue on the next page wherever the style's widow and orphan rules allow.
std::shared_ptr<const Insertion> layout_note(const doc::Footnote& note, const BlockEnv& env, LayoutContext& ctx) {
    const auto& style = paragraph_style(kFootnoteStyle, note.span, ctx);
    BlockEnv at_foot;
    at_foot.width = note_width(env, ctx);
    at_foot.master = env.master;
    ParagraphOptions options;
    options.key = {note.node, ParagraphPart::Body};
    options.marker = footnote_number(note, ctx);
    options.anchor = note.id;
    std::vector<VItem> items;
    layout_paragraph(style_runs(note.runs, style, ctx), style, note.span, options, at_foot, ctx, items);
    auto ins = std::make_shared<Insertion>();
    ins->anchor = note.id;
    ins->source = note.span;
    for (auto& item : items) {
        if (auto* box = std::get_if<VBox>(&item)) {
            ins->lines.push_back(std::move(*box));
            ins->may_break.push_back(false);
        } else if (const auto* p = std::get_if<VPenalty>(&item); p && p->cost < kNoBreak && !ins->may_break.empty()) {
            ins->may_break.back() = true;
        }
    }
    return ins;
}

}  // namespace

std::vector<std::shared_ptr<const Insertion>> layout_footnotes(const std::vector<doc::TextRun>& runs, const BlockEnv& env,
                                                               LayoutContext& ctx) {
    std::vector<std::shared_ptr<const Insertion>> notes;
    for (const auto& run : runs)
        if (const auto& note = run.rare().footnote) notes.push_back(layout_note(*note, env, ctx));
    return notes;
}

}  // namespace reportc::layout
