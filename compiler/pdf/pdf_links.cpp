// Links: anchors become `[page /XYZ x y null]` destinations (built by hand: SetXYZ rejects
// zoom 0, docs/libharu-notes.md §L11); internal and URI link annotations are created after all
// pages exist.
#include <hpdf_error.h>
#include <hpdf_objects.h>

#include <algorithm>
#include <map>

#include "pdf/pdf_parts.h"

namespace reportc::pdf {

void Anchors::add(const frame::AnchorItem& anchor, int page, const PageState& state, Diagnostics& diags) {
    auto [x, y] = state.sheet().on_sheet(anchor.at.x.pt(), state.pdf_y(anchor.at.y));
    AnchorTarget target{page, x, y};
    auto [it, inserted] = m_targets.emplace(anchor.name, target);
    if (!inserted)
        diags.warning(Span{}, "pdf: anchor \"" + anchor.name + "\" on page " + std::to_string(page + 1) +
                                  " is already defined on page " + std::to_string(it->second.page + 1) +
                                  "; links go to the first");
}

const AnchorTarget* Anchors::find(const std::string& name) const {
    auto it = m_targets.find(name);
    return it == m_targets.end() ? nullptr : &it->second;
}

HPDF_Destination make_destination(PdfDocument& doc, const std::vector<HPDF_Page>& pages, const AnchorTarget& target) {
    HPDF_Page page = pages.at(size_t(target.page));
    HPDF_Destination dst = HPDF_Page_CreateDestination(page);
    if (!doc.check_handle(dst, "creating a destination on page " + std::to_string(target.page + 1))) return nullptr;
    // Replace libharu's default [page /Fit] with [page /XYZ x y null]: null keeps the zoom.
    HPDF_MMgr mmgr = doc.handle()->mmgr;
    HPDF_Array_Clear(dst);
    HPDF_STATUS status = HPDF_Array_Add(dst, page);
    status += HPDF_Array_AddName(dst, "XYZ");
    status += HPDF_Array_AddReal(dst, HPDF_REAL(target.x));
    status += HPDF_Array_AddReal(dst, HPDF_REAL(target.y));
    HPDF_Null null_zoom = HPDF_Null_New(mmgr);
    status += null_zoom ? HPDF_Array_Add(dst, null_zoom) : HPDF_FAILD_TO_ALLOC_MEM;
    if (!doc.check("filling in the destination on page " + std::to_string(target.page + 1))) return nullptr;
    if (status != HPDF_OK) {
        // Array functions record errors without calling the handler; surface them.
        doc.diags().error(Span{}, "pdf: libharu error " + std::string(error_name(doc.handle()->error.error_no)) +
                                      " while filling in the destination on page " + std::to_string(target.page + 1));
        return nullptr;
    }
    fit_items(dst->list);  // five items in a block of 20
    return dst;
}

std::string escape_uri(const std::string& uri) {
    static const char* digits = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : uri) {
        if (c <= 0x20 || c >= 0x7F) {
            out += '%';
            out += digits[c >> 4];
            out += digits[c & 15];
        } else {
            out += char(c);
        }
    }
    return out;
}

bool write_links(PdfDocument& doc, const std::vector<HPDF_Page>& pages, const std::vector<SheetGeometry>& sheets,
                 const Anchors& anchors, const std::vector<PendingLink>& links, PageFreezing freezing) {
    // One destination per anchor, shared by every link to it (an indirect object each link
    // refers to), rather than one of five objects per link (docs/libharu-notes.md §L25). Keyed by
    // the anchor's name, not its target's address.
    std::map<std::string, HPDF_Destination, std::less<>> destinations;
    for (const PendingLink& pending : links) {
        const frame::LinkItem& link = pending.link;
        const SheetGeometry& sheet = sheets.at(size_t(pending.page));
        const double left = link.rect.x.pt(), top = sheet.height - link.rect.y.pt();
        auto [x0, y0] = sheet.on_sheet(left, top - link.rect.height.pt());
        auto [x1, y1] = sheet.on_sheet(left + link.rect.width.pt(), top);
        HPDF_Rect rect{HPDF_REAL(std::min(x0, x1)), HPDF_REAL(std::min(y0, y1)), HPDF_REAL(std::max(x0, x1)),
                       HPDF_REAL(std::max(y0, y1))};
        HPDF_Page page = pages.at(size_t(pending.page));
        const std::string where = " on page " + std::to_string(pending.page + 1);

        HPDF_Annotation annot = nullptr;
        if (!link.uri().empty()) {
            annot = HPDF_Page_CreateURILinkAnnot(page, rect, escape_uri(link.uri()).c_str());
            if (!doc.check_handle(annot, "creating a link to \"" + link.uri() + "\"" + where)) return false;
        } else {
            const AnchorTarget* target = anchors.find(link.anchor());
            if (!target) {
                doc.diags().error(Span{}, "pdf: link" + where + " points to anchor \"" + link.anchor() +
                                              "\", which no page defines");
                continue;
            }
            HPDF_Destination& dst = destinations[link.anchor()];
            if (!dst && !(dst = make_destination(doc, pages, *target))) return false;
            annot = HPDF_Page_CreateLinkAnnot(page, rect, dst);
            if (!doc.check_handle(annot, "creating a link to anchor \"" + link.anchor() + "\"" + where)) return false;
        }
        // Its page is the one whose /Annots list it is in: the optional /P (ISO 32000-1 §12.5.2,
        // table 164) is an entry of 128-byte key held per link until the save (docs/libharu-notes.md §L25).
        HPDF_Dict_RemoveElement(annot, "P");
        // Links are invisible: no border (libharu's default is a 1 pt black box).
        HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
        if (!doc.check("removing the border of a link" + where)) return false;
        // Nothing changes it from here on: kept as the bytes libharu would write for it.
        if (freezing == PageFreezing::On && !doc.frozen_dicts().freeze_annotation(annot)) HPDF_CheckError(&doc.handle()->error);
        if (!doc.check("keeping a link" + where + " as bytes")) return false;
    }
    return true;
}

}  // namespace reportc::pdf
