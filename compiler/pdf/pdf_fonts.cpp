// Fonts: lazy loading of embedded TrueType fonts as UTF-8 (Type0/CID) fonts, the ToUnicode fix
// (docs/libharu-notes.md §L6) and glyph-coverage warnings.
#include "pdf/pdf_fonts.h"

#include <algorithm>

#include <hpdf_fontdef.h>
#include <hpdf_objects.h>

#include "base/utf8.h"

namespace reportc::pdf {

namespace {

std::string hex4(unsigned v) {
    static const char* digits = "0123456789ABCDEF";
    std::string s;
    for (int shift = 12; shift >= 0; shift -= 4) s += digits[(v >> shift) & 15];
    return s;
}

std::string code_point_name(char32_t bmp_cp) { return "U+" + hex4(unsigned(bmp_cp)); }

// libharu writes a copy of the Identity-H *encoding* CMap ("begincidrange") as /ToUnicode,
// which poppler warns about and macOS Preview may garble on copy (docs/libharu-notes.md §L6,
// libharu issue #290). The content stream holds UCS-2 code points, so the correct ToUnicode is the identity: one
// bfrange per high byte, 248 of them (the surrogate block D800-DFFF has no characters).
std::string build_identity_cmap() {
    std::vector<std::string> ranges;
    for (unsigned hi = 0; hi <= 0xFF; ++hi) {
        if (hi >= 0xD8 && hi <= 0xDF) continue;
        std::string lo = hex4(hi << 8), up = hex4((hi << 8) | 0xFF);
        ranges.push_back("<" + lo + "> <" + up + "> <" + lo + ">\n");
    }
    std::string s =
        "/CIDInit /ProcSet findresource begin\n"
        "12 dict begin\n"
        "begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n"
        "/CMapType 2 def\n"
        "1 begincodespacerange\n"
        "<0000> <FFFF>\n"
        "endcodespacerange\n";
    for (size_t i = 0; i < ranges.size(); i += 100) {  // at most 100 entries per block
        size_t n = std::min<size_t>(100, ranges.size() - i);
        s += std::to_string(n) + " beginbfrange\n";
        for (size_t k = i; k < i + n; ++k) s += ranges[k];
        s += "endbfrange\n";
    }
    s +=
        "endcmap\n"
        "CMapName currentdict /CMap defineresource pop\n"
        "end\n"
        "end\n";
    return s;
}

// Rewrites the font's existing ToUnicode stream object in place, so no orphaned copy of the
// broken CMap is left in the file; falls back to a new stream if there is none.
void replace_to_unicode(PdfDocument& doc, HPDF_Font font) {
    HPDF_Doc pdf = doc.handle();
    auto stream = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT));
    if (stream && stream->stream && stream->stream->type == HPDF_STREAM_MEMORY) {
        HPDF_MemStream_FreeData(stream->stream);
        // The keys of the Identity-H encoding CMap do not describe a ToUnicode CMap.
        HPDF_Dict_RemoveElement(stream, "Type");
        HPDF_Dict_RemoveElement(stream, "CMapName");
        HPDF_Dict_RemoveElement(stream, "CIDSystemInfo");
        HPDF_Dict_RemoveElement(stream, "WMode");
        HPDF_ResetError(pdf);  // RemoveElement reports ITEM_NOT_FOUND for absent keys
    } else {
        HPDF_ResetError(pdf);  // a missing /ToUnicode is not an error here
        stream = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
        if (!doc.check_handle(stream, "creating the ToUnicode stream")) return;
        HPDF_Dict_Add(font, "ToUnicode", stream);
    }
    stream->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    HPDF_Stream_WriteStr(stream->stream, identity_to_unicode_cmap().c_str());
}

}  // namespace

const std::string& identity_to_unicode_cmap() {
    static const std::string cmap = build_identity_cmap();
    return cmap;
}

FontSet::FontSet(PdfDocument& doc, const std::vector<frame::FontFile>& files)
    : m_doc(doc), m_files(files), m_entries(files.size()) {}

HPDF_Font FontSet::get(int index) {
    if (index < 0 || size_t(index) >= m_entries.size()) return nullptr;  // validated earlier
    Entry& e = m_entries[index];
    if (!e.tried) {
        e.tried = true;
        e.font = load(index);
    }
    return e.font;
}

HPDF_Font FontSet::load(int index) {
    const frame::FontFile& file = m_files[index];
    if (auto it = m_loaded_paths.find(file.path); it != m_loaded_paths.end()) {
        Entry& other = m_entries[it->second];
        m_entries[index].def = other.def;
        return other.font;
    }
    const std::string what = "loading font " + std::to_string(index) + " \"" + file.path + "\"";
    if (std::optional<std::string> problem = font_file_problem(*file.bytes)) {
        m_doc.diags().error(Span{}, "pdf: font " + std::to_string(index) + " \"" + file.path + "\" cannot be used: " + *problem);
        return nullptr;
    }
    HPDF_Doc pdf = m_doc.handle();
    const char* name = load_true_type_font(pdf, *file.bytes);
    if (!m_doc.check_handle(name, what)) return nullptr;
    HPDF_Font font = HPDF_GetFont(pdf, name, "UTF-8");
    if (!m_doc.check_handle(font, what + " as a UTF-8 font")) return nullptr;
    replace_to_unicode(m_doc, font);
    if (!m_doc.check(what + ": replacing its ToUnicode CMap")) return nullptr;
    HPDF_FontDef def = HPDF_GetFontDef(pdf, name);
    if (!m_doc.check_handle(def, what + ": reading its glyph map")) return nullptr;
    m_entries[index].def = def;
    m_loaded_paths.emplace(file.path, index);
    return font;
}

void FontSet::check_coverage(int index, std::string_view text) {
    if (index < 0 || size_t(index) >= m_entries.size()) return;
    Entry& e = m_entries[index];
    if (!e.def) return;
    size_t pos = 0;
    while (pos < text.size()) {
        std::optional<char32_t> cp = utf8::decode(text, pos);
        if (!cp || *cp > 0xFFFF) continue;  // rejected before any text reaches libharu
        if (e.checked.empty()) e.checked.resize(0x10000);
        if (e.checked[*cp]) continue;
        e.checked[*cp] = true;
        if (HPDF_TTFontDef_GetGlyphid(e.def, HPDF_UINT16(*cp)) != 0) continue;
        if (!e.reported.insert(*cp).second) continue;
        m_doc.diags().warning(Span{}, "pdf: font " + std::to_string(index) + " (" + m_files[index].postscript_name +
                                          ") has no glyph for " + code_point_name(*cp) + " \"" + utf8::encode(*cp) +
                                          "\"; it is drawn as an empty box");
    }
    // GetGlyphid reports nothing for a missing glyph, but make sure no error state leaks.
    m_doc.check("looking up glyphs in font " + std::to_string(index));
}

}  // namespace reportc::pdf
