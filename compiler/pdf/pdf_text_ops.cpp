#include "pdf/pdf_text_ops.h"

#include <hpdf_consts.h>
#include <hpdf_font.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <hpdf_utils.h>

#include <cstring>

#include "base/utf8.h"

namespace reportc::pdf {

namespace {

// Where writing the operators here gives what libharu writes (docs/libharu-notes.md §L27): inside
// a text object, with a text matrix that only translates, so that libharu's conversion of an
// absolute position to a Td operand (its TextPos_AbsToRel) is a plain subtraction in floats.
bool plain_text_state(HPDF_PageAttr attr) {
    const HPDF_TransMatrix& m = attr->text_matrix;
    return attr->gmode == HPDF_GMODE_TEXT_OBJECT && m.a == 1 && m.b == 0 && m.c == 0 && m.d == 1;
}

// A Type0 TrueType font through libharu's "UTF-8" encoder: its strings are each character's code
// point in two bytes, written in hex (§L1), whatever lies outside the BMP written as a space.
bool utf8_type0_font(HPDF_Font font) {
    if (!font) return false;
    const auto* attr = static_cast<HPDF_FontAttr>(font->attr);
    return attr->type == HPDF_FONT_TYPE0_TT && attr->encoder && std::strcmp(attr->encoder->name, "UTF-8") == 0;
}

// "x y Td\012" as HPDF_Page_MoveTextPos formats it (HPDF_FToA: at most five decimals, trailing
// zeros dropped). Each number is clamped to HPDF_LIMIT_MAX_REAL (32767): "-32767.12345" twice, a
// space and " Td\012" fit in kMoveBytes with room to spare.
constexpr size_t kMoveBytes = 64;
struct Move {
    HPDF_REAL dx = 0, dy = 0;  // the operands, from the start of the current line
    char bytes[kMoveBytes];
    size_t size = 0;
};

Move format_move(HPDF_PageAttr attr, HPDF_REAL x, HPDF_REAL y) {
    Move move;
    move.dx = x - attr->text_matrix.x;
    move.dy = y - attr->text_matrix.y;
    char* const last = move.bytes + kMoveBytes - 5;  // the last byte HPDF_FToA may write
    char* out = HPDF_FToA(move.bytes, move.dx, last);
    *out++ = ' ';
    out = HPDF_FToA(out, move.dy, last);
    std::memcpy(out, " Td\012", 4);
    move.size = size_t(out + 4 - move.bytes);
    return move;
}

// The text matrix and position moved as HPDF_Page_MoveTextPos moves them, once the Td is written.
void apply_move(HPDF_PageAttr attr, const Move& move) {
    attr->text_matrix.x += move.dx * attr->text_matrix.a + move.dy * attr->text_matrix.c;
    attr->text_matrix.y += move.dy * attr->text_matrix.d + move.dx * attr->text_matrix.b;
    attr->text_pos.x = attr->text_matrix.x;
    attr->text_pos.y = attr->text_matrix.y;
}

// "<…> Tj\012": each character as libharu's UTF-8 encoder gives it (§L1, §L3). False for a string
// that is not valid UTF-8 (the pdf module refuses those before drawing; libharu's own mangling of
// them is left to libharu).
bool append_shown(std::string& out, const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    out += '<';
    for (size_t pos = 0; pos < text.size();) {
        const std::optional<char32_t> decoded = utf8::decode(text, pos);
        if (!decoded) return false;
        const char32_t code = *decoded > 0xFFFF ? U' ' : *decoded;
        for (int shift : {12, 8, 4, 0}) out += hex[(code >> shift) & 15];
    }
    out.append("> Tj\012");
    return true;
}

HPDF_STATUS write(HPDF_PageAttr attr, const char* bytes, size_t size) {
    return HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(bytes), HPDF_UINT(size));
}

HPDF_STATUS write_move(HPDF_PageAttr attr, const Move& move) {
    const HPDF_STATUS status = write(attr, move.bytes, move.size);
    if (status == HPDF_OK) apply_move(attr, move);
    return status;
}

}  // namespace

HPDF_STATUS move_text_to(HPDF_Page page, HPDF_REAL x, HPDF_REAL y) {
    auto* attr = static_cast<HPDF_PageAttr>(page->attr);
    if (!plain_text_state(attr)) {
        const HPDF_TransMatrix line = HPDF_Page_GetTextMatrix(page);
        return HPDF_Page_MoveTextPos(page, x - line.x, y - line.y);
    }
    return write_move(attr, format_move(attr, x, y));
}

HPDF_STATUS text_out(HPDF_Page page, HPDF_REAL x, HPDF_REAL y, const std::string& text) {
    auto* attr = static_cast<HPDF_PageAttr>(page->attr);
    if (!plain_text_state(attr) || !utf8_type0_font(attr->gstate->font) || attr->gstate->writing_mode != HPDF_WMODE_HORIZONTAL ||
        text.empty() || text.size() > HPDF_LIMIT_MAX_STRING_LEN || text.find('\0') != std::string::npos)
        return HPDF_Page_TextOut(page, x, y, text.c_str());
    // One buffer a thread, for the strings of every page it draws.
    thread_local std::string out;
    out.clear();
    if (!append_shown(out, text)) return HPDF_Page_TextOut(page, x, y, text.c_str());
    // Measured as HPDF_Page_ShowText measures it (which marks the glyphs the subset keeps); a
    // string it measures as zero wide it does not show, after the Td all the same.
    const HPDF_REAL width = HPDF_Page_TextWidth(page, text.c_str());
    const Move move = format_move(attr, x, y);
    if (width == 0) return write_move(attr, move);
    out.insert(0, move.bytes, move.size);
    if (HPDF_STATUS status = write(attr, out.data(), out.size()); status != HPDF_OK) return status;
    apply_move(attr, move);
    attr->text_pos.x += width * attr->text_matrix.a;
    attr->text_pos.y += width * attr->text_matrix.b;
    return HPDF_OK;
}

}  // namespace reportc::pdf
