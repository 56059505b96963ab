// word-spacing: how wide the spaces of a PDF's justified lines are, from the PDF alone.
//
//   word-spacing REPORT.pdf [--from-page N] [--min-width PCT] [--list N] [--check]
//
// The words and lines come from `pdftotext -bbox-layout REPORT.pdf -` (poppler-utils).
// - Pages are grouped by size. In each group the running header and footer are the lines in the
//   outer sixth of the page at a position that recurs on half the group's pages (as page-fill);
//   the text block's left and right edges are the most frequent left and right ends of the
//   other lines (to 0.5pt).
// - Natural space: for each text height (a word box's height, to 0.1pt, which stands for a font
//   and size), the median gap between words on the lines that do not reach the right edge
//   (last lines of paragraphs, ragged text), which are set with unstretched spaces.
// - Justified lines: body lines of at least two words that reach the right edge (within 0.5pt)
//   and are at least --min-width percent (default 50) of the text block wide, so that table
//   cells are left out. A line with a gap over 4 natural spaces is a row of table cells, not
//   prose, and is left out too (counted). A gap under 0.3 natural spaces is a change of style
//   inside a word, not a space.
// - A line's figure is the median of its gaps (between words of its main height) divided by
//   the natural space of that height.
// Prints the number of lines, the median, the 95th percentile and the widest of the lines'
// figures, the lines above 1.5, the overfull lines (text past the right edge by more than 0.5pt,
// plus 0.35 of the text height when the line ends in punctuation or a hyphen, 0.1 when it ends
// in a letter: with character protrusion these hang into the margin, letters by at most 0.07 of
// their width) and the runs of 3 or more consecutive lines ending in a hyphen (each line
// under the previous one, less than two line heights down and in the same column).
// --list N shows the N widest lines. --check: exit status 1 unless median <= 1.02, widest <=
// 1.35, none above 1.5, no overfull line and no run of three hyphens. Exit status 2 on a usage
// error or a failed pdftotext.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "bbox_layout.h"

namespace {

using reportc::tools::Line;
using reportc::tools::Page;
using reportc::tools::Word;
using reportc::tools::read_bbox_layout;

constexpr const char* kUsage = "usage: word-spacing REPORT.pdf [--from-page N] [--min-width PCT] [--list N] [--check]\n";

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

struct Measured {
    double figure = 0;
    size_t page = 0;
    std::string text;
};

struct Body {
    const Line* line;
    size_t page;
    double left_edge, right_edge;
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << kUsage;
        return 2;
    }
    const std::string pdf = argv[1];
    size_t from_page = 1, list = 0;
    double min_width = 50;
    bool check = false;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--from-page" && i + 1 < argc) from_page = size_t(std::max(1, std::atoi(argv[++i])));
        else if (arg == "--min-width" && i + 1 < argc) min_width = std::atof(argv[++i]);
        else if (arg == "--list" && i + 1 < argc) list = size_t(std::max(0, std::atoi(argv[++i])));
        else if (arg == "--check") check = true;
        else {
            std::cerr << "word-spacing: unexpected argument '" << arg << "'\n" << kUsage;
            return 2;
        }
    }
    std::vector<Page> pages;
    if (!read_bbox_layout(pdf, pages) || pages.empty()) {
        std::cerr << "word-spacing: pdftotext could not read '" << pdf << "'\n";
        return 2;
    }
    // Body lines with their group's text block edges, headers and footers left out.
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
        for (size_t k = 0; k < lines.size(); ++k) body.push_back({lines[k], line_pages[k], left_edge, right_edge});
    }
    // Natural space per text height, from lines that stop short of the right edge.
    std::map<long, std::vector<double>> ragged;
    for (const Body& b : body) {
        if (b.line->right >= b.right_edge - 3) continue;
        const long h = main_height(*b.line);
        for (double g : gaps(*b.line))
            if (g > 0) ragged[h].push_back(g);
    }
    std::map<long, double> natural;
    for (auto& [h, g] : ragged)
        if (g.size() >= 20) natural[h] = median(g);

    std::vector<Measured> measured;
    size_t column_rows = 0, no_reference = 0, overfull = 0, hyphen_runs = 0;
    for (size_t k = 0; k < body.size(); ++k) {
        const Body& b = body[k];
        const Line& line = *b.line;
        const double height = line.bottom - line.top;
        const double allowance = 0.5 + (ends_in_punctuation(line) ? 0.35 : 0.1) * height;
        if (line.right > b.right_edge + allowance) {
            ++overfull;
            std::printf("overfull: page %zu, %.1fpt past the edge: %s\n", b.page + 1, line.right - b.right_edge, text_of(line).c_str());
        }
        // Runs of hyphenated lines, one under the other, counted once where they reach three.
        if (ends_in_hyphen(line)) {
            size_t run = 1;
            for (size_t j = k; j > 0 && run < 4; --j) {
                const Body& prev = body[j - 1];
                if (prev.page != b.page || !follows(*prev.line, *body[j].line) || !ends_in_hyphen(*prev.line)) break;
                ++run;
            }
            if (run == 3) {
                ++hyphen_runs;
                std::printf("three hyphens in a row: page %zu, ending: %s\n", b.page + 1, text_of(line).c_str());
            }
        }
        if (line.words.size() < 2 || line.right < b.right_edge - 0.5) continue;
        if (line.right - line.left < (b.right_edge - b.left_edge) * min_width / 100) continue;
        auto it = natural.find(main_height(line));
        if (it == natural.end()) {
            ++no_reference;
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
            ++column_rows;
            continue;
        }
        if (!spaces.empty()) measured.push_back({median(spaces), b.page, text_of(line)});
    }
    std::vector<double> figures;
    for (const auto& m : measured) figures.push_back(m.figure);
    const size_t above = size_t(std::count_if(figures.begin(), figures.end(), [](double f) { return f > 1.5; }));
    const double widest = figures.empty() ? 0 : *std::max_element(figures.begin(), figures.end());
    std::printf("natural space:");
    for (const auto& [h, n] : natural) std::printf(" %.1fpt high %.2fpt (%zu gaps);", double(h) / 10, n, ragged[h].size());
    std::printf("\njustified lines: %zu (left out: %zu rows of table cells, %zu of a height without ragged lines)\n",
                figures.size(), column_rows, no_reference);
    std::printf("space / natural: median %.3f, 95th percentile %.3f, widest %.3f\n", median(figures), percentile(figures, 0.95), widest);
    std::printf("lines above 1.5x: %zu (%.1f%%)\n", above, figures.empty() ? 0.0 : 100.0 * double(above) / double(figures.size()));
    std::printf("overfull lines: %zu\n", overfull);
    std::printf("runs of 3+ hyphenated lines: %zu\n", hyphen_runs);
    std::sort(measured.begin(), measured.end(), [](const Measured& a, const Measured& b) { return a.figure > b.figure; });
    for (size_t i = 0; i < std::min(list, measured.size()); ++i)
        std::printf("%.3f page %zu: %s\n", measured[i].figure, measured[i].page + 1, measured[i].text.c_str());
    if (!check) return 0;
    const bool met = median(figures) <= 1.02 && widest <= 1.35 && above == 0 && overfull == 0 && hyphen_runs == 0;
    return met ? 0 : 1;
}
