// Text: each TextItem is set at its own position with Td + Tj (HPDF_Page_TextOut). Justified
// lines arrive as one item per word, so word spacing (Tw, which CID fonts ignore:
// docs/libharu-notes.md §L7) and HPDF_Page_TextRect are never used. Consecutive items share
// one BT … ET. A kerned item is one TJ array (show_kerned below).
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <algorithm>

#include "base/utf8.h"
#include "pdf/pdf_parts.h"
#include "pdf/pdf_text_ops.h"

namespace reportc::pdf {

namespace {

// "x, y on page n", for a message about an item.
std::string where(const PageState& state, const frame::TextItem& item) {
    return format_pt(item.x.pt()) + ", " + format_pt(item.y.pt()) + " on page " + std::to_string(state.number);
}

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

// The TJ operand for a kerned item: strings of two-byte codes, each code the character's code
// point (Identity-H, docs/libharu-notes.md §L1), with a number wherever the kerning moves the
// pen. ISO 32000-1 §9.4.3: a number in a TJ array moves the next glyph by -number/1000 of the
// text space unit times the font size, so the kerning's milli-em adjustments are written
// negated, exactly. A glyph substitution (a ligature) is one code for its characters, from
// FontSet::glyph_code; its /W width already holds the substitution's delta, so the adjustment
// after it is written without that part.
std::string tj_array(FontSet& fonts, const frame::TextItem& item) {
    static const char* hex = "0123456789ABCDEF";
    std::string out = "[<";
    const std::span<const Kern> kerning = item.kerning.adjustments();
    const std::span<const GlyphSub> subs = item.kerning.substitutions();
    size_t next = 0, next_sub = 0, count = 0;
    int pending = 0;  // the delta of a substitution that ends at `count`
    for (size_t pos = 0; pos < item.text.size();) {
        const size_t start = pos;
        char32_t code = utf8::decode(item.text, pos).value_or(U'\uFFFD');  // validated before (§L3)
        ++count;
        pending = 0;
        while (next_sub < subs.size() && (subs[next_sub].open || subs[next_sub].at < count - 1)) ++next_sub;  // open: plain letters
        if (next_sub < subs.size() && subs[next_sub].at == count - 1) {
            const GlyphSub& s = subs[next_sub++];
            for (uint16_t k = 1; k < s.count && pos < item.text.size(); ++k, ++count) utf8::decode(item.text, pos);
            if (const uint16_t glyph = fonts.glyph_code(item.font, s.glyph, item.text.substr(start, pos - start))) {
                code = glyph;
                pending = s.delta;
            } else {
                pos = start;  // no code left: the letters as they are, one by one
                count -= s.count;
                code = utf8::decode(item.text, pos).value_or(U'\uFFFD');
                ++count;
            }
        }
        for (int shift : {12, 8, 4, 0}) out += hex[(code >> shift) & 15];
        while (next < kerning.size() && kerning[next].at < count) ++next;  // none inside a substitution
        if (next < kerning.size() && kerning[next].at == count) {
            const int milli = kerning[next].milli - pending;
            if (pos < item.text.size() && milli != 0) out.append("> ").append(std::to_string(-milli)).append(" <");
            ++next;
        }
    }
    return out.append(">] TJ\012");
}

// libharu 2.3.0 has no TJ call. Splitting a kerned word at its pairs into strings each placed
// with Td would need only its API but gives PDF readers separate strings inside a word, and
// costs an operator pair per kerning pair; a TJ array keeps the word one string with the
// adjustments inside, as TeX and other typesetters write it. The array is written to the page's
// content stream (the stream libharu's own operators go to, declared in its installed header
// hpdf_pages.h), after libharu itself has moved the text position (Td) and measured the text
// (which marks the glyphs used for the embedded subset and /W, as HPDF_Page_ShowText does). The
// text position libharu tracks afterwards is not used: every item is placed by Td from the
// line matrix, which TJ does not change. The Td is written as libharu writes it (pdf_text_ops.h).
bool show_kerned(PdfDocument& doc, FontSet& fonts, PageState& state, HPDF_Font font, const frame::TextItem& item) {
    if (move_text_to(state.page, HPDF_REAL(item.x.pt()), HPDF_REAL(state.pdf_y(item.y))) != HPDF_OK)
        return doc.check_handle(nullptr, "placing text at " + where(state, item));
    HPDF_Font_TextWidth(font, reinterpret_cast<const HPDF_BYTE*>(item.text.data()), HPDF_UINT(item.text.size()));
    if (!doc.check([&] { return "placing text at " + where(state, item); })) return false;
    auto* attr = static_cast<HPDF_PageAttr>(state.page->attr);
    // A stream write that fails (out of memory) sets libharu's error without calling the handler.
    if (HPDF_Stream_WriteStr(attr->stream, tj_array(fonts, item).c_str()) != HPDF_OK)
        return doc.check_handle(nullptr, "showing text at " + where(state, item));
    return true;
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
        if (!item->kerning.empty()) {
            if (!show_kerned(doc, fonts, state, font, *item)) return false;
            continue;
        }
        // What HPDF_Page_TextOut writes, without its cost per word (pdf_text_ops.h). A stream write
        // that fails (out of memory) sets libharu's error without calling the handler.
        if (text_out(state.page, HPDF_REAL(item->x.pt()), HPDF_REAL(state.pdf_y(item->y)), item->text) != HPDF_OK &&
            !doc.check_handle(nullptr, "showing text at " + where(state, *item)))
            return false;
        if (!doc.check([&] { return "showing text at " + where(state, *item); })) return false;
    }
    HPDF_Page_EndText(state.page);
    return doc.check("ending a text object on page " + std::to_string(state.number));
}

}  // namespace reportc::pdf
