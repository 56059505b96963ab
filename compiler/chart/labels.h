#pragma once
// Private to chart: text measured with the document's fonts (text::FontFace widths, exactly as
// the PDF), wrapping and abbreviation, and rectangle checks that keep labels apart.
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/geometry.h"
#include "frame/frame.h"
#include "text/font_registry.h"

namespace reportc::chart {

// A rectangle in pt, top-left origin, y down.
struct Box {
    double x = 0, y = 0, w = 0, h = 0;
    double right() const { return x + w; }
    double bottom() const { return y + h; }
};

// True when the rectangles overlap, or come closer than `gap`.
bool overlaps(const Box& a, const Box& b, double gap = 0);
bool contains(const Box& outer, const Box& inner);

// Greedy placement: for each label in order, the first of its candidate boxes that stays inside
// `bounds` and overlaps (with `gap`) neither an obstacle nor a label placed before it. Returns
// the chosen candidate index per label, or -1 for a label that cannot be placed (dropped).
// `own[i]`, when given, is the index of an obstacle label i may sit on (its own bar), or -1.
std::vector<int> place_labels(const std::vector<std::vector<Box>>& candidates, const std::vector<Box>& obstacles,
                              const Box& bounds, double gap, const std::vector<int>* own = nullptr);

struct TextStyle {
    std::string family;
    bool bold = false, italic = false;
    double size = 8;  // pt
    Color color;
};

// One line of text set at (x, baseline).
struct Label {
    std::string text;
    TextStyle style;
    double x = 0, baseline = 0, width = 0, ascent = 0, descent = 0;
    Box box() const { return {x, baseline - ascent, width, ascent + descent}; }
};

enum class Anchor { Left, Center, Right };

class TextKit {
public:
    explicit TextKit(const text::FontRegistry& fonts) : m_fonts(fonts) {}

    double width(std::string_view text, const TextStyle& style) const;
    double ascent(const TextStyle& style) const;
    double descent(const TextStyle& style) const;  // positive
    double leading(const TextStyle& style) const { return style.size * 1.2; }

    // Greedy lines of at most `max_width`; a word wider than that is abbreviated; with more than
    // `max_lines` lines the last one ends in "…".
    std::vector<std::string> wrap(std::string_view text, const TextStyle& style, double max_width, size_t max_lines) const;
    // `text`, or its longest prefix followed by "…" that fits `max_width` ("" when not even "…" fits).
    std::string abbreviate(std::string_view text, const TextStyle& style, double max_width) const;

    // A label whose anchor point (left end, centre or right end) is at x.
    Label label(std::string text, const TextStyle& style, double x, double baseline, Anchor anchor = Anchor::Left) const;
    // Text items for the label, one per font run (FontRegistry fallback), font = registry face.
    void emit(const Label& label, std::vector<frame::Item>& out) const;
    // The characters no font has among the labels emitted so far (each once, in order): they are
    // drawn as the replacement character, which the chart's caller reports.
    const std::vector<char32_t>& missing() const { return m_missing; }

private:
    int face(const TextStyle& style) const;
    const text::FontRegistry& m_fonts;
    mutable std::vector<char32_t> m_missing;  // a record of what emit met, not state it depends on
};

// One error per character in `missing` at `span`, worded as for body text.
void report_missing(const std::vector<char32_t>& missing, Span span, Diagnostics& diags);

}  // namespace reportc::chart
