#pragma once
// Private to driver: the allocator's free pages given back to the system while the document is
// laid out (issue 16: peak memory that does not grow with the body).
//
// glibc's malloc returns memory to the system only from the top of a heap, or when told to
// (malloc_trim(3) also releases the whole free pages inside a heap). The layout passes free as
// much as they allocate: a block's nodes, its vertical list, the paragraph cache's entries
// written out to its file, the pages once drawn. With -j the pages are drawn on another thread,
// which allocates from a malloc arena of its own and cannot reuse what the main thread freed: the
// free pages of both stayed resident and grew the peak with the body (4,009 pages with -j 2:
// 73.4 -> 69.9 MB; docs/performance.md, "A run's rare parts behind one pointer, free pages
// given back, the paragraphs set ahead written out").
#include <cstddef>

namespace reportc::driver {

// Bytes of the document's encoded blocks (doc::EncodedBlocks) laid out between two trims: about
// 13 trims a pass at 4,009 pages, 3 at 803 (trimming after every block gave the same peak).
inline constexpr size_t kTrimEveryBytes = size_t(1) << 20;

// malloc_trim(0) where the C library has it; nothing elsewhere.
void trim_heap();

// Counts the bytes laid out and trims the heap each time `every` more have gone by.
class HeapTrim {
public:
    using Trim = void (*)();
    explicit HeapTrim(size_t every = kTrimEveryBytes, Trim trim = &trim_heap) : m_every(every), m_trim(trim) {}
    // A block of `bytes` encoded bytes was laid out.
    void laid_out(size_t bytes) {
        m_since += bytes;
        if (m_every == 0 || m_since < m_every) return;
        m_since = 0;
        ++m_trims;
        m_trim();
    }
    size_t trims() const { return m_trims; }

private:
    size_t m_every;
    Trim m_trim;
    size_t m_since = 0;
    size_t m_trims = 0;
};

}  // namespace reportc::driver
