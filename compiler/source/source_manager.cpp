#include "source/source_manager.h"

#include <zlib.h>

#include <algorithm>
#include <stdexcept>

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

// Blocks small enough that a diagnostic inflates little (one or two blocks, about 0.1 ms), large
// enough that markup compresses about fourfold. Files smaller than a block stay whole.
constexpr uint32_t kBlock = 32 * 1024;

}  // namespace

SourceFile::SourceFile(std::string path, std::string text, SourceKind kind)
    : m_path(std::move(path)), m_text(std::move(text)), m_size(uint32_t(m_text.size())), m_kind(kind) {
    m_line_starts.push_back(0);
    // LF, CRLF and a CR alone each end a line (XML 1.0 section 2.11; CSV files from old spreadsheets).
    for (uint32_t i = 0; i < m_text.size(); ++i)
        if (m_text[i] == '\n' || (m_text[i] == '\r' && (i + 1 == m_text.size() || m_text[i + 1] != '\n')))
            m_line_starts.push_back(i + 1);
}

const std::string& SourceFile::text() const {
    std::lock_guard lock(m_mutex);
    if (m_text.size() != m_size && !m_lost) {
        std::string whole;
        whole.reserve(m_size);
        std::string block;
        for (uint32_t at = 0; at < m_size; at += kBlock) {
            if (!inflate_block(at, block)) return m_text;  // lost meanwhile: the text is empty
            whole += block;
        }
        m_text = std::move(whole);
    }
    return m_text;
}

bool SourceFile::inflate_block(uint32_t first, std::string& out) const {
    const size_t index = first / kBlock;
    std::string read;
    if (m_store && !m_places.empty() && !m_store->read(m_places[index], read)) return false;
    const std::string& packed = m_store && !m_places.empty() ? read : m_blocks[index];
    if (m_lost && packed.empty()) return false;
    const uLongf length = std::min(kBlock, m_size - first);
    out.resize(length);
    uLongf done = length;
    if (uncompress(reinterpret_cast<Bytef*>(out.data()), &done, reinterpret_cast<const Bytef*>(packed.data()), uLong(packed.size())) !=
            Z_OK ||
        done != length)
        throw std::runtime_error("cannot inflate the kept text of " + m_path);
    return true;
}

std::string SourceFile::slice(uint32_t begin, uint32_t end) const {
    end = std::min(end, m_size);
    if (begin >= end) return {};
    std::lock_guard lock(m_mutex);
    if (m_text.size() == m_size) return m_text.substr(begin, end - begin);
    std::string out;
    std::string block;
    for (uint32_t first = begin / kBlock * kBlock; first < end; first += kBlock) {
        if (!inflate_block(first, block)) break;
        const uint32_t from = std::max(begin, first), to = std::min(end, uint32_t(first + block.size()));
        out.append(block, from - first, to - from);
    }
    return out;
}

std::string SourceFile::text_until(uint32_t begin, char stop) const {
    if (begin >= m_size) return {};
    std::lock_guard lock(m_mutex);
    if (m_text.size() == m_size) {
        const size_t at = m_text.find(stop, begin);
        return m_text.substr(begin, at == std::string::npos ? std::string::npos : at - begin);
    }
    std::string out;
    std::string block;
    for (uint32_t first = begin / kBlock * kBlock; first < m_size; first += kBlock) {
        if (!inflate_block(first, block)) break;
        const size_t from = std::max(begin, first) - first;
        const size_t at = block.find(stop, from);
        out.append(block, from, at == std::string::npos ? std::string::npos : at - from);
        if (at != std::string::npos) break;
    }
    return out;
}

// One deflate stream for all the blocks, reset between them (compress2 would allocate and clear
// its 256 KB of state for each), at the fastest level: this runs on every build, and markup
// compresses well at any.
bool SourceFile::deflate_blocks() {
    z_stream z{};
    if (deflateInit(&z, Z_BEST_SPEED) != Z_OK) return false;
    std::string packed;
    bool ok = true;
    for (uint32_t at = 0; ok && at < m_size; at += kBlock) {
        const uInt length = std::min(kBlock, m_size - at);
        packed.resize(deflateBound(&z, length));
        z.next_in = reinterpret_cast<Bytef*>(m_text.data() + at);
        z.avail_in = length;
        z.next_out = reinterpret_cast<Bytef*>(packed.data());
        z.avail_out = uInt(packed.size());
        ok = ::deflate(&z, Z_FINISH) == Z_STREAM_END && deflateReset(&z) == Z_OK;
        m_blocks.emplace_back(packed.data(), packed.size() - z.avail_out);
    }
    deflateEnd(&z);
    if (!ok) m_blocks.clear();
    return ok;
}

void SourceFile::compact() {
    std::lock_guard lock(m_mutex);
    if (m_size < kBlock / 8 || m_text.size() != m_size || m_pins > 0) return;  // small, compacted, or being read
    if (m_blocks.empty() && !deflate_blocks()) return;  // out of memory: the text stays whole
    std::string().swap(m_text);
}

void SourceFile::deflate() {
    std::lock_guard lock(m_mutex);
    if (m_size < kBlock / 8 || m_text.size() != m_size || !m_blocks.empty()) return;
    try {
        deflate_blocks();
    } catch (const std::bad_alloc&) {
        m_blocks.clear();
    }
}

void SourceFile::pin() {
    std::lock_guard lock(m_mutex);
    ++m_pins;
}

void SourceFile::unpin() {
    std::lock_guard lock(m_mutex);
    --m_pins;
}

bool SourceFile::compacted() const {
    std::lock_guard lock(m_mutex);
    return m_text.size() != m_size;
}

size_t SourceFile::held_bytes() const {
    std::lock_guard lock(m_mutex);
    size_t n = m_text.capacity() + m_line_starts.capacity() * sizeof(uint32_t) + m_places.capacity() * sizeof(ByteStore::Place);
    for (const auto& b : m_blocks) n += b.capacity();
    return n;
}

bool SourceFile::store_in(ByteStore& store) {
    std::lock_guard lock(m_mutex);
    if (m_text.size() == m_size || m_blocks.empty() || m_store) return false;
    std::vector<ByteStore::Place> places;
    places.reserve(m_blocks.size());
    for (const auto& block : m_blocks) {
        const auto place = store.append(block);
        if (!place) return false;  // what was written stays unused; the blocks stay here
        places.push_back(*place);
    }
    m_places = std::move(places);
    m_store = &store;
    for (auto& block : m_blocks) std::string().swap(block);
    return true;
}

void SourceFile::take_back() {
    std::lock_guard lock(m_mutex);
    if (!m_store) return;
    for (size_t i = 0; i < m_places.size(); ++i)
        if (!m_store->read(m_places[i], m_blocks[i])) {
            m_blocks[i].clear();
            m_lost = true;
        }
    m_store = nullptr;
    std::vector<ByteStore::Place>().swap(m_places);
}

bool SourceFile::stored() const {
    std::lock_guard lock(m_mutex);
    return m_store != nullptr;
}

LineCol SourceFile::line_col(uint32_t offset) const {
    offset = std::min(offset, m_size);
    auto it = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
    uint32_t line = uint32_t(it - m_line_starts.begin());
    uint32_t start = m_line_starts[line - 1];
    // Counted in code points; what a lost block no longer gives (take_back) is counted in bytes.
    const std::string before = slice(start, offset);
    return {line, uint32_t(utf8::count_code_points(before) + (offset - start - before.size()) + 1)};
}

std::string SourceFile::line_text(uint32_t line) const {
    if (line == 0 || line > m_line_starts.size()) return {};
    uint32_t start = m_line_starts[line - 1];
    uint32_t end = line < m_line_starts.size() ? m_line_starts[line] : m_size;
    std::string text = slice(start, end);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
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

void SourceManager::compact() {
    if (m_compactor) m_compactor->wait();
    m_compactor = nullptr;
    for (uint32_t id = 1; id <= m_files.size(); ++id) {
        m_files[id - 1]->compact();
        weigh(id);
    }
}

void SourceManager::compact_parsed(uint32_t id) {
    SourceFile* parsed = file(id);
    if (!parsed) return;
    if (!m_compactor) {
        parsed->compact();
        return weigh(id);
    }
    for (SourceFile* deflated : m_compactor->take_done()) {
        deflated->compact();
        weigh(id_of(deflated));
    }
    m_compactor->deflate(parsed);
}

// From the last file added: the compactor hands back the files parsed most recently.
uint32_t SourceManager::id_of(const SourceFile* f) const {
    for (size_t id = m_files.size(); id > 0; --id)
        if (m_files[id - 1].get() == f) return uint32_t(id);
    return 0;
}

void SourceManager::store_in(ByteStore& store, size_t kept_bytes) {
    m_store = &store;
    m_kept_budget = kept_bytes;
    m_kept_bytes = m_files_stored = 0;
    m_weighed.assign(m_files.size(), false);
    for (uint32_t id = 1; id <= m_files.size(); ++id) weigh(id);
}

void SourceManager::weigh(uint32_t id) {
    if (!m_store || id == 0) return;
    if (m_weighed.size() < m_files.size()) m_weighed.resize(m_files.size(), false);
    SourceFile& f = *m_files[id - 1];
    if (m_weighed[id - 1] || !f.compacted()) return;
    m_weighed[id - 1] = true;
    const size_t bytes = f.held_bytes();
    if (m_kept_bytes + bytes <= m_kept_budget) m_kept_bytes += bytes;
    else if (f.store_in(*m_store)) ++m_files_stored;
    else m_kept_bytes += bytes;
}

void SourceManager::take_back() {
    for (auto& f : m_files) f->take_back();
    m_store = nullptr;
    m_weighed.clear();
}

size_t SourceManager::held_bytes() const {
    size_t n = 0;
    for (const auto& f : m_files) n += f->held_bytes();
    return n;
}

const SourceFile* SourceManager::file(uint32_t id) const {
    if (id == 0 || id > m_files.size()) return nullptr;
    return m_files[id - 1].get();
}

SourceFile* SourceManager::file(uint32_t id) {
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
        const std::string line = f->line_text(lc.line);
        return f->path() + ":" + line.substr(0, line.find(": "));
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
