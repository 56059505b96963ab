#pragma once
// The vertical list: what block layout hands to page breaking. Boxes are unbreakable (a line,
// a table row, a rule); glue is discardable space; penalties say where a page may break
// (TeX's page builder model, The TeXbook ch. 15).
#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "base/length.h"
#include "base/span.h"
#include "frame/frame.h"

namespace reportc::layout {

class Splittable;
struct Insertion;

// A footnote mark in a box: the note it calls and the mark's offset from the box's top (a cut
// through the box sends the note with the part that holds its mark).
struct InsertionMark {
    std::shared_ptr<const Insertion> note;
    Length y;
};

constexpr int kNoBreak = 10000;
constexpr int kForceBreak = -10000;

// What made a box, so that a diagnostic about it (a page break it forced) can name it.
enum class BoxKind : uint8_t { Other, ParagraphLine, TableRow, Chart, Diagram, Frame };

struct VBox;

// What few boxes have. The vertical list holds a box per line of the whole document until its
// pages are made, so these live behind one pointer, null for a plain line.
struct BoxExtras {
    std::vector<frame::OutlineEntry> outline;  // headings starting in this box
    std::optional<std::string> section_mark;   // a level-1 title starting here (running header)
    // A box the page builder may cut (a band of table rows, split between lines of its cells);
    // the box's items are the piece drawn whole.
    std::shared_ptr<const Splittable> splittable;
    // The header rows (and "continued" line) to set at the top of a page this row continues on.
    std::shared_ptr<const std::vector<VBox>> repeat_header;
    // Footnotes called from this box, in the order of their marks.
    std::vector<InsertionMark> inserts;
};

struct VBox {
    Length height;
    std::vector<frame::Item> items;  // x from the body's left edge, y from the box's top
    Span source;                     // where in the sources the box comes from (none: made up)
    BoxKind kind = BoxKind::Other;
    // Part of a block kept together: a splittable box is cut only when nothing else is on the
    // page (the block is then taller than any page, which layout does not keep).
    bool whole = false;
    // Non-empty: this box must start a page of that master. Every box has one (block layout
    // sets the master of its env), so the name is interned: two bytes, not a string per line.
    const std::string& page_master() const { return master_name(m_master); }
    void set_page_master(const std::string& name) { m_master = intern_master(name); }

    VBox() = default;
    VBox(const VBox& other) : height(other.height), items(other.items), source(other.source), kind(other.kind),
                              whole(other.whole), m_master(other.m_master),
                              m_extras(other.m_extras ? std::make_unique<BoxExtras>(*other.m_extras) : nullptr) {}
    VBox(VBox&&) noexcept = default;
    VBox& operator=(const VBox& other) { return *this = VBox(other); }
    VBox& operator=(VBox&&) noexcept = default;

    // The rare fields: an empty set when the box has none.
    const BoxExtras& extras() const { return m_extras ? *m_extras : none(); }
    // The rare fields to change, made on first use.
    BoxExtras& edit_extras() {
        if (!m_extras) m_extras = std::make_unique<BoxExtras>();
        return *m_extras;
    }
    void drop_extras() { m_extras.reset(); }
    // Shorthands for the fields read most.
    const std::vector<InsertionMark>& inserts() const { return extras().inserts; }
    const std::shared_ptr<const Splittable>& splittable() const { return extras().splittable; }
    const std::shared_ptr<const std::vector<VBox>>& repeat_header() const { return extras().repeat_header; }
    // Sets the footnotes called from the box (nothing is made for none).
    void set_inserts(std::vector<InsertionMark> marks) {
        if (!marks.empty() || m_extras) edit_extras().inserts = std::move(marks);
    }

private:
    static const BoxExtras& none();
    static uint16_t intern_master(const std::string& name);
    static const std::string& master_name(uint16_t id);
    uint16_t m_master = 0;  // 0: none
    std::unique_ptr<BoxExtras> m_extras;
};

// Material for the foot of the page (TeX's \insert, The TeXbook ch. 15): a footnote's lines,
// set at the foot of the page on which its mark falls and taking their height from that page's
// body. A note that does not fit continues on the next page.
struct Insertion {
    std::vector<VBox> lines;         // top to bottom, each as tall as its leading
    std::vector<bool> may_break;     // may_break[j]: the note may continue on the next page after line j
    std::string anchor;              // where the note starts (its mark links here)
    Span source;
};

// What the page builder knows of a box it may cut across a page break: where it can be cut, and
// the two boxes a cut makes. Any block that can split implements it (a band of table rows
// today); the page builder knows no block kind.
class Splittable {
public:
    virtual ~Splittable() = default;
    // The height above the lowest cut whose upper part fits in `room` and leaves at least
    // `min_lines` lines of the piece on each side; nullopt when there is none.
    virtual std::optional<Length> cut(Length room, size_t min_lines) const = 0;
    // `box` (this piece's box) cut at `at`, a height from cut(): the part that stays on the page
    // and the rest, itself splittable.
    virtual std::pair<VBox, VBox> split(const VBox& box, Length at) const = 0;
    // The rest of an earlier cut: it draws its own top edge.
    virtual bool continues() const = 0;
};

struct VGlue {
    Length height;  // discarded at the top of a page
};

struct VPenalty {
    int cost = 0;  // >= kNoBreak: no break here; <= kForceBreak: a break must happen here
};

using VItem = std::variant<VBox, VGlue, VPenalty>;

// A list that held a long block's items (the contents of a long report: 1 MB at 4,009 pages)
// and keeps only a few keeps no buffer of that size: what is left is moved to one of its size
// when the buffer is beyond kSpareItemsFloor items and four times what it holds.
inline constexpr size_t kSpareItemsFloor = 4096;
inline void release_spare_items(std::vector<VItem>& items) {
    if (items.capacity() > kSpareItemsFloor && items.capacity() > 4 * items.size()) items.shrink_to_fit();
}

// Adjacent glue collapses to the larger space (space-after of one block, space-before of the
// next), as CSS collapses margins.
void collapse_glue(std::vector<VItem>& items);
// A line box is the most common item: keep it and the variant small (issue 16, docs/performance.md).
static_assert(sizeof(VBox) <= 56);
static_assert(sizeof(VItem) <= 64);

std::ostream& operator<<(std::ostream& os, const VItem& item);
std::ostream& operator<<(std::ostream& os, const Insertion& note);

}  // namespace reportc::layout
