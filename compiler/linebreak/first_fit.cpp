#include "linebreak/first_fit.h"

#include <optional>

namespace reportc::linebreak {
namespace {

bool forced(const Item& item) { return item.kind == ItemKind::Penalty && item.penalty <= -kInfinitePenalty; }

// After a break, glue and penalties up to the next box are discarded (Knuth & Plass); a forced
// break among them still ends its own (empty) line, as <br/><br/> asks.
size_t first_after_break(const std::vector<Item>& items, size_t i) {
    while (i < items.size() && items[i].kind != ItemKind::Box && !forced(items[i])) ++i;
    return i;
}

struct Break {
    size_t at = 0;
    Length natural;     // the line's width when it breaks here (a hyphen included)
    Length hang_right;  // character protrusion at this end: the hyphen's, or the last box's
};

class FirstFit {
public:
    FirstFit(const std::vector<Item>& items, const LineWidths& widths) : m_items(items), m_widths(widths) {}

    Result run() {
        size_t begin = first_after_break(m_items, 0);
        while (begin < m_items.size()) {
            const Break end = line_from(begin);
            add_line(begin, end);
            begin = end.at < m_items.size() ? first_after_break(m_items, end.at + 1) : m_items.size();
        }
        return std::move(m_result);
    }

private:
    // Where the line starting at `begin` ends: at a forced break, at the last legal break that
    // fits once a box overflows the measure (one that is no hyphenation point when there is such),
    // or, when none fits, at the first legal break after the overflow.
    Break line_from(size_t begin) {
        // Protruding characters hang outside the measure, as in the Knuth-Plass breaker (pdfTeX).
        const Length hang_left = m_items[begin].kind == ItemKind::Box ? m_items[begin].hang_left : Length{};
        const Length width = m_widths.width(m_result.lines.size()) + hang_left;
        std::optional<Break> plain, hyphenation;
        bool over = false;
        Length natural;
        for (size_t i = begin; i < m_items.size(); ++i) {
            const Item& item = m_items[i];
            if (forced(item)) return {i, natural, last_hang(begin, i)};
            std::optional<Break> legal;
            if (item.kind == ItemKind::Penalty && item.penalty < kInfinitePenalty) legal = Break{i, natural + item.width, item.hang_right};
            if (item.kind == ItemKind::Glue && i > begin && m_items[i - 1].kind == ItemKind::Box)
                legal = Break{i, natural, m_items[i - 1].hang_right};
            if (legal && over) return *legal;
            if (legal && legal->natural <= width + legal->hang_right) (item.hyphenation ? hyphenation : plain) = legal;
            if (item.kind != ItemKind::Penalty) natural += item.width;
            if (item.kind == ItemKind::Box && natural > width + item.hang_right) {
                if (plain) return *plain;
                if (hyphenation) return *hyphenation;
                over = true;
            }
        }
        return {m_items.size(), natural, last_hang(begin, m_items.size())};
    }

    // The right hang of the last box in [begin, end).
    Length last_hang(size_t begin, size_t end) const {
        for (size_t i = end; i > begin; --i)
            if (m_items[i - 1].kind == ItemKind::Box) return m_items[i - 1].hang_right;
        return {};
    }

    void add_line(size_t begin, const Break& end) {
        Line line;
        line.begin = begin;
        line.end = end.at;
        line.natural = end.natural;
        line.width = m_widths.width(m_result.lines.size());
        if (begin < m_items.size() && m_items[begin].kind == ItemKind::Box) line.hang_left = m_items[begin].hang_left;
        line.hang_right = end.hang_right;
        line.overfull = line.natural - line.hang_left - line.hang_right > line.width;
        m_result.overfull_count += line.overfull ? 1 : 0;
        m_result.lines.push_back(line);
    }

    const std::vector<Item>& m_items;
    const LineWidths& m_widths;
    Result m_result;
};

}  // namespace

Result break_first_fit(const std::vector<Item>& items, const LineWidths& widths) { return FirstFit(items, widths).run(); }

}  // namespace reportc::linebreak
