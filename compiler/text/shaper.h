#pragma once
// HarfBuzz behind a pimpl, for text::FontFace::kerning (no other header of this module, and no
// other module, sees HarfBuzz's headers).
#include <cstdint>
#include <memory>
#include <span>

#include "base/bytes.h"
#include "base/kerning.h"

namespace reportc::text {

class Shaper {
public:
    // A shaper over the font file's bytes, which must outlive it. nullptr if HarfBuzz cannot
    // make a font of them.
    static std::unique_ptr<Shaper> create(const FontBytes& bytes);
    ~Shaper();
    Shaper(const Shaper&) = delete;
    Shaper& operator=(const Shaper&) = delete;

    // The kerning of `text` (code points, at most 65535), given the glyph each has through the
    // face's (3,1) cmap: empty when shaping does not give exactly those glyphs, one per code
    // point, in order (see FontFace::kerning).
    Kerning kerning(std::span<const uint32_t> text, std::span<const uint16_t> glyphs);

private:
    struct Impl;
    explicit Shaper(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace reportc::text
