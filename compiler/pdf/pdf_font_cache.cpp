// What libharu would work out again for every document that embeds a font, worked out once per
// process and font (docs/libharu-notes.md §L20). Creating a UTF-8 font, libharu 2.3.0 asks the
// font's cmap for the glyph of every code from U+0000 to U+FFFF, each by a linear search through
// the cmap's segments: about 4 ms per font and document, a third of a one-page certificate's
// PDF. The answers depend on the font alone, so they are kept per font, and while libharu makes
// the font it reads them from a cmap of one segment that looks each code up directly. The
// font's own cmap is back in place before anything else reads it (text widths, the embedded
// subset). The font's CIDToGIDMap and the ToUnicode CMap are the same in every document too;
// they are deflated once. The PDF comes out byte for byte the same.
#include <hpdf.h>
#include <hpdf_conf.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_streams.h>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "pdf/pdf_font_subset.h"
#include "pdf/pdf_fonts.h"

namespace reportc::pdf {

using Glyphs = std::vector<HPDF_UINT16>;  // glyph id by code point, U+0000 to U+FFFF

Glyphs glyph_ids_by_code(HPDF_FontDef def) {
    Glyphs glyphs(65536);
    auto* attr = static_cast<HPDF_TTFontDefAttr>(def->attr);
    const HPDF_TTF_CmapRange& cmap = attr->cmap;
    const HPDF_UINT segments = cmap.seg_count_x2 / 2;
    if (cmap.format != 4 || segments == 0) {
        for (unsigned cp = 0; cp < 65536; ++cp) glyphs[cp] = HPDF_TTFontDef_GetGlyphid(def, HPDF_UINT16(cp));
        return glyphs;
    }
    // libharu's lookup takes the first segment whose end is at or above the code, whatever the
    // order of the ends; for rising codes that segment never moves back, so one walk finds it.
    HPDF_UINT i = 0;
    for (unsigned cp = 0; cp < 65536; ++cp) {
        while (i < segments && cp > cmap.end_count[i]) ++i;
        if (i == segments) {  // no segment: libharu reads past its arrays; asked as it is
            glyphs[cp] = HPDF_TTFontDef_GetGlyphid(def, HPDF_UINT16(cp));
            continue;
        }
        if (cmap.start_count[i] > cp) continue;  // 0: no glyph
        if (cmap.id_range_offset[i] == 0) {
            glyphs[cp] = HPDF_UINT16(cp + unsigned(cmap.id_delta[i]));
            continue;
        }
        // The index as libharu works it out, in its unsigned arithmetic; an index past the array is
        // no glyph, one just at its end is asked as it is (libharu's test lets it through).
        const HPDF_UINT index = HPDF_UINT(cmap.id_range_offset[i] / 2 + int(cp - cmap.start_count[i])) - (segments - i);
        if (index < cmap.glyph_id_array_count)
            glyphs[cp] = HPDF_UINT16(cmap.glyph_id_array[index] + unsigned(cmap.id_delta[i]));
        else if (index == cmap.glyph_id_array_count)
            glyphs[cp] = HPDF_TTFontDef_GetGlyphid(def, HPDF_UINT16(cp));
    }
    return glyphs;
}

namespace {

// A stream's data as libharu deflates it when it saves, and the size of the data it came from.
struct Deflated {
    HPDF_UINT raw_size = 0;
    std::string bytes;
};

struct CachedFont {
    std::shared_ptr<const std::string> bytes;  // the font file the answers are for
    Glyphs glyphs;
    Deflated map;  // the CIDToGIDMap
};

// The data of `raw`, deflated by libharu itself, so the bytes are those it would write.
std::optional<Deflated> deflate_with_libharu(HPDF_MMgr mmgr, HPDF_Stream raw) {
    HPDF_Stream out = HPDF_MemStream_New(mmgr, HPDF_STREAM_BUF_SIZ);
    if (!out) return std::nullopt;
    std::optional<Deflated> result;
    if (HPDF_Stream_Seek(raw, 0, HPDF_SEEK_SET) == HPDF_OK && HPDF_Stream_WriteToStream(raw, out, HPDF_STREAM_FILTER_FLATE_DECODE, nullptr) == HPDF_OK) {
        result = Deflated{raw->size, {}};
        for (HPDF_UINT i = 0; i < HPDF_MemStream_GetBufCount(out); ++i) {
            HPDF_UINT length = 0;
            const HPDF_BYTE* chunk = HPDF_MemStream_GetBufPtr(out, i, &length);
            result->bytes.append(reinterpret_cast<const char*>(chunk), length);
        }
    }
    HPDF_Stream_Free(out);
    return result;
}

// The entry libharu writes for a stream it deflates, after all others as it does.
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream out) { return HPDF_Stream_WriteStr(out, "/Filter [ /FlateDecode ]\012"); }

// `dict`'s data replaced by `deflated` (the same data, deflated), written as it is: libharu then
// copies the bytes when it saves instead of deflating them again.
void put_deflated(HPDF_Dict dict, const Deflated& deflated) {
    HPDF_MemStream_FreeData(dict->stream);
    HPDF_Stream_Write(dict->stream, reinterpret_cast<const HPDF_BYTE*>(deflated.bytes.data()), HPDF_UINT(deflated.bytes.size()));
    dict->filter = HPDF_STREAM_FILTER_NONE;
    dict->write_fn = write_flate_filter;
}

// A memory stream libharu will deflate when it saves (with `filter`), written by nothing else.
bool deflatable(HPDF_Dict dict, HPDF_UINT filter) {
    return dict && dict->stream && dict->stream->type == HPDF_STREAM_MEMORY && !dict->write_fn &&
           filter == HPDF_STREAM_FILTER_FLATE_DECODE;
}

class FontCache {
public:
    // A copy: the caller lends it to libharu, which takes non-const pointers.
    Glyphs glyphs(const FontBytes& bytes, HPDF_FontDef def) {
        std::lock_guard lock(m_mutex);
        CachedFont& c = m_fonts[font_file_identity(bytes)];
        if (!same_font(c, bytes)) c = {bytes, glyph_ids_by_code(def), {}};
        return c.glyphs;
    }

    // The deflated CIDToGIDMap of the font, from `raw` the first time; nullopt when libharu
    // failed, or made a map of another size (never seen: then it is left to libharu).
    std::optional<Deflated> map(const FontBytes& bytes, HPDF_MMgr mmgr, HPDF_Stream raw) {
        std::lock_guard lock(m_mutex);
        CachedFont& c = m_fonts[font_file_identity(bytes)];
        if (!same_font(c, bytes)) return std::nullopt;  // glyphs() comes first
        if (c.map.bytes.empty())
            if (auto d = deflate_with_libharu(mmgr, raw)) c.map = *d;
        if (c.map.bytes.empty() || c.map.raw_size != raw->size) return std::nullopt;
        return c.map;
    }

    // The deflated ToUnicode CMap, the same for every font.
    std::optional<Deflated> to_unicode(HPDF_MMgr mmgr, HPDF_Stream raw) {
        std::lock_guard lock(m_mutex);
        if (m_to_unicode.bytes.empty())
            if (auto d = deflate_with_libharu(mmgr, raw)) m_to_unicode = *d;
        if (m_to_unicode.bytes.empty() || m_to_unicode.raw_size != raw->size) return std::nullopt;
        return m_to_unicode;
    }

private:
    std::mutex m_mutex;
    // By the file's contents, not its address: the same font read again finds its answers, and a
    // new font at a freed address cannot take another's.
    using Key = std::pair<size_t, size_t>;  // size, hash
    static bool same_font(const CachedFont& c, const FontBytes& bytes) {
        return c.bytes && (c.bytes == bytes || *c.bytes == *bytes);
    }
    std::map<Key, CachedFont> m_fonts;
    Deflated m_to_unicode;
};

FontCache& cache() {
    static FontCache instance;
    return instance;
}

}  // namespace

HPDF_Font get_utf8_font(PdfDocument& doc, const char* name, const FontBytes& bytes) {
    HPDF_Doc pdf = doc.handle();
    HPDF_FontDef def = HPDF_GetFontDef(pdf, name);
    auto* attr = def && bytes ? static_cast<HPDF_TTFontDefAttr>(def->attr) : nullptr;
    if (!attr || attr->cmap.format != 4) return HPDF_GetFont(pdf, name, "UTF-8");
    Glyphs glyphs = cache().glyphs(bytes, def);
    // One segment, U+0000 to U+FFFF, whose id_range_offset points at glyphs[0]: libharu's lookup
    // reads glyph_id_array[(code - start) + offset / 2 + segment - segment count] = glyphs[code],
    // adding id_delta 0 (the cmap format 4 lookup of the OpenType specification).
    HPDF_UINT16 end = 0xFFFF, start = 0, offset = 2;
    HPDF_INT16 delta = 0;
    const HPDF_TTF_CmapRange own = attr->cmap;
    attr->cmap.seg_count_x2 = 2;
    attr->cmap.end_count = &end;
    attr->cmap.start_count = &start;
    attr->cmap.id_delta = &delta;
    attr->cmap.id_range_offset = &offset;
    attr->cmap.glyph_id_array = glyphs.data();
    attr->cmap.glyph_id_array_count = HPDF_UINT(glyphs.size());
    HPDF_Font font = HPDF_GetFont(pdf, name, "UTF-8");
    attr->cmap = own;
    embed_subset_ourselves(font, bytes);  // §L22
    return font;
}

void deflate_font_streams_once(PdfDocument& doc, HPDF_Font font, const FontBytes& bytes) {
    HPDF_Doc pdf = doc.handle();
    auto* attr = static_cast<HPDF_FontAttr>(font->attr);
    // Before it writes the font, libharu gives these two streams the font's filter
    // (CIDFontType2_BeforeWrite_Func): it must not know them once their data is deflated.
    if (deflatable(attr->map_stream, font->filter))
        if (auto map = cache().map(bytes, pdf->mmgr, attr->map_stream->stream)) {
            put_deflated(attr->map_stream, *map);
            attr->map_stream = nullptr;
        }
    auto to_unicode = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT));
    if (to_unicode && deflatable(to_unicode, attr->cmap_stream == to_unicode ? font->filter : to_unicode->filter))
        if (auto cmap = cache().to_unicode(pdf->mmgr, to_unicode->stream)) {
            put_deflated(to_unicode, *cmap);
            if (attr->cmap_stream == to_unicode) attr->cmap_stream = nullptr;
        }
}

}  // namespace reportc::pdf
