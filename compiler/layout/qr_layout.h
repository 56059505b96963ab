#pragma once
// <qr>: a QR code set as a block, its dark modules one filled path, its area a link when asked.
#include <optional>
#include <vector>

#include "base/geometry.h"
#include "doc/document.h"
#include "frame/frame.h"
#include "layout/vlist.h"
#include "qr/qr.h"

namespace reportc::layout {

struct BlockEnv;
struct LayoutContext;

// The side of the square a QR code takes when none is written.
inline const Length kDefaultQrSize = Length::from_mm(25);

// The side as written ("25mm"), the default when empty; nullopt when malformed or not positive.
std::optional<Length> qr_side(const doc::Qr& qr);

// The symbol `m` drawn in `square` with `quiet_zone` light modules on each side: the dark modules
// as one path of rectangles, filled with `color`. Module edges are rounded to the scaled point
// from the square's side, so neighbouring rectangles meet exactly and the symbol fills the square.
frame::ShapeItem qr_shape(const qr::Matrix& m, int quiet_zone, Rect square, Color color);

// The QR code as one box, aligned in the column (centred by default) and kept with a figure's
// caption after it. Data that cannot be encoded, a malformed size or colour is an error at the
// element; a square wider than the column is set at the column's width with a warning.
void layout_qr(const doc::Qr& qr, const BlockEnv& env, LayoutContext& ctx, std::vector<VItem>& out);

}  // namespace reportc::layout
