#pragma once
// The PDF exporter: frames -> PDF bytes (through libharu, which stays behind this header).
#include <memory>
#include <optional>
#include <vector>
#include <string>
#include <string_view>

#include "base/byte_store.h"
#include "base/diagnostic.h"
#include "frame/frame.h"

namespace reportc::pdf {

// Returns the complete PDF file, or nullopt after recording at least one "pdf: …" error in
// `diags`. Warnings (e.g. characters a font has no glyph for) do not stop the write.
//
// Guarantees: fonts are embedded as subsets and loaded only when an item uses them; text is
// extractable (working ToUnicode CMaps); every string is checked to be valid UTF-8 before it
// reaches libharu; the same document gives byte-identical output (no /ID, dates from
// info.creation_epoch; without it the current time is used, so pin it for reproducible builds).
std::optional<std::string> write_pdf(const frame::FrameDocument& doc, Diagnostics& diags);

// Where a PDF's bytes go as libharu writes them: in order, in pieces of at most kSavePiece bytes,
// so that the file is never held whole (the driver writes them to the atomic output's temporary
// file). write() returns false to stop the save; the sink keeps why, and the writer adds no
// error of its own for it.
class ByteSink {
public:
    virtual ~ByteSink() = default;
    virtual bool write(std::string_view bytes) = 0;
};
inline constexpr size_t kSavePiece = 64 * 1024;

// Where the pages' deflated content streams wait for the save (issue 16: memory that does not
// grow with the body): with a store, the bytes beyond the first kContentInMemory go there and
// libharu reads them back as it writes each page (the same file). A store that cannot keep them
// leaves them in memory (it says why itself); one whose bytes cannot be read back at the save
// fails the write with "pdf: page N: its content could not be read back from the temporary file".
inline constexpr size_t kContentInMemory = 256 * 1024;

// Each finished page's dictionary, each link annotation's and the outline's are kept as the bytes
// libharu would write for them rather than as libharu's objects (docs/libharu-notes.md §L26): the same file.
// Off only for the tests that compare a document written both ways.
enum class PageFreezing { On, Off };

// write_pdf, with the bytes given to `out` as they are written: false after recording at least
// one "pdf: …" error in `diags`, or when `out` stopped the save. `store`: see kContentInMemory.
bool write_pdf(const frame::FrameDocument& doc, Diagnostics& diags, ByteSink& out, ByteStore* store = nullptr,
               size_t in_memory = kContentInMemory, PageFreezing freezing = PageFreezing::On);

// libharu's own heap, counted through the allocation functions HPDF_NewEx takes, over every
// document of the process made while counting is on (count_libharu_heap): the blocks it holds
// and the bytes it asked for (the allocator adds its own header and rounding; counting adds 16
// bytes a block). For "what libharu holds, and what is ours" (docs/performance.md).
struct LibharuHeap {
    size_t bytes = 0, blocks = 0;            // held now
    size_t peak_bytes = 0;                   // the most held at once
    size_t save_bytes = 0, save_blocks = 0;  // held when the last save began
};
// Documents made from now on count their heap (on) or not (off, the default: libharu's own
// malloc and free, no cost).
void count_libharu_heap(bool on);
LibharuHeap libharu_heap();

// The same document written page by page, as pagination makes the pages, so that its frames are
// never held whole: each page is checked and drawn (its content deflated) when it is added, and
// only libharu's objects are kept. The bytes are write_pdf's for the same pages. Errors are
// recorded as write_pdf records them; a page with one is not drawn, nor any after it, but the
// later pages are still checked.
class PageWriter {
public:
    // `store`: where the pages' content waits for the save (see kContentInMemory).
    explicit PageWriter(Diagnostics& diags, ByteStore* store = nullptr, size_t in_memory = kContentInMemory,
                        PageFreezing freezing = PageFreezing::On);
    ~PageWriter();
    // The next page; `fonts` holds at least every font it uses (FrameDocument::fonts so far).
    void add(const frame::Page& page, const std::vector<frame::FontFile>& fonts);
    // The document's other parts (its fonts, info, outline and page labels; `rest.pages` is not
    // read): checked, then written with the links, and the whole file returned.
    std::optional<std::string> finish(const frame::FrameDocument& rest);
    // The same, with the file's bytes given to `out` (see ByteSink); false as write_pdf(…, out).
    bool finish(const frame::FrameDocument& rest, ByteSink& out);
    // Each page's content deflated on a thread of the writer's own while the next pages are drawn
    // (the same bytes); called before the first page. The build asks for it when it may use more
    // than one thread.
    // `deflate` stands in for zlib in the tests of a failed deflate (an empty result is a failure:
    // the page is then left for libharu to deflate when it saves, to the same bytes).
    using DeflateFunction = std::string (*)(std::string_view plain);
    void deflate_on_a_thread(DeflateFunction deflate = nullptr);
    size_t pages_stored() const;  // pages whose content went to the store so far
    size_t pages_deflated_apart() const;  // pages whose content went through the deflater (its thread, or the drawing one helping)
    size_t pages_frozen() const;  // pages kept as bytes so far (PageFreezing)
    size_t links_frozen() const;  // link annotations kept as bytes (after finish)
    size_t outline_items_frozen() const;  // the outline's items and root kept as bytes (after finish)

private:
    struct State;
    std::unique_ptr<State> m;
    friend bool write_pdf(const frame::FrameDocument& doc, Diagnostics& diags, ByteSink& out, ByteStore* store, size_t in_memory,
                          PageFreezing freezing);
};

}  // namespace reportc::pdf
