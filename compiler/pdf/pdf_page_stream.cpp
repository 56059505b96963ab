// Page content streams compressed as soon as the page is drawn. libharu 2.3.0 keeps every page's
// operators uncompressed in memory until HPDF_SaveToStream, then deflates each one
// (HPDF_Stream_WriteToStreamWithDeflate); for a long document that is most of what it holds.
// The structures used here are declared in libharu's installed headers, as for the TJ arrays of
// pdf_text.cpp (docs/libharu-notes.md §L18, §L19).
#include "pdf/pdf_page_stream.h"

#include <hpdf_gstate.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <zlib.h>

#include <algorithm>
#include <optional>

#include "pdf/pdf_document.h"

namespace reportc::pdf {

namespace {

// What HPDF_Dict_Write writes for a stream whose filter is FlateDecode: the Filter array, after
// the dictionary's other entries (a page's content stream has only /Length before it).
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream out) { return HPDF_Stream_WriteStr(out, "/Filter [ /FlateDecode ]\012"); }

// The stream's bytes, gathered from the memory stream's blocks.
std::string contents_of(HPDF_Stream stream) {
    std::string bytes;
    bytes.reserve(stream->size);
    auto* attr = static_cast<HPDF_MemStreamAttr>(stream->attr);
    for (HPDF_UINT i = 0; i < attr->buf->count; ++i) {
        HPDF_UINT length = 0;
        const HPDF_BYTE* block = HPDF_MemStream_GetBufPtr(stream, i, &length);
        if (!block) return {};
        bytes.append(reinterpret_cast<const char*>(block), length);
    }
    return bytes;
}

std::optional<std::string> deflated(std::string_view bytes) {
    z_stream z{};
    if (deflateInit(&z, Z_DEFAULT_COMPRESSION) != Z_OK) return std::nullopt;
    std::string out(deflateBound(&z, uLong(bytes.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    z.avail_in = uInt(bytes.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = uInt(out.size());
    const int status = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    if (status != Z_STREAM_END) return std::nullopt;
    return out;
}

// Whether libharu's Page_BeforeWrite would add to the stream when it saves: it ends an open
// text or path object and restores every saved graphics state.
bool page_is_closed(HPDF_PageAttr attr) {
    return attr->gmode == HPDF_GMODE_PAGE_DESCRIPTION && attr->gstate && !attr->gstate->prev;
}

// One block of exactly the compressed size (libharu's own blocks are 4 KiB).
HPDF_Stream in_memory(HPDF_MMgr mmgr, const std::string& bytes) {
    HPDF_Stream packed = HPDF_MemStream_New(mmgr, HPDF_UINT(bytes.size()));
    if (!packed) return nullptr;
    if (HPDF_Stream_Write(packed, reinterpret_cast<const HPDF_BYTE*>(bytes.data()), HPDF_UINT(bytes.size())) != HPDF_OK) {
        HPDF_Stream_Free(packed);
        return nullptr;
    }
    return packed;
}

}  // namespace

std::string deflate_like_libharu(std::string_view bytes) { return deflated(bytes).value_or(std::string()); }

ContentStore::ContentStore(PdfDocument& doc, ByteStore* store, size_t in_memory) : m_doc(doc), m_store(store), m_in_memory(in_memory) {}

HPDF_Stream ContentStore::keep(HPDF_MMgr mmgr, std::string_view bytes, int page_number) {
    if (!m_store || m_held + bytes.size() <= m_in_memory) {
        m_held += bytes.size();
        return nullptr;
    }
    const auto place = m_store->append(bytes);
    if (!place) {  // the store said why (the driver warns once); the bytes stay in memory
        m_held += bytes.size();
        return nullptr;
    }
    Entry& entry = m_entries.emplace_back(Entry{this, *place, 0, page_number});
    HPDF_Stream stream = HPDF_CallbackReader_New(mmgr, read, seek, tell, size, &entry);
    if (!stream) {
        m_entries.pop_back();
        return nullptr;
    }
    ++m_stored;
    return stream;
}

// libharu copies a stream with no filter of its own by reading it from the start in pieces of
// HPDF_STREAM_BUF_SIZ until one returns HPDF_STREAM_EOF (HPDF_Stream_WriteToStream): a piece is
// read from the store as asked for, and the last one says EOF with what was left.
HPDF_STATUS ContentStore::read(HPDF_Stream stream, HPDF_BYTE* bytes, HPDF_UINT* size) {
    auto& entry = *static_cast<Entry*>(stream->attr);
    const uint32_t take = std::min<uint32_t>(*size, entry.place.size - entry.position);
    if (take > 0) {
        ContentStore& owner = *entry.owner;
        if (!owner.m_store->read({entry.place.offset + entry.position, take}, owner.m_buffer) || owner.m_buffer.size() != take) {
            owner.m_doc.stream_failed(std::string("pdf: page ").append(std::to_string(entry.page_number))
                                          .append(": its content could not be read back from the temporary file"));
            return HPDF_SetError(stream->error, HPDF_FILE_IO_ERROR, 0);
        }
        std::copy(owner.m_buffer.begin(), owner.m_buffer.end(), bytes);
        entry.position += take;
    }
    const HPDF_UINT asked = *size;
    *size = take;
    return take < asked ? HPDF_STREAM_EOF : HPDF_OK;
}

HPDF_STATUS ContentStore::seek(HPDF_Stream stream, HPDF_INT pos, HPDF_WhenceMode mode) {
    auto& entry = *static_cast<Entry*>(stream->attr);
    const int64_t base = mode == HPDF_SEEK_CUR ? entry.position : mode == HPDF_SEEK_END ? entry.place.size : 0;
    const int64_t to = base + pos;
    if (to < 0 || to > int64_t(entry.place.size)) return HPDF_SetError(stream->error, HPDF_FILE_IO_ERROR, 0);
    entry.position = uint32_t(to);
    return HPDF_OK;
}

HPDF_INT32 ContentStore::tell(HPDF_Stream stream) { return HPDF_INT32(static_cast<Entry*>(stream->attr)->position); }

HPDF_UINT32 ContentStore::size(HPDF_Stream stream) { return static_cast<Entry*>(stream->attr)->place.size; }

void drop_obsolete_entries(HPDF_Page page) {
    // libharu adds it to every page "for compatibility" (hpdf_pages.c) and reads it nowhere else.
    if (auto resources = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT)))
        HPDF_Dict_RemoveElement(resources, "ProcSet");
}

std::optional<PlainContent> plain_content(HPDF_Page page) {
    auto* attr = static_cast<HPDF_PageAttr>(page->attr);
    HPDF_Dict contents = attr->contents;
    if (!page_is_closed(attr) || !contents || contents->stream != attr->stream || contents->filter != HPDF_STREAM_FILTER_FLATE_DECODE ||
        contents->write_fn || attr->stream->type != HPDF_STREAM_MEMORY || attr->stream->size == 0)
        return std::nullopt;
    std::string bytes = contents_of(attr->stream);
    if (bytes.empty()) return std::nullopt;
    return PlainContent{contents, std::move(bytes)};
}

bool use_deflated(HPDF_Dict contents, const std::string& bytes, ContentStore* keep, int page_number) {
    HPDF_Stream plain = contents->stream;
    if (bytes.empty() || !plain || plain->type != HPDF_STREAM_MEMORY || contents->filter != HPDF_STREAM_FILTER_FLATE_DECODE ||
        contents->write_fn)
        return false;
    HPDF_Stream packed = keep ? keep->keep(contents->mmgr, bytes, page_number) : nullptr;
    if (!packed && !(packed = in_memory(contents->mmgr, bytes))) return false;
    HPDF_Stream_Free(plain);
    contents->stream = packed;
    // Already deflated: libharu copies the bytes as they are and, with no filter of its own,
    // would drop /Filter, so the dictionary writes it itself.
    contents->filter = HPDF_STREAM_FILTER_NONE;
    contents->write_fn = write_flate_filter;
    return true;
}

bool compress_page_stream(HPDF_Page page, ContentStore* keep, int page_number) {
    std::optional<PlainContent> plain = plain_content(page);
    if (!plain) return false;
    const auto bytes = deflated(plain->bytes);
    if (!bytes || bytes->empty()) return false;
    if (!use_deflated(plain->contents, *bytes, keep, page_number)) return false;
    static_cast<HPDF_PageAttr>(page->attr)->stream = plain->contents->stream;
    return true;
}

}  // namespace reportc::pdf
