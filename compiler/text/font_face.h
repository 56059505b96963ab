#pragma once
// One TrueType font file, measured exactly as libharu 2.3.0 will set it in the PDF.
//
// Everything here mirrors what the pdf module's libharu calls will do with the same file, so
// that layout and output agree to the unit (docs/libharu-notes.md): widths are the truncated
// /W values (§L4), coverage excludes what 2.3.0 silently drops or boxes (§L2, §L3, §L5), and
// files that would crash or silently fail inside libharu are refused here, with a message
// (§L12). FreeType stays behind the pimpl: other modules must not see its headers.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/bytes.h"
#include "base/font_features.h"
#include "base/kerning.h"
#include "base/length.h"

namespace reportc::text {

using FontBytes = reportc::FontBytes;

class FontFace {
public:
    // The face over `bytes`, the whole font file, which the face shares (FreeType reads from it
    // for the face's lifetime) and hands on through bytes(). `path` only names the font in
    // messages and in the PDF writer's; nothing is read from it. nullptr and a message in `error`
    // on failure ("font 'x' has units-per-em 0", "font 'x' is not a TrueType (glyf) font",
    // "font 'x' is truncated …"); never crashes on bad bytes.
    static std::unique_ptr<FontFace> load(const std::string& path, FontBytes bytes, std::string& error);
    ~FontFace();
    FontFace(const FontFace&) = delete;
    FontFace& operator=(const FontFace&) = delete;

    const std::string& path() const;
    const FontBytes& bytes() const;  // the file's bytes, for the PDF writer and the renderer
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

    // Where superscripts and subscripts go, in 1/1000 em: the size of the smaller text and how
    // far its baseline moves (up for a superscript, down for a subscript; both positive). From
    // OS/2 ySuperscriptYSize/YOffset and ySubscriptYSize/YOffset; a font without OS/2 or with
    // zero sizes gets 650 (size), 350 (superscript raised) and 150 (subscript lowered).
    struct Script {
        int size = 0, offset = 0;
    };
    Script superscript() const;
    Script subscript() const;
    // A decoration line in 1/1000 em: its centre above the baseline (negative below) and its
    // thickness. Underline from 'post' underlinePosition (the top of the stroke, as the
    // OpenType spec defines it) and underlineThickness; strike-through from OS/2
    // yStrikeoutPosition (also the top) and yStrikeoutSize. Missing or zero values: an
    // underline 100 below the baseline, a strike-through at half the x-height, both 50 thick.
    struct Stroke {
        int position = 0, thickness = 0;
    };
    Stroke underline() const;
    Stroke strikeout() const;

    // Sum of advances * size / 1000, without kerning (see kerning()). Invalid UTF-8 bytes are
    // measured as U+FFFD, the character FontRegistry::segment() replaces them with.
    Length width(std::string_view utf8, Length size) const;
    // Sum of advances in 1/1000 em, for callers that scale once per run.
    int64_t width_milli(std::string_view utf8) const;

    // The kerning of `utf8` set as one word in this face: HarfBuzz shapes it with the font's
    // GPOS 'kern' feature (or, for a font without GPOS kerning, its legacy 'kern' table) and
    // nothing else that moves or replaces glyphs (no ligatures, no contextual alternates), and
    // each glyph's advance minus its hmtx advance is kept, rounded to 1/1000 em (the unit of
    // the PDF's TJ numbers and of advance()). Empty when kerning is off, when the text has no
    // pairs, when shaping did not give one glyph per character (decomposed or composed marks:
    // the PDF codes are characters, docs/libharu-notes.md §L1) or for runs over 65535
    // characters. Invalid UTF-8 is shaped as U+FFFD, characters outside the BMP as spaces
    // (what advance() measures). Results are kept per text: words repeat.
    Kerning kerning(std::string_view utf8) const;
    // On by default; a layout turns it off per font family (<font-family kerning="false">).
    void set_kerning(bool on);
    // OpenType features (liga, smcp, onum, -kern, ...) a layout turns on or off for the face
    // (<font-family font-features="...">): kerning() then also gives the glyphs they put in place
    // of characters (GlyphSub, base/kerning.h). None by default: kerning only.
    void set_features(std::vector<FontFeature> features);
    const std::vector<FontFeature>& features() const;
    bool kerning_on() const;

    // Real small capitals, for font-variant: small-caps (docs/layout-format.md): whether the
    // font's GSUB has the OpenType 'smcp' feature, and the kerning of `utf8` shaped as
    // kerning() shapes it with 'smcp' on too, its small-capital glyphs as GlyphSubs. A letter the
    // feature does not replace, or whose glyph libharu cannot draw (Shaper::shape: the whole
    // text is then shaped without the features), stays as it is: the caller checks the result.
    bool has_small_caps() const;
    Kerning small_caps_kerning(std::string_view utf8) const;

    // How many texts' kerning the face holds for kerning() and small_caps_kerning(): at most
    // 2 x KerningCache::kTexts each, however many distinct texts were shaped (text/kerning_cache.h).
    size_t kerning_texts_held() const;

private:
    struct Impl;
    explicit FontFace(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace reportc::text
