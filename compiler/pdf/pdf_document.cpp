// The HPDF_Doc wrapper: creation with an error handler, UTF-8 encoders, compression, paging
// configuration, error checks and saving through a sink.
#include "pdf/pdf_document.h"

#include <hpdf_streams.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "pdf/pdf_writer.h"

namespace reportc::pdf {

namespace {

std::string hex4(unsigned long v) {
    static const char* digits = "0123456789abcdef";
    std::string s = "0x";
    for (int shift = 12; shift >= 0; shift -= 4) s += digits[(v >> shift) & 15];
    return s;
}

// libharu's heap (LibharuHeap), kept by the allocation functions documents are made with while
// counting is on. Each block starts with a header holding the size asked for, as free() gets no
// size: the count is the exact bytes libharu asked for, whatever the allocator rounds them to.
std::atomic<bool> g_counting{false};
std::atomic<size_t> g_bytes{0}, g_blocks{0}, g_peak{0}, g_save_bytes{0}, g_save_blocks{0};
constexpr size_t kHeader = alignof(std::max_align_t);

void* HPDF_STDCALL counted_alloc(HPDF_UINT size) {
    auto* block = static_cast<unsigned char*>(std::malloc(kHeader + size));
    if (!block) return nullptr;
    *reinterpret_cast<size_t*>(block) = size;
    const size_t now = g_bytes.fetch_add(size, std::memory_order_relaxed) + size;
    g_blocks.fetch_add(1, std::memory_order_relaxed);
    for (size_t peak = g_peak.load(std::memory_order_relaxed); now > peak;)
        if (g_peak.compare_exchange_weak(peak, now, std::memory_order_relaxed)) break;
    return block + kHeader;
}

void HPDF_STDCALL counted_free(void* user) {
    if (!user) return;
    auto* block = static_cast<unsigned char*>(user) - kHeader;
    g_bytes.fetch_sub(*reinterpret_cast<size_t*>(block), std::memory_order_relaxed);
    g_blocks.fetch_sub(1, std::memory_order_relaxed);
    std::free(block);
}

// libharu's output during the save, gathered into pieces of kSavePiece bytes for the sink:
// libharu writes a few bytes at a time (a name, a number), which would be as many writes.
struct SaveStream {
    explicit SaveStream(ByteSink& sink) : out(sink) { piece.reserve(kSavePiece); }
    ByteSink& out;
    std::string piece;
    bool refused = false;

    bool flush() {
        if (!refused && !piece.empty()) refused = !out.write(piece);
        piece.clear();
        return !refused;
    }
};

// The write function of libharu's callback stream (`stream->attr` is the SaveStream).
HPDF_STATUS write_to_sink(HPDF_Stream stream, const HPDF_BYTE* bytes, HPDF_UINT size) {
    auto* save = static_cast<SaveStream*>(stream->attr);
    for (HPDF_UINT done = 0; done < size;) {
        if (save->refused) return HPDF_FILE_IO_ERROR;
        const size_t take = std::min<size_t>(size - done, kSavePiece - save->piece.size());
        save->piece.append(reinterpret_cast<const char*>(bytes) + done, take);
        done += HPDF_UINT(take);
        if (save->piece.size() == kSavePiece && !save->flush()) return HPDF_FILE_IO_ERROR;
    }
    return save->refused ? HPDF_FILE_IO_ERROR : HPDF_OK;
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
    // libharu's own allocation is malloc and free too (HPDF_New passes none); these also count.
    m_doc = g_counting ? HPDF_NewEx(&PdfDocument::on_error, counted_alloc, counted_free, 0, this)
                       : HPDF_New(&PdfDocument::on_error, this);
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

void PdfDocument::stream_failed(std::string message) {
    if (m_stream_failure.empty()) m_stream_failure = std::move(message);
}

void count_libharu_heap(bool on) { g_counting = on; }

LibharuHeap libharu_heap() {
    LibharuHeap heap;
    heap.bytes = g_bytes.load();
    heap.blocks = g_blocks.load();
    heap.peak_bytes = g_peak.load();
    heap.save_bytes = g_save_bytes.load();
    heap.save_blocks = g_save_blocks.load();
    return heap;
}

bool PdfDocument::save(ByteSink& out) {
    if (!m_doc || !check("building the document")) return false;
    g_save_bytes = g_bytes.load();
    g_save_blocks = g_blocks.load();
    // HPDF_SaveToStream writes to the document's stream, a memory stream it makes when there is
    // none; given a callback stream instead, it writes there (docs/libharu-notes.md §L23). The
    // byte offsets of the cross-reference table count the bytes written, as for memory.
    SaveStream save(out);
    m_doc->stream = HPDF_CallbackWriter_New(m_doc->mmgr, write_to_sink, &save);
    if (!check_handle(m_doc->stream, "making the output stream")) return false;
    HPDF_SaveToStream(m_doc);
    const bool flushed = save.flush();
    HPDF_Stream_Free(m_doc->stream);
    m_doc->stream = nullptr;
    if (!m_stream_failure.empty()) {
        m_pending.reset();
        HPDF_ResetError(m_doc);
        fail(m_stream_failure);
        return false;
    }
    if (save.refused || !flushed) {
        // The sink said why; libharu's own report of the failed write is its echo.
        m_pending.reset();
        HPDF_ResetError(m_doc);
        m_failed = true;
        return false;
    }
    return check("writing the document");
}

}  // namespace reportc::pdf
