#pragma once
// Internal to the pdf module: the document's fonts, loaded from their bytes on first use.
#include <hpdf.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "frame/frame.h"
#include "pdf/pdf_document.h"

namespace reportc::pdf {

class FontSet {
public:
    // `files` may grow while the set is in use (a document written page by page).
    FontSet(PdfDocument& doc, const std::vector<frame::FontFile>& files);

    // The UTF-8 (Type0/CID, Identity-H) font for FrameDocument::fonts[index], embedded and
    // subset, with a working ToUnicode CMap. Loads it on first use, so fonts no item uses are
    // never embedded (libharu would write them whole). nullptr after a diagnostic.
    HPDF_Font get(int index);

    // Warns once per (font, character) about characters the font has no glyph for: libharu
    // would silently draw .notdef boxes (docs/libharu-notes.md §L2).
    void check_coverage(int index, std::string_view utf8_text);

    // The two-byte code that draws `glyph` of font `index`, a glyph no character maps to (a
    // ligature, a small capital: GlyphSub in base/kerning.h), and that text extraction reads as
    // `letters`. Codes come from the surrogate block D800-DFFF, which no text uses
    // (docs/libharu-notes.md §L3, §L21); 0 when the font has used them all.
    uint16_t glyph_code(int index, uint16_t glyph, const std::string& letters);
    // Writes what glyph_code handed out into each font: the CIDToGIDMap entries, the /W widths
    // and the ToUnicode entries. Called once, before the document is saved.
    bool finish();
    // The font definitions loaded, one for each file, in the order of their paths.
    std::vector<HPDF_FontDef> loaded_defs() const;

private:
    void grow();  // an entry for every file
    struct Entry {
        bool tried = false;
        HPDF_Font font = nullptr;
        HPDF_FontDef def = nullptr;
        std::set<char32_t> reported;
        std::map<std::pair<uint16_t, std::string>, uint16_t> glyph_codes;  // (glyph, letters) -> code
        // The BMP code points already looked up (by bit), so that each is looked up once per
        // document: libharu's lookup scans the font's cmap segments one by one.
        std::vector<bool> checked;
    };
    bool finish(Entry& e, int index);

    HPDF_Font load(int index);

    PdfDocument& m_doc;
    const std::vector<frame::FontFile>& m_files;
    std::vector<Entry> m_entries;
    std::map<std::string, int> m_loaded_paths;  // path -> index of the entry that loaded it
};

// pdf_font_check.cpp: why a font file's `bytes` cannot be given to libharu safely (truncated,
// CFF outlines, a collection, unitsPerEm 0, …), or nullopt.
std::optional<std::string> font_file_problem(const std::string& bytes);

// pdf_font_load.cpp: registers the TrueType font in `bytes` with the document, embedded, and
// returns its base font name (the name HPDF_GetFont takes); nullptr after a libharu error,
// which the caller's check_handle reports. libharu reads `bytes` until the document is saved,
// so they must outlive it.
const char* load_true_type_font(HPDF_Doc pdf, const std::string& bytes);

// pdf_font_cache.cpp: the glyph libharu's HPDF_TTFontDef_GetGlyphid gives each code from
// U+0000 to U+FFFF, worked out in one walk of the cmap's segments instead of a search per code
// (docs/libharu-notes.md §L20). Index: the code.
std::vector<HPDF_UINT16> glyph_ids_by_code(HPDF_FontDef def);

// pdf_font_cache.cpp: HPDF_GetFont(pdf, name, "UTF-8") for the font registered under `name`
// from `bytes`, with the glyph lookups libharu repeats for every document done once per process.
HPDF_Font get_utf8_font(PdfDocument& doc, const char* name, const FontBytes& bytes);

// pdf_font_cache.cpp: the font's CIDToGIDMap and ToUnicode CMap (the same for every document
// with this font) deflated once per process, and written as they are.
void deflate_font_streams_once(PdfDocument& doc, HPDF_Font font, const FontBytes& bytes);

// The /CMapType 2 identity ToUnicode CMap (code = UCS-2 code point, surrogates skipped) that
// replaces libharu's malformed copy of Identity-H.
const std::string& identity_to_unicode_cmap();

}  // namespace reportc::pdf
