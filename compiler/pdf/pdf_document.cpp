// The HPDF_Doc wrapper: creation with an error handler, UTF-8 encoders, compression, paging
// configuration, error checks and saving to memory.
#include "pdf/pdf_document.h"

#include <cmath>
#include <cstdint>

namespace reportc::pdf {

namespace {

std::string hex4(unsigned long v) {
    static const char* digits = "0123456789abcdef";
    std::string s = "0x";
    for (int shift = 12; shift >= 0; shift -= 4) s += digits[(v >> shift) & 15];
    return s;
}

}  // namespace

std::string format_pt(double pt) {
    // Three decimals, trailing zeros trimmed; integer arithmetic keeps it locale-free.
    int64_t milli = std::llround(pt * 1000.0);
    std::string sign = milli < 0 ? "-" : "";
    if (milli < 0) milli = -milli;
    std::string s = sign + std::to_string(milli / 1000);
    if (int64_t frac = milli % 1000; frac != 0) {
        std::string f = std::to_string(frac);
        while (f.size() < 3) f.insert(f.begin(), '0');
        while (f.back() == '0') f.pop_back();
        s += "." + f;
    }
    return s;
}

PdfDocument::PdfDocument(Diagnostics& diags) : m_diags(diags) {
    m_doc = HPDF_New(&PdfDocument::on_error, this);
    if (!m_doc) {
        fail("pdf: libharu could not create a document (out of memory)");
        return;
    }
    HPDF_SetCompressionMode(m_doc, HPDF_COMP_ALL);
    // Without this a document holds at most 32 767 pages (docs/libharu-notes.md §L13).
    HPDF_SetPagesConfiguration(m_doc, 500);
    HPDF_UseUTFEncodings(m_doc);
    HPDF_SetCurrentEncoder(m_doc, "UTF-8");
    if (!check("setting up the document (compression, page tree, UTF-8 encoder)")) return;
    m_utf8 = HPDF_GetEncoder(m_doc, "UTF-8");
    check_handle(m_utf8, "getting the UTF-8 encoder");
}

PdfDocument::~PdfDocument() {
    if (m_doc) HPDF_Free(m_doc);
}

void PdfDocument::on_error(HPDF_STATUS code, HPDF_STATUS detail, void* self) {
    auto* doc = static_cast<PdfDocument*>(self);
    // Keep the first error: every later one is the sticky 0x1025 INVALID_DOCUMENT.
    if (!doc->m_pending) doc->m_pending = Error{code, detail};
}

void PdfDocument::fail(std::string message) {
    m_failed = true;
    m_diags.error(Span{}, std::move(message));
}

bool PdfDocument::check(std::string_view doing) {
    if (m_failed) return false;
    if (!m_pending) return true;
    Error e = *m_pending;
    fail("pdf: libharu error " + hex4(e.code) + " " + error_name(e.code) + " (detail " + std::to_string(e.detail) +
         ") while " + std::string(doing));
    return false;
}

bool PdfDocument::check_handle(const void* handle, std::string_view doing) {
    if (!check(doing)) return false;
    if (handle) return true;
    fail("pdf: libharu returned no object and no error while " + std::string(doing));
    return false;
}

std::optional<std::string> PdfDocument::save() {
    if (!m_doc || !check("building the document")) return std::nullopt;
    HPDF_SaveToStream(m_doc);
    if (!check("writing the document to memory")) return std::nullopt;
    const HPDF_UINT32 total = HPDF_GetStreamSize(m_doc);
    std::string bytes(total, '\0');
    HPDF_UINT32 done = 0;
    while (done < total) {
        HPDF_UINT32 chunk = total - done;
        HPDF_STATUS status = HPDF_ReadFromStream(m_doc, reinterpret_cast<HPDF_BYTE*>(bytes.data()) + done, &chunk);
        // A read that reaches the end reports STREAM_EOF even though it delivered the bytes.
        if (status == HPDF_STREAM_EOF && m_pending && m_pending->code == HPDF_STREAM_EOF) {
            m_pending.reset();
            HPDF_ResetError(m_doc);
        }
        if (!check("reading the written document back")) return std::nullopt;
        if (chunk == 0) break;
        done += chunk;
    }
    if (done != total) {
        fail("pdf: read " + std::to_string(done) + " of " + std::to_string(total) + " bytes of the written document");
        return std::nullopt;
    }
    return bytes;
}

}  // namespace reportc::pdf
