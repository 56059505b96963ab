// Finished pages, link annotations and outline items frozen into the bytes libharu would write for their
// dictionaries. libharu 2.3.0 keeps a page as a dictionary of elements, each with its key in a
// 128-byte array, and values that are objects of their own (a name in another 128-byte array, a
// MediaBox array of four real objects, a resources dictionary holding a Font dictionary, a proxy
// for each indirect reference), each dictionary and array with a list whose item block grows 20
// pointers at a time; plus the page's attributes and graphics state: about 2.9 KB in some 40
// blocks a page, held until the save; link annotations and outline items are built the same way. The structures
// used here are declared in libharu's installed headers (hpdf_objects.h, hpdf_pages.h,
// hpdf_gstate.h, hpdf_list.h), as for pdf_page_stream.cpp.
#include "pdf/pdf_frozen_dicts.h"

#include <hpdf_gstate.h>
#include <hpdf_list.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <string_view>

#include "pdf/pdf_document.h"

namespace reportc::pdf {

namespace {

bool is_page(HPDF_Dict dict) { return dict && dict->header.obj_class == (HPDF_OCLASS_DICT | HPDF_OSUBCLASS_PAGE); }

// What HPDF_Dict_Write writes for one element (hpdf_dict.c): the escaped key, a space, the value
// (an indirect one as "n g R"), a line feed; an element whose value is hidden is skipped.
HPDF_STATUS write_element(HPDF_DictElement element, HPDF_Stream out, HPDF_Error error) {
    if (!element->value) return HPDF_SetError(error, HPDF_INVALID_OBJECT, 0);
    if (static_cast<HPDF_Obj_Header*>(element->value)->obj_id & HPDF_OTYPE_HIDDEN) return HPDF_OK;
    HPDF_STATUS status = HPDF_Stream_WriteEscapeName(out, element->key);
    if (status == HPDF_OK) status = HPDF_Stream_WriteChar(out, ' ');
    if (status == HPDF_OK) status = HPDF_Obj_Write(element->value, out, nullptr);
    if (status == HPDF_OK) status = HPDF_Stream_WriteStr(out, "\012");
    return status;
}

}  // namespace

void fit_items(HPDF_List list) {
    if (list->block_siz <= list->count || list->count == 0) return;
    auto** items = static_cast<void**>(HPDF_GetMem(list->mmgr, list->count * HPDF_UINT(sizeof(void*))));
    if (!items) return;  // the larger block kept; libharu's error is set
    std::copy(list->obj, list->obj + list->count, items);
    HPDF_FreeMem(list->mmgr, list->obj);
    list->obj = items;
    list->block_siz = list->count;
    list->items_per_block = 1;
}

namespace {

// The dictionary's document is the one its error handler was given (PdfDocument's constructor).
FrozenDicts* frozen_dicts_of(HPDF_Dict dict) {
    auto* doc = dict->error ? static_cast<PdfDocument*>(dict->error->user_data) : nullptr;
    return doc ? &doc->frozen_dicts() : nullptr;
}

}  // namespace

FrozenDicts::FrozenDicts() {
    // Every drawing operator checks the graphics mode first (HPDF_Page_CheckState): none is
    // valid on a frozen page.
    m_attr.gmode = 0;
}

void FrozenDicts::set_capacity(size_t bytes) { m_capacity = std::min<size_t>(bytes, UINT32_MAX); }

FrozenDicts::Entry* FrozenDicts::find(uint32_t object) {
    auto it = std::lower_bound(m_entries.begin(), m_entries.end(), object,
                               [](const Entry& e, uint32_t o) { return e.object < o; });
    return it != m_entries.end() && it->object == object ? &*it : nullptr;
}

HPDF_STATUS FrozenDicts::append(HPDF_Stream stream, const HPDF_BYTE* bytes, HPDF_UINT size) {
    static_cast<std::string*>(stream->attr)->append(reinterpret_cast<const char*>(bytes), size);
    return HPDF_OK;
}

bool FrozenDicts::keep(HPDF_Dict dict) {
    const uint32_t object = dict->header.obj_id & 0x00FFFFFF;
    if (!(dict->header.obj_id & HPDF_OTYPE_INDIRECT) || find(object)) return false;
    m_scratch.clear();
    HPDF_Stream out = HPDF_CallbackWriter_New(dict->mmgr, append, &m_scratch);
    if (!out) return false;
    HPDF_STATUS status = HPDF_OK;
    for (HPDF_UINT i = 0; i < dict->list->count && status == HPDF_OK; ++i)
        status = write_element(static_cast<HPDF_DictElement>(HPDF_List_ItemAt(dict->list, i)), out, dict->error);
    HPDF_Stream_Free(out);
    if (status != HPDF_OK || m_size + m_scratch.size() > m_capacity) return false;
    if (m_chunks.empty() || m_chunks.back().size() + m_scratch.size() > m_chunks.back().capacity())
        m_chunks.emplace_back().reserve(std::max(kChunk, m_scratch.size()));
    std::string& chunk = m_chunks.back();
    const Entry entry{object, uint32_t(m_chunks.size() - 1), uint32_t(chunk.size()), uint32_t(m_scratch.size()), 0};
    chunk.append(m_scratch);
    m_size += m_scratch.size();

    // The elements and their direct values (HPDF_Obj_Free leaves indirect objects, which the
    // xref owns: a page's contents, parent, fonts and images; a link's destination), then the
    // list's item block.
    for (HPDF_UINT i = 0; i < dict->list->count; ++i) {
        auto element = static_cast<HPDF_DictElement>(HPDF_List_ItemAt(dict->list, i));
        HPDF_Obj_Free(dict->mmgr, element->value);
        HPDF_FreeMem(dict->mmgr, element);
    }
    HPDF_List_Clear(dict->list);
    dict->list->items_per_block = 1;  // an /Annots entry, if any, comes later
    dict->before_write_fn = before_write;
    dict->write_fn = write;

    if (m_entries.empty() || m_entries.back().object < object)
        m_entries.push_back(entry);
    else
        m_entries.insert(std::lower_bound(m_entries.begin(), m_entries.end(), object,
                                          [](const Entry& e, uint32_t o) { return e.object < o; }),
                         entry);
    return true;
}

bool FrozenDicts::freeze(HPDF_Page page) {
    if (!is_page(page) || !page->attr || page->attr == &m_attr || !page->free_fn || page->write_fn || page->stream) return false;
    auto* attr = static_cast<HPDF_PageAttr>(page->attr);
    if (attr->gmode != HPDF_GMODE_PAGE_DESCRIPTION || !attr->gstate || attr->gstate->prev) return false;
    // libharu's Page_BeforeWrite, which keep() replaces, would only close open text, paths and
    // saved states, and this page has none.
    if (!keep(page)) return false;
    ++m_pages;
    if (attr->contents) drop_length(attr->contents);
    if (!m_attr.xref) {
        m_attr.xref = attr->xref;
        m_attr.ver = attr->ver;
    }
    HPDF_GState_Free(page->mmgr, attr->gstate);
    HPDF_FreeMem(page->mmgr, attr);
    page->attr = &m_attr;
    page->free_fn = nullptr;  // Page_OnFree would free the shared attributes
    return true;
}

void FrozenDicts::drop_length(HPDF_Dict contents) {
    fit_items(contents->list);
    const uint32_t object = contents->header.obj_id & 0x00FFFFFF;
    if (!(contents->header.obj_id & HPDF_OTYPE_INDIRECT) || contents->before_write_fn || contents->after_write_fn ||
        contents->list->count != 1 || (!m_lengths.empty() && m_lengths.back().contents >= object))
        return;
    auto element = static_cast<HPDF_DictElement>(HPDF_List_ItemAt(contents->list, 0));
    auto* proxy = static_cast<HPDF_Obj_Header*>(element->value);
    if (std::string_view(element->key) != "Length" || proxy->obj_class != HPDF_OCLASS_PROXY) return;
    auto* number = static_cast<HPDF_Obj_Header*>(static_cast<HPDF_Proxy>(element->value)->obj);
    if ((number->obj_class & HPDF_OCLASS_ANY) != HPDF_OCLASS_NUMBER || !(number->obj_id & HPDF_OTYPE_INDIRECT)) return;
    m_lengths.push_back({object, number->obj_id & 0x00FFFFFF});
    HPDF_Dict_RemoveElement(contents, "Length");  // the proxy and the element; the number stays
    contents->before_write_fn = add_length;
    contents->after_write_fn = remove_length;
}

// Before HPDF_Dict_Write writes the elements: /Length is the first, as before (a /Filter libharu
// adds, or the one the write function writes, comes after).
HPDF_STATUS FrozenDicts::add_length(HPDF_Dict contents) {
    FrozenDicts* self = frozen_dicts_of(contents);
    const uint32_t object = contents->header.obj_id & 0x00FFFFFF;
    auto it = self ? std::lower_bound(self->m_lengths.begin(), self->m_lengths.end(), object,
                                      [](const Length& l, uint32_t o) { return l.contents < o; })
                   : std::vector<Length>::iterator{};
    HPDF_Xref xref = self ? self->m_attr.xref : nullptr;
    if (!self || it == self->m_lengths.end() || it->contents != object || !xref || it->number < xref->start_offset)
        return HPDF_SetError(contents->error, HPDF_INVALID_OBJECT, 0);
    // The xref's entries are its objects in order of their numbers (hpdf_xref.c, HPDF_Xref_Add).
    auto entry = static_cast<HPDF_XrefEntry>(HPDF_List_ItemAt(xref->entries, it->number - xref->start_offset));
    if (!entry || !entry->obj || (static_cast<HPDF_Obj_Header*>(entry->obj)->obj_id & 0x00FFFFFF) != it->number)
        return HPDF_SetError(contents->error, HPDF_INVALID_OBJECT, 0);
    return HPDF_Dict_Add(contents, "Length", entry->obj);
}

HPDF_STATUS FrozenDicts::remove_length(HPDF_Dict contents) {
    HPDF_Dict_RemoveElement(contents, "Length");
    return HPDF_OK;
}

bool FrozenDicts::freeze_annotation(HPDF_Annotation annotation) {
    if (!annotation || annotation->header.obj_class != (HPDF_OCLASS_DICT | HPDF_OSUBCLASS_ANNOTATION) ||
        annotation->before_write_fn || annotation->write_fn || annotation->after_write_fn || annotation->free_fn ||
        annotation->stream || annotation->attr)
        return false;
    if (!keep(annotation)) return false;
    ++m_annotations;
    return true;
}

bool FrozenDicts::freeze_outline(HPDF_Outline root, const std::vector<HPDF_Outline>& items) {
    auto plain = [](HPDF_Outline item) {
        return item && item->header.obj_class == (HPDF_OCLASS_DICT | HPDF_OSUBCLASS_OUTLINE) && item->before_write_fn &&
               !item->write_fn && !item->after_write_fn && !item->free_fn && !item->stream && !item->attr;
    };
    if (!plain(root) || !std::all_of(items.begin(), items.end(), plain)) return false;
    // libharu's BeforeWrite (hpdf_outline.c) sets /Count from the tree as it stands, which no
    // longer changes.
    for (HPDF_Outline item : items)
        if (item->before_write_fn(item) != HPDF_OK) return false;
    if (root->before_write_fn(root) != HPDF_OK) return false;
    for (HPDF_Outline item : items) item->before_write_fn = nullptr;
    root->before_write_fn = nullptr;
    for (HPDF_Outline item : items) keep(item);
    keep(root);
    return true;
}


// HPDF_Dict_Write calls it after "<<" and before the elements: the entries added after the freeze
// are held back here and written after the kept bytes.
HPDF_STATUS FrozenDicts::before_write(HPDF_Dict dict) {
    FrozenDicts* self = frozen_dicts_of(dict);
    Entry* entry = self ? self->find(dict->header.obj_id & 0x00FFFFFF) : nullptr;
    if (!entry) return HPDF_SetError(dict->error, HPDF_INVALID_OBJECT, 0);
    entry->later = dict->list->count;
    dict->list->count = 0;
    return HPDF_OK;
}

// Called after the (held back, so no) elements and before ">>": the kept bytes, then the entries
// added later, as HPDF_Dict_Write would have written them.
HPDF_STATUS FrozenDicts::write(HPDF_Dict dict, HPDF_Stream out) {
    FrozenDicts* self = frozen_dicts_of(dict);
    Entry* entry = self ? self->find(dict->header.obj_id & 0x00FFFFFF) : nullptr;
    if (!entry) return HPDF_SetError(dict->error, HPDF_INVALID_OBJECT, 0);
    dict->list->count = entry->later;
    entry->later = 0;
    HPDF_STATUS status =
        HPDF_Stream_Write(out, reinterpret_cast<const HPDF_BYTE*>(self->m_chunks[entry->chunk].data()) + entry->offset, entry->size);
    for (HPDF_UINT i = 0; i < dict->list->count && status == HPDF_OK; ++i)
        status = write_element(static_cast<HPDF_DictElement>(HPDF_List_ItemAt(dict->list, i)), out, dict->error);
    return status;
}

}  // namespace reportc::pdf
