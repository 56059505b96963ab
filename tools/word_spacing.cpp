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
// figures, the 5th percentile and the narrowest (the shrink side), the lines above 1.5, the
// overfull lines (text past the right edge by more than 0.5pt, plus 0.35 of the text height when
// the line ends in punctuation or a hyphen, 0.1 when it ends in a letter: with character
// protrusion these hang into the margin, letters by at most 0.07 of their width) and the runs of
// 3 or more consecutive lines ending in a hyphen (each line under the previous one, less than
// two line heights down and in the same column).
// --list N shows the N widest lines. --check: exit status 1 unless the figures meet issue 13's
// goal (word_spacing_core.h: median <= 1.02, widest <= 1.35, none above 1.5, narrowest >= 0.65,
// no overfull line and no run of three hyphens), each missed clause printed. Exit status 2 on a
// usage error or a failed pdftotext. The measure itself is word_spacing_core.cpp.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "word_spacing_core.h"

namespace {

using namespace reportc::tools;

constexpr const char* kUsage = "usage: word-spacing REPORT.pdf [--from-page N] [--min-width PCT] [--list N] [--check]\n";

void print(const SpacingFigures& f, size_t list) {
    for (const auto& o : f.overfull) std::printf("overfull: page %zu, %.1fpt past the edge: %s\n", o.page, o.excess, o.text.c_str());
    for (const auto& h : f.hyphen_runs) std::printf("three hyphens in a row: page %zu, ending: %s\n", h.page, h.text.c_str());
    std::printf("natural space:");
    for (const auto& n : f.natural) std::printf(" %.1fpt high %.2fpt (%zu gaps);", n.height, n.space, n.gaps);
    std::printf("\njustified lines: %zu (left out: %zu rows of table cells, %zu of a height without ragged lines)\n",
                f.lines.size(), f.column_rows, f.no_reference);
    std::printf("space / natural: median %.3f, 95th percentile %.3f, widest %.3f\n", f.median, f.p95, f.widest);
    std::printf("shrink side: 5th percentile %.3f, narrowest %.3f\n", f.p5, f.narrowest);
    std::printf("lines above 1.5x: %zu (%.1f%%)\n", f.above, f.lines.empty() ? 0.0 : 100.0 * double(f.above) / double(f.lines.size()));
    std::printf("overfull lines: %zu\n", f.overfull.size());
    std::printf("runs of 3+ hyphenated lines: %zu\n", f.hyphen_runs.size());
    for (size_t i = 0; i < std::min(list, f.lines.size()); ++i)
        std::printf("%.3f page %zu: %s\n", f.lines[i].figure, f.lines[i].page, f.lines[i].text.c_str());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << kUsage;
        return 2;
    }
    const std::string pdf = argv[1];
    SpacingOptions options;
    size_t list = 0;
    bool check = false;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--from-page" && i + 1 < argc) options.from_page = size_t(std::max(1, std::atoi(argv[++i])));
        else if (arg == "--min-width" && i + 1 < argc) options.min_width = std::atof(argv[++i]);
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
    const SpacingFigures figures = measure_spacing(pages, options);
    print(figures, list);
    if (!check) return 0;
    const std::vector<std::string> missed = missed_goals(figures);
    for (const auto& m : missed) std::printf("goal missed: %s\n", m.c_str());
    return missed.empty() ? 0 : 1;
}
