// The outline (bookmarks): a tree built from OutlineEntry levels, titles through the UTF-8
// encoder (a NULL encoder writes raw bytes, docs/libharu-notes.md §L10), each pointing at its
// anchor.
#include <hpdf_doc.h>
#include <hpdf_error.h>

#include "pdf/pdf_parts.h"

namespace reportc::pdf {

bool write_outline(PdfDocument& doc, const std::vector<HPDF_Page>& pages, const Anchors& anchors,
                   const std::vector<frame::OutlineEntry>& outline, bool show_outline, PageFreezing freezing) {
    HPDF_Doc pdf = doc.handle();
    // open[k] is the innermost open entry at depth k+1; an entry at level L hangs under the
    // nearest open entry of a smaller level, so a jump from 1 to 3 nests under the 1.
    struct Open {
        int level;
        HPDF_Outline node;
    };
    std::vector<Open> open;
    std::vector<HPDF_Outline> made;
    for (size_t i = 0; i < outline.size(); ++i) {
        const frame::OutlineEntry& entry = outline[i];
        const std::string where = "outline entry " + std::to_string(i + 1) + " \"" + entry.title + "\"";
        while (!open.empty() && open.back().level >= entry.level) open.pop_back();
        HPDF_Outline parent = open.empty() ? nullptr : open.back().node;

        const AnchorTarget* target = anchors.find(entry.anchor);
        if (!target) {
            doc.diags().error(Span{}, "pdf: " + where + " points to anchor \"" + entry.anchor + "\", which no page defines");
            continue;
        }
        HPDF_Outline node = HPDF_CreateOutline(pdf, parent, entry.title.c_str(), doc.utf8());
        if (!doc.check_handle(node, "creating " + where)) return false;
        HPDF_Destination dst = make_destination(doc, pages, *target);
        if (!dst) return false;
        HPDF_Outline_SetDestination(node, dst);
        // Top-level entries open, so the panel shows the chapters and their sections.
        if (entry.level <= 1) HPDF_Outline_SetOpened(node, HPDF_TRUE);
        if (!doc.check("linking " + where + " to its anchor")) return false;
        open.push_back({entry.level, node});
        made.push_back(node);
    }
    // Nothing changes the outline from here on: kept as the bytes libharu would write for it.
    if (freezing == PageFreezing::On && !made.empty()) {
        if (!doc.frozen_dicts().freeze_outline(pdf->outlines, made)) HPDF_CheckError(&pdf->error);
        if (!doc.check("keeping the outline as bytes")) return false;
    }
    if (show_outline) {
        HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);
        if (!doc.check("setting the page mode to show the outline")) return false;
    }
    return true;
}

}  // namespace reportc::pdf
