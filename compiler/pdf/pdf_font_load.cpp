// An embedded TrueType font loaded from bytes already in memory. libharu 2.3.0 loads such a
// font only from a file (HPDF_LoadTTFontFromFile; HPDF_LoadTTFontFromMem came later), which
// would read every font file once more. Its exported lower-level calls do the same work from a
// stream over those bytes, so this follows the file loader's documented steps: parse the font
// definition, reuse a definition already registered under the same base font name, register
// the new one, and give it the document's next subset tag. The PDF comes out the same.
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_fontdef.h>
#include <hpdf_mmgr.h>
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

// A read-only stream over the caller's bytes, which outlive the document (the frame document
// holds them while it is written). libharu reads the tables when it parses the font and again
// when it writes the subset; a memory stream would first copy the whole file into the document
// a byte at a time (HPDF_MemCpy), some 400 kB for each font of each document.
struct Reader {
    const std::string* bytes;
    HPDF_UINT pos;
};

HPDF_STATUS read_bytes(HPDF_Stream stream, HPDF_BYTE* out, HPDF_UINT* size) {
    auto* r = static_cast<Reader*>(stream->attr);
    const HPDF_UINT left = HPDF_UINT(r->bytes->size()) - r->pos;
    const HPDF_UINT n = std::min(*size, left);
    std::memcpy(out, r->bytes->data() + r->pos, n);
    r->pos += n;
    const bool short_read = n < *size;
    *size = n;
    // As libharu's memory stream: a short read is the end of the stream.
    return short_read ? HPDF_SetError(stream->error, HPDF_STREAM_EOF, 0) : HPDF_OK;
}

HPDF_STATUS seek_bytes(HPDF_Stream stream, HPDF_INT pos, HPDF_WhenceMode mode) {
    auto* r = static_cast<Reader*>(stream->attr);
    const long long base = mode == HPDF_SEEK_CUR ? r->pos : mode == HPDF_SEEK_END ? static_cast<long long>(r->bytes->size()) : 0;
    const long long to = base + pos;
    if (to < 0 || to > static_cast<long long>(r->bytes->size())) return HPDF_SetError(stream->error, HPDF_STREAM_EOF, 0);
    r->pos = HPDF_UINT(to);
    return HPDF_OK;
}

HPDF_INT32 tell_bytes(HPDF_Stream stream) { return HPDF_INT32(static_cast<Reader*>(stream->attr)->pos); }

HPDF_UINT32 size_of_bytes(HPDF_Stream stream) { return HPDF_UINT32(static_cast<Reader*>(stream->attr)->bytes->size()); }

void free_reader(HPDF_Stream stream) { HPDF_FreeMem(stream->mmgr, stream->attr); }

// A stream reading `bytes` from the start; nullptr after a libharu error.
HPDF_Stream byte_stream(HPDF_Doc pdf, const std::string& bytes) {
    auto* reader = static_cast<Reader*>(HPDF_GetMem(pdf->mmgr, sizeof(Reader)));
    if (!reader) return nullptr;
    *reader = {&bytes, 0};
    HPDF_Stream stream = HPDF_CallbackReader_New(pdf->mmgr, read_bytes, seek_bytes, tell_bytes, size_of_bytes, reader);
    if (!stream) {
        HPDF_FreeMem(pdf->mmgr, reader);
        return nullptr;
    }
    stream->free_fn = free_reader;
    return stream;
}

}  // namespace

const char* load_true_type_font(HPDF_Doc pdf, const std::string& bytes) {
    // The low-level calls only record an error in the document; HPDF_CheckError hands it to the
    // error handler, as the public loader does, so PdfDocument::check sees it.
    HPDF_Stream stream = byte_stream(pdf, bytes);
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
