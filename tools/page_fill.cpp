// page-fill: how much of each page's text area a PDF uses, from the PDF alone.
//
//   page-fill REPORT.pdf [--threshold PCT] [--from-page N]
//
// The text lines come from `pdftotext -bbox-layout REPORT.pdf -` (poppler-utils). Pages are
// grouped by size (a portrait and a landscape A4 are two groups). In each group, the running
// header and footer are the lines in the outer sixth of the page whose vertical position repeats
// on at least half of the group's pages (the folio changes, its place does not); the text area
// is then the span from the highest to the lowest of the other lines over the whole group, and a
// page's fill is the share of that span down to its lowest line. Pictures without text are not
// seen, so a page ending in a chart counts to the chart's lowest label.
//
// Prints one line per page (page, fill %, lines) and a summary; with --threshold, the pages
// below it. Exit status: 0 when the measure ran, 2 on a usage error or a failed pdftotext.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "bbox_layout.h"

namespace {

using reportc::tools::Line;
using reportc::tools::Page;
using reportc::tools::read_bbox_layout;

constexpr const char* kUsage = "usage: page-fill REPORT.pdf [--threshold PCT] [--from-page N]\n";

// Lines in the outer sixth of the page at a position that recurs on half the group's pages.
bool is_furniture(const Line& line, const Page& page, const std::map<long, int>& positions, size_t group_pages) {
    const double centre = (line.top + line.bottom) / 2;
    if (centre > page.height / 6 && centre < page.height * 5 / 6) return false;
    auto it = positions.find(std::lround(centre));
    return it != positions.end() && size_t(it->second) * 2 >= group_pages;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << kUsage;
        return 2;
    }
    const std::string pdf = argv[1];
    double threshold = -1;
    size_t from_page = 1;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--threshold" && i + 1 < argc) threshold = std::atof(argv[++i]);
        else if (arg == "--from-page" && i + 1 < argc) from_page = size_t(std::max(1, std::atoi(argv[++i])));
        else {
            std::cerr << "page-fill: unexpected argument '" << arg << "'\n" << kUsage;
            return 2;
        }
    }
    std::vector<Page> pages;
    if (!read_bbox_layout(pdf, pages) || pages.empty()) {
        std::cerr << "page-fill: pdftotext could not read '" << pdf << "'\n";
        return 2;
    }
    // Groups by page size, each with the positions its lines take (rounded to a point).
    std::map<std::pair<long, long>, std::vector<size_t>> groups;
    for (size_t p = 0; p < pages.size(); ++p) groups[{std::lround(pages[p].width), std::lround(pages[p].height)}].push_back(p);
    std::vector<double> fill(pages.size(), 0);
    std::vector<size_t> body_lines(pages.size(), 0);
    for (const auto& [size, members] : groups) {
        std::map<long, int> positions;
        for (size_t p : members) {
            std::vector<long> seen;
            for (const auto& l : pages[p].lines) seen.push_back(std::lround((l.top + l.bottom) / 2));
            std::sort(seen.begin(), seen.end());
            seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
            for (long y : seen) ++positions[y];
        }
        double top = 1e9, bottom = 0;
        for (size_t p : members)
            for (const auto& l : pages[p].lines)
                if (!is_furniture(l, pages[p], positions, members.size())) {
                    top = std::min(top, l.top);
                    bottom = std::max(bottom, l.bottom);
                }
        for (size_t p : members) {
            double lowest = top;
            for (const auto& l : pages[p].lines)
                if (!is_furniture(l, pages[p], positions, members.size())) {
                    lowest = std::max(lowest, l.bottom);
                    ++body_lines[p];
                }
            fill[p] = bottom > top ? 100 * (lowest - top) / (bottom - top) : 0;
        }
    }
    std::vector<size_t> below;
    double sum = 0;
    size_t counted = 0;
    for (size_t p = from_page - 1; p < pages.size(); ++p) {
        std::printf("page %zu: %.0f%% (%zu lines)\n", p + 1, fill[p], body_lines[p]);
        sum += fill[p];
        ++counted;
        if (fill[p] < threshold) below.push_back(p + 1);
    }
    if (counted) std::printf("pages: %zu, mean fill %.1f%%\n", counted, sum / double(counted));
    if (threshold >= 0) {
        std::printf("below %.0f%%: %zu", threshold, below.size());
        for (size_t i = 0; i < below.size(); ++i) std::printf("%s%zu", i ? ", " : " (pages ", below[i]);
        std::printf("%s\n", below.empty() ? "" : ")");
    }
    return 0;
}
