#pragma once
// Knuth-Plass total-fit line breaking: choose the breakpoints of a whole paragraph so that the
// sum of the lines' demerits is least (Knuth & Plass, "Breaking Paragraphs into Lines",
// Software—Practice and Experience 11, 1981). Passes follow TeX (tex.web §863): without
// automatic hyphenation first, then with it, then with emergency stretch, and finally a pass that
// always succeeds, accepting overfull lines where nothing else fits.
#include <cstddef>
#include <optional>
#include <ostream>
#include <vector>

#include "base/length.h"
#include "linebreak/item.h"

namespace reportc::linebreak {

// Width of line i; the last entry repeats for all later lines (an indented first line is
// {indented, full}). With no entries every line has width zero.
struct LineWidths {
    std::vector<Length> widths;
    Length width(size_t line) const;
};

// Font expansion, pdfTeX's \pdfadjustspacing=2 model (Hàn Thế Thành 2000; the pdfTeX manual's
// \pdffontexpand): the expandable items' widths may grow by up to `stretch` and shrink by up to
// `shrink` thousandths, which adds to each line's stretch and shrink in the breaker; a line's
// expansion is its adjustment ratio times the limit, rounded to a multiple of `step`, and its glue
// takes up the rest. All zero: no expansion.
struct Expansion {
    int stretch = 0, shrink = 0, step = 1;  // thousandths of the width
    bool enabled() const { return stretch > 0 || shrink > 0; }
    bool operator==(const Expansion&) const = default;
};

struct Params {
    double pretolerance = 100;   // first pass: no automatic hyphenation, lines with badness <= pretolerance
                                 // (negative: skip the first pass, as TeX does)
    double tolerance = 200;      // second pass: with hyphenation points
    int line_penalty = 10;
    int flagged_demerits = 3000; // two consecutive flagged breaks (TeX's \doublehyphendemerits)
    // The last line follows a flagged break: the paragraph ends in a fragment of a hyphenated
    // word (TeX's \finalhyphendemerits, tex.web §859).
    int final_hyphen_demerits = 0;
    // At most this many flagged breaks in a row; a path with one more is not feasible (a hard
    // limit TeX does not have; only the final pass's rescue of an overfull line ignores it).
    // 0: no limit.
    int max_consecutive_flagged = 0;
    int fitness_demerits = 3000; // adjacent lines whose fitness classes differ by more than 1
    Length emergency_stretch;    // third pass (if > 0): this much extra stretch per line, tolerance as pass 2
    // What breaking at a tie costs in the emergency and final passes, tried only when the
    // paragraph cannot be set otherwise within the tolerance. kInfinitePenalty: never.
    int emergency_tie_penalty = kInfinitePenalty;
    Expansion expansion;         // font expansion of the expandable items (none by default)
};

enum class Pass { First, Second, Emergency, Overfull };

struct Line {
    size_t begin = 0;   // first item of the line (glue/penalties discarded after the previous break are excluded)
    size_t end = 0;     // index of the break item (a glue or penalty); the line's content is [begin, end).
                        // If the list does not end with a forced break, the last line ends at items.size().
    double ratio = 0;   // adjustment ratio r: >0 stretch, <0 shrink, as the line is to be set with its own
                        // glue (emergency stretch only steers the choice of breaks). Set like TeX sets a
                        // box: 0 when the needed direction has no stretch/shrink, and at most -1 (fully
                        // shrunk) for an overfull line.
    Length natural;     // natural width of [begin,end) plus the break penalty's width
    Length width;       // the target width of this line
    bool overfull = false; // natural - shrink > width: cannot fit even fully shrunk
    // Character protrusion: the first character hangs this far into the left margin and the last
    // into the right one; `ratio` is that of the line with these taken off its natural width.
    Length hang_left, hang_right;
    int expansion = 0;  // the expandable items' widths scaled by 1 + expansion/1000; `ratio` is the glue's
};

struct Result {
    std::vector<Line> lines;
    Pass pass = Pass::First;   // the pass that produced the lines
    size_t overfull_count = 0; // lines with overfull = true
};

// Never fails: the Overfull pass keeps the least overfull line when nothing fits (TeX's last
// resort, tex.web §854). Empty input gives no lines.
Result break_paragraph(const std::vector<Item>& items, const LineWidths& widths, const Params& params);

// The first pass alone (no automatic hyphenation, params.pretolerance): its lines when it reaches
// the end of the paragraph, else nothing (also when params.pretolerance < 0 skips it). What
// break_paragraph gives when its result's pass is First; a caller that sets a paragraph failing
// it again from a list with hyphenation points (inl::Typesetter) need not run the later passes on
// the list without them.
std::optional<Result> break_first_pass(const std::vector<Item>& items, const LineWidths& widths, const Params& params);

// Debug output, defined in print.cpp.
std::ostream& operator<<(std::ostream& os, const LineWidths& widths);
std::ostream& operator<<(std::ostream& os, const Params& params);
std::ostream& operator<<(std::ostream& os, Pass pass);
std::ostream& operator<<(std::ostream& os, const Line& line);
std::ostream& operator<<(std::ostream& os, const Result& result);

}  // namespace reportc::linebreak
