// Images: each decoded image embedded once, at its first use, then drawn wherever it is used
// (one image object however many pages show it). Only what the image module decoded and
// checked reaches libharu: PNGs as raw samples (libharu's own PNG reader aborts the process on
// a damaged file and draws 16-bit images half, docs/libharu-notes.md §L17) with the alpha plane
// as an SMask, JPEGs as their own bytes (DCT), which decoded cleanly.
#include <hpdf_objects.h>

#include "image/image.h"
#include "pdf/pdf_parts.h"

namespace reportc::pdf {
namespace {

HPDF_ColorSpace color_space(image::ColorSpace c) {
    switch (c) {
        case image::ColorSpace::Gray: return HPDF_CS_DEVICE_GRAY;
        case image::ColorSpace::Rgb: return HPDF_CS_DEVICE_RGB;
        case image::ColorSpace::Cmyk: return HPDF_CS_DEVICE_CMYK;
    }
    return HPDF_CS_DEVICE_RGB;
}

// Adobe's CMYK JPEGs store inverted samples; the image needs /Decode [1 0 1 0 1 0 1 0] to be
// read back (ISO 32000-1 §8.9.5.2, Decode arrays).
void invert_cmyk(PdfDocument& doc, HPDF_Image image) {
    HPDF_Array decode = HPDF_Array_New(doc.handle()->mmgr);
    for (int i = 0; i < 4; ++i) {
        HPDF_Array_AddReal(decode, 1);
        HPDF_Array_AddReal(decode, 0);
    }
    HPDF_Dict_Add(image, "Decode", decode);
}

HPDF_Image load(PdfDocument& doc, const image::Image& img) {
    if (img.jpeg) {
        HPDF_Image image = HPDF_LoadJpegImageFromMem(doc.handle(), reinterpret_cast<const HPDF_BYTE*>(img.jpeg->data()),
                                                     HPDF_UINT(img.jpeg->size()));
        if (image && img.inverted_cmyk) invert_cmyk(doc, image);
        return image;
    }
    HPDF_Image image = HPDF_LoadRawImageFromMem(doc.handle(), img.samples.data(), img.width, img.height, color_space(img.color), 8);
    if (image && !img.alpha.empty()) {
        HPDF_Image mask = HPDF_LoadRawImageFromMem(doc.handle(), img.alpha.data(), img.width, img.height, HPDF_CS_DEVICE_GRAY, 8);
        if (mask) HPDF_Image_AddSMask(image, mask);
    }
    return image;
}

}  // namespace

bool write_image(PdfDocument& doc, ImageObjects& images, PageState& state, const frame::ImageItem& item) {
    if (!item.image()) return true;
    const std::string where = "the image '" + item.path() + "' on page " + std::to_string(state.number);
    HPDF_Image& image = images[item.path()];
    if (!image) {
        image = load(doc, *item.image());
        if (!doc.check_handle(image, "embedding " + where)) return false;
    }
    HPDF_Page page = state.page;
    HPDF_Page_GSave(page);
    if (const auto clip = item.clip()) {
        const Rect& c = *clip;
        HPDF_Page_Rectangle(page, HPDF_REAL(c.x.pt()), HPDF_REAL(state.pdf_y(c.y + c.height)), HPDF_REAL(c.width.pt()),
                            HPDF_REAL(c.height.pt()));
        HPDF_Page_Clip(page);
        HPDF_Page_EndPath(page);
    }
    const Rect& r = item.rect;
    HPDF_Page_DrawImage(page, image, HPDF_REAL(r.x.pt()), HPDF_REAL(state.pdf_y(r.y + r.height)), HPDF_REAL(r.width.pt()),
                        HPDF_REAL(r.height.pt()));
    HPDF_Page_GRestore(page);
    return doc.check("drawing " + where);
}

}  // namespace reportc::pdf
