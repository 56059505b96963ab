#include "layout/paragraph_cache_input.h"

#include "layout/byte_codec.h"
#include "layout/paragraph_cache_spill.h"

namespace reportc::layout {
namespace {

// A field added to these must be encoded below (or compared in same_settings), or a paragraph
// whose new field changed would be taken from the cache as it was.
static_assert(sizeof(inl::StyledRun) == 232, "inl::StyledRun changed: encode its new field");
static_assert(sizeof(style::FontSpec) == 80, "style::FontSpec changed: encode its new field");
static_assert(sizeof(inl::InlineObject) == 32, "inl::InlineObject changed: encode its new field");
static_assert(sizeof(inl::ParagraphInput) == 168, "inl::ParagraphInput changed: compare its new field");

void encode(const style::FontSpec& f, ByteWriter& e) {
    e.string(f.family);
    e.scalar(f.bold);
    e.scalar(f.italic);
    e.length(f.size);
    e.color(f.color);
    e.length(f.rise);
    e.scalar(f.vertical_align);
    e.scalar(f.underline);
    e.scalar(f.strike);
    e.scalar(f.small_caps);
    e.scalar(f.highlight.has_value());
    if (f.highlight) e.color(*f.highlight);
}

// The runs, their inline images aside (one flag each here). Their spans are written from the
// paragraph's start (`base`): a paragraph whose source moved as a whole (text inserted above it)
// encodes the same, and the diagnostics kept with its setting are moved with it (rebase).
void encode(const std::vector<inl::StyledRun>& runs, Span base, std::string& out) {
    out.clear();
    ByteWriter e(out);
    e.scalar(uint64_t(runs.size()));
    for (const auto& r : runs) {
        e.string(r.text);
        encode(r.font, e);
        e.string(r.link);
        e.scalar(r.line_break);
        e.scalar(r.span.file);
        e.scalar(uint32_t(r.span.begin - base.begin));  // modulo 2^32 when before it: the same either way
        e.scalar(uint32_t(r.span.end - base.begin));
        e.string(r.anchor);
        e.scalar(r.object.has_value());
        if (r.object) {
            e.length(r.object->width);
            e.length(r.object->height);
        }
    }
}

template <class T>
bool same_pointee(const std::shared_ptr<const T>& a, const std::shared_ptr<const T>& b) {
    return a == b || (a && b && *a == *b);
}

}  // namespace

// Every field of inl::ParagraphInput but its runs, its width and its span (each paragraph's
// own), compared as operator== does.
bool PackedInput::same_settings(const inl::ParagraphInput& a, const inl::ParagraphInput& b) {
    return a.align == b.align && a.first_line_indent == b.first_line_indent && a.hyphenate == b.hyphenate &&
           a.hyphenation == b.hyphenation && same_pointee(a.ties, b.ties) && a.tie_last_words == b.tie_last_words &&
           a.protrusion == b.protrusion && same_pointee(a.protrusion_tables, b.protrusion_tables) &&
           a.expansion == b.expansion && a.space_stretch == b.space_stretch && a.space_shrink == b.space_shrink;
}

PackedInput::PackedInput(const inl::ParagraphInput& input, Settings& shared) : m_span(input.span) {
    encode(input.runs, input.span, m_runs);
    m_runs.shrink_to_fit();
    for (const auto& r : input.runs)
        if (r.object) m_images.push_back(r.object->image);
    if (!shared || !same_settings(*shared, input)) {
        auto settings = std::make_shared<inl::ParagraphInput>();
        settings->align = input.align;
        settings->first_line_indent = input.first_line_indent;
        settings->hyphenate = input.hyphenate;
        settings->hyphenation = input.hyphenation;
        settings->ties = input.ties;
        settings->tie_last_words = input.tie_last_words;
        settings->protrusion = input.protrusion;
        settings->protrusion_tables = input.protrusion_tables;
        settings->expansion = input.expansion;
        settings->space_stretch = input.space_stretch;
        settings->space_shrink = input.space_shrink;
        shared = std::move(settings);
    }
    m_settings = shared;
}

bool PackedInput::same_apart_from_width(const inl::ParagraphInput& input, std::string& scratch) const {
    // Where the paragraph is may differ (by as much as each of its runs moved): see encode().
    if (m_span.file != input.span.file || m_span.end - m_span.begin != input.span.end - input.span.begin || !m_settings ||
        !same_settings(*m_settings, input))
        return false;
    size_t image = 0;
    for (const auto& r : input.runs)
        if (r.object && (image >= m_images.size() || m_images[image++] != r.object->image)) return false;
    if (image != m_images.size()) return false;
    encode(input.runs, input.span, scratch);
    return scratch == m_runs;
}

void PackedInput::save(ByteWriter& out, SpillPins& pins) const {
    out.string(m_runs);
    out.scalar(uint64_t(m_images.size()));
    for (const auto& image : m_images) out.scalar(pins.pin(image));
    out.scalar(m_span.file);
    out.scalar(m_span.begin);
    out.scalar(m_span.end);
    out.scalar(pins.pin(m_settings, &same_settings));
}

bool PackedInput::load(ByteReader& in, const SpillPins& pins) {
    m_runs = in.string();
    const auto images = in.scalar<uint64_t>();
    m_images.clear();
    for (uint64_t i = 0; i < images && in.ok(); ++i) m_images.push_back(pins.image(in.scalar<uint32_t>()));
    m_span.file = in.scalar<uint32_t>();
    m_span.begin = in.scalar<uint32_t>();
    m_span.end = in.scalar<uint32_t>();
    m_settings = pins.settings(in.scalar<uint32_t>());
    return in.ok() && m_settings;
}

void PackedInput::rebase(std::vector<Diagnostic>& diags, Span to) const {
    const uint32_t by = to.begin - m_span.begin;  // modulo 2^32, as the runs' spans are encoded
    if (by == 0) return;
    for (auto& d : diags)
        if (d.span.valid() && d.span.file == m_span.file) {
            d.span.begin += by;
            d.span.end += by;
        }
}

size_t PackedInput::bytes() const {
    return m_runs.capacity() + m_images.capacity() * sizeof(m_images[0]);
}

}  // namespace reportc::layout
