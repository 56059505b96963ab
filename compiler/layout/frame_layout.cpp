#include "layout/frame_layout.h"

#include <algorithm>

#include "layout/block_layout.h"
#include "layout/box_paint.h"
#include "layout/keeps.h"

namespace reportc::layout {
namespace {

// The content's vertical list stacked into lines: glue between boxes becomes offsets; space
// before the first box and after the last is not part of the content (the padding is). A line
// may end a page where the list has a legal breakpoint after it: glue right after it, or a
// penalty below 10000.
std::vector<CellLine> stack(std::vector<VItem> items, std::vector<bool>& break_after, std::vector<frame::OutlineEntry>& outline,
                            std::optional<std::string>& mark) {
    std::vector<CellLine> lines;
    Length y;
    bool any = false, after_box = false;
    for (auto& item : items) {
        if (auto* p = std::get_if<VPenalty>(&item)) {
            if (after_box) break_after.back() = p->cost < kNoBreak;
            after_box = false;
        } else if (auto* g = std::get_if<VGlue>(&item)) {
            if (after_box) break_after.back() = true;
            after_box = false;
            if (any) y += g->height;
        } else if (auto* b = std::get_if<VBox>(&item)) {
            break_after.push_back(false);
            after_box = true;
            const BoxExtras& extras = b->extras();
            outline.insert(outline.end(), extras.outline.begin(), extras.outline.end());
            if (extras.section_mark && !mark) mark = extras.section_mark;
            lines.push_back({y, b->height, std::move(b->items), extras.inserts});
            y += b->height;
            any = true;
        }
    }
    return lines;
}

Length content_height(const std::vector<CellLine>& lines) { return lines.empty() ? Length{} : lines.back().bottom(); }

}  // namespace

const style::BoxStyle& frame_style(const doc::Frame& frame, LayoutContext& ctx) {
    static const style::BoxStyle plain;
    if (const auto* s = ctx.in.styles.box(frame.style)) return *s;
    ctx.out.diags.error(frame.span, "expected a box style defined in the layout, found '" + frame.style.str() + "'");
    return plain;
}

std::optional<Length> FrameBand::cut(Length room, size_t min_lines) const {
    std::vector<Length> bottoms;
    for (size_t i = 0; i < lines.size(); ++i)
        if (i < break_after.size() && break_after[i]) bottoms.push_back(lines[i].bottom());
    std::sort(bottoms.begin(), bottoms.end(), std::greater<>());
    for (Length y : bottoms) {
        if (top_inset() + y + style.padding_bottom > room) continue;
        size_t before = 0, after = 0;
        for (const auto& l : lines) (l.bottom() <= y ? before : after)++;
        if (after == 0 || before < min_lines || after < min_lines) continue;
        return y;
    }
    return std::nullopt;
}

std::pair<VBox, VBox> FrameBand::split(const VBox& box, Length at) const {
    VBox first = box;
    first.height = top_inset() + at + style.padding_bottom;
    first.items = render(first.height, at, true);
    auto rest = std::make_shared<FrameBand>();
    rest->style = style;
    rest->left = left;
    rest->width = width;
    rest->continuation = true;
    Length shift;
    for (size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].bottom() <= at) continue;
        if (rest->lines.empty()) shift = lines[i].top;
        CellLine moved = lines[i];
        moved.top -= shift;
        rest->lines.push_back(std::move(moved));
        rest->break_after.push_back(i < break_after.size() && break_after[i]);
    }
    rest->height = rest->top_inset() + content_height(rest->lines) + rest->bottom_inset();
    VBox second;
    second.edit_extras().splittable = rest;
    second.height = rest->height;
    second.items = rest->render(rest->height, content_height(rest->lines), false);
    second.set_inserts(rest->marks());
    second.whole = box.whole;
    return {std::move(first), std::move(second)};
}

std::vector<frame::Item> FrameBand::render(Length piece_height, Length content_end, bool open_bottom) const {
    std::vector<frame::Item> out;
    const Rect r{left, Length{}, width, piece_height};
    const OpenEdges open{continuation, open_bottom};
    if (style.background) out.push_back(box_fill(r, *style.background, style.radius, open));
    for (auto& s : box_border(r, style, open)) out.push_back(std::move(s));
    for (const auto& l : lines) {
        if (l.bottom() > content_end) break;
        for (auto item : l.items) {
            frame::translate(item, Length{}, top_inset() + l.top);
            out.push_back(std::move(item));
        }
    }
    return out;
}

std::vector<InsertionMark> FrameBand::marks() const {
    std::vector<InsertionMark> out;
    for (const auto& l : lines)
        for (const auto& m : l.inserts) out.push_back({m.note, top_inset() + l.top + m.y});
    return out;
}

void layout_frame(const doc::Frame& frame, const BlockEnv& env, LayoutContext& ctx, std::vector<VItem>& out) {
    const auto& style = frame_style(frame, ctx);
    auto band = std::make_shared<FrameBand>();
    band->style = style;
    band->left = env.indent;
    band->width = env.width - env.indent;
    BlockEnv inner = env;
    inner.indent = env.indent + style.left.width + style.padding_left;
    inner.width = env.width - style.right.width - style.padding_right;
    VBox box;
    band->lines = stack(layout_blocks(frame.children, inner, ctx), band->break_after, box.edit_extras().outline,
                        box.edit_extras().section_mark);
    const Length natural = band->top_inset() + content_height(band->lines) + band->bottom_inset();
    std::optional<Length> fixed = style.height;
    if (style.page_height)
        if (const auto* master = ctx.in.styles.page_master(env.master)) fixed = master->body().height;
    if (fixed && natural > *fixed)
        ctx.out.diags.warning(frame.span, "the frame's content needs " + to_string(natural) + ", more than its height of " +
                                              to_string(*fixed) + "; it overflows the frame");
    band->height = fixed ? *fixed : max(natural, style.min_height);
    box.height = band->height;
    box.source = frame.span;
    box.kind = BoxKind::Frame;
    box.items = band->render(band->height, content_height(band->lines), false);
    box.set_inserts(band->marks());
    // A frame of a fixed height is drawn whole: it is a shape of that size, not a flow.
    if (!fixed) box.edit_extras().splittable = band;
    if (style.keep_space_at_top && style.space_before > Length{}) keep_space_at_top(out, style.space_before, frame.span);
    else out.push_back(VGlue{style.space_before});
    out.push_back(std::move(box));
    out.push_back(VGlue{style.space_after});
}

}  // namespace reportc::layout
