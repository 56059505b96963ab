#pragma once
// Internal to the pdf module: a finished page's dictionary kept as the bytes libharu would write
// for it, not as libharu's objects (issue 16: memory that does not grow with the body;
// docs/libharu-notes.md §L26).
#include <hpdf.h>
#include <hpdf_pages.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace reportc::pdf {

// The frozen pages of one document (PdfDocument owns it). freeze() writes a finished page's
// entries (/Type, /MediaBox, /Contents, /Resources with its /Font and /XObject, /Parent,
// /Rotate) into one growing buffer with libharu's own writers, frees those objects, the page's
// graphics state and its attributes, and gives the page dictionary functions that write the
// kept bytes where libharu would have written the entries. The page stays a page for libharu:
// destinations and link annotations can still be made on it, and an entry added afterwards
// (/Annots) is written after the kept bytes, where libharu would write it. The saved file is
// byte-identical. A frozen page cannot be drawn on (every operator fails with
// HPDF_PAGE_INVALID_GMODE) nor its frozen entries changed.
class FrozenPages {
public:
    FrozenPages();
    FrozenPages(const FrozenPages&) = delete;
    FrozenPages& operator=(const FrozenPages&) = delete;
    // The most bytes kept (offsets are 32-bit, the default); a page that would not fit is left
    // as it is. Smaller for tests.
    void set_capacity(size_t bytes);

    // False, with the page left as it was, when it cannot be frozen: not a page of this
    // document's kind, already frozen, still inside a text or path object or a saved graphics
    // state (libharu writes to its stream when it saves), or the bytes do not fit; or when
    // libharu failed (its error is then set on the document).
    bool freeze(HPDF_Page page);

    size_t pages() const { return m_entries.size(); }
    size_t bytes() const { return m_bytes.size(); }

private:
    struct Entry {
        uint32_t object = 0;  // the page dictionary's object number
        uint32_t offset = 0, size = 0;
        uint32_t later = 0;  // while it is written: entries added after the freeze
    };
    Entry* find(uint32_t object);
    // The page dictionary's before_write_fn and write_fn (hpdf_dict.c, HPDF_Dict_Write).
    static HPDF_STATUS before_write(HPDF_Dict page);
    static HPDF_STATUS write(HPDF_Dict page, HPDF_Stream out);
    static HPDF_STATUS append(HPDF_Stream stream, const HPDF_BYTE* bytes, HPDF_UINT size);

    size_t m_capacity = UINT32_MAX;
    std::string m_bytes;
    std::vector<Entry> m_entries;  // by object number
    // What libharu still reads of a frozen page's attributes (HPDF_Page_Validate: not null;
    // destinations and annotations: the xref), shared by every frozen page.
    HPDF_PageAttr_Rec m_attr{};
};

}  // namespace reportc::pdf
