#pragma once
// The measure behind word-spacing (tools/README.md): how wide the spaces of a PDF's justified
// lines are, as a multiple of the font's natural space, from pdftotext's words alone. A library
// so that the end-to-end tests assert the figures through the same code as the tool.
#include <cstddef>
#include <string>
#include <vector>

#include "bbox_layout.h"

namespace reportc::tools {

struct SpacingOptions {
    size_t from_page = 1;   // pages before it are left out (1: from the first)
    double min_width = 50;  // a justified line spans at least this percentage of the text block
};

struct NaturalSpace {
    double height = 0;  // the text height it stands for, in points
    double space = 0;   // the median gap of the ragged lines of that height
    size_t gaps = 0;
};

struct SpacedLine {
    double figure = 0;  // the median of its gaps over the natural space
    size_t page = 0;    // 1-based
    std::string text;
};

// A line found past the right edge, or the last of three hyphenated lines in a row.
struct FlaggedLine {
    size_t page = 0;      // 1-based
    double excess = 0;    // overfull lines: how far past the edge, in points
    std::string text;
};

struct SpacingFigures {
    std::vector<NaturalSpace> natural;
    std::vector<SpacedLine> lines;  // the justified lines, widest first
    size_t column_rows = 0;         // lines left out as rows of table cells
    size_t no_reference = 0;        // lines left out for want of ragged lines of their height
    std::vector<FlaggedLine> overfull, hyphen_runs;
    double median = 0, p95 = 0, widest = 0;
    double p5 = 0, narrowest = 0;  // the shrink side: spaces squeezed below their natural width
    size_t above = 0;              // lines whose figure is above 1.5
};

// Issue 13's goal for justified text (docs/typography.md): the median space at most 1.02 times
// the natural one, the widest at most 1.35, none above 1.5, no overfull line, no three hyphenated
// lines in a row, and no line squeezed tighter than a space's full shrink of a third allows
// (narrowest at least 0.65, a little under 2/3 for the measure's rounding), so that the median is
// not met by crowding words.
struct SpacingGoal {
    double median = 1.02, widest = 1.35, loose = 1.5, narrowest = 0.65;
};

SpacingFigures measure_spacing(const std::vector<Page>& pages, const SpacingOptions& options);

// The goal's clauses the figures miss, one line each ("median 1.036 > 1.02"); empty: all met.
std::vector<std::string> missed_goals(const SpacingFigures& figures, const SpacingGoal& goal = {});

}  // namespace reportc::tools
