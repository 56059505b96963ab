#include "layout/row_continued.h"

#include "layout/paragraph_layout.h"

namespace reportc::layout {

std::shared_ptr<const ContinuedMark> row_continued_mark(const style::TableStyle& style, Span span, const BlockEnv& env, Length x,
                                                        LayoutContext& ctx) {
    if (style.row_continued_text.empty()) return nullptr;
    const auto& paragraph = paragraph_style(style.row_continued_style, span, ctx);
    std::vector<doc::TextRun> runs{{style.row_continued_text, {}, {}, false, span}};
    std::vector<VItem> items;
    // Set quietly, outside the line statistics: it is set for every table but shown only where a
    // row is cut, so a first column narrower than the mark is no warning at every table.
    Diagnostics quiet;
    LayoutResults results{ctx.out.font_table, quiet, {}, ctx.out.anchor_counter};
    LayoutContext mark_ctx{ctx.in, results, ctx.paragraphs};
    layout_paragraph(style_runs(runs, paragraph, mark_ctx), paragraph, span, ParagraphOptions{}, env, mark_ctx, items);
    ctx.out.anchor_counter = results.anchor_counter;
    // The lines stacked from the cell's top; the glue after them (space-after) parts the mark
    // from the cell's own lines.
    auto mark = std::make_shared<ContinuedMark>();
    for (auto& item : items) {
        if (const auto* glue = std::get_if<VGlue>(&item)) {
            if (!mark->lines.empty()) mark->height += glue->height;
        } else if (auto* box = std::get_if<VBox>(&item)) {
            for (auto& drawn : box->items) frame::translate(drawn, x, Length{});
            mark->lines.push_back({mark->height, box->height, std::move(box->items), {}});
            mark->height += box->height;
        }
    }
    return mark;
}

}  // namespace reportc::layout
