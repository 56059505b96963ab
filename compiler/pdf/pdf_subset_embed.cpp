// The embedded TrueType subset (pdf_font_subset.cpp) deflated and kept per font and set of
// glyphs, and embedded in place of libharu's own (docs/libharu-notes.md §L22).
#include "pdf/pdf_font_subset.h"

#include <hpdf_conf.h>
#include <hpdf_font.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <string_view>
#include <system_error>
#include <vector>

#include "base/interrupts.h"

namespace reportc::pdf {
namespace {

using FontFile = std::shared_ptr<const std::string>;

// A font file's identity by its contents (size and hash), never by its address alone: worked
// out once for each file in memory, which is checked to be alive (a weak pointer) before the
// answer is reused, so a new file at a freed address cannot take another's.
struct FontKey {
    size_t size = 0, hash = 0;
    auto operator<=>(const FontKey&) const = default;
};

// The subset deflated in pieces, each a raw deflate stream of its own ended on a byte boundary
// (Z_SYNC_FLUSH), joined in one zlib stream (RFC 1950 header, the pieces, an empty final block,
// the Adler-32 of all the data; RFC 1951 allows blocks to follow one another so). Three pieces
// are tables copied from the font file unchanged, the same in every subset of the font
// (OS/2 to fpgm, hhea and hmtx, post and prep: 43 of Liberation Sans's 66 kB): they are
// deflated once per font. The others (the directory; glyf and head; loca, maxp and name)
// change with the glyphs and are deflated for each subset. It inflates to the subset libharu
// writes; the deflated bytes are not those of libharu's one zlib stream (a few hundred bytes
// longer), and the same whatever the thread count or the order of documents.
struct Piece {
    uint32_t first, last;  // tables, both included
    bool same_in_every_subset;
};
constexpr Piece kPieces[] = {{0, 3, true}, {4, 5, false}, {6, 7, true}, {8, 10, false}, {11, 12, true}};

std::optional<std::string> raw_deflate(std::string_view bytes) {
    z_stream z{};
    if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) return std::nullopt;
    std::string out(deflateBound(&z, uLong(bytes.size())) + 16, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    z.avail_in = uInt(bytes.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = uInt(out.size());
    const int status = deflate(&z, Z_SYNC_FLUSH);
    const bool done = status == Z_OK && z.avail_in == 0 && z.avail_out > 0;
    out.resize(z.total_out);
    out.shrink_to_fit();
    deflateEnd(&z);
    if (!done) return std::nullopt;
    return out;
}

// What a font's save needs, from get_utf8_font until libharu writes the font: its file, and the
// libharu function the font's before_write_fn was (the same for every Type0 TrueType font).
struct Pending {
    FontFile file;
    FontKey key;
    HPDF_Dict_BeforeWriteFunc libharu = nullptr;
};

struct Deflated {
    uint32_t raw_size = 0;
    std::string bytes;
};

class SubsetCache {
public:
    FontKey key_of(const FontFile& file) {
        std::lock_guard lock(m_mutex);
        auto& [alive, key] = m_keys[file.get()];
        if (alive.expired()) {
            if (m_keys.size() > kMostFiles) m_keys.clear();
            auto& entry = m_keys[file.get()];
            entry = {file, {file->size(), std::hash<std::string_view>{}(*file)}};
            return entry.second;
        }
        return key;
    }
    void expect(HPDF_FontDef def, Pending pending) {
        std::lock_guard lock(m_mutex);
        // Documents that failed before saving leave theirs: dropped now and then (a font
        // without its entry is written by libharu, the same PDF).
        if (m_pending.size() >= kMostPending) m_pending.clear();
        m_pending[def] = std::move(pending);
    }
    // What embed_subset_ourselves noted for the font of `def`: looked at (SubsetsAhead), or
    // taken once libharu writes the font.
    enum class Use { Look, Take };
    std::optional<Pending> pending(HPDF_FontDef def, Use use) {
        std::lock_guard lock(m_mutex);
        auto it = m_pending.find(def);
        if (it == m_pending.end()) return std::nullopt;
        Pending p = it->second;
        if (use == Use::Take) m_pending.erase(it);
        return p;
    }
    // The subset deflated, by the font file, its subset tag and the glyphs marked: made at most
    // once for each while the cache holds it (the bytes do not depend on which thread made them).
    std::shared_ptr<const Deflated> deflated(HPDF_FontDef def, const Pending& font) {
        auto* attr = static_cast<HPDF_TTFontDefAttr>(def->attr);
        Key key{font.key, std::string(attr->tag_name, sizeof attr->tag_name),
                std::string(reinterpret_cast<const char*>(attr->glyph_tbl.flgs), attr->num_glyphs)};
        {
            std::lock_guard lock(m_mutex);
            if (auto it = m_subsets.find(key); it != m_subsets.end() && same_file(it->second.file, font.file)) return it->second.subset;
        }
        auto subset = make_subset(def, *font.file);
        if (!subset) return nullptr;
        auto made = std::make_shared<Deflated>(Deflated{uint32_t(subset->bytes.size()), deflate_in_pieces(*subset, font)});
        if (made->bytes.empty()) return nullptr;
        made->bytes.shrink_to_fit();  // kept: not the room deflate asked for
        std::lock_guard lock(m_mutex);
        if (m_subsets.size() >= kMostSubsets) m_subsets.clear();  // the next documents make them again
        m_subsets[key] = {font.file, made};
        return made;
    }

private:
    std::string deflate_in_pieces(const Subset& subset, const Pending& font) {
        std::string out = "\x78\x9C";  // deflate, 32 kB window, default level
        std::string_view all(subset.bytes);
        size_t done = 0;  // bytes of the subset deflated so far
        for (size_t p = 0; p < std::size(kPieces); ++p) {
            const Piece& piece = kPieces[p];
            const size_t begin = kDirectorySize + subset.tables[piece.first].offset;
            const size_t end = kDirectorySize + subset.tables[piece.last].offset + subset.tables[piece.last].length;
            if (done < begin) {  // the changing bytes before this piece
                auto d = raw_deflate(all.substr(done, begin - done));
                if (!d) return {};
                out += *d;
            }
            auto d = piece.same_in_every_subset ? same_piece(font, p, all.substr(begin, end - begin)) : raw_deflate(all.substr(begin, end - begin));
            if (!d) return {};
            out += *d;
            done = end;
        }
        if (done != all.size()) return {};
        out += std::string("\x03\x00", 2);  // an empty final block
        put32(out, uint32_t(adler32(adler32(0, nullptr, 0), reinterpret_cast<const Bytef*>(all.data()), uInt(all.size()))));
        return out;
    }

    // A piece copied from the font file, deflated once per font.
    std::optional<std::string> same_piece(const Pending& font, size_t piece, std::string_view bytes) {
        {
            std::lock_guard lock(m_mutex);
            if (auto it = m_pieces.find({font.key, piece}); it != m_pieces.end() && same_file(it->second.file, font.file) && it->second.raw == bytes)
                return it->second.deflated;
        }
        auto d = raw_deflate(bytes);
        if (!d) return std::nullopt;
        std::lock_guard lock(m_mutex);
        if (m_pieces.size() >= kMostFiles * std::size(kPieces)) m_pieces.clear();
        m_pieces[{font.key, piece}] = {font.file, std::string(bytes), *d};
        return d;
    }

    static constexpr size_t kMostFiles = 64, kMostSubsets = 256, kMostPending = 4096;
    struct PieceEntry {
        FontFile file;
        std::string raw, deflated;
    };
    std::map<std::pair<FontKey, size_t>, PieceEntry> m_pieces;
    static bool same_file(const FontFile& a, const FontFile& b) { return a == b || *a == *b; }
    struct Key {
        FontKey font;
        std::string tag, glyphs;
        auto operator<=>(const Key&) const = default;
    };
    struct Entry {
        FontFile file;
        std::shared_ptr<const Deflated> subset;
    };
    std::mutex m_mutex;
    std::map<const std::string*, std::pair<std::weak_ptr<const std::string>, FontKey>> m_keys;
    std::map<HPDF_FontDef, Pending> m_pending;
    std::map<Key, Entry> m_subsets;
};

SubsetCache& cache() {
    static SubsetCache instance;
    return instance;
}

// libharu's before_write_fn for Type0 TrueType fonts (one static function), for a font whose
// entry was dropped.
std::atomic<HPDF_Dict_BeforeWriteFunc> g_libharu_before_write{nullptr};

// The /Filter entry libharu writes for a stream it deflates, after the other entries.
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream out) { return HPDF_Stream_WriteStr(out, "/Filter [ /FlateDecode ]\012"); }

// The font's before_write_fn: what libharu's does (CIDFontType2_BeforeWrite_Func makes the
// FontFile2 stream, then the font descriptor, both added to the document in that order), with
// the FontFile2's data from the cache. libharu is called with the font marked not embedded, so
// it makes the descriptor alone; the stream, made just before it, is then put first in the
// descriptor with its Length1, Length2 and Length3, where libharu puts them.
HPDF_STATUS write_font(HPDF_Dict font) {
    auto* font_attr = static_cast<HPDF_FontAttr>(font->attr);
    HPDF_FontDef def = font_attr->fontdef;
    auto* def_attr = static_cast<HPDF_TTFontDefAttr>(def->attr);
    const std::optional<Pending> pending = cache().pending(def, SubsetCache::Use::Take);
    if (!pending) return g_libharu_before_write.load()(font);
    const bool deflate = font->filter == HPDF_STREAM_FILTER_FLATE_DECODE;
    if (def->descriptor || !def_attr->embedding || (font->filter != HPDF_STREAM_FILTER_NONE && !deflate)) return pending->libharu(font);
    std::shared_ptr<const Deflated> subset = cache().deflated(def, *pending);
    if (!subset) return pending->libharu(font);

    HPDF_Dict data = HPDF_DictStream_New(font->mmgr, font_attr->xref);
    if (!data) return HPDF_Error_GetCode(font->error);
    std::optional<std::string> raw;
    if (!deflate) raw = truetype_subset(def, *pending->file);  // never with reportc's documents, which deflate
    const std::string& bytes = deflate ? subset->bytes : *raw;
    if (HPDF_Stream_Write(data->stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()), HPDF_UINT(bytes.size())) != HPDF_OK)
        return HPDF_Error_GetCode(font->error);
    def_attr->length1 = subset->raw_size;
    def_attr->embedding = HPDF_FALSE;
    HPDF_STATUS status = pending->libharu(font);
    def_attr->embedding = HPDF_TRUE;
    if (status != HPDF_OK) return status;
    HPDF_Dict descriptor = def->descriptor;
    if (!descriptor || HPDF_Dict_Add(descriptor, "FontFile2", data) != HPDF_OK) return HPDF_Error_GetCode(font->error);
    void** entries = descriptor->list->obj;
    std::rotate(entries, entries + descriptor->list->count - 1, entries + descriptor->list->count);
    status = HPDF_Dict_AddNumber(data, "Length1", subset->raw_size);
    status += HPDF_Dict_AddNumber(data, "Length2", 0);
    status += HPDF_Dict_AddNumber(data, "Length3", 0);
    if (status != HPDF_OK) return HPDF_Error_GetCode(font->error);
    data->filter = HPDF_STREAM_FILTER_NONE;  // already deflated: written as it is
    if (deflate) data->write_fn = write_flate_filter;
    return HPDF_OK;
}

}  // namespace

std::optional<std::string> deflated_truetype_subset(HPDF_FontDef def, const std::shared_ptr<const std::string>& file) {
    auto subset = cache().deflated(def, {file, cache().key_of(file), nullptr});
    if (!subset) return std::nullopt;
    return subset->bytes;
}

std::pair<size_t, size_t> font_file_identity(const std::shared_ptr<const std::string>& file) {
    const FontKey key = cache().key_of(file);
    return {key.size, key.hash};
}

void embed_subset_ourselves(HPDF_Font font, const std::shared_ptr<const std::string>& file) {
    auto* attr = font && file ? static_cast<HPDF_FontAttr>(font->attr) : nullptr;
    if (!attr || !attr->fontdef || attr->fontdef->type != HPDF_FONTDEF_TYPE_TRUETYPE || !font->before_write_fn ||
        font->before_write_fn == write_font)
        return;
    g_libharu_before_write = font->before_write_fn;
    cache().expect(attr->fontdef, {file, cache().key_of(file), font->before_write_fn});
    font->before_write_fn = write_font;
}

SubsetsAhead::SubsetsAhead(std::vector<HPDF_FontDef> defs) : m_defs(std::move(defs)) {
    if (m_defs.empty()) return;
    try {
        m_thread = std::thread([this] {
            block_interrupts_in_this_thread();
            work(true);
        });
    } catch (const std::system_error&) {
        // No thread to be had: the save makes them.
    }
}

SubsetsAhead::~SubsetsAhead() { wait(); }

void SubsetsAhead::wait() {
    if (!m_thread.joinable()) return;
    work(false);
    m_thread.join();
    m_made_apart = m_apart.load();
}

// Takes the next font not yet taken, until there are none; each font's subset is made once.
void SubsetsAhead::work(bool apart) {
    for (size_t i = m_next++; i < m_defs.size(); i = m_next++) {
        const std::optional<Pending> font = cache().pending(m_defs[i], SubsetCache::Use::Look);
        if (!font) continue;
        try {
            if (cache().deflated(m_defs[i], *font) && apart) ++m_apart;
        } catch (const std::bad_alloc&) {
            // Left to the save, which makes it again and reports what fails.
        }
    }
}

}  // namespace reportc::pdf
