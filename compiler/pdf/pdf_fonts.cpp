// Fonts: lazy loading of embedded TrueType fonts as UTF-8 (Type0/CID) fonts, the ToUnicode fix
// (docs/libharu-notes.md §L6) and glyph-coverage warnings.
#include "pdf/pdf_fonts.h"

#include <algorithm>

#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

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

// The identity CMap with one bfchar per glyph code (code -> its letters in UTF-16BE; the codes,
// D800-DFFF, are outside every bfrange of the identity), at most 100 per block.
std::string cmap_with_glyph_codes(const std::map<std::pair<uint16_t, std::string>, uint16_t>& codes) {
    std::string blocks;
    auto it = codes.begin();
    while (it != codes.end()) {
        std::string block;
        size_t n = 0;
        for (; it != codes.end() && n < 100; ++it, ++n) {
            block.append("<").append(hex4(it->second)).append("> <");
            const std::string& letters = it->first.second;
            for (size_t pos = 0; pos < letters.size();) block += hex4(unsigned(utf8::decode(letters, pos).value_or(U'\uFFFD')));
            block += ">\n";
        }
        blocks.append(std::to_string(n)).append(" beginbfchar\n").append(block).append("endbfchar\n");
    }
    std::string cmap = identity_to_unicode_cmap();
    cmap.insert(cmap.find("endcmap\n"), blocks);
    return cmap;
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

// Points CIDToGIDMap entry `code` at `glyph` for each code handed out: the map libharu wrote
// when the font was made (one big-endian glyph id per code, code = code point) is read back,
// lengthened to the highest code and written again.
bool map_glyph_codes(PdfDocument& doc, HPDF_Dict map, const std::map<std::pair<uint16_t, std::string>, uint16_t>& codes) {
    if (!map || !map->stream || map->stream->type != HPDF_STREAM_MEMORY) return doc.check_handle(nullptr, "finding the CIDToGIDMap");
    std::vector<HPDF_BYTE> bytes(HPDF_Stream_Size(map->stream));
    HPDF_UINT length = HPDF_UINT(bytes.size());
    if (length > 0 && (HPDF_Stream_Seek(map->stream, 0, HPDF_SEEK_SET) != HPDF_OK ||
                       HPDF_Stream_Read(map->stream, bytes.data(), &length) != HPDF_OK))
        return doc.check_handle(nullptr, "reading the CIDToGIDMap");
    for (const auto& [key, code] : codes) {
        if (bytes.size() < size_t(code) * 2 + 2) bytes.resize(size_t(code) * 2 + 2, 0);
        bytes[size_t(code) * 2] = HPDF_BYTE(key.first >> 8);
        bytes[size_t(code) * 2 + 1] = HPDF_BYTE(key.first & 0xFF);
    }
    HPDF_MemStream_FreeData(map->stream);
    return HPDF_Stream_Write(map->stream, bytes.data(), HPDF_UINT(bytes.size())) == HPDF_OK ||
           doc.check_handle(nullptr, "writing the CIDToGIDMap");
}

}  // namespace

const std::string& identity_to_unicode_cmap() {
    static const std::string cmap = build_identity_cmap();
    return cmap;
}

FontSet::FontSet(PdfDocument& doc, const std::vector<frame::FontFile>& files)
    : m_doc(doc), m_files(files), m_entries(files.size()) {}

void FontSet::grow() {
    if (m_entries.size() < m_files.size()) m_entries.resize(m_files.size());
}

HPDF_Font FontSet::get(int index) {
    grow();
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
    HPDF_Font font = get_utf8_font(m_doc, name, file.bytes);
    if (!m_doc.check_handle(font, what + " as a UTF-8 font")) return nullptr;
    replace_to_unicode(m_doc, font);
    if (!m_doc.check(what + ": replacing its ToUnicode CMap")) return nullptr;
    HPDF_FontDef def = HPDF_GetFontDef(pdf, name);
    if (!m_doc.check_handle(def, what + ": reading its glyph map")) return nullptr;
    m_entries[index].def = def;
    m_loaded_paths.emplace(file.path, index);
    return font;
}

uint16_t FontSet::glyph_code(int index, uint16_t glyph, const std::string& letters) {
    grow();
    if (index < 0 || size_t(index) >= m_entries.size() || !m_entries[index].def) return 0;
    Entry& e = m_entries[m_loaded_paths.at(m_files[index].path)];  // the entry that loaded the file
    if (auto it = e.glyph_codes.find({glyph, letters}); it != e.glyph_codes.end()) return it->second;
    if (e.glyph_codes.size() >= 0x800) return 0;
    auto attr = static_cast<HPDF_TTFontDefAttr>(e.def->attr);
    if (glyph >= attr->num_glyphs) return 0;
    // Marked for the subset as HPDF_Font_TextWidth marks the glyphs of characters (§L18).
    attr->glyph_tbl.flgs[glyph] = 1;
    const uint16_t code = uint16_t(0xD800 + e.glyph_codes.size());
    e.glyph_codes.emplace(std::make_pair(glyph, letters), code);
    return code;
}

std::vector<HPDF_FontDef> FontSet::loaded_defs() const {
    std::vector<HPDF_FontDef> defs;
    for (const auto& [path, index] : m_loaded_paths)
        if (HPDF_FontDef def = m_entries[size_t(index)].def) defs.push_back(def);
    return defs;
}

bool FontSet::finish() {
    for (const auto& [path, index] : m_loaded_paths)
        if (!finish(m_entries[size_t(index)], index)) return false;
    return true;
}

// A font whose features drew no glyph of their own has the CIDToGIDMap and ToUnicode CMap of
// every document: they are put in deflated once per process. Otherwise both are lengthened here,
// and libharu deflates them when it saves.
bool FontSet::finish(Entry& e, int index) {
    if (!e.font) return true;
    if (e.glyph_codes.empty()) {
        deflate_font_streams_once(m_doc, e.font, m_files[size_t(index)].bytes);
        return m_doc.check("font " + std::to_string(index) + ": deflating its CIDToGIDMap and ToUnicode CMap");
    }
    const std::string what = "font " + std::to_string(index) + ": adding the glyphs of its features";
    auto attr = static_cast<HPDF_FontAttr>(e.font->attr);
    if (!map_glyph_codes(m_doc, attr->map_stream, e.glyph_codes)) return false;
    auto widths = static_cast<HPDF_Array>(HPDF_Dict_GetItem(attr->descendant_font, "W", HPDF_OCLASS_ARRAY));
    if (!m_doc.check_handle(widths, what)) return false;
    for (const auto& [key, code] : e.glyph_codes) {
        HPDF_Array one = HPDF_Array_New(m_doc.handle()->mmgr);
        if (!m_doc.check_handle(one, what)) return false;
        HPDF_Array_AddNumber(widths, code);
        HPDF_Array_Add(widths, one);
        HPDF_Array_AddNumber(one, HPDF_TTFontDef_GetGidWidth(e.def, key.first));  // floored as every width (§L4)
    }
    auto stream = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(e.font, "ToUnicode", HPDF_OCLASS_DICT));
    if (!m_doc.check_handle(stream, what)) return false;
    HPDF_MemStream_FreeData(stream->stream);
    HPDF_Stream_WriteStr(stream->stream, cmap_with_glyph_codes(e.glyph_codes).c_str());
    return m_doc.check(what);
}

void FontSet::check_coverage(int index, std::string_view text) {
    grow();
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
