#pragma once
// What the inline stage needs to set one paragraph: styled runs and the measure.
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "base/kerning.h"
#include "base/length.h"
#include "base/span.h"
#include "style/stylesheet.h"

namespace reportc::doc {
struct Image;
}

namespace reportc::inl {

// A box set in the line like a word, standing on the baseline (an inline image): its size and,
// opaque to this stage, what layout draws in it.
struct InlineObject {
    Length width, height;
    std::shared_ptr<const doc::Image> image;
    bool operator==(const InlineObject&) const = default;
};

struct StyledRun {
    std::string text;
    style::FontSpec font;
    std::string link;
    bool line_break = false;
    Span span;
    // An anchor to set where the run's text lands (a page-dependent variable: the relayout loop
    // reads the page it falls on); its fragments carry it.
    std::string anchor;
    std::optional<InlineObject> object;  // set: the run is this box, not text
    bool operator==(const StyledRun&) const = default;
};

struct ParagraphInput {
    std::vector<StyledRun> runs;
    style::Align align = style::Align::Left;
    Length width;              // the measure
    Length first_line_indent;  // extra indent of the first line (may be negative: hanging)
    bool hyphenate = true;
    style::HyphenationPolicy hyphenation;         // what breaks in and after words cost
    std::shared_ptr<const style::TieRules> ties;  // spaces that do not break; null: none
    // The last space does not break, so the last line is never one word (a balanced heading).
    // Ragged text only (left, centred, right).
    bool tie_last_words = false;
    Span span;
    // Microtypography (style::ParagraphStyle): characters hang into the margins that align, and
    // justified lines may widen or narrow their glyphs. Off by default.
    bool protrusion = false;
    std::shared_ptr<const style::ProtrusionTables> protrusion_tables;  // the layout's, by family; null: none
    style::FontExpansion expansion;
    int space_stretch = 500, space_shrink = 333;  // justified word spaces, in thousandths of their width
    // The shared rules compare by value: a paragraph set by another thread, or under a layout read
    // again, is the same input when its rules are the same.
    bool operator==(const ParagraphInput&) const;
};

// A line drawn with text (underline, strike-through): its centre above the line's baseline
// (negative below) and its thickness.
struct Stroke {
    Length position, thickness;
    bool operator==(const Stroke&) const = default;
};

// What is drawn with a fragment besides its glyphs, placed from the font's metrics (OS/2,
// 'post'). The underline and the highlight follow the run's own font at its own baseline, so
// a superscript in an underlined run sits above the same line as its neighbours.
struct Decorations {
    std::optional<Stroke> underline, strike;
    std::optional<Color> highlight;
    Length highlight_top, highlight_bottom;  // above and below the line's baseline
    bool operator==(const Decorations&) const = default;
};

// What few fragments carry besides their glyphs: a link, an anchor, decorations, an inline
// object. Behind one shared pointer in the fragment, null for plain text: the paragraph cache
// keeps every line of every paragraph, so each byte of a fragment counts once per word of the
// document (280 bytes with these inline, issue 16; docs/performance.md).
struct FragmentExtras {
    std::string link;
    std::string anchor;  // the run's anchor (StyledRun::anchor)
    Decorations decorations;
    std::optional<InlineObject> object;  // set: the fragment is this box (no text, no face)
    bool operator==(const FragmentExtras&) const = default;
};

// A glyph run placed on a line; x is relative to the line's left edge. A field added here is
// packed too (layout/paragraph_cache_lines.cpp), or the paragraph cache drops it.
struct Fragment {
    int face = 0;
    Color color;
    int expansion = 0;  // font expansion: glyphs scaled horizontally by 1 + expansion/1000
    Length size;
    Length x, width;
    Length rise;  // above the line's baseline (a superscript mark)
    Length tracking;  // added after every character (synthesized small capitals)
    std::string text;
    Kerning kerning;  // the font's, within the text (and with the next fragment of the word); in width
    std::shared_ptr<const FragmentExtras> extras;  // null: no link, anchor, decorations or object

    // Inline, as object(): layout asks every fragment of every line for its link and anchor.
    const std::string& link() const { return extras ? extras->link : kNoString; }
    const std::string& anchor() const { return extras ? extras->anchor : kNoString; }
    const Decorations& decorations() const;
    // Inline: asked of every box's fragments as lines are set, and plain text has no extras.
    const std::optional<InlineObject>& object() const { return extras ? extras->object : kNoObject; }
    // Null when `e` holds nothing, so plain text allocates nothing.
    void set_extras(FragmentExtras e);
    // Same link, anchor, decorations and object (fragments that may merge).
    bool same_extras(const Fragment& other) const;

private:
    static const std::optional<InlineObject> kNoObject;
    static const std::string kNoString;
};
static_assert(sizeof(Fragment) <= 112, "inl::Fragment grew: move rare fields into FragmentExtras");

// A set line but its fragments: what the paragraph cache keeps of each line as it is
// (layout/paragraph_cache_lines.h packs the fragments).
struct LineMetrics {
    Length natural_width;   // the width the content occupies after justification
    Length ascent, descent; // from the largest font on the line (descent positive)
    double ratio = 0;       // the Knuth-Plass adjustment ratio used
    double space_factor = 1;// widest inter-word space divided by its natural width (justified lines)
    Length hang_left, hang_right;  // how far the line's first and last characters hang into the margins
    int expansion = 0;             // the line's font expansion, in thousandths
    bool justified = false; // stretched or shrunk to the measure (not the last line)
    bool hyphenated = false;// ends with a hyphen added at a hyphenation point
    bool overfull = false;
};

struct Line : LineMetrics {
    std::vector<Fragment> fragments;
};

struct ParagraphLayout {
    std::vector<Line> lines;
    size_t overfull_count = 0;
    int pass = 0;  // 0 first, 1 second, 2 emergency, 3 overfull
};

std::ostream& operator<<(std::ostream& os, const Fragment& f);
std::ostream& operator<<(std::ostream& os, const Line& l);

}  // namespace reportc::inl
