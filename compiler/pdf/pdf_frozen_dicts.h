#pragma once
// Internal to the pdf module: a finished page's, link annotation's or outline item's dictionary
// kept as the bytes libharu would write for it, not as libharu's objects (issue 16: memory that
// does not grow with the body; docs/libharu-notes.md §L26).
#include <hpdf.h>
#include <hpdf_list.h>
#include <hpdf_pages.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace reportc::pdf {

// A libharu list's item block cut to the items it holds (libharu allocates 20 pointers at a time,
// hpdf_list.c): the content stream's dictionary holds one, /Length; a destination five. A later
// item grows it by one.
void fit_items(HPDF_List list);

// The frozen dictionaries of one document (PdfDocument owns it): finished pages, link
// annotations and the outline. freeze() writes a finished page's entries (/Type, /MediaBox, /Contents,
// /Resources with its /Font and /XObject, /Parent, /Rotate) into a growing store of bytes with
// libharu's own writers, frees those objects, the page's graphics state and its attributes, and
// gives the page dictionary functions that write the kept bytes where libharu would have written
// the entries. The page stays a page for libharu: destinations and link annotations can still be
// made on it, and an entry added afterwards (/Annots) is written after the kept bytes, where
// libharu would write it. The saved file is byte-identical. A frozen page cannot be drawn on
// (every operator fails with HPDF_PAGE_INVALID_GMODE) nor its frozen entries changed.
// freeze_annotation() does the same for a finished link annotation (/Type, /Subtype, /Rect,
// /Dest or /A, /Border), freeze_outline() for the finished outline's items.
class FrozenDicts {
public:
    FrozenDicts();
    FrozenDicts(const FrozenDicts&) = delete;
    FrozenDicts& operator=(const FrozenDicts&) = delete;
    // The most bytes kept (4 GiB by default); a dictionary that would not fit is left as it is.
    // Smaller for tests.
    void set_capacity(size_t bytes);

    // False, with the page left as it was, when it cannot be frozen: not a page of this
    // document's kind, already frozen, still inside a text or path object or a saved graphics
    // state (libharu writes to its stream when it saves), or the bytes do not fit; or when
    // libharu failed (its error is then set on the document).
    bool freeze(HPDF_Page page);
    bool is_frozen(HPDF_Page page) const { return page && page->attr == &m_attr; }
    // The same for an annotation: false when it is not a plain one (no functions of its own
    // libharu calls when it writes or frees it) or already frozen.
    bool freeze_annotation(HPDF_Annotation annotation);
    // The whole outline, once built (its root and `items`): libharu counts each item's open
    // descendants when it writes it (its /Count), walking the tree; so every /Count is set first,
    // as the save would set it, then each item is frozen (one that cannot be is left with its
    // /Count set and nothing to recount it). False when one is not an outline item of libharu's.
    bool freeze_outline(HPDF_Outline root, const std::vector<HPDF_Outline>& items);

    size_t pages() const { return m_pages; }
    size_t annotations() const { return m_annotations; }
    size_t outline_items() const { return m_entries.size() - m_pages - m_annotations; }
    size_t bytes() const { return m_size; }

private:
    struct Entry {
        uint32_t object = 0;  // the dictionary's object number
        uint32_t chunk = 0, offset = 0, size = 0;  // where its bytes are in m_chunks
        uint32_t later = 0;  // while it is written: entries added after the freeze
    };
    Entry* find(uint32_t object);
    // Writes the dictionary's entries, frees them and gives it the write functions.
    bool keep(HPDF_Dict dict);
    // A frozen dictionary's before_write_fn and write_fn (hpdf_dict.c, HPDF_Dict_Write).
    static HPDF_STATUS before_write(HPDF_Dict dict);
    static HPDF_STATUS write(HPDF_Dict dict, HPDF_Stream out);
    static HPDF_STATUS append(HPDF_Stream stream, const HPDF_BYTE* bytes, HPDF_UINT size);
    // A frozen page's content dictionary without its /Length entry, which libharu must find
    // while it writes the stream (it sets the number to the bytes written): the entry is added
    // back just before, and removed just after.
    void drop_length(HPDF_Dict contents);
    static HPDF_STATUS add_length(HPDF_Dict contents);
    static HPDF_STATUS remove_length(HPDF_Dict contents);
    struct Length {
        uint32_t contents = 0, number = 0;  // object numbers
    };

    size_t m_capacity = UINT32_MAX;
    // The bytes in chunks of kChunk (or one dictionary's, if larger) that are never reallocated:
    // one growing buffer would double, and hold both copies while it moves.
    static constexpr size_t kChunk = 64 * 1024;
    std::vector<std::string> m_chunks;
    std::string m_scratch;  // one dictionary's bytes as libharu writes them
    size_t m_size = 0;
    std::vector<Entry> m_entries;  // by object number
    std::vector<Length> m_lengths;  // by the content dictionary's object number
    size_t m_pages = 0, m_annotations = 0;
    // What libharu still reads of a frozen page's attributes (HPDF_Page_Validate: not null;
    // destinations and annotations: the xref), shared by every frozen page.
    HPDF_PageAttr_Rec m_attr{};
};

}  // namespace reportc::pdf
