#include "layout/block_layout.h"

#include <functional>

#include "layout/block_parts.h"
#include "layout/chart_layout.h"
#include "layout/contents_layout.h"
#include "layout/footnote_layout.h"
#include "layout/frame_layout.h"
#include "layout/image_layout.h"
#include "layout/keeps.h"
#include "layout/paragraph_layout.h"
#include "layout/qr_layout.h"
#include "layout/rule_layout.h"
#include "layout/table_layout.h"

namespace reportc::layout {
namespace {

using namespace block_parts;

class BlockLayouter {
public:
    using Sink = std::function<void(std::vector<VItem>&&)>;
    explicit BlockLayouter(LayoutContext& ctx) : m_ctx(ctx) {}

    void blocks(const std::vector<doc::Block>& blocks, const BlockEnv& env, std::vector<VItem>& out) {
        for (const auto& b : blocks) block(b, env, out);
    }

    // Lays out one block (BlockStream). With a `sink`, a contents or a table hands on what is
    // settled of it every kFlushItems items as its entries or bands are made, when it and every
    // block around it keep nothing that reaches back to their start (keep-together,
    // break-before): a long report's contents, or a table of 20,000 records, is one block of
    // thousands of lines (4,009 pages: about 2 MB of boxes made at once, where the last pass
    // began; 20,000 records: 27 MB of bands).
    void one(const doc::Block& b, const BlockEnv& env, std::vector<VItem>& out, const Sink* sink = nullptr) {
        m_sink = sink;
        m_in_pieces = sink != nullptr;
        block(b, env, out);
        m_sink = nullptr;
    }

    // How much of `out` no later block can change. A block reaches back past its start only
    // after the last box (a break invited before its space, a keep's or a forced break's
    // penalty, a look at the heading it follows: all judged by that box, which stays too) and
    // over the lines a heading holds (LineHold, from the item after the box it follows). A run
    // of glue is not cut, so that it collapses as one.
    size_t settled(const std::vector<VItem>& out) const {
        size_t end = out.size();
        while (end > 0 && !std::holds_alternative<VBox>(out[end - 1])) --end;
        if (end > 0) --end;
        if (auto from = m_hold.from()) end = std::min(end, *from > 0 ? *from - 1 : 0);
        while (end > 0 && std::holds_alternative<VGlue>(out[end - 1])) --end;
        return end;
    }
    // The first `n` items of the list were handed on.
    void dropped(size_t n) { m_hold.dropped(n); }

private:
    std::string anchor_for(const std::string& id) {
        return id.empty() ? "anchor-" + std::to_string(++m_ctx.out.anchor_counter) : id;
    }

    // `mark` is what the running header shows of a top-level heading (its short title, or the title).
    void heading(const std::string& title, const std::string& mark, int level, const std::string& style_name, const std::string& id,
                 doc::NodeId node, Span span, const BlockEnv& env, std::vector<VItem>& out) {
        const auto& style = paragraph_style(style_name, span, m_ctx);
        // A heading that starts a new page does not leave the heading it follows behind: right
        // after a kept-with-next heading ("Pillar 1" then its first article) it stays put.
        if (style.page_break_before && !follows_kept_heading(out)) out.push_back(VPenalty{kForceBreak});
        else invite_break(style, out);
        ParagraphOptions options = options_for(node, ParagraphPart::Heading);
        options.anchor = anchor_for(id);
        options.outline = frame::OutlineEntry{title, level, *options.anchor};
        if (level == 1) options.section_mark = mark;
        layout_paragraph(style_runs(plain_runs(title, span), style, m_ctx), style, span, options, env, m_ctx, out);
        m_hold.after(style, out);
    }

    // Lays out one block; every box it makes is set on the env's page master, and its keeps
    // and breaks (its style's, over them its attributes) hold.
    void block(const doc::Block& b, const BlockEnv& env, std::vector<VItem>& out) {
        m_starts.push_back(out.size());
        const auto keeps = merge_keeps(doc::visit_node([&](const auto& node) { return style_keeps(node, m_ctx.in.styles); }, b), b.keeps);
        const bool outer_in_pieces = m_in_pieces;
        m_in_pieces = m_in_pieces && may_be_in_pieces(b) && !keeps.together && !keeps.break_before;
        doc::visit_node([&](const auto& node) { visit(node, env, out); }, b);
        m_in_pieces = outer_in_pieces;
        const size_t start = m_starts.back();
        m_starts.pop_back();
        stamp_master(out, start, env.master);
        const auto* master = m_ctx.in.styles.page_master(env.master);
        apply_keeps(out, start, keeps, master ? master->body().height : Length{});
        m_hold.close(out);
    }

    // The blocks that may be handed on in pieces, or hold one that is: a contents and a table
    // (made entry by entry, band by band), and the blocks whose layout around their children
    // looks back at nothing but what block() does at their end (a figure's table does not: its
    // caption goes above the repeated header of each row).
    static bool may_be_in_pieces(const doc::Block& b) {
        return std::holds_alternative<doc::Contents>(b.node) || std::holds_alternative<doc::Indirect<doc::Table>>(b.node) ||
               std::holds_alternative<doc::Division>(b.node) || std::holds_alternative<doc::Indirect<doc::Section>>(b.node) ||
               std::holds_alternative<doc::Indirect<doc::Article>>(b.node);
    }

    // Hands on what is settled of `out` (a contents or a table being made, in pieces): the open blocks'
    // starts move back by what went. What block() does at a block's end that touches the items
    // handed on is done first: the master stamped (innermost first, as the blocks will), the
    // lines a heading holds closed.
    void hand_on(std::vector<VItem>& out, const BlockEnv& env) {
        if (out.size() < kFlushItems) return;
        stamp_master(out, m_starts.back(), env.master);
        m_hold.close(out);
        const size_t end = settled(out);
        if (end == 0) return;
        std::vector<VItem> done(std::make_move_iterator(out.begin()), std::make_move_iterator(out.begin() + std::ptrdiff_t(end)));
        out.erase(out.begin(), out.begin() + std::ptrdiff_t(end));
        dropped(end);
        for (auto& start : m_starts) start = start > end ? start - end : 0;
        (*m_sink)(std::move(done));
    }
    static constexpr size_t kFlushItems = 256;

    // The env of blocks set on pages of another master (a landscape section, a cover), or
    // nullopt with an error when the layout has no such master.
    std::optional<BlockEnv> on_master(const std::string& name, Span span, const BlockEnv& env) {
        const style::PageMaster* master = m_ctx.in.styles.page_master(name);
        if (!master) {
            m_ctx.out.diags.error(span, "expected a page master defined in the layout, found '" + name + "'");
            return std::nullopt;
        }
        BlockEnv inner = env;
        inner.master = name;
        inner.width = master->body().width;
        return inner;
    }

    void visit(const doc::Paragraph& p, const BlockEnv& env, std::vector<VItem>& out) {
        // A paragraph without a style takes its context's: "body" here, the list's or the cell's there.
        const auto& style = paragraph_style(p.style.empty() ? env.paragraph_style : p.style.str(), p.span, m_ctx);
        ParagraphOptions options = options_for(p.node, ParagraphPart::Body);
        if (!p.id.empty()) options.anchor = p.id;
        options.notes = layout_footnotes(p.runs, env, m_ctx);
        invite_break(style, out);
        layout_paragraph(style_runs(p.runs, style, m_ctx), style, p.span, options, env, m_ctx, out);
        m_hold.after(style, out);
    }

    void visit(const doc::Section& s, const BlockEnv& env, std::vector<VItem>& out) {
        std::string style = s.style.empty() ? "heading-" + std::to_string(std::min(s.level, 4)) : s.style;
        std::optional<BlockEnv> inner;
        if (!s.page_master.empty() && s.page_master != env.master) inner = on_master(s.page_master, s.span, env);
        // A section on another master starts a page of its own, and the outer master resumes on
        // a new page after it.
        if (inner) out.push_back(VPenalty{kForceBreak});
        const BlockEnv& here = inner ? *inner : env;
        size_t start = out.size();
        const std::string title = doc::numbered_title(s.title, s.numbered);
        heading(title, s.short_title.empty() ? title : doc::numbered_title(s.short_title, s.numbered), s.level, style, s.id, s.node,
                s.span, here, out);
        stamp_master(out, start, here.master);
        blocks(s.children, here, out);
        if (inner) out.push_back(VPenalty{kForceBreak});
    }

    void visit(const doc::Article& a, const BlockEnv& env, std::vector<VItem>& out) {
        const std::string title = doc::numbered_title(a.title, a.numbered);
        heading(title, a.short_title.empty() ? title : doc::numbered_title(a.short_title, a.numbered), a.level, "article-title", a.id,
                a.node, a.span, env, out);
        if (!a.date.empty() || !a.place.empty()) {
            const auto& style = paragraph_style("article-date", a.span, m_ctx);
            layout_paragraph(style_runs(dateline_runs(a), style, m_ctx), style, a.span, options_for(a.node, ParagraphPart::Dateline),
                             env, m_ctx, out);
        }
        blocks(a.children, env, out);
    }

    void visit(const doc::List& list, const BlockEnv& env, std::vector<VItem>& out) {
        const auto& style = paragraph_style(list.style, list.span, m_ctx);
        for (const auto& item : list.items) {
            std::string marker = item_marker(list, item, style);
            bool first = true;
            for (const auto& b : item.blocks) {
                if (const auto* p = std::get_if<doc::Paragraph>(&b.node)) {
                    const auto& pstyle = p->style.empty() || p->style == list.style ? style : paragraph_style(p->style, p->span, m_ctx);
                    ParagraphOptions options = options_for(p->node, ParagraphPart::Body);
                    if (first) options.marker = marker;
                    if (!p->id.empty()) options.anchor = p->id;
                    else if (first && !item.id.empty()) options.anchor = item.id;
                    options.notes = layout_footnotes(p->runs, env, m_ctx);
                    layout_paragraph(style_runs(p->runs, pstyle, m_ctx), pstyle, p->span, options, env, m_ctx, out);
                } else {
                    // Nested lists and other blocks sit at the item's content indent.
                    block(b, env.indented(style.indent_left), out);
                }
                first = false;
            }
        }
        // A list ends with the space its style asks for after a list (collapsing with the
        // space after its last item and before the next block, as any two spaces do).
        if (style.space_after_list) out.push_back(VGlue{*style.space_after_list});
    }

    void visit(const doc::Signature& s, const BlockEnv& env, std::vector<VItem>& out) {
        const auto& name_style = paragraph_style("signature-name", s.span, m_ctx);
        layout_paragraph(style_runs(plain_runs(s.name, s.span), name_style, m_ctx), name_style, s.span,
                         options_for(s.node, ParagraphPart::SignatureName), env, m_ctx, out);
        if (!s.role.empty()) {
            const auto& role_style = paragraph_style("signature-role", s.span, m_ctx);
            layout_paragraph(style_runs(plain_runs(s.role, s.span), role_style, m_ctx), role_style, s.span,
                             options_for(s.node, ParagraphPart::SignatureRole), env, m_ctx, out);
        }
    }

    void visit(const doc::Figure& f, const BlockEnv& env, std::vector<VItem>& out) {
        if (f.children.empty())
            m_ctx.out.diags.warning(f.span, "figure '" + (f.id.empty() ? f.caption : f.id) + "' has no content yet; only its caption is set");
        const bool above = caption_above(f);
        if (!above) blocks(f.children, env, out);
        const auto& style = paragraph_style(caption_style(f), f.span, m_ctx);
        ParagraphOptions options = options_for(f.node, ParagraphPart::Caption);
        options.anchor = anchor_for(f.id);
        layout_paragraph(style_runs(plain_runs(doc::numbered_title(f.caption, f.numbered), f.span), style, m_ctx), style, f.span, options, env, m_ctx, out);
        if (!above) return;
        const size_t start = out.size();
        blocks(f.children, env, out);
        // On the pages its table continues on, the caption repeats with "(continued)".
        const std::string& continued = m_ctx.in.styles.settings().caption_continued_text;
        if (continued.empty()) return;
        std::vector<VItem> caption;
        layout_paragraph(style_runs(plain_runs(doc::numbered_title(f.caption, f.numbered) + " " + continued, f.span), style, m_ctx), style, f.span,
                         options_for(f.node, ParagraphPart::CaptionContinued), env, m_ctx, caption);
        std::vector<VBox> lines;
        for (auto& item : caption)
            if (auto* b = std::get_if<VBox>(&item)) lines.push_back(std::move(*b));
        repeat_above_headers(out, start, lines);
    }

    void visit(const doc::PageBreak&, const BlockEnv&, std::vector<VItem>& out) { out.push_back(VPenalty{kForceBreak}); }
    void visit(const doc::Chart& c, const BlockEnv& env, std::vector<VItem>& out) { layout_chart(c, env, m_ctx, out); }
    void visit(const doc::Diagram& d, const BlockEnv& env, std::vector<VItem>& out) { layout_diagram(d, env, m_ctx, out); }
    void visit(const doc::Contents& c, const BlockEnv& env, std::vector<VItem>& out) {
        if (!m_in_pieces) return layout_contents(c, env, m_ctx, out);
        layout_contents(c, env, m_ctx, out, [&] { hand_on(out, env); });
    }
    void visit(const doc::Table& t, const BlockEnv& env, std::vector<VItem>& out) {
        if (!m_in_pieces) return layout_table(t, env, m_ctx, out);
        layout_table(t, env, m_ctx, out, [&] { hand_on(out, env); });
    }
    void visit(const doc::Frame& f, const BlockEnv& env, std::vector<VItem>& out) { layout_frame(f, env, m_ctx, out); }
    void visit(const doc::Rule& r, const BlockEnv& env, std::vector<VItem>& out) { layout_rule(r, env, m_ctx, out); }
    void visit(const doc::Image& i, const BlockEnv& env, std::vector<VItem>& out) { layout_image(i, env, m_ctx, out); }
    void visit(const doc::Qr& q, const BlockEnv& env, std::vector<VItem>& out) { layout_qr(q, env, m_ctx, out); }

    void visit(const doc::Division& d, const BlockEnv& env, std::vector<VItem>& out) {
        // The division's blocks are set on pages of its master, then the outer master resumes.
        auto inner = on_master(d.page_master, d.span, env);
        if (!inner) {
            blocks(d.children, env, out);
            return;
        }
        out.push_back(VPenalty{kForceBreak});
        blocks(d.children, *inner, out);
        out.push_back(VPenalty{kForceBreak});
    }

    LayoutContext& m_ctx;
    LineHold m_hold;
    std::vector<size_t> m_starts;  // where each open block began in the list (hand_on moves them)
    const Sink* m_sink = nullptr;  // BlockStream's, during one()
    bool m_in_pieces = false;      // the block being laid out may be handed on in pieces
};

}  // namespace

std::vector<VItem> layout_blocks(const std::vector<doc::Block>& blocks, const BlockEnv& env, LayoutContext& ctx) {
    std::vector<VItem> out;
    BlockLayouter(ctx).blocks(blocks, env, out);
    collapse_glue(out);
    return out;
}

struct BlockStream::State {
    State(const BlockEnv& e, LayoutContext& ctx, Pieces p) : env(e), layouter(ctx), pieces(std::move(p)) {
        if (pieces)
            sink = [this](std::vector<VItem>&& items) {
                collapse_glue(items);
                pieces(std::move(items));
            };
    }
    BlockEnv env;
    BlockLayouter layouter;
    std::vector<VItem> open;  // what a later block may still change
    Pieces pieces;
    BlockLayouter::Sink sink;
};

BlockStream::BlockStream(const BlockEnv& env, LayoutContext& ctx, Pieces pieces)
    : m(std::make_unique<State>(env, ctx, std::move(pieces))) {}
BlockStream::~BlockStream() = default;

std::vector<VItem> BlockStream::add(const doc::Block& block) {
    m->layouter.one(block, m->env, m->open, m->sink ? &m->sink : nullptr);
    const size_t end = m->layouter.settled(m->open);
    std::vector<VItem> done(std::make_move_iterator(m->open.begin()), std::make_move_iterator(m->open.begin() + std::ptrdiff_t(end)));
    m->open.erase(m->open.begin(), m->open.begin() + std::ptrdiff_t(end));
    release_spare_items(m->open);  // a long block's buffer is not kept for the rest of the pass
    m->layouter.dropped(end);
    collapse_glue(done);
    return done;
}

size_t BlockStream::held_capacity() const { return m->open.capacity(); }

std::vector<VItem> BlockStream::finish() {
    std::vector<VItem> rest = std::move(m->open);
    m->open.clear();
    collapse_glue(rest);
    return rest;
}


}  // namespace reportc::layout
