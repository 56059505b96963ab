// Shapes: vector paths, filled and/or stroked. Colours and line width are set before the path
// is built: libharu rejects them inside a path object with PAGE_INVALID_GMODE and that error
// poisons the whole document (docs/libharu-notes.md §L9, §L8).
#include "pdf/pdf_parts.h"

namespace reportc::pdf {

namespace {

HPDF_REAL rgb(uint8_t v) { return HPDF_REAL(v / 255.0f); }

}  // namespace

bool write_shape(PdfDocument& doc, PageState& state, const frame::ShapeItem& shape) {
    if (shape.path.empty() || (!shape.fill && !shape.stroke)) return true;  // nothing to paint
    HPDF_Page page = state.page;
    const std::string where = " for a shape on page " + std::to_string(state.number);

    if (shape.fill && state.fill != *shape.fill) {
        HPDF_Page_SetRGBFill(page, rgb(shape.fill->r), rgb(shape.fill->g), rgb(shape.fill->b));
        state.fill = *shape.fill;
    }
    if (shape.stroke) {
        if (state.stroke != *shape.stroke) {
            HPDF_Page_SetRGBStroke(page, rgb(shape.stroke->r), rgb(shape.stroke->g), rgb(shape.stroke->b));
            state.stroke = *shape.stroke;
        }
        const double width = shape.line_width.pt();
        if (state.line_width != width) {
            HPDF_Page_SetLineWidth(page, HPDF_REAL(width));
            state.line_width = width;
        }
    }
    if (!doc.check("setting colours and line width" + where)) return false;

    for (const frame::PathCommand& cmd : shape.path) {
        const Point* p = cmd.points;
        switch (cmd.kind) {
        case frame::PathCommand::Kind::MoveTo:
            HPDF_Page_MoveTo(page, HPDF_REAL(p[0].x.pt()), HPDF_REAL(state.pdf_y(p[0].y)));
            break;
        case frame::PathCommand::Kind::LineTo:
            HPDF_Page_LineTo(page, HPDF_REAL(p[0].x.pt()), HPDF_REAL(state.pdf_y(p[0].y)));
            break;
        case frame::PathCommand::Kind::CurveTo:
            HPDF_Page_CurveTo(page, HPDF_REAL(p[0].x.pt()), HPDF_REAL(state.pdf_y(p[0].y)), HPDF_REAL(p[1].x.pt()),
                              HPDF_REAL(state.pdf_y(p[1].y)), HPDF_REAL(p[2].x.pt()), HPDF_REAL(state.pdf_y(p[2].y)));
            break;
        case frame::PathCommand::Kind::Close:
            HPDF_Page_ClosePath(page);
            break;
        }
    }
    if (!doc.check("building the path" + where)) return false;

    const bool even_odd = shape.fill_rule == frame::FillRule::EvenOdd;
    if (shape.fill && shape.stroke)
        even_odd ? HPDF_Page_EofillStroke(page) : HPDF_Page_FillStroke(page);
    else if (shape.fill)
        even_odd ? HPDF_Page_Eofill(page) : HPDF_Page_Fill(page);
    else
        HPDF_Page_Stroke(page);
    return doc.check("painting the path" + where);
}

}  // namespace reportc::pdf
