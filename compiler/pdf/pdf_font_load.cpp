// An embedded TrueType font loaded from bytes already in memory. libharu 2.3.0 loads such a
// font only from a file (HPDF_LoadTTFontFromFile; HPDF_LoadTTFontFromMem came later), which
// would read every font file once more. Its exported lower-level calls do the same work from a
// memory stream, so this follows the file loader's documented steps: parse the font
// definition, reuse a definition already registered under the same base font name, register
// the new one, and give it the document's next subset tag. The PDF comes out the same.
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_fontdef.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cstring>

#include "pdf/pdf_fonts.h"

namespace reportc::pdf {
namespace {

// Advances the document's six-letter subset tag the way libharu does for each embedded font:
// "HPDFAA" first, then counting in base 26 from the last letter ("HPDFAB" … "HPDFAZ", "HPDFBA").
void advance_subset_tag(HPDF_BYTE (&tag)[6]) {
    if (tag[0] == 0) {
        std::memcpy(tag, "HPDFAA", sizeof tag);
        return;
    }
    for (int i = 5; i >= 0; --i) {
        if (tag[i] < 'Z') {
            ++tag[i];
            return;
        }
        tag[i] = 'A';
    }
}

// A memory stream holding a copy of `bytes`, read from the start; nullptr after a libharu error.
HPDF_Stream memory_stream(HPDF_Doc pdf, const std::string& bytes) {
    const HPDF_UINT size = HPDF_UINT(std::max<size_t>(bytes.size(), 1));
    HPDF_Stream stream = HPDF_MemStream_New(pdf->mmgr, size);  // one chunk for the whole file
    if (!stream) return nullptr;
    if (HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()), HPDF_UINT(bytes.size())) != HPDF_OK ||
        HPDF_Stream_Seek(stream, 0, HPDF_SEEK_SET) != HPDF_OK) {
        HPDF_Stream_Free(stream);
        return nullptr;
    }
    return stream;
}

}  // namespace

const char* load_true_type_font(HPDF_Doc pdf, const std::string& bytes) {
    // The low-level calls only record an error in the document; HPDF_CheckError hands it to the
    // error handler, as the public loader does, so PdfDocument::check sees it.
    HPDF_Stream stream = memory_stream(pdf, bytes);
    if (!stream) {
        HPDF_CheckError(&pdf->error);
        return nullptr;
    }
    HPDF_FontDef def = HPDF_TTFontDef_Load(pdf->mmgr, stream, HPDF_TRUE);  // owns `stream` from here
    if (!def) {
        HPDF_CheckError(&pdf->error);
        return nullptr;
    }
    if (HPDF_FontDef known = HPDF_Doc_FindFontDef(pdf, def->base_font)) {
        HPDF_FontDef_Free(def);
        return known->base_font;
    }
    if (HPDF_Doc_RegisterFontDef(pdf, def) != HPDF_OK) {  // frees `def` on failure
        HPDF_CheckError(&pdf->error);
        return nullptr;
    }
    advance_subset_tag(pdf->ttfont_tag);
    char tag[sizeof pdf->ttfont_tag + 1] = {};  // SetTagName wants a terminated six-letter string
    std::memcpy(tag, pdf->ttfont_tag, sizeof pdf->ttfont_tag);
    HPDF_TTFontDef_SetTagName(def, tag);
    return def->base_font;
}

}  // namespace reportc::pdf
