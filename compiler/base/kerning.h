#pragma once
// The kerning of one run of text: where the pen moves by more or less than the glyphs' advances.
//
// Measured by the text module (text::FontFace::kerning, through HarfBuzz), carried by the
// inline module's fragments and the frame's text items, and applied by the PDF writer (a TJ
// array) and the PNG renderer. Adjustments are integers in 1/1000 em, the unit of the PDF's
// /W widths and TJ numbers, so what layout measures is exactly what viewers draw.
//
// The handle is one pointer: text items are copied in bulk and every byte counts (frame.h).
// Most words have no kerning and hold no block; the block, when there is one, is immutable and
// shared by every copy (reference-counted, safe to copy across threads).
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <span>
#include <vector>

namespace reportc {

// After `at` characters (code points) of the run, the pen moves by `milli`/1000 em more than
// the advances (negative: closer). `at` equal to the run's length is a trailing adjustment: the
// kerning with the character that follows in the word, when the run is a piece of it.
struct Kern {
    uint16_t at = 0;
    int16_t milli = 0;
    bool operator==(const Kern&) const = default;
};

// Characters [at, at + count) of the run drawn as one glyph that the characters do not map to
// through the font's cmap: a ligature, or a glyph of an OpenType feature such as smcp or onum
// (text::FontFace::kerning with features on). `glyph` is its index in the font; `delta` its
// advance minus the characters' advances, in 1/1000 em (each floored, docs/libharu-notes.md
// §L4), and that difference is part of the adjustment at at + count, so every measure that adds
// advances and adjustments stays exact. A substitution is `open` when a hyphenation point cut
// the run inside it (slice): it reaches past the run's end, its delta is counted in
// total_milli() only, and it is drawn as the plain characters unless join() closes it again.
struct GlyphSub {
    uint16_t at = 0;
    uint16_t count = 0;
    uint16_t glyph = 0;
    int16_t delta = 0;
    bool open = false;
    bool operator==(const GlyphSub&) const = default;
};

class Kerning {
public:
    Kerning() = default;
    // Adjustments in increasing `at`, none zero; an empty list gives an empty handle.
    explicit Kerning(std::span<const Kern> adjustments);
    // With glyph substitutions too, in increasing `at`, not overlapping.
    Kerning(std::span<const Kern> adjustments, std::span<const GlyphSub> substitutions);
    Kerning(const Kerning& other) : m_block(other.m_block) { retain(); }
    Kerning(Kerning&& other) noexcept : m_block(other.m_block) { other.m_block = nullptr; }
    Kerning& operator=(const Kerning& other) {
        Kerning copy(other);
        std::swap(m_block, copy.m_block);
        return *this;
    }
    Kerning& operator=(Kerning&& other) noexcept {
        std::swap(m_block, other.m_block);
        return *this;
    }
    ~Kerning() { release(); }

    bool empty() const { return m_block == nullptr; }
    std::span<const Kern> adjustments() const;
    std::span<const GlyphSub> substitutions() const;
    // The sum of the adjustments and of the open substitutions' deltas: how much wider the run
    // is set.
    int64_t total_milli() const;

    // The adjustments of characters [first, last) of this run, renumbered from `first`; the one
    // at `last` (the kerning with the next character) is kept as the slice's trailing one. A
    // substitution that starts in the slice and ends after it stays, open; one that starts
    // before `first` is dropped, with its delta (the glyph is broken, as TeX breaks a ligature
    // at a discretionary hyphen).
    Kerning slice(size_t first, size_t last) const;
    // `a` (of `a_length` characters) followed by `b` (of `b_length`): b's adjustments move by
    // a_length, and an adjustment both have at the joint is summed; an open substitution of `a`
    // that ends within the two is closed again, its delta back in the adjustments.
    static Kerning join(const Kerning& a, size_t a_length, const Kerning& b, size_t b_length);

    bool operator==(const Kerning& other) const;

private:
    struct Block;
    // Most words have no kerning: the empty handle is checked here, inline, and only a block
    // is counted out of line (one call per copy and destruction of every fragment otherwise).
    void retain() const {
        if (m_block) retain_block();
    }
    void release() {
        if (m_block) release_block();
    }
    void retain_block() const;
    void release_block();
    Block* m_block = nullptr;
};

// "[3:-74 5:-18]", "[]" when empty; substitutions follow as "1+3=g5044:-16" ("~" for "=" when open).
std::ostream& operator<<(std::ostream& os, const Kerning& k);

}  // namespace reportc
