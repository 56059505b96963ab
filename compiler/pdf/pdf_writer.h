#pragma once
// The PDF exporter: frames -> PDF bytes (through libharu, which stays behind this header).
#include <optional>
#include <string>

#include "base/diagnostic.h"
#include "frame/frame.h"

namespace reportc::pdf {

// Returns the complete PDF file, or nullopt after recording at least one "pdf: …" error in
// `diags`. Warnings (e.g. characters a font has no glyph for) do not stop the write.
//
// Guarantees: fonts are embedded as subsets and loaded only when an item uses them; text is
// extractable (working ToUnicode CMaps); every string is checked to be valid UTF-8 before it
// reaches libharu; the same document gives byte-identical output (no /ID, dates from
// info.creation_epoch; without it the current time is used, so pin it for reproducible builds).
std::optional<std::string> write_pdf(const frame::FrameDocument& doc, Diagnostics& diags);

}  // namespace reportc::pdf
