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
    FontSet(PdfDocument& doc, const std::vector<frame::FontFile>& files);

    // The UTF-8 (Type0/CID, Identity-H) font for FrameDocument::fonts[index], embedded and
    // subset, with a working ToUnicode CMap. Loads it on first use, so fonts no item uses are
    // never embedded (libharu would write them whole). nullptr after a diagnostic.
    HPDF_Font get(int index);

    // Warns once per (font, character) about characters the font has no glyph for: libharu
    // would silently draw .notdef boxes (docs/libharu-notes.md §L2).
    void check_coverage(int index, std::string_view utf8_text);

private:
    struct Entry {
        bool tried = false;
        HPDF_Font font = nullptr;
        HPDF_FontDef def = nullptr;
        std::set<char32_t> reported;
        // The BMP code points already looked up (by bit), so that each is looked up once per
        // document: libharu's lookup scans the font's cmap segments one by one.
        std::vector<bool> checked;
    };

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
// which the caller's check_handle reports.
const char* load_true_type_font(HPDF_Doc pdf, const std::string& bytes);

// The /CMapType 2 identity ToUnicode CMap (code = UCS-2 code point, surrogates skipped) that
// replaces libharu's malformed copy of Identity-H.
const std::string& identity_to_unicode_cmap();

}  // namespace reportc::pdf
