// What libharu would work out again for every document that embeds a font, worked out once per
// process and font (docs/libharu-notes.md §L19). Creating a UTF-8 font, libharu 2.3.0 asks the
// font's cmap for the glyph of every code from U+0000 to U+FFFF, each by a linear search through
// the cmap's segments: about 4 ms per font and document, a fifth of a one-page certificate's PDF.
// The answers depend on the font alone, so they are kept per font, and while libharu makes the
// font it reads them from a cmap of one segment that looks each code up directly. The font's own
// cmap is back in place before anything else reads it (text widths, the embedded subset); the
// PDF comes out byte for byte the same.
#include <hpdf.h>
#include <hpdf_fontdef.h>

#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "pdf/pdf_fonts.h"

namespace reportc::pdf {
namespace {

using Glyphs = std::vector<HPDF_UINT16>;  // glyph id by code point, U+0000 to U+FFFF

Glyphs glyphs_of(HPDF_FontDef def) {
    Glyphs glyphs(65536);
    for (unsigned cp = 0; cp < 65536; ++cp) glyphs[cp] = HPDF_TTFontDef_GetGlyphid(def, HPDF_UINT16(cp));
    return glyphs;
}

struct CachedFont {
    std::weak_ptr<const std::string> bytes;  // expired: the address may now hold another font
    Glyphs glyphs;
};

class FontCache {
public:
    // A copy: the caller lends it to libharu, which takes non-const pointers.
    Glyphs glyphs(const FontBytes& bytes, HPDF_FontDef def) {
        std::lock_guard lock(m_mutex);
        CachedFont& c = m_fonts[bytes.get()];
        if (c.bytes.lock() != bytes) c = {bytes, glyphs_of(def)};
        return c.glyphs;
    }

private:
    std::mutex m_mutex;
    std::map<const std::string*, CachedFont> m_fonts;
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
    return font;
}

}  // namespace reportc::pdf
