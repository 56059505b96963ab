#include "layout/block_layout.h"

#include "layout/chart_layout.h"
#include "layout/contents_layout.h"
#include "layout/paragraph_layout.h"
#include "layout/table_layout.h"

namespace reportc::layout {
namespace {

std::vector<doc::TextRun> plain_runs(const std::string& text, Span span) {
    std::vector<doc::TextRun> runs;
    runs.push_back(doc::TextRun{text, {}, {}, false, span});
    return runs;
}

class BlockLayouter {
public:
    explicit BlockLayouter(LayoutContext& ctx) : m_ctx(ctx) {}

    void blocks(const std::vector<doc::Block>& blocks, Length indent, std::vector<VItem>& out) {
        for (const auto& b : blocks) block(b, indent, out);
    }

private:
    std::string anchor_for(const std::string& id) {
        return id.empty() ? "anchor-" + std::to_string(++m_ctx.anchor_counter) : id;
    }

    static bool follows_kept_heading(const std::vector<VItem>& out) {
        for (auto it = out.rbegin(); it != out.rend(); ++it) {
            if (std::holds_alternative<VGlue>(*it)) continue;
            const auto* p = std::get_if<VPenalty>(&*it);
            return p && p->cost >= kNoBreak;
        }
        return false;
    }

    void heading(const std::string& title, int level, const std::string& style_name, const std::string& id, Span span,
                 Length indent, std::vector<VItem>& out) {
        const auto& style = paragraph_style(style_name, span, m_ctx);
        // A heading that starts a new page does not leave the heading it follows behind: right
        // after a kept-with-next heading ("Pillar 1" then its first article) it stays put.
        if (style.page_break_before && !follows_kept_heading(out)) out.push_back(VPenalty{kForceBreak});
        ParagraphOptions options;
        options.indent_left = indent;
        options.anchor = anchor_for(id);
        options.outline = frame::OutlineEntry{title, level, *options.anchor};
        if (level == 1) options.section_mark = title;
        layout_paragraph(style_runs(plain_runs(title, span), style, m_ctx), style, span, options, m_ctx, out);
    }

    void block(const doc::Block& b, Length indent, std::vector<VItem>& out) {
        // After a change of page master, the first box that follows starts a page of it.
        std::string pending = std::move(m_ctx.pending_master);
        m_ctx.pending_master.clear();
        size_t start = out.size();
        std::visit([&](const auto& node) { visit(node, indent, out); }, b.node);
        if (!pending.empty()) mark_first_box(out, start, pending);
    }

    static void mark_first_box(std::vector<VItem>& out, size_t start, const std::string& master) {
        for (size_t k = start; k < out.size(); ++k)
            if (auto* box = std::get_if<VBox>(&out[k])) {
                if (box->page_master.empty()) box->page_master = master;
                return;
            }
    }

    void visit(const doc::Paragraph& p, Length indent, std::vector<VItem>& out) {
        // A paragraph without a style takes its context's: "body" here, the list's or the cell's there.
        const auto& style = paragraph_style(p.style.empty() ? "body" : p.style, p.span, m_ctx);
        ParagraphOptions options;
        options.indent_left = indent;
        options.cache_key = &p;
        if (!p.id.empty()) options.anchor = p.id;
        layout_paragraph(style_runs(p.runs, style, m_ctx), style, p.span, options, m_ctx, out);
    }

    void visit(const doc::Section& s, Length indent, std::vector<VItem>& out) {
        std::string style = s.style.empty() ? "heading-" + std::to_string(std::min(s.level, 4)) : s.style;
        const style::PageMaster* master = nullptr;
        std::string outer_master = m_ctx.current_master;
        Length outer_width = m_ctx.body_width;
        if (!s.page_master.empty() && s.page_master != m_ctx.current_master) {
            master = m_ctx.styles.page_master(s.page_master);
            if (!master) m_ctx.diags.error(s.span, "expected a page master defined in the layout, found '" + s.page_master + "'");
        }
        if (master) {
            // The section starts a page of its own master and is set to that master's width.
            out.push_back(VPenalty{kForceBreak});
            m_ctx.current_master = s.page_master;
            m_ctx.body_width = master->body().width - indent;
        }
        size_t start = out.size();
        heading(s.title, s.level, style, s.id, s.span, indent, out);
        if (master) mark_first_box(out, start, s.page_master);
        blocks(s.children, indent, out);
        if (master) {
            out.push_back(VPenalty{kForceBreak});
            m_ctx.pending_master = outer_master;
            m_ctx.current_master = outer_master;
            m_ctx.body_width = outer_width;
        }
    }

    void visit(const doc::Article& a, Length indent, std::vector<VItem>& out) {
        heading(a.title, a.level, "article-title", a.id, a.span, indent, out);
        if (!a.date.empty() || !a.place.empty()) {
            const auto& style = paragraph_style("article-date", a.span, m_ctx);
            std::vector<doc::TextRun> runs;
            auto add = [&](const std::string& text, const char* char_style) {
                if (text.empty()) return;
                if (!runs.empty()) runs.push_back({", ", {}, {}, false, a.span});
                runs.push_back({text, {char_style}, {}, false, a.span});
            };
            if (a.place_first) { add(a.place, "article-place"); add(a.date, "article-date"); }
            else { add(a.date, "article-date"); add(a.place, "article-place"); }
            ParagraphOptions options;
            options.indent_left = indent;
            layout_paragraph(style_runs(runs, style, m_ctx), style, a.span, options, m_ctx, out);
        }
        blocks(a.children, indent, out);
    }

    void visit(const doc::List& list, Length indent, std::vector<VItem>& out) {
        const auto& style = paragraph_style(list.style, list.span, m_ctx);
        for (const auto& item : list.items) {
            std::string marker = item.label.empty() ? list.marker : item.label;
            bool first = true;
            for (const auto& b : item.blocks) {
                if (const auto* p = std::get_if<doc::Paragraph>(&b.node)) {
                    const auto& pstyle = p->style.empty() || p->style == list.style ? style : paragraph_style(p->style, p->span, m_ctx);
                    ParagraphOptions options;
                    options.indent_left = indent;
                    options.cache_key = p;
                    if (first) options.marker = marker;
                    if (!p->id.empty()) options.anchor = p->id;
                    layout_paragraph(style_runs(p->runs, pstyle, m_ctx), pstyle, p->span, options, m_ctx, out);
                } else {
                    // Nested lists and other blocks sit at the item's content indent.
                    block(b, indent + style.indent_left, out);
                }
                first = false;
            }
        }
    }

    void visit(const doc::Signature& s, Length indent, std::vector<VItem>& out) {
        const auto& name_style = paragraph_style("signature-name", s.span, m_ctx);
        ParagraphOptions options;
        options.indent_left = indent;
        layout_paragraph(style_runs(plain_runs(s.name, s.span), name_style, m_ctx), name_style, s.span, options, m_ctx, out);
        if (!s.role.empty()) {
            const auto& role_style = paragraph_style("signature-role", s.span, m_ctx);
            layout_paragraph(style_runs(plain_runs(s.role, s.span), role_style, m_ctx), role_style, s.span, options, m_ctx, out);
        }
    }

    void visit(const doc::Figure& f, Length indent, std::vector<VItem>& out) {
        if (f.children.empty())
            m_ctx.diags.warning(f.span, "figure '" + (f.id.empty() ? f.caption : f.id) + "' has no content yet; only its caption is set");
        // Tables carry their caption above (kept with the table), pictures below.
        bool above = !f.children.empty() && std::holds_alternative<doc::Table>(f.children.front().node);
        if (!above) blocks(f.children, indent, out);
        const auto& style = paragraph_style(above ? "caption-above" : "caption", f.span, m_ctx);
        ParagraphOptions options;
        options.indent_left = indent;
        options.anchor = anchor_for(f.id);
        layout_paragraph(style_runs(plain_runs(f.caption, f.span), style, m_ctx), style, f.span, options, m_ctx, out);
        if (above) blocks(f.children, indent, out);
    }

    void visit(const doc::PageBreak&, Length, std::vector<VItem>& out) { out.push_back(VPenalty{kForceBreak}); }
    void visit(const doc::Chart& c, Length indent, std::vector<VItem>& out) { layout_chart(c, indent, m_ctx, out); }
    void visit(const doc::Contents& c, Length indent, std::vector<VItem>& out) { layout_contents(c, indent, m_ctx, out); }

    void visit(const doc::Division& d, Length indent, std::vector<VItem>& out) {
        const style::PageMaster* master = m_ctx.styles.page_master(d.page_master);
        if (!master) {
            m_ctx.diags.error(d.span, "expected a page master defined in the layout, found '" + d.page_master + "'");
            blocks(d.children, indent, out);
            return;
        }
        // The division's blocks are set on pages of its master, then the outer master resumes.
        std::string outer_master = m_ctx.current_master;
        Length outer_width = m_ctx.body_width;
        out.push_back(VPenalty{kForceBreak});
        m_ctx.current_master = d.page_master;
        m_ctx.body_width = master->body().width - indent;
        size_t start = out.size();
        blocks(d.children, indent, out);
        mark_first_box(out, start, d.page_master);
        out.push_back(VPenalty{kForceBreak});
        m_ctx.pending_master = outer_master;
        m_ctx.current_master = outer_master;
        m_ctx.body_width = outer_width;
    }
    void visit(const doc::Diagram& d, Length indent, std::vector<VItem>& out) { layout_diagram(d, indent, m_ctx, out); }

    void visit(const doc::Table& t, Length indent, std::vector<VItem>& out) { layout_table(t, indent, m_ctx, out); }

    LayoutContext& m_ctx;
};

// Adjacent glue collapses to the larger space (space-after of one block, space-before of the
// next), as CSS collapses margins.
void collapse_glue(std::vector<VItem>& items) {
    std::vector<VItem> out;
    out.reserve(items.size());
    for (auto& item : items) {
        if (auto* g = std::get_if<VGlue>(&item)) {
            if (!out.empty())
                if (auto* prev = std::get_if<VGlue>(&out.back())) {
                    prev->height = max(prev->height, g->height);
                    continue;
                }
        }
        out.push_back(std::move(item));
    }
    items = std::move(out);
}

}  // namespace

std::vector<VItem> layout_blocks(const std::vector<doc::Block>& blocks, LayoutContext& ctx) {
    std::vector<VItem> out;
    BlockLayouter(ctx).blocks(blocks, Length{}, out);
    collapse_glue(out);
    return out;
}

std::vector<VItem> layout_blocks_at(const std::vector<doc::Block>& blocks, Length width, LayoutContext& ctx) {
    Length saved = ctx.body_width;
    ctx.body_width = width;
    std::vector<VItem> out;
    BlockLayouter(ctx).blocks(blocks, Length{}, out);
    ctx.body_width = saved;
    collapse_glue(out);
    return out;
}

namespace {

void widen(std::pair<Length, Length>& acc, std::pair<Length, Length> v) {
    acc.first = max(acc.first, v.first);
    acc.second = max(acc.second, v.second);
}

std::pair<Length, Length> measure_text(const std::string& text, const std::string& style_name, Span span, LayoutContext& ctx) {
    const auto& style = paragraph_style(style_name, span, ctx);
    return measure_paragraph(style_runs(plain_runs(text, span), style, ctx), style, {}, ctx);
}

}  // namespace

std::pair<Length, Length> measure_blocks(const std::vector<doc::Block>& blocks, LayoutContext& ctx) {
    std::pair<Length, Length> acc;
    for (const auto& b : blocks) {
        std::visit([&](const auto& n) {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, doc::Paragraph>) {
                const auto& style = paragraph_style(n.style.empty() ? "body" : n.style, n.span, ctx);
                ParagraphOptions options;
                options.cache_key = &n;
                widen(acc, measure_paragraph(style_runs(n.runs, style, ctx), style, options, ctx));
            } else if constexpr (std::is_same_v<T, doc::List>) {
                const auto& style = paragraph_style(n.style, n.span, ctx);
                for (const auto& item : n.items)
                    for (const auto& ib : item.blocks) {
                        if (const auto* p = std::get_if<doc::Paragraph>(&ib.node)) {
                            const auto& ps = p->style.empty() || p->style == n.style ? style : paragraph_style(p->style, p->span, ctx);
                            ParagraphOptions options;
                            options.cache_key = p;
                            options.marker = item.label.empty() ? n.marker : item.label;
                            widen(acc, measure_paragraph(style_runs(p->runs, ps, ctx), ps, options, ctx));
                        } else {
                            auto inner = measure_blocks({ib}, ctx);
                            widen(acc, {inner.first + style.indent_left, inner.second + style.indent_left});
                        }
                    }
            } else if constexpr (std::is_same_v<T, doc::Section>) {
                widen(acc, measure_text(n.title, "heading-" + std::to_string(std::min(n.level, 4)), n.span, ctx));
                widen(acc, measure_blocks(n.children, ctx));
            } else if constexpr (std::is_same_v<T, doc::Article>) {
                widen(acc, measure_text(n.title, "article-title", n.span, ctx));
                widen(acc, measure_blocks(n.children, ctx));
            } else if constexpr (std::is_same_v<T, doc::Figure>) {
                widen(acc, measure_text(n.caption, "caption", n.span, ctx));
                widen(acc, measure_blocks(n.children, ctx));
            } else if constexpr (std::is_same_v<T, doc::Signature>) {
                widen(acc, measure_text(n.name, "signature-name", n.span, ctx));
            }
            // Nested tables and page breaks add no minimum of their own.
        }, b.node);
    }
    return acc;
}

std::ostream& operator<<(std::ostream& os, const LineStats& s) {
    return os << "lines=" << s.lines << " justified=" << s.justified_lines << " over1.5x=" << s.over_1_5
              << " over2x=" << s.over_2 << " max=" << s.max_space_factor << " overfull=" << s.overfull_lines;
}

}  // namespace reportc::layout
