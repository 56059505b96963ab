#pragma once
// Keeps and breaks on any block, as penalties in the vertical list (TeX's page builder model:
// 10000 forbids a break, -10000 forces one). The page builder knows no block kind: a kept
// block is a run of items without a legal breakpoint, and its splittable boxes are marked
// whole.
#include <optional>
#include <string>
#include <vector>

#include "base/length.h"
#include "doc/document.h"
#include "layout/vlist.h"
#include "style/stylesheet.h"

namespace reportc::layout {

// The controls in force: the style's, each overridden by the block's attribute when it has one.
style::BlockKeeps merge_keeps(style::BlockKeeps from_style, const doc::Keeps& attributes);

// The height of items[from, to) from the first box to the last, the space between included.
Length natural_height(const std::vector<VItem>& items, size_t from, size_t to);

// Applies `keeps` to the block laid out as items[start, end of list). keep-together holds only
// when the block fits in `page_body`: one taller than any page is split as usual.
void apply_keeps(std::vector<VItem>& items, size_t start, const style::BlockKeeps& keeps, Length page_body);

// A run of items that keeps `space` at the top of a page: an empty box holds the space, which
// glue alone would lose there.
void keep_space_at_top(std::vector<VItem>& items, Length space, Span source);

// What a block's style says of keeps and breaks. A paragraph keeps with the next itself
// (between its lines too); a heading breaks before itself (its section is no paragraph); a
// table shorter than the keep-tables-under-rows setting stays whole. Other blocks: nothing.
style::BlockKeeps style_keeps(const doc::Paragraph& p, const style::Stylesheet& styles);
style::BlockKeeps style_keeps(const doc::List& l, const style::Stylesheet& styles);
style::BlockKeeps style_keeps(const doc::Table& t, const style::Stylesheet& styles);
style::BlockKeeps style_keeps(const doc::Frame& f, const style::Stylesheet& styles);
template <typename Node>
style::BlockKeeps style_keeps(const Node&, const style::Stylesheet&) {
    return {};
}

// A style's break-penalty prices a page break just before its paragraphs: the penalty goes
// before the space that separates them from the box above, so that it, not that space, is the
// breakpoint there (and the two spaces still collapse). Nothing when a keep or a forced break
// decides already.
void invite_break(const style::ParagraphStyle& style, std::vector<VItem>& out);

// Whether the last item of `out` other than glue forbids a break (a kept-with-next heading).
bool follows_kept_heading(const std::vector<VItem>& out);

// Boxes from `start` on that have no master yet are set on `master` (inner blocks on another
// master have theirs already).
void stamp_master(std::vector<VItem>& out, size_t start, const std::string& master);

// keep-with-next-lines: after a paragraph in such a style (a heading), the breakpoints between
// the next N boxes are closed, across as many blocks as it takes; a forced break ends the hold.
// The page builder then ends the page above the heading when fewer lines fit under it.
class LineHold {
public:
    // After a paragraph in `style` laid out at the end of `out`: holds its next lines.
    void after(const style::ParagraphStyle& style, const std::vector<VItem>& out);
    // Closes the breakpoints from the hold's start until its count of boxes is met: penalties
    // become forbidding, and glue after a box (a legal break, TeX's rule) gets a forbidding
    // penalty before it. Called as blocks end; what is not decided yet waits for the next.
    void close(std::vector<VItem>& out);
    // The first item not yet looked at, while a hold is open.
    std::optional<size_t> from() const;
    // The first `n` items of the list were handed on.
    void dropped(size_t n);

private:
    struct Hold {
        size_t from;  // the first item not yet looked at
        int lines;    // boxes still to keep with what came before
    };
    std::optional<Hold> m_hold;
};

}  // namespace reportc::layout
