#include "word_spacing_core.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string_view>

namespace reportc::tools {
namespace {

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(std::ceil(p * double(v.size()))) - (p > 0 ? 1 : 0))];
}

long height_class(double h) { return std::lround(h * 10); }

// The most common of the values, to 0.5pt.
double mode(const std::vector<double>& values) {
    std::map<long, int> counts;
    for (double v : values) ++counts[std::lround(v * 2)];
    long best = 0;
    int most = 0;
    for (const auto& [k, n] : counts)
        if (n > most) best = k, most = n;
    return double(best) / 2;
}

// The line's main text height: the most common of its words'.
long main_height(const Line& line) {
    std::map<long, int> counts;
    for (const auto& w : line.words) ++counts[height_class(w.height)];
    long best = 0;
    int most = 0;
    for (const auto& [k, n] : counts)
        if (n > most) best = k, most = n;
    return best;
}

// Gaps between consecutive words of the line's main height.
std::vector<double> gaps(const Line& line) {
    std::vector<double> out;
    const long h = main_height(line);
    for (size_t i = 1; i < line.words.size(); ++i)
        if (height_class(line.words[i - 1].height) == h && height_class(line.words[i].height) == h)
            out.push_back(line.words[i].left - line.words[i - 1].right);
    return out;
}

bool ends_in_hyphen(const Line& line) {
    if (line.words.empty()) return false;
    const std::string& w = line.words.back().text;
    return w.size() >= 2 && w.back() == '-';
}

// `next` is the line under `line` in the same column: pdftotext may split a paragraph into
// several blocks, so the blocks do not say it.
bool follows(const Line& line, const Line& next) {
    const double height = line.bottom - line.top;
    return next.top > line.top && next.top - line.top < 2 * height && std::abs(next.left - line.left) < 40;
}

bool ends_in_punctuation(const Line& line) {
    if (line.words.empty() || line.words.back().text.empty()) return false;
    const unsigned char c = line.words.back().text.back();
    return std::string_view(".,;:!?-)\"'").find(char(c)) != std::string_view::npos || c >= 0x80;
}

std::string text_of(const Line& line) {
    std::string out;
    for (const auto& w : line.words) out += (out.empty() ? "" : " ") + w.text;
    return out;
}

struct Body {
    const Line* line;
    size_t page;
    double left_edge, right_edge;
    bool edge_known;  // wide lines end at right_edge: it is the text block's edge
};

// Lines as wide as justified ones (options.min_width of the text block) that end at its right edge.
size_t wide_lines_at_edge(const std::vector<const Line*>& lines, double left_edge, double right_edge, double min_width) {
    return size_t(std::count_if(lines.begin(), lines.end(), [&](const Line* l) {
        return std::abs(l->right - right_edge) <= 0.5 && l->right - l->left >= (right_edge - left_edge) * min_width / 100;
    }));
}

// Body lines with their group's text block edges, headers and footers left out. On pages of
// tables only (the annual report's landscape annex) the most frequent line end is that of a
// short cell text ("30 June 2022"), not the text block's edge, and a header cell wider than it
// is not overfull: the edge is known only where at least three wide lines end at it.
std::vector<Body> body_lines(const std::vector<Page>& pages, size_t from_page, double min_width) {
    std::vector<Body> body;
    std::map<std::pair<long, long>, std::vector<size_t>> groups;
    for (size_t p = from_page - 1; p < pages.size(); ++p)
        groups[{std::lround(pages[p].width), std::lround(pages[p].height)}].push_back(p);
    for (const auto& [size, members] : groups) {
        std::map<long, int> positions;
        for (size_t p : members) {
            std::vector<long> seen;
            for (const auto& l : pages[p].lines) seen.push_back(std::lround((l.top + l.bottom) / 2));
            std::sort(seen.begin(), seen.end());
            seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
            for (long y : seen) ++positions[y];
        }
        std::vector<const Line*> lines;
        std::vector<size_t> line_pages;
        for (size_t p : members)
            for (const auto& l : pages[p].lines) {
                const double centre = (l.top + l.bottom) / 2;
                const bool outer = centre < pages[p].height / 6 || centre > pages[p].height * 5 / 6;
                auto it = positions.find(std::lround(centre));
                if (outer && it != positions.end() && size_t(it->second) * 2 >= members.size()) continue;
                lines.push_back(&l);
                line_pages.push_back(p);
            }
        std::vector<double> lefts, rights;
        for (const Line* l : lines) lefts.push_back(l->left), rights.push_back(l->right);
        const double left_edge = mode(lefts), right_edge = mode(rights);
        const bool known = wide_lines_at_edge(lines, left_edge, right_edge, min_width) >= 3;
        for (size_t k = 0; k < lines.size(); ++k) body.push_back({lines[k], line_pages[k], left_edge, right_edge, known});
    }
    return body;
}

// Natural space per text height, from lines that stop short of the right edge.
std::map<long, double> natural_spaces(const std::vector<Body>& body, SpacingFigures& out) {
    std::map<long, std::vector<double>> ragged;
    for (const Body& b : body) {
        if (b.line->right >= b.right_edge - 3) continue;
        const long h = main_height(*b.line);
        for (double g : gaps(*b.line))
            if (g > 0) ragged[h].push_back(g);
    }
    std::map<long, double> natural;
    for (auto& [h, g] : ragged)
        if (g.size() >= 20) {
            natural[h] = median(g);
            out.natural.push_back({double(h) / 10, natural[h], g.size()});
        }
    return natural;
}

// Runs of hyphenated lines, one under the other, counted once where they reach three.
bool third_hyphen_in_a_row(const std::vector<Body>& body, size_t k) {
    if (!ends_in_hyphen(*body[k].line)) return false;
    size_t run = 1;
    for (size_t j = k; j > 0 && run < 4; --j) {
        const Body& prev = body[j - 1];
        if (prev.page != body[k].page || !follows(*prev.line, *body[j].line) || !ends_in_hyphen(*prev.line)) break;
        ++run;
    }
    return run == 3;
}

std::string format(const char* fmt, double a, double b) {
    char buf[64];
    std::snprintf(buf, sizeof buf, fmt, a, b);
    return buf;
}

std::string format(const char* fmt, double a) {
    char buf[64];
    std::snprintf(buf, sizeof buf, fmt, a);
    return buf;
}

}  // namespace

SpacingFigures measure_spacing(const std::vector<Page>& pages, const SpacingOptions& options) {
    SpacingFigures out;
    const std::vector<Body> body = body_lines(pages, std::max<size_t>(options.from_page, 1), options.min_width);
    const std::map<long, double> natural = natural_spaces(body, out);
    for (size_t k = 0; k < body.size(); ++k) {
        const Body& b = body[k];
        const Line& line = *b.line;
        const double height = line.bottom - line.top;
        const double allowance = 0.5 + (ends_in_punctuation(line) ? 0.35 : 0.1) * height;
        if (b.edge_known && line.right > b.right_edge + allowance) out.overfull.push_back({b.page + 1, line.right - b.right_edge, text_of(line)});
        if (third_hyphen_in_a_row(body, k)) out.hyphen_runs.push_back({b.page + 1, 0, text_of(line)});
        if (line.words.size() < 2 || line.right < b.right_edge - 0.5) continue;
        if (line.right - line.left < (b.right_edge - b.left_edge) * options.min_width / 100) continue;
        auto it = natural.find(main_height(line));
        if (it == natural.end()) {
            ++out.no_reference;
            continue;
        }
        std::vector<double> spaces;
        bool columns = false;
        for (double g : gaps(line)) {
            const double r = g / it->second;
            if (r > 4) columns = true;
            if (r >= 0.3) spaces.push_back(r);
        }
        if (columns) {
            ++out.column_rows;
            continue;
        }
        if (!spaces.empty()) out.lines.push_back({median(spaces), b.page + 1, text_of(line)});
    }
    std::vector<double> figures;
    for (const auto& m : out.lines) figures.push_back(m.figure);
    out.above = size_t(std::count_if(figures.begin(), figures.end(), [](double f) { return f > 1.5; }));
    out.median = median(figures);
    out.p95 = percentile(figures, 0.95);
    out.p5 = percentile(figures, 0.05);
    out.widest = figures.empty() ? 0 : *std::max_element(figures.begin(), figures.end());
    out.narrowest = figures.empty() ? 0 : *std::min_element(figures.begin(), figures.end());
    std::stable_sort(out.lines.begin(), out.lines.end(), [](const SpacedLine& a, const SpacedLine& b) { return a.figure > b.figure; });
    return out;
}

std::vector<std::string> missed_goals(const SpacingFigures& f, const SpacingGoal& goal) {
    std::vector<std::string> missed;
    if (f.median > goal.median) missed.push_back(format("median %.3f > %.2f", f.median, goal.median));
    if (f.widest > goal.widest) missed.push_back(format("widest %.3f > %.2f", f.widest, goal.widest));
    const size_t loose = size_t(std::count_if(f.lines.begin(), f.lines.end(), [&](const SpacedLine& l) { return l.figure > goal.loose; }));
    if (loose > 0) missed.push_back(std::to_string(loose).append(format(" lines above %.2fx", goal.loose)));
    if (f.narrowest < goal.narrowest) missed.push_back(format("narrowest %.3f < %.2f", f.narrowest, goal.narrowest));
    if (!f.overfull.empty()) missed.push_back(std::to_string(f.overfull.size()).append(" overfull lines"));
    if (!f.hyphen_runs.empty()) missed.push_back(std::to_string(f.hyphen_runs.size()).append(" runs of three hyphenated lines"));
    return missed;
}

}  // namespace reportc::tools
