#pragma once
// Helpers for the pdf tests that drive libharu directly: a memory stream's bytes and a
// document saved into memory.
#include <hpdf.h>
#include <hpdf_streams.h>

#include <string>

namespace reportc::pdf::testing {

// The bytes of a libharu memory stream (a page's content stream), block by block.
inline std::string memory_stream_bytes(HPDF_Stream stream) {
    std::string out;
    for (HPDF_UINT i = 0; i < static_cast<HPDF_MemStreamAttr>(stream->attr)->buf->count; ++i) {
        HPDF_UINT length = 0;
        const HPDF_BYTE* block = HPDF_MemStream_GetBufPtr(stream, i, &length);
        out.append(reinterpret_cast<const char*>(block), length);
    }
    return out;
}

// The whole file libharu writes for `doc` (HPDF_SaveToStream, then read back).
inline std::string saved_document(HPDF_Doc doc) {
    HPDF_SaveToStream(doc);
    std::string out(HPDF_GetStreamSize(doc), '\0');
    HPDF_UINT32 size = HPDF_UINT32(out.size());
    HPDF_ReadFromStream(doc, reinterpret_cast<HPDF_BYTE*>(out.data()), &size);
    out.resize(size);
    return out;
}

}  // namespace reportc::pdf::testing
