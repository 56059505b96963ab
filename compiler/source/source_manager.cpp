#include "source/source_manager.h"

#include <algorithm>

#include "base/utf8.h"

namespace reportc {
namespace {

// A long line is shown as a window around the column, as compilers do: two thousand errors on one
// 8 KB line would otherwise print the line two thousand times.
constexpr size_t kExcerptBefore = 60;  // code points shown before the column
constexpr size_t kExcerptWidth = 120;  // code points shown in all

struct Excerpt {
    std::string text;
    uint32_t column = 1;  // the diagnostic's column within `text`
};

Excerpt excerpt_around(std::string_view line, uint32_t column) {
    const size_t count = utf8::count_code_points(line);
    if (count <= kExcerptWidth) return {std::string(line), column};
    size_t first = column > kExcerptBefore ? column - kExcerptBefore : 1;  // code points, 1-based
    first = std::min(first, count - kExcerptWidth + 1);
    const size_t last = first + kExcerptWidth - 1;
    size_t begin = line.size(), end = line.size();
    for (size_t pos = 0, cp = 1; pos < line.size(); ++cp) {
        if (cp == first) begin = pos;
        if (cp == last + 1) {
            end = pos;
            break;
        }
        utf8::decode(line, pos);
    }
    Excerpt excerpt;
    if (first > 1) excerpt.text = "…";
    excerpt.text.append(line.substr(begin, end - begin));
    if (last < count) excerpt.text.append("…");
    excerpt.column = uint32_t(column - first + 1 + (first > 1 ? 1 : 0));
    return excerpt;
}

}  // namespace

SourceFile::SourceFile(std::string path, std::string text, SourceKind kind)
    : m_path(std::move(path)), m_text(std::move(text)), m_kind(kind) {
    m_line_starts.push_back(0);
    // LF, CRLF and a CR alone each end a line (XML 1.0 section 2.11; CSV files from old spreadsheets).
    for (uint32_t i = 0; i < m_text.size(); ++i)
        if (m_text[i] == '\n' || (m_text[i] == '\r' && (i + 1 == m_text.size() || m_text[i + 1] != '\n')))
            m_line_starts.push_back(i + 1);
}

LineCol SourceFile::line_col(uint32_t offset) const {
    offset = std::min<uint32_t>(offset, m_text.size());
    auto it = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
    uint32_t line = uint32_t(it - m_line_starts.begin());
    uint32_t start = m_line_starts[line - 1];
    auto prefix = std::string_view(m_text).substr(start, offset - start);
    return {line, uint32_t(utf8::count_code_points(prefix) + 1)};
}

std::string_view SourceFile::line_text(uint32_t line) const {
    if (line == 0 || line > m_line_starts.size()) return {};
    uint32_t start = m_line_starts[line - 1];
    uint32_t end = line < m_line_starts.size() ? m_line_starts[line] : uint32_t(m_text.size());
    auto text = std::string_view(m_text).substr(start, end - start);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
    return text;
}

uint32_t SourceManager::add(std::string path, std::string text, SourceKind kind) {
    // A resident compiler reads the same files build after build: an unchanged file keeps its
    // id (and the spans into it stay valid).
    auto [first, last] = m_by_path.equal_range(path);
    for (auto it = first; it != last; ++it)
        if (m_files[it->second - 1]->text() == text && m_files[it->second - 1]->kind() == kind) {
            m_build_of[it->second - 1] = m_build;
            return it->second;
        }
    // A changed file takes the place of a version no part of this build has read, so that watch
    // mode keeps as many versions of a file as one build reads (one; a spreadsheet, one listing
    // per sheet) however many rebuilds it makes. What pointed into the replaced bytes (a report
    // read before, a layout's styles) is made anew by this build: every resident cache is keyed
    // by the bytes it was made from.
    for (auto it = first; it != last; ++it)
        if (m_build_of[it->second - 1] != m_build) {
            m_files[it->second - 1] = std::make_unique<SourceFile>(path, std::move(text), kind);
            m_build_of[it->second - 1] = m_build;
            return it->second;
        }
    m_files.push_back(std::make_unique<SourceFile>(path, std::move(text), kind));
    m_build_of.push_back(m_build);
    const auto id = uint32_t(m_files.size());
    m_by_path.emplace(std::move(path), id);
    return id;
}

const SourceFile* SourceManager::file(uint32_t id) const {
    if (id == 0 || id > m_files.size()) return nullptr;
    return m_files[id - 1].get();
}

Span SourceManager::span_at(uint32_t file_id, uint32_t offset, uint32_t length) const {
    return Span{file_id, offset, offset + length};
}

std::string SourceManager::location(Span span) const {
    const SourceFile* f = file(span.file);
    if (!f) return "<unknown>";
    LineCol lc = f->line_col(span.begin);
    if (f->kind() == SourceKind::Cells) {
        // The line names its cell: "Sheet1!C12: value".
        std::string_view line = f->line_text(lc.line);
        return f->path() + ":" + std::string(line.substr(0, line.find(": ")));
    }
    return f->path() + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column);
}

std::string SourceManager::render(const Diagnostic& d) const {
    std::string out;
    const SourceFile* f = file(d.span.file);
    out += f ? location(d.span) + ": " : std::string("reportc: ");
    out += to_string(d.severity);
    out += ": " + d.message + "\n";
    if (f) {
        LineCol lc = f->line_col(d.span.begin);
        Excerpt excerpt = excerpt_around(f->line_text(lc.line), lc.column);
        const std::string_view line = excerpt.text;
        out += "  ";
        out += line;
        out += "\n  ";
        // Reproduce tabs so the caret lines up under the column.
        size_t pos = 0, col = 1;
        while (pos < line.size() && col < excerpt.column) {
            out += line[pos] == '\t' ? '\t' : ' ';
            utf8::decode(line, pos);
            ++col;
        }
        out += "^\n";
    }
    return out;
}

}  // namespace reportc
