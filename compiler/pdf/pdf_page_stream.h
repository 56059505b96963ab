#pragma once
// Internal to the pdf module: a finished page's content stream deflated at once, so libharu
// holds each page compressed rather than as plain operators until the document is saved
// (docs/libharu-notes.md §L19).
#include <hpdf.h>
#include <hpdf_streams.h>

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>

#include "base/byte_store.h"

namespace reportc::pdf {

// `bytes` deflated as libharu 2.3.0 deflates a stream when it saves the document: zlib's
// default level, window and memory level, in one zlib stream (so the output is the same bytes).
std::string deflate_like_libharu(std::string_view bytes);

class PdfDocument;

// The pages' deflated content streams kept in a store (a temporary file the driver gives) until
// the save rather than in libharu's memory (issue 16: memory that does not grow with the body;
// docs/libharu-notes.md §L24). The first `in_memory` bytes stay in memory, so a small document
// makes no file. libharu reads each page's bytes back through a callback stream when it writes
// the page; a failed read fails the save with one error that names the page.
class ContentStore {
public:
    ContentStore(PdfDocument& doc, ByteStore* store, size_t in_memory);
    ContentStore(const ContentStore&) = delete;
    ContentStore& operator=(const ContentStore&) = delete;
    // A stream of libharu's that reads `bytes` back from the store, or nullptr when they stay in
    // memory (no store, still within `in_memory`, or the store could not keep them).
    HPDF_Stream keep(HPDF_MMgr mmgr, std::string_view bytes, int page_number);
    size_t stored() const { return m_stored; }  // pages whose content is in the store

private:
    struct Entry {
        ContentStore* owner = nullptr;
        ByteStore::Place place;
        uint32_t position = 0;  // where libharu reads next
        int page_number = 0;
    };
    // libharu's callback stream functions (`stream->attr` is the Entry).
    static HPDF_STATUS read(HPDF_Stream stream, HPDF_BYTE* bytes, HPDF_UINT* size);
    static HPDF_STATUS seek(HPDF_Stream stream, HPDF_INT pos, HPDF_WhenceMode mode);
    static HPDF_INT32 tell(HPDF_Stream stream);
    static HPDF_UINT32 size(HPDF_Stream stream);

    PdfDocument& m_doc;
    ByteStore* m_store;
    size_t m_in_memory;
    size_t m_held = 0;  // bytes kept in memory so far
    size_t m_stored = 0;
    std::deque<Entry> m_entries;  // stable addresses: each is its stream's `attr`
    std::string m_buffer;
};

// Removes the entries libharu gives every page that no reader needs, each a dictionary entry and
// names of 128 bytes held until the save (docs/libharu-notes.md §L25): the resources' /ProcSet
// array, obsolete since PDF 1.4 (ISO 32000-1 §14.2). A page without one is left as it is.
void drop_obsolete_entries(HPDF_Page page);

// Replaces the page's content stream by its deflated bytes and has the stream's dictionary say
// /Filter [ /FlateDecode ] as libharu would. False (the page left as it was, for libharu to
// compress when it saves) when the page is still inside a text or path object or a saved
// graphics state, which libharu closes by writing to the stream when it saves; when the
// stream is empty; or when libharu or zlib failed (libharu's error is then set).
// With `keep`, the bytes go to its store when it takes them (ContentStore::keep).
bool compress_page_stream(HPDF_Page page, ContentStore* keep = nullptr, int page_number = 0);

// The same in two steps, for deflating on another thread (Deflater): the finished page's
// content as plain operators, copied (nullopt where compress_page_stream declines the page); then
// its deflated bytes put in place of the plain stream, which is freed. use_deflated does not
// touch the page: a page that still has its attributes (not frozen) must be given the new stream
// as its own (PageAttr::stream) by the caller. False, with the stream left plain for libharu to
// deflate when it saves, when the stream is no longer the plain one or libharu failed.
struct PlainContent {
    HPDF_Dict contents = nullptr;  // the page's content stream's dictionary
    std::string bytes;
};
std::optional<PlainContent> plain_content(HPDF_Page page);
bool use_deflated(HPDF_Dict contents, const std::string& bytes, ContentStore* keep, int page_number);

}  // namespace reportc::pdf
