// Text: each TextItem is set at its own position with Td + Tj (HPDF_Page_TextOut). Justified
// lines arrive as one item per word, so word spacing (Tw, which CID fonts ignore:
// docs/libharu-notes.md §L7) and HPDF_Page_TextRect are never used. Consecutive items share
// one BT … ET.
#include <algorithm>

#include "pdf/pdf_parts.h"

namespace reportc::pdf {

namespace {

// Font expansion: the glyphs widened or narrowed by the PDF's horizontal scaling (Tz, in per
// cent), which scales the glyphs and their advances but not the positions Td sets, so each word
// still starts where layout put it (PDF 32000-1:2008, 9.3.4).
bool set_horizontal_scaling(PdfDocument& doc, PageState& state, int expansion) {
    const int scaling = 1000 + expansion;
    if (state.horizontal_scaling == scaling) return true;
    HPDF_Page_SetHorizontalScalling(state.page, HPDF_REAL(scaling / 10.0));
    state.horizontal_scaling = scaling;
    return doc.check("setting the horizontal scaling on page " + std::to_string(state.number));
}

bool set_fill(PdfDocument& doc, PageState& state, Color c) {
    if (state.fill == c) return true;
    HPDF_Page_SetRGBFill(state.page, c.r / 255.0f, c.g / 255.0f, c.b / 255.0f);
    state.fill = c;
    return doc.check("setting the text colour on page " + std::to_string(state.number));
}

}  // namespace

bool write_text_run(PdfDocument& doc, FontSet& fonts, PageState& state, std::span<const frame::TextItem* const> items) {
    // Fonts load outside the text object, so a failure never leaves a BT open.
    // Empty items are skipped and do not make a font load (an unused font is never embedded).
    for (const frame::TextItem* item : items)
        if (!item->text.empty() && !fonts.get(item->font)) return false;
    if (std::all_of(items.begin(), items.end(), [](const frame::TextItem* t) { return t->text.empty(); })) return true;

    HPDF_Page_BeginText(state.page);
    if (!doc.check("beginning a text object on page " + std::to_string(state.number))) return false;
    for (const frame::TextItem* item : items) {
        if (item->text.empty()) continue;
        HPDF_Font font = fonts.get(item->font);
        fonts.check_coverage(item->font, item->text);
        const double size = item->size.pt();
        if (font != state.font || size != state.font_size) {
            HPDF_Page_SetFontAndSize(state.page, font, HPDF_REAL(size));
            if (!doc.check("setting font " + std::to_string(item->font) + " at " + format_pt(size) + " pt on page " +
                           std::to_string(state.number)))
                return false;
            state.font = font;
            state.font_size = size;
        }
        if (!set_fill(doc, state, item->color)) return false;
        if (item->tracking.pt() != state.char_space) {
            HPDF_Page_SetCharSpace(state.page, HPDF_REAL(item->tracking.pt()));
            if (!doc.check("setting the character spacing on page " + std::to_string(state.number))) return false;
            state.char_space = item->tracking.pt();
        }
        if (!set_horizontal_scaling(doc, state, item->expansion)) return false;
        HPDF_Page_TextOut(state.page, HPDF_REAL(item->x.pt()), HPDF_REAL(state.pdf_y(item->y)), item->text.c_str());
        if (!doc.check("showing text at " + format_pt(item->x.pt()) + ", " + format_pt(item->y.pt()) + " on page " +
                       std::to_string(state.number)))
            return false;
    }
    HPDF_Page_EndText(state.page);
    return doc.check("ending a text object on page " + std::to_string(state.number));
}

}  // namespace reportc::pdf
