// Knuth-Plass total-fit line breaking. References are to Knuth & Plass, "Breaking Paragraphs
// into Lines", Software—Practice and Experience 11 (1981) 1119–1184, by section heading, and to
// the sections of tex.web (TeX: The Program), whose line_break refines the paper's algorithm.
//
// Outline: prepare() measures the paragraph once; each pass runs the active-node algorithm
// (Breaker) with its own tolerance; the first pass that reaches the end of the paragraph wins and
// its path of nodes becomes the lines (make_line()).
#include "linebreak/knuth_plass.h"
#include "linebreak/kp_measures.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <optional>
#include <span>

namespace reportc::linebreak {

Length LineWidths::width(size_t line) const {
    if (widths.empty()) return Length::zero();
    return widths[std::min(line, widths.size() - 1)];
}

namespace {

// Bound on the active list. Ordinary text keeps a few dozen nodes active, because a node is
// dropped as soon as a line from it would be overfull; only degenerate input (zero or negative
// widths, where no line ever overflows) gets near it, and then the costliest paths are dropped.
constexpr size_t kMaxActive = 2048;

using namespace kp;

// A feasible breakpoint with the best path that reaches it in its fitness class (K&P
// "Introduction to the algorithm": the active and passive nodes).
struct Node {
    size_t position = kNone;  // index of the break item; kNone for the paragraph's start
    size_t begin = 0;         // first item of the line that follows
    size_t line = 0;          // number of that line (0-based)
    int fitness = kDecent;    // class of the line ending here; the start counts as decent
    bool flagged = false;     // this break is flagged
    int flagged_run = 0;      // flagged breaks in a row ending here (0 if this one is not flagged)
    double total = 0;         // total demerits of the path
    size_t prev = kNone;      // the path's previous node (index into the node pool)
};

struct PassConfig {
    Pass pass = Pass::First;
    double threshold = 0;   // the largest badness a line may have
    bool hyphenate = false; // automatic hyphenation points are legal breaks
    Length extra_stretch;   // emergency stretch, added to every line's stretch
    bool rescue = false;    // the final pass: never lose every active node (tex.web §854)
    int tie_penalty = kInfinitePenalty;  // a break at a tie (Params::emergency_tie_penalty)
};

// One pass of the active-node algorithm (K&P "The algorithm itself"). The active list holds the
// nodes a line may still start from, ordered by line number. Nodes whose lines are numbered past
// the last distinct width form one group, since their future lines are alike (the paper's j0 in
// "More bells and whistles"; TeX's easy_line); every other line number is a group of its own.
// At each breakpoint, each group contributes at most one new node per fitness class.
class Breaker {
public:
    Breaker(const Paragraph& para, const LineWidths& widths, const Params& params, const PassConfig& config)
        : m_para(para), m_widths(widths), m_params(params), m_config(config),
          m_easy_line(widths.widths.empty() ? 0 : widths.widths.size() - 1),
          m_runs(size_t(std::max(params.max_consecutive_flagged, 0)) + 1), m_best(4 * m_runs) {}

    // The last node of the best path through the paragraph, or kNone if this pass found none.
    size_t run() {
        m_nodes.assign(1, Node{});  // the paragraph's start: line 0 begins at item 0
        m_active.assign(1, 0);
        for (size_t i = 0; i <= m_para.last && !m_active.empty(); ++i) {
            if (auto brk = breakpoint(m_para, i, m_config.hyphenate, m_config.tie_penalty)) try_break(i, *brk);
        }
        // The last break is forced, so the surviving nodes all end the paragraph; looseness 0
        // takes the one with the fewest total demerits (the first on ties).
        size_t best = kNone;
        for (size_t a : m_active) {
            if (m_nodes[a].position != m_para.last) continue;
            if (best == kNone || m_nodes[a].total < m_nodes[best].total) best = a;
        }
        return best;
    }

    const std::vector<Node>& nodes() const { return m_nodes; }

private:
    struct Candidate {
        double demerits = kInfinity;
        size_t from = kNone;
    };

    // The main loop's body for one breakpoint: try a line from every active node to it.
    void try_break(size_t i, const Break& brk) {
        m_next.clear();
        m_overfull.clear();
        m_rescue_from = kNone;
        size_t current_group = kNone;
        for (size_t a : m_active) {
            const Node node = m_nodes[a];  // a copy: insert_candidates() grows m_nodes
            const size_t group = std::min(node.line, m_easy_line);
            if (group != current_group) {
                insert_candidates(i, brk);
                current_group = group;
            }
            // A break among the items discarded after node's own break cannot end a line from it.
            if (i < node.begin) {
                m_next.push_back(a);
                continue;
            }
            const Length target = m_widths.width(node.line);
            const Measure m = measure(m_para, node.begin, i, brk.width, m_params.expansion);
            const double r = adjustment_ratio(m.fitted(), m.stretch + m.font_stretch + m_config.extra_stretch,
                                              m.shrink + m.font_shrink, target);
            if (r < -1) {
                // Overfull, and later breaks only make the line longer: deactivate the node, but
                // remember the least overfull line for the final pass's last resort.
                m_overfull.push_back(a);
                const int64_t excess = (m.fitted() - m.shrink - m.font_shrink - target).sp;
                if (m_rescue_from == kNone || excess < m_rescue_excess ||
                    (excess == m_rescue_excess && node.total < m_nodes[m_rescue_from].total)) {
                    m_rescue_from = a;
                    m_rescue_excess = excess;
                }
                continue;
            }
            const double b = badness(r);
            const int run = brk.flagged ? node.flagged_run + 1 : 0;
            if (b <= m_config.threshold && within_limit(run)) {
                const int fitness = fitness_class(r);
                const double d = node.total + line_demerits(m_params, b, brk, node.flagged, node.fitness, fitness);
                Candidate& best = m_best[slot(fitness, run)];
                if (d <= best.demerits) best = {d, a};
                m_min_demerits = std::min(m_min_demerits, d);
            }
            // A forced break ends every line that reaches it (K&P "The algorithm itself").
            if (!brk.forced) m_next.push_back(a);
        }
        insert_candidates(i, brk);
        if (m_next.empty() && m_config.rescue && m_rescue_from != kNone) rescue(i, brk);
        if (m_next.size() > kMaxActive) evict();
        std::swap(m_active, m_next);
    }

    // Appends the new active nodes for the group just tried, the best per fitness class, where
    // the next group begins (so the list stays ordered by line number).
    void insert_candidates(size_t i, const Break& brk) {
        // No line reached this break from the group: every slot is still empty (a candidate is
        // only kept with finite demerits, which also lower m_min_demerits), nothing to clear.
        if (m_min_demerits == kInfinity) return;
        {
            // A class costlier than the best class plus gamma can never win (tex.web §836).
            const double limit = m_min_demerits + std::abs(double(m_params.fitness_demerits));
            for (int fitness = kVeryLoose; fitness <= kTight; ++fitness) {
                for (size_t k = 0; k < m_runs; ++k) {
                    const Candidate& c = m_best[size_t(fitness) * m_runs + k];
                    if (c.from == kNone || c.demerits > limit) continue;
                    const Node& from = m_nodes[c.from];
                    const size_t line = from.line + 1;
                    const int run = brk.flagged ? from.flagged_run + 1 : 0;
                    m_next.push_back(m_nodes.size());
                    m_nodes.push_back(Node{i, begin_after(i), line, fitness, brk.flagged, run, c.demerits, c.from});
                }
            }
        }
        std::fill(m_best.begin(), m_best.end(), Candidate{});
        m_min_demerits = kInfinity;
    }

    // TeX's last resort (tex.web §854): rather than lose every active node, end an overfull line
    // here, from the node whose line overflows least, so that a box wider than the line gets a
    // line of its own. The line adds no demerits (TeX's artificial_demerits): every surviving
    // path goes through it. Unlike TeX, when only discardable items lie between here and a forced
    // break, the nodes stay active and the overfull line ends at that forced break instead of
    // leaving an empty line behind it.
    void rescue(size_t i, const Break& brk) {
        const size_t next = begin_after(i);
        const bool only_discardable_left = !brk.forced && (next == m_para.items.size() || is_forced(m_para.items[next]));
        if (only_discardable_left) {
            m_next = m_overfull;
            return;
        }
        const Node& from = m_nodes[m_rescue_from];
        const int run = brk.flagged ? from.flagged_run + 1 : 0;
        m_next.push_back(m_nodes.size());
        m_nodes.push_back(Node{i, next, from.line + 1, kTight, brk.flagged, run, from.total, m_rescue_from});
    }

    size_t begin_after(size_t i) const { return i < m_para.items.size() ? m_para.keep[i + 1] : i; }

    // Where a path's best line to the current break is kept: one per fitness class and, when
    // flagged breaks in a row are limited, per length of that run, since a path whose run is
    // shorter may continue where a cheaper one may not (K&P's classes, refined for the limit).
    bool within_limit(int run) const { return m_params.max_consecutive_flagged <= 0 || run <= m_params.max_consecutive_flagged; }

    size_t slot(int fitness, int run) const { return size_t(fitness) * m_runs + std::min(size_t(run), m_runs - 1); }

    // Halves an overlong active list, keeping the cheapest paths in list order.
    void evict() {
        const size_t keep = kMaxActive / 2;
        std::vector<double> totals;
        totals.reserve(m_next.size());
        for (size_t a : m_next) totals.push_back(m_nodes[a].total);
        std::nth_element(totals.begin(), totals.begin() + (keep - 1), totals.end());
        const double cutoff = totals[keep - 1];
        size_t room_at_cutoff = keep;
        for (size_t a : m_next) room_at_cutoff -= m_nodes[a].total < cutoff ? 1 : 0;
        size_t kept = 0;
        for (size_t a : m_next) {
            const double total = m_nodes[a].total;
            if (total < cutoff || (total == cutoff && room_at_cutoff > 0 && room_at_cutoff--)) m_next[kept++] = a;
        }
        m_next.resize(kept);
    }

    const Paragraph& m_para;
    const LineWidths& m_widths;
    const Params& m_params;
    const PassConfig& m_config;
    const size_t m_easy_line;
    std::vector<Node> m_nodes;  // every node created; paths point backwards into it
    std::vector<size_t> m_active, m_next;
    std::vector<size_t> m_overfull;  // nodes deactivated at this breakpoint for being overfull
    const size_t m_runs;  // run lengths told apart: max_consecutive_flagged + 1 (1 when unlimited)
    std::vector<Candidate> m_best;  // indexed by slot()
    double m_min_demerits = kInfinity;
    size_t m_rescue_from = kNone;
    int64_t m_rescue_excess = 0;
};

// A line's font expansion (pdfTeX's \pdfadjustspacing=2): the adjustment ratio of the glue and
// the fonts together times the limit, rounded to a step and kept within the limit: to the nearest
// step when widening, to the next one when narrowing (so the glue never needs more than its shrink).
int line_expansion(const Measure& m, const Expansion& expansion, Length width) {
    if (!expansion.enabled() || m.expandable <= Length::zero()) return 0;
    const double r = adjustment_ratio(m.fitted(), m.stretch + m.font_stretch, m.shrink + m.font_shrink, width);
    if (std::isinf(r) || std::isnan(r)) return 0;
    const double limit = r >= 0 ? expansion.stretch : expansion.shrink;
    const double steps = std::clamp(r, -1.0, 1.0) * limit / std::max(expansion.step, 1);
    const int rounded = int(r >= 0 ? std::lround(steps) : std::floor(steps)) * std::max(expansion.step, 1);
    return std::clamp(rounded, -expansion.shrink, expansion.stretch);
}

// The line from `from`'s break to `to`'s, set as TeX's hpack sets a box to a width: glue
// stretches as far as needed but shrinks at most fully.
Line make_line(const Paragraph& p, const LineWidths& widths, const Expansion& expansion, const Node& from, const Node& to) {
    Line line;
    line.begin = from.begin;
    line.end = to.position;
    const bool at_penalty = to.position < p.items.size() && p.items[to.position].kind == ItemKind::Penalty;
    const Measure m = measure(p, line.begin, line.end, at_penalty ? p.items[to.position].width : Length::zero(), expansion);
    line.natural = m.natural;
    line.width = widths.width(from.line);
    line.hang_left = m.hang_left;
    line.hang_right = m.hang_right;
    line.overfull = m.fitted() - m.shrink - m.font_shrink > line.width;
    line.expansion = line_expansion(m, expansion, line.width);
    const Length fitted = m.fitted() + Length::ratio(m.expandable, line.expansion, 1000);
    const double r = adjustment_ratio(fitted, m.stretch, m.shrink, line.width);
    line.ratio = std::isinf(r) ? 0 : std::max(r, -1.0);
    return line;
}

// The lines of the best path a pass found ending at node `at`.
Result path_lines(const Paragraph& para, const LineWidths& widths, const Params& params, const std::vector<Node>& nodes, size_t at,
                  Pass pass) {
    Result result;
    std::vector<size_t> path;
    for (; nodes[at].prev != kNone; at = nodes[at].prev) path.push_back(at);
    for (auto it = path.rbegin(); it != path.rend(); ++it) {
        result.lines.push_back(make_line(para, widths, params.expansion, nodes[nodes[*it].prev], nodes[*it]));
        if (result.lines.back().overfull) ++result.overfull_count;
    }
    result.pass = pass;
    return result;
}

// The passes of tex.web §863. The last one accepts any line that is not overfull and rescues
// overfull ones, so it always reaches the end of the paragraph.
std::array<PassConfig, 4> passes_of(const Params& params) {
    const Length emergency = max(params.emergency_stretch, Length::zero());
    return {{
        {Pass::First, params.pretolerance, false, Length::zero(), false},
        {Pass::Second, params.tolerance, true, Length::zero(), false},
        {Pass::Emergency, params.tolerance, true, emergency, false, params.emergency_tie_penalty},
        {Pass::Overfull, kInfinity, true, emergency, true, params.emergency_tie_penalty},
    }};
}

// The first of `passes` that reaches the end of the paragraph, or nothing.
std::optional<Result> first_found(const Paragraph& para, const LineWidths& widths, const Params& params,
                                  std::span<const PassConfig> passes) {
    for (const PassConfig& config : passes) {
        if (config.pass == Pass::First && params.pretolerance < 0) continue;
        if (config.pass == Pass::Emergency && config.extra_stretch <= Length::zero()) continue;
        Breaker breaker(para, widths, params, config);
        const size_t at = breaker.run();
        if (at == kNone) continue;
        return path_lines(para, widths, params, breaker.nodes(), at, config.pass);
    }
    return std::nullopt;
}

}  // namespace

Result break_paragraph(const std::vector<Item>& items, const LineWidths& widths, const Params& params) {
    if (items.empty()) return {};
    const auto passes = passes_of(params);
    // Not empty: the Overfull pass always finds a path.
    return first_found(prepare(items), widths, params, passes).value_or(Result{});
}

std::optional<Result> break_first_pass(const std::vector<Item>& items, const LineWidths& widths, const Params& params) {
    if (items.empty()) return Result{};
    const auto passes = passes_of(params);
    return first_found(prepare(items), widths, params, std::span(passes).first(1));
}

}  // namespace reportc::linebreak
