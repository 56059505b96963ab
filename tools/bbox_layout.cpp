#include "bbox_layout.h"

#include <cstdio>
#include <cstdlib>
#include <utility>

namespace reportc::tools {
namespace {

double attribute(const std::string& tag, const std::string& name) {
    const std::string key = " " + name + "=\"";
    auto at = tag.find(key);
    if (at == std::string::npos) return 0;
    return std::atof(tag.c_str() + at + key.size());
}

std::string unescaped(std::string s) {
    const std::pair<const char*, const char*> entities[] = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}};
    for (const auto& [from, to] : entities)
        for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + 1)) s.replace(at, std::string(from).size(), to);
    return s;
}

}  // namespace

std::string shell_quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') out += "'\\''";
        else out += c;
    }
    return out + "'";
}

bool read_bbox_layout(const std::string& pdf, std::vector<Page>& pages) {
    const std::string command = "pdftotext -q -bbox-layout " + shell_quoted(pdf) + " - 2>/dev/null";
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return false;
    std::string text;
    char buffer[65536];
    for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) text.append(buffer, n);
    if (pclose(pipe) != 0) return false;
    for (size_t at = text.find('<'); at != std::string::npos; at = text.find('<', at + 1)) {
        const size_t end = text.find('>', at);
        if (end == std::string::npos) break;
        const std::string tag = text.substr(at, end - at);
        if (tag.rfind("<page ", 0) == 0) {
            pages.push_back({attribute(tag, "width"), attribute(tag, "height"), {}});
        } else if (tag.rfind("<line ", 0) == 0 && !pages.empty()) {
            pages.back().lines.push_back(
                {attribute(tag, "xMin"), attribute(tag, "xMax"), attribute(tag, "yMin"), attribute(tag, "yMax"), {}});
            // A page turned by /Rotate (a landscape page on a portrait sheet) is given its
            // sheet's size but its lines as shown: a line beyond the sheet's width says so.
            Page& page = pages.back();
            if (attribute(tag, "xMax") > page.width + 1 && page.height > page.width) std::swap(page.width, page.height);
        } else if (tag.rfind("<word ", 0) == 0 && !pages.empty() && !pages.back().lines.empty()) {
            const size_t close = text.find("</word>", end);
            if (close == std::string::npos) break;
            pages.back().lines.back().words.push_back({attribute(tag, "xMin"), attribute(tag, "xMax"),
                                                       attribute(tag, "yMax") - attribute(tag, "yMin"),
                                                       unescaped(text.substr(end + 1, close - end - 1))});
        }
    }
    return true;
}

}  // namespace reportc::tools
