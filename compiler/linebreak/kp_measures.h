#pragma once
// Private to linebreak: what every pass of the Knuth-Plass breaker (knuth_plass.cpp) needs: the
// paragraph's running sums, its legal breakpoints, and a line's measures, adjustment ratio,
// badness and demerits. References as in knuth_plass.cpp: Knuth & Plass, "Breaking Paragraphs
// into Lines" (1981), by section heading, and tex.web by section. The small functions are inline:
// the breaker calls them for every candidate line.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "linebreak/knuth_plass.h"

namespace reportc::linebreak::kp {

constexpr size_t kNone = std::numeric_limits<size_t>::max();
constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kInfBad = 10000;  // "infinitely bad" (TeX's inf_bad): badness is capped here

// Fitness classes (K&P "Desirability criteria"), numbered as in tex.web §817 so that two classes
// more than 1 apart are the incompatible ones.
enum Fitness : int { kVeryLoose = 0, kLoose = 1, kDecent = 2, kTight = 3 };

inline int fitness_class(double r) {
    if (r < -0.5) return kTight;
    if (r <= 0.5) return kDecent;
    if (r <= 1) return kLoose;
    return kVeryLoose;
}

inline bool is_forced(const Item& item) {
    return item.kind == ItemKind::Penalty && item.penalty <= -kInfinitePenalty;
}

// What every pass needs, computed once.
struct Paragraph {
    const std::vector<Item>& items;
    size_t last = 0;  // the final (forced) break: an item index, or items.size() for the virtual one
    // Sums of the widths, stretch and shrink of the boxes and glue in items [0, i), so that a
    // line's measures are differences (the paper's running totals Σw, Σy, Σz).
    std::vector<int64_t> width, stretch, shrink;
    // keep[i]: the first j >= i that is a box or a forced penalty (items.size() if none). After a
    // break at i, the glue and penalties up to keep[i + 1] are discarded: the next line begins
    // there (K&P "Formulating the problem").
    std::vector<size_t> keep;
    // Sums of the expandable boxes' widths in items [0, i) (font expansion), and last_box[i]: the
    // last box before item i (kNone if none), whose last character ends a line broken at i.
    std::vector<int64_t> expandable;
    std::vector<size_t> last_box;
};

Paragraph prepare(const std::vector<Item>& items);

struct Break {
    Length width;  // added to the line if it ends here (a hyphen)
    int cost = 0;
    bool flagged = false;
    bool forced = false;
    bool final = false;  // the paragraph's last break
};

// Legal breakpoints (K&P "Formulating the problem"): a glue immediately preceded by a box, or a
// penalty below +infinity. A pass without hyphenation skips automatic hyphenation points; a tie
// is a break only where `tie_penalty` is finite (the emergency passes).
std::optional<Break> breakpoint(const Paragraph& p, size_t i, bool hyphenate, int tie_penalty);

struct Measure {
    Length natural, stretch, shrink;
    Length hang_left, hang_right;  // character protrusion at the line's two ends
    Length expandable;             // the widths font expansion scales
    Length font_stretch, font_shrink;  // what expansion adds to the stretch and shrink
    // The width the breaker fits to the line: protruding characters hang outside it (pdfTeX).
    Length fitted() const { return natural - hang_left - hang_right; }
};

// Protrusion at the ends of a line from `begin` to the break at `end`: the first box's left hang,
// and the right hang of the hyphen a hyphenation break adds, or else of the last box before the
// break.
inline void add_hangs(const Paragraph& p, size_t begin, size_t end, Measure& m) {
    if (begin < p.items.size() && p.items[begin].kind == ItemKind::Box) m.hang_left = p.items[begin].hang_left;
    const bool at_hyphen = end < p.items.size() && p.items[end].kind == ItemKind::Penalty && p.items[end].width > Length::zero();
    if (at_hyphen) m.hang_right = p.items[end].hang_right;
    else if (p.last_box[end] != kNone && p.last_box[end] >= begin) m.hang_right = p.items[p.last_box[end]].hang_right;
}

// A line from item `begin` up to the break at `end` (which itself is not part of the line).
inline Measure measure(const Paragraph& p, size_t begin, size_t end, Length break_width, const Expansion& expansion) {
    Measure m{Length::from_sp(p.width[end] - p.width[begin]) + break_width, Length::from_sp(p.stretch[end] - p.stretch[begin]),
              Length::from_sp(p.shrink[end] - p.shrink[begin]), {}, {}, {}, {}, {}};
    add_hangs(p, begin, end, m);
    if (expansion.enabled()) {
        m.expandable = Length::from_sp(p.expandable[end] - p.expandable[begin]);
        if (end < p.items.size() && p.items[end].kind == ItemKind::Penalty && p.items[end].expandable) m.expandable += break_width;
        m.font_stretch = Length::ratio(m.expandable, expansion.stretch, 1000);
        m.font_shrink = Length::ratio(m.expandable, expansion.shrink, 1000);
    }
    return m;
}

// The adjustment ratio r (K&P "Formulating the problem"): (L - natural) / stretch when the line
// is short, (L - natural) / shrink when it is long, 0 when it fits exactly; infinite when the
// needed stretch or shrink is zero. A line with r < -1 cannot be set at all.
inline double adjustment_ratio(Length natural, Length stretch, Length shrink, Length target) {
    if (natural == target) return 0;
    if (natural < target) return stretch.sp > 0 ? double((target - natural).sp) / double(stretch.sp) : kInfinity;
    return shrink.sp > 0 ? double((target - natural).sp) / double(shrink.sp) : -kInfinity;
}

// Badness b = 100 |r|^3, capped at kInfBad (K&P "Desirability criteria"); for r >= -1 only.
inline double badness(double r) {
    const double a = std::abs(r);
    return std::min(100 * a * a * a, kInfBad);
}

// Demerits of one line (K&P "Desirability criteria"): (l + b)^2 + p^2 if p >= 0,
// (l + b)^2 - p^2 if -inf < p < 0, (l + b)^2 for a forced break; plus alpha (flagged_demerits)
// if this break and the previous one are both flagged, plus gamma (fitness_demerits) if this
// line's fitness class and the previous line's differ by more than 1, plus final_hyphen_demerits
// if this is the paragraph's last break and the previous one is flagged (tex.web §859).
inline double line_demerits(const Params& params, double b, const Break& brk, bool prev_flagged, int prev_fitness,
                     int fitness) {
    const double lb = params.line_penalty + b;
    const double p = brk.cost;
    double d = lb * lb;
    if (!brk.forced) d += p >= 0 ? p * p : -p * p;
    if (brk.flagged && prev_flagged) d += params.flagged_demerits;
    if (brk.final && prev_flagged) d += params.final_hyphen_demerits;
    if (std::abs(fitness - prev_fitness) > 1) d += params.fitness_demerits;
    return d;
}

}  // namespace reportc::linebreak::kp
