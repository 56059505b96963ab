#include "chart/labels.h"

#include <algorithm>
#include <cstdio>

#include "base/utf8.h"

namespace reportc::chart {

bool overlaps(const Box& a, const Box& b, double gap) {
    return a.x < b.right() + gap && b.x < a.right() + gap && a.y < b.bottom() + gap && b.y < a.bottom() + gap;
}

bool contains(const Box& outer, const Box& inner) {
    const double e = 1e-6;
    return inner.x >= outer.x - e && inner.y >= outer.y - e && inner.right() <= outer.right() + e &&
           inner.bottom() <= outer.bottom() + e;
}

std::vector<int> place_labels(const std::vector<std::vector<Box>>& candidates, const std::vector<Box>& obstacles,
                              const Box& bounds, double gap, const std::vector<int>* own) {
    std::vector<int> chosen(candidates.size(), -1);
    std::vector<Box> placed;
    for (size_t i = 0; i < candidates.size(); ++i) {
        for (size_t c = 0; c < candidates[i].size(); ++c) {
            const Box& box = candidates[i][c];
            if (!contains(bounds, box)) continue;
            bool clash = false;
            const int mine = own && i < own->size() ? (*own)[i] : -1;
            for (size_t o = 0; o < obstacles.size(); ++o) clash = clash || (int(o) != mine && overlaps(box, obstacles[o], 0));
            for (const Box& p : placed) clash = clash || overlaps(box, p, gap);
            if (clash) continue;
            chosen[i] = int(c);
            placed.push_back(box);
            break;
        }
    }
    return chosen;
}

int TextKit::face(const TextStyle& style) const {
    return std::max(0, m_fonts.resolve({style.family, style.bold, style.italic}));
}

double TextKit::width(std::string_view text, const TextStyle& style) const {
    if (m_fonts.face_count() == 0) return 0;
    std::vector<text::MissingChar> missing;
    int64_t milli = 0;
    for (const auto& run : m_fonts.segment(text, {style.family, style.bold, style.italic}, missing))
        milli += m_fonts.face(run.face).width_milli(run.text);
    return double(milli) * style.size / 1000.0;
}

double TextKit::ascent(const TextStyle& style) const {
    if (m_fonts.face_count() == 0) return style.size * 0.9;
    return m_fonts.face(face(style)).ascender() * style.size / 1000.0;
}

double TextKit::descent(const TextStyle& style) const {
    if (m_fonts.face_count() == 0) return style.size * 0.2;
    return -m_fonts.face(face(style)).descender() * style.size / 1000.0;
}

std::string TextKit::abbreviate(std::string_view text, const TextStyle& style, double max_width) const {
    if (width(text, style) <= max_width) return std::string(text);
    static const std::string kEllipsis = "…";
    // Code point boundaries, so the cut never splits a character.
    std::vector<size_t> ends;
    for (size_t pos = 0; pos < text.size();) {
        utf8::decode(text, pos);
        ends.push_back(pos);
    }
    auto candidate = [&](size_t n) {  // the first n code points, trailing separators dropped, and "…"
        std::string prefix(text.substr(0, n == 0 ? 0 : ends[n - 1]));
        while (!prefix.empty() && (prefix.back() == ' ' || prefix.back() == ',' || prefix.back() == '-')) prefix.pop_back();
        return prefix + kEllipsis;
    };
    // The longest candidate that fits, found by bisection (a candidate's width grows with n): trying
    // every length from the longest down made a 40,000-character label take seconds.
    if (width(candidate(0), style) > max_width) return "";
    size_t fits = 0, too_wide = ends.size();  // candidate(fits) fits; candidate(too_wide) does not
    while (too_wide - fits > 1) {
        size_t mid = fits + (too_wide - fits) / 2;
        (width(candidate(mid), style) <= max_width ? fits : too_wide) = mid;
    }
    return candidate(fits);
}

std::vector<std::string> TextKit::wrap(std::string_view text, const TextStyle& style, double max_width, size_t max_lines) const {
    std::vector<std::string> words;
    for (size_t pos = 0; pos < text.size();) {
        size_t space = text.find(' ', pos);
        if (space == std::string_view::npos) space = text.size();
        if (space > pos) words.emplace_back(text.substr(pos, space - pos));
        pos = space + 1;
    }
    std::vector<std::string> lines;
    std::string line;
    for (const auto& word : words) {
        std::string joined = line.empty() ? word : line + " " + word;
        if (width(joined, style) <= max_width) {
            line = joined;
            continue;
        }
        if (!line.empty()) lines.push_back(line);
        line = width(word, style) <= max_width ? word : abbreviate(word, style, max_width);
    }
    if (!line.empty()) lines.push_back(line);
    if (max_lines > 0 && lines.size() > max_lines) {
        std::string rest;
        for (size_t i = max_lines - 1; i < lines.size(); ++i) rest += (rest.empty() ? "" : " ") + lines[i];
        lines.resize(max_lines - 1);
        std::string last = abbreviate(rest, style, max_width);
        if (!last.empty()) lines.push_back(last);
    }
    return lines;
}

Label TextKit::label(std::string text, const TextStyle& style, double x, double baseline, Anchor anchor) const {
    Label l;
    l.width = width(text, style);
    l.text = std::move(text);
    l.style = style;
    l.x = anchor == Anchor::Left ? x : anchor == Anchor::Center ? x - l.width / 2 : x - l.width;
    l.baseline = baseline;
    l.ascent = ascent(style);
    l.descent = descent(style);
    return l;
}

void TextKit::emit(const Label& label, std::vector<frame::Item>& out) const {
    if (label.text.empty() || m_fonts.face_count() == 0) return;
    std::vector<text::MissingChar> missing;
    double x = label.x;
    const Length size = Length::from_pt(label.style.size);
    for (const auto& run : m_fonts.segment(label.text, {label.style.family, label.style.bold, label.style.italic}, missing)) {
        frame::TextItem item;
        item.font = run.face;
        item.size = size;
        item.x = Length::from_pt(x);
        item.y = Length::from_pt(label.baseline);
        item.text = run.text;
        item.color = label.style.color;
        x += double(m_fonts.face(run.face).width_milli(run.text)) * label.style.size / 1000.0;
        out.push_back(std::move(item));
    }
    for (const text::MissingChar& m : missing)
        if (std::find(m_missing.begin(), m_missing.end(), m.cp) == m_missing.end()) m_missing.push_back(m.cp);
}

void report_missing(const std::vector<char32_t>& missing, Span span, Diagnostics& diags) {
    for (char32_t cp : missing) {
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", unsigned(cp));
        diags.add({Severity::Error, span, std::string("no font has the character ").append(code).append(" '").append(utf8::encode(cp)).append("'"), cp});
    }
}

}  // namespace reportc::chart
