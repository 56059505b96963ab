#include "text/shaper.h"

#include <hb-ot.h>
#include <hb.h>

#include <cmath>
#include <vector>

namespace reportc::text {
namespace {

// Kerning only: 'kern' on (HarfBuzz applies GPOS 'kern', or the legacy 'kern' table when GPOS
// has no kerning); everything HarfBuzz would otherwise turn on by default that replaces glyphs
// off, so each character keeps its cmap glyph and the PDF can name glyphs by character
// (docs/libharu-notes.md §L1). 'mark'/'mkmk' only move marks (offsets, which we do not use).
const hb_feature_t kFeatures[] = {
    {HB_TAG('k', 'e', 'r', 'n'), 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
    {HB_TAG('l', 'i', 'g', 'a'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
    {HB_TAG('c', 'l', 'i', 'g'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
    {HB_TAG('c', 'a', 'l', 't'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
    {HB_TAG('r', 'l', 'i', 'g'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
    {HB_TAG('c', 'c', 'm', 'p'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
    {HB_TAG('l', 'o', 'c', 'l'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
};

}  // namespace

struct Shaper::Impl {
    hb_blob_t* blob = nullptr;
    hb_face_t* face = nullptr;
    hb_font_t* font = nullptr;
    hb_buffer_t* buffer = nullptr;
    int upem = 0;
    std::vector<hb_feature_t> features;  // kFeatures, then the layout's

    ~Impl() {
        if (buffer) hb_buffer_destroy(buffer);
        if (font) hb_font_destroy(font);
        if (face) hb_face_destroy(face);
        if (blob) hb_blob_destroy(blob);
    }
};

Shaper::Shaper(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Shaper::~Shaper() = default;

std::unique_ptr<Shaper> Shaper::create(const FontBytes& bytes) {
    if (!bytes || bytes->empty()) return nullptr;
    auto impl = std::make_unique<Impl>();
    impl->blob = hb_blob_create(bytes->data(), unsigned(bytes->size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    impl->face = hb_face_create(impl->blob, 0);
    impl->upem = int(hb_face_get_upem(impl->face));
    if (impl->upem <= 0) return nullptr;
    impl->font = hb_font_create(impl->face);
    // Positions in font units: the adjustments are then converted once, like the advances.
    hb_font_set_scale(impl->font, impl->upem, impl->upem);
    impl->features.assign(std::begin(kFeatures), std::end(kFeatures));
    impl->buffer = hb_buffer_create();
    if (!hb_buffer_allocation_successful(impl->buffer)) return nullptr;
    return std::unique_ptr<Shaper>(new Shaper(std::move(impl)));
}

Kerning Shaper::kerning(std::span<const uint32_t> text, std::span<const uint16_t> glyphs) {
    if (text.size() < 2 || text.size() > UINT16_MAX || glyphs.size() != text.size()) return {};
    hb_buffer_t* buf = m_impl->buffer;
    hb_buffer_clear_contents(buf);
    hb_buffer_add_codepoints(buf, text.data(), int(text.size()), 0, int(text.size()));
    // Our lines run left to right; the script and language come from the text.
    hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
    hb_buffer_guess_segment_properties(buf);
    hb_shape(m_impl->font, buf, kFeatures, sizeof kFeatures / sizeof kFeatures[0]);

    unsigned count = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &count);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &count);
    if (count != text.size()) return {};
    std::vector<Kern> out;
    for (unsigned i = 0; i < count; ++i) {
        if (info[i].cluster != i || info[i].codepoint != glyphs[i]) return {};
        const hb_position_t natural = hb_font_get_glyph_h_advance(m_impl->font, info[i].codepoint);
        const hb_position_t delta = pos[i].x_advance - natural;
        if (delta == 0) continue;
        // Rounded to the nearest 1/1000 em (advances are floored, §L4, because libharu floors
        // the /W widths; the TJ numbers are ours to choose, and the nearest is the font's).
        const long milli = std::lround(double(delta) * 1000.0 / m_impl->upem);
        if (milli != 0) out.push_back({uint16_t(i + 1), int16_t(milli)});
    }
    return Kerning(out);
}

void Shaper::set_features(std::span<const FontFeature> features) {
    m_impl->features.assign(std::begin(kFeatures), std::end(kFeatures));
    for (const FontFeature& f : features)
        m_impl->features.push_back({hb_tag_t(f.tag), f.on ? 1u : 0u, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END});
}

Kerning Shaper::shape(std::span<const uint32_t> text, std::span<const uint16_t> glyphs, const sfnt::Info& info) {
    if (text.empty() || text.size() > UINT16_MAX || glyphs.size() != text.size()) return {};
    if (m_impl->features.size() == sizeof kFeatures / sizeof kFeatures[0]) return kerning(text, glyphs);
    hb_buffer_t* buf = m_impl->buffer;
    hb_buffer_clear_contents(buf);
    hb_buffer_add_codepoints(buf, text.data(), int(text.size()), 0, int(text.size()));
    hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
    hb_buffer_guess_segment_properties(buf);
    // Clusters of whole characters: a ligature's cluster is its first character.
    hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
    hb_shape(m_impl->font, buf, m_impl->features.data(), unsigned(m_impl->features.size()));

    unsigned count = 0;
    const hb_glyph_info_t* glyph_info = hb_buffer_get_glyph_infos(buf, &count);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &count);
    const auto milli_of = [&](uint32_t glyph) { return glyph < info.milli_advance.size() ? info.milli_advance[glyph] : 0; };
    std::vector<Kern> kerns;
    std::vector<GlyphSub> subs;
    for (unsigned i = 0; i < count; ++i) {
        const uint32_t first = glyph_info[i].cluster;
        const uint32_t end = i + 1 < count ? glyph_info[i + 1].cluster : uint32_t(text.size());
        const uint32_t glyph = glyph_info[i].codepoint;
        // One glyph per cluster of one or more characters, in order; anything else (a character
        // decomposed into several glyphs, marks reordered) has no GlyphSub form.
        if (end <= first || end > text.size() || (i == 0 && first != 0)) return kerning(text, glyphs);
        const hb_position_t natural = hb_font_get_glyph_h_advance(m_impl->font, glyph);
        long milli = std::lround(double(pos[i].x_advance - natural) * 1000.0 / m_impl->upem);
        if (end - first != 1 || glyph != glyphs[first]) {
            // A glyph reached by its index only: libharu adds it to the subset but not the parts
            // of a composite (docs/libharu-notes.md §L5), so only a simple glyph will do.
            if (glyph == 0 || glyph >= info.renderable.size() || info.renderable[glyph] != 1) return kerning(text, glyphs);
            int letters = 0;
            for (uint32_t c = first; c < end; ++c) letters += milli_of(glyphs[c]);
            const int delta = milli_of(glyph) - letters;
            subs.push_back({uint16_t(first), uint16_t(end - first), uint16_t(glyph), int16_t(delta), false});
            milli += delta;
        }
        if (milli != 0) kerns.push_back({uint16_t(end), int16_t(milli)});
    }
    return Kerning(kerns, subs);
}

bool Shaper::has_substitution(uint32_t tag) const {
    hb_tag_t tags[64];
    for (unsigned start = 0;;) {
        unsigned count = 64;
        const unsigned total = hb_ot_layout_table_get_feature_tags(m_impl->face, HB_OT_TAG_GSUB, start, &count, tags);
        for (unsigned i = 0; i < count; ++i)
            if (tags[i] == hb_tag_t(tag)) return true;
        start += count;
        if (count == 0 || start >= total) return false;
    }
}

}  // namespace reportc::text
