#pragma once
// One TrueType font file, measured exactly as libharu 2.3.0 will set it in the PDF.
//
// Everything here mirrors what the pdf module's libharu calls will do with the same file, so
// that layout and output agree to the unit: widths are the truncated /W values (notes §4,
// pitfall 14), coverage excludes what 2.3.0 silently drops or boxes (notes §1, pitfalls 9-10),
// and files that would crash or silently fail inside libharu are refused here, with a message
// (pitfall 11). FreeType stays behind the pimpl: other modules must not see its headers.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/length.h"

namespace reportc::text {

class FontFace {
public:
    // nullptr and a message in `error` on failure ("cannot open font file 'x': …", or for a missing
    // file without an extension "expected the path of a font file …", "font 'x' has
    // units-per-em 0", "font 'x' is not a TrueType (glyf) font", "font 'x' is truncated …");
    // never crashes on a bad file.
    static std::unique_ptr<FontFace> load(const std::string& path, std::string& error);
    ~FontFace();
    FontFace(const FontFace&) = delete;
    FontFace& operator=(const FontFace&) = delete;

    const std::string& path() const;
    const std::string& postscript_name() const;  // e.g. "LiberationSans-Bold"
    int units_per_em() const;

    // False for characters libharu 2.3.0 cannot render: outside the BMP (turned into spaces),
    // no entry in the (3,1) cmap (.notdef box), or a composite glyph with a composite component
    // (2.3.0 drops the second level from the subset; DejaVu Sans has ~612 such characters).
    bool has_glyph(char32_t cp) const;

    // Advance in 1/1000 em exactly as libharu and the PDF /W array: floor(adv * 1000 / upem).
    // For a character the face lacks this is the .notdef advance (what libharu measures and
    // draws); outside the BMP it is the space's advance (libharu substitutes U+0020).
    int advance(char32_t cp) const;

    // Vertical metrics in 1/1000 em, truncated toward zero like libharu's /Ascent and /Descent
    // (hhea ascender/descender; the OS/2 typo values only when hhea has both at zero).
    int ascender() const;
    int descender() const;  // negative
    // OS/2 sCapHeight / sxHeight when the table is version 2+ and the value is nonzero, else
    // the top of the glyph for 'H' / 'x' (0 if the font has no such glyph).
    int cap_height() const;
    int x_height() const;

    // Sum of advances * size / 1000, no kerning (libharu writes none). Invalid UTF-8 bytes are
    // measured as U+FFFD, the character FontRegistry::segment() replaces them with.
    Length width(std::string_view utf8, Length size) const;
    // Sum of advances in 1/1000 em, for callers that scale once per run.
    int64_t width_milli(std::string_view utf8) const;

private:
    struct Impl;
    explicit FontFace(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace reportc::text
