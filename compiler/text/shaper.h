#pragma once
// HarfBuzz behind a pimpl, for text::FontFace::kerning (no other header of this module, and no
// other module, sees HarfBuzz's headers).
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "base/bytes.h"
#include "base/font_features.h"
#include "base/kerning.h"
#include "text/sfnt.h"

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

    // OpenType features a layout turns on or off (base/font_features.h), applied after the
    // defaults above, so that they override them.
    void set_features(std::span<const FontFeature> features);
    // The kerning of `text` with those features: a glyph the features put in place of one or
    // more characters becomes a GlyphSub (base/kerning.h), given `info` for the glyphs'
    // advances and whether libharu's subset can draw them (docs/libharu-notes.md §L5). When
    // HarfBuzz gives a result that cannot be written so (a character split into several glyphs,
    // a glyph that cannot be drawn), the text is shaped without the features.
    Kerning shape(std::span<const uint32_t> text, std::span<const uint16_t> glyphs, const sfnt::Info& info);
    // Whether the font's GSUB table lists the feature `tag` (base/font_features.h) for any
    // script: a feature it lacks changes nothing when turned on.
    bool has_substitution(uint32_t tag) const;

private:
    struct Impl;
    explicit Shaper(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace reportc::text
