#pragma once
// The pages, text lines and words of a PDF as poppler's `pdftotext -bbox-layout` gives them,
// shared by the tools that measure a PDF from its text alone (page-fill, word-spacing).
#include <string>
#include <vector>

namespace reportc::tools {

struct Word {
    double left = 0, right = 0, height = 0;
    std::string text;  // entities of the XHTML output decoded
};

struct Line {
    double left = 0, right = 0, top = 0, bottom = 0;
    std::vector<Word> words;
};

struct Page {
    double width = 0, height = 0;  // as shown: a page turned by /Rotate has its sides swapped
    std::vector<Line> lines;
};

// Runs pdftotext on `pdf` and appends its pages; false when it cannot be run or fails.
bool read_bbox_layout(const std::string& pdf, std::vector<Page>& pages);

// `s` single-quoted for /bin/sh.
std::string shell_quoted(const std::string& s);

}  // namespace reportc::tools
