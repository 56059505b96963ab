#include "text/font_face.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H
#include FT_TRUETYPE_TABLES_H

#include <array>
#include <cstdlib>
#include <span>
#include <unordered_map>
#include <vector>

#include "base/utf8.h"
#include "text/kerning_cache.h"
#include "text/sfnt.h"
#include "text/shaper.h"

namespace reportc::text {
namespace {

constexpr uint16_t kUnknownGid = 0xFFFF;  // cache sentinel; real glyph ids are < numGlyphs <= 65535

// 1/1000 em truncated toward zero, as libharu computes /Ascent, /Descent and the bbox.
int milli(int units, int upem) { return int(int64_t(units) * 1000 / upem); }

// Fallbacks for fonts whose tables lack the values (documented in font_face.h).
constexpr FontFace::Script kSuperscript{650, 350}, kSubscript{650, 150};
constexpr int kStrokeThickness = 50, kUnderlinePosition = -100;

}  // namespace

struct FontFace::Impl {
    std::string path, postscript_name;
    FontBytes bytes;  // FreeType reads from these until ~Impl's body has freed the face
    sfnt::Info info;
    FT_Library library = nullptr;
    FT_Face face = nullptr;
    int ascender = 0, descender = 0, cap_height = 0, x_height = 0;
    FontFace::Script superscript, subscript;
    FontFace::Stroke underline, strikeout;
    // Glyph id per BMP code point through the (3,1) cmap, filled on first use.
    mutable std::vector<uint16_t> gid_cache = std::vector<uint16_t>(0x10000, kUnknownGid);
    // The advance of each ASCII character, most of the text measured: one load per character
    // in width_milli() instead of the glyph id's and then its advance's. Filled by load().
    std::array<int, 128> ascii_advance{};
    bool kerning = true;
    std::vector<FontFeature> features;  // the layout's (set_features)
    // HarfBuzz, made on the first kerning() call, and the kerning of each text shaped so far.
    mutable std::unique_ptr<Shaper> shaper;
    mutable bool shaper_failed = false;
    mutable KerningCache kerning_cache;
    // The same with 'smcp' on (small_caps_kerning), made on first use; cleared with the features.
    mutable std::unique_ptr<Shaper> small_caps_shaper;
    mutable bool small_caps_known = false, small_caps_found = false;
    mutable KerningCache small_caps_cache;
    Shaper* small_caps() const;
    void forget_small_caps() {
        small_caps_shaper.reset();
        small_caps_known = small_caps_found = false;
        small_caps_cache.clear();
    }

    void read_script_and_strokes();

    Kerning shape_kerning(std::string_view utf8) const;

    ~Impl() {
        shaper.reset();
        if (face) FT_Done_Face(face);
        if (library) FT_Done_FreeType(library);
    }

    uint16_t gid(char32_t cp) const {
        if (cp > 0xFFFF) return 0;
        uint16_t& slot = gid_cache[cp];
        if (slot == kUnknownGid) {
            FT_UInt g = FT_Get_Char_Index(face, FT_ULong(cp));
            slot = g < FT_UInt(info.num_glyphs) ? uint16_t(g) : 0;
        }
        return slot;
    }

    // Top of the glyph for `cp` in font units, for fonts whose OS/2 lacks cap/x height.
    int glyph_top(char32_t cp) const {
        uint16_t g = gid(cp);
        if (g == 0 || FT_Load_Glyph(face, g, FT_LOAD_NO_SCALE) != 0) return 0;
        if (face->glyph->format != FT_GLYPH_FORMAT_OUTLINE) return 0;
        FT_BBox box;
        FT_Outline_Get_CBox(&face->glyph->outline, &box);
        return int(box.yMax);
    }
};

namespace {

// The tables' positions name the top of a stroke; a centre is what a line is drawn through.
FontFace::Stroke stroke_from_top(int top, int thickness, int upem) {
    return {milli(top, upem) - milli(thickness, upem) / 2, milli(thickness, upem)};
}

}  // namespace

void FontFace::Impl::read_script_and_strokes() {
    Impl& impl = *this;
    const int upem = impl.info.units_per_em;
    impl.superscript = kSuperscript;
    impl.subscript = kSubscript;
    impl.underline = {kUnderlinePosition, kStrokeThickness};
    impl.strikeout = {impl.x_height / 2, kStrokeThickness};
    if (const auto* os2 = static_cast<const TT_OS2*>(FT_Get_Sfnt_Table(impl.face, FT_SFNT_OS2)); os2 && os2->version != 0xFFFF) {
        // A subscript's offset is "down from the baseline"; some fonts write it negative.
        if (os2->ySuperscriptYSize > 0)
            impl.superscript = {milli(os2->ySuperscriptYSize, upem), milli(std::abs(os2->ySuperscriptYOffset), upem)};
        if (os2->ySubscriptYSize > 0)
            impl.subscript = {milli(os2->ySubscriptYSize, upem), milli(std::abs(os2->ySubscriptYOffset), upem)};
        if (os2->yStrikeoutSize > 0) impl.strikeout = stroke_from_top(os2->yStrikeoutPosition, os2->yStrikeoutSize, upem);
    }
    if (const auto* post = static_cast<const TT_Postscript*>(FT_Get_Sfnt_Table(impl.face, FT_SFNT_POST));
        post && post->underlineThickness > 0)
        impl.underline = stroke_from_top(post->underlinePosition, post->underlineThickness, upem);
}

std::unique_ptr<FontFace> FontFace::load(const std::string& path, FontBytes bytes, std::string& error) {
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->bytes = bytes ? std::move(bytes) : std::make_shared<const std::string>();
    const std::span<const uint8_t> data(reinterpret_cast<const uint8_t*>(impl->bytes->data()), impl->bytes->size());
    // Validate with our own reader first: FreeType accepts files that make libharu 2.3.0
    // crash or fail silently (docs/libharu-notes.md §L12); refused here, they are reported
    // before anything is measured with them.
    if (!sfnt::parse(data, path, impl->info, error)) return nullptr;

    const std::string font = "font '" + path + "'";
    if (FT_Error e = FT_Init_FreeType(&impl->library)) {
        error = "cannot initialise FreeType for " + font + " (error " + std::to_string(e) + ")";
        return nullptr;
    }
    if (FT_Error e = FT_New_Memory_Face(impl->library, data.data(), FT_Long(data.size()), 0, &impl->face)) {
        impl->face = nullptr;
        error = font + " cannot be read by FreeType (error " + std::to_string(e) + ")";
        return nullptr;
    }
    // The same subtable libharu uses; FreeType would otherwise prefer a (3,10) format 12 one.
    FT_CharMap bmp = nullptr;
    for (FT_Int i = 0; i < impl->face->num_charmaps && !bmp; ++i) {
        FT_CharMap cm = impl->face->charmaps[i];
        if (cm->platform_id == 3 && cm->encoding_id == 1 && FT_Get_CMap_Format(cm) == 4) bmp = cm;
    }
    if (!bmp || FT_Set_Charmap(impl->face, bmp) != 0) {
        error = font + " has no Unicode BMP cmap (platform 3, encoding 1, format 4), which libharu requires";
        return nullptr;
    }
    const char* ps = FT_Get_Postscript_Name(impl->face);
    impl->postscript_name = ps ? ps : impl->face->family_name ? impl->face->family_name : path;

    const sfnt::Info& in = impl->info;
    const int upem = in.units_per_em;
    // hhea, as libharu's font descriptor (/Ascent /Descent) and FreeType do; for Liberation it
    // also equals the Windows metrics Word uses, so line heights match the source documents.
    bool use_typo = in.hhea_ascender == 0 && in.hhea_descender == 0;
    impl->ascender = milli(use_typo ? in.typo_ascender : in.hhea_ascender, upem);
    impl->descender = milli(use_typo ? in.typo_descender : in.hhea_descender, upem);
    impl->cap_height = milli(in.cap_height > 0 ? in.cap_height : impl->glyph_top('H'), upem);
    impl->x_height = milli(in.x_height > 0 ? in.x_height : impl->glyph_top('x'), upem);
    impl->read_script_and_strokes();
    for (char32_t c = 0; c < 128; ++c) impl->ascii_advance[c] = impl->info.milli_advance[impl->gid(c)];
    return std::unique_ptr<FontFace>(new FontFace(std::move(impl)));
}

FontFace::FontFace(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
FontFace::~FontFace() = default;

const std::string& FontFace::path() const { return m_impl->path; }
const FontBytes& FontFace::bytes() const { return m_impl->bytes; }
const std::string& FontFace::postscript_name() const { return m_impl->postscript_name; }
int FontFace::units_per_em() const { return m_impl->info.units_per_em; }
int FontFace::ascender() const { return m_impl->ascender; }
int FontFace::descender() const { return m_impl->descender; }
int FontFace::cap_height() const { return m_impl->cap_height; }
int FontFace::x_height() const { return m_impl->x_height; }
FontFace::Script FontFace::superscript() const { return m_impl->superscript; }
FontFace::Script FontFace::subscript() const { return m_impl->subscript; }
FontFace::Stroke FontFace::underline() const { return m_impl->underline; }
FontFace::Stroke FontFace::strikeout() const { return m_impl->strikeout; }

bool FontFace::has_glyph(char32_t cp) const {
    // Non-BMP text becomes U+0020 in 2.3.0's UTF-8 encoder (docs/libharu-notes.md §L3);
    // surrogates are not text.
    if (cp > 0xFFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    uint16_t g = m_impl->gid(cp);
    return g != 0 && m_impl->info.renderable[g];
}

int FontFace::advance(char32_t cp) const {
    if (cp > 0xFFFF) cp = U' ';
    return m_impl->info.milli_advance[m_impl->gid(cp)];
}

int64_t FontFace::width_milli(std::string_view utf8) const {
    int64_t sum = 0;
    for (size_t pos = 0; pos < utf8.size();) {
        // ASCII, most of the text, skips decoding: the same advance as through decode().
        if (const auto byte = static_cast<unsigned char>(utf8[pos]); byte < 0x80) {
            sum += m_impl->ascii_advance[byte];
            ++pos;
            continue;
        }
        std::optional<char32_t> cp = utf8::decode(utf8, pos);
        sum += advance(cp ? *cp : U'\uFFFD');
    }
    return sum;
}

Kerning FontFace::Impl::shape_kerning(std::string_view utf8) const {
    if (!shaper && !shaper_failed) {
        shaper = Shaper::create(bytes);
        shaper_failed = !shaper;
        if (shaper) shaper->set_features(features);
    }
    if (!shaper) return {};
    std::vector<uint32_t> text;
    std::vector<uint16_t> glyphs;
    for (size_t pos = 0; pos < utf8.size();) {
        std::optional<char32_t> cp = utf8::decode(utf8, pos);
        char32_t c = cp ? *cp : U'\uFFFD';
        if (c > 0xFFFF) c = U' ';  // what advance() measures and libharu writes (§L3)
        text.push_back(uint32_t(c));
        glyphs.push_back(gid(c));
    }
    if (!features.empty()) return shaper->shape(text, glyphs, info);
    return shaper->kerning(text, glyphs);
}

Kerning FontFace::kerning(std::string_view utf8) const {
    Impl& impl = *m_impl;
    if (impl.features.empty() && (!impl.kerning || utf8.size() < 2)) return {};
    if (utf8.empty()) return {};
    return impl.kerning_cache.find_or_make(utf8, [&] { return impl.shape_kerning(utf8); });
}

void FontFace::set_kerning(bool on) {
    m_impl->kerning = on;
    m_impl->forget_small_caps();
    if (!on && !m_impl->features.empty()) set_features(m_impl->features);
}

void FontFace::set_features(std::vector<FontFeature> features) {
    Impl& impl = *m_impl;
    // kerning="false" keeps the kerning off whatever the features say.
    std::erase(features, FontFeature{feature_tag("kern"), false});
    if (!impl.kerning && !features.empty()) features.push_back({feature_tag("kern"), false});
    impl.features = std::move(features);
    impl.kerning_cache.clear();
    if (impl.shaper) impl.shaper->set_features(impl.features);
    impl.forget_small_caps();
}

const std::vector<FontFeature>& FontFace::features() const { return m_impl->features; }
bool FontFace::kerning_on() const { return m_impl->kerning; }

size_t FontFace::kerning_texts_held() const { return m_impl->kerning_cache.size() + m_impl->small_caps_cache.size(); }

Length FontFace::width(std::string_view utf8, Length size) const {
    return Length::ratio(size, width_milli(utf8), 1000);
}

// The face's features with 'smcp' on, and kerning off when the family has it off (set_features
// adds that only to a list that is not empty).
Shaper* FontFace::Impl::small_caps() const {
    if (small_caps_known) return small_caps_found ? small_caps_shaper.get() : nullptr;
    small_caps_known = true;
    small_caps_shaper = Shaper::create(bytes);
    small_caps_found = small_caps_shaper && small_caps_shaper->has_substitution(feature_tag("smcp"));
    if (!small_caps_found) return nullptr;
    std::vector<FontFeature> on = features;
    if (!kerning) on.push_back({feature_tag("kern"), false});
    on.push_back({feature_tag("smcp"), true});
    small_caps_shaper->set_features(on);
    return small_caps_shaper.get();
}

bool FontFace::has_small_caps() const { return m_impl->small_caps() != nullptr; }

Kerning FontFace::small_caps_kerning(std::string_view utf8) const {
    const Impl& impl = *m_impl;
    Shaper* shaper = impl.small_caps();
    if (!shaper || utf8.empty()) return {};
    return impl.small_caps_cache.find_or_make(utf8, [&] {
        std::vector<uint32_t> text;
        std::vector<uint16_t> glyphs;
        for (size_t pos = 0; pos < utf8.size();) {
            std::optional<char32_t> cp = utf8::decode(utf8, pos);
            char32_t c = cp ? *cp : U'\uFFFD';
            if (c > 0xFFFF) c = U' ';  // as shape_kerning
            text.push_back(uint32_t(c));
            glyphs.push_back(impl.gid(c));
        }
        return shaper->shape(text, glyphs, impl.info);
    });
}

}  // namespace reportc::text
