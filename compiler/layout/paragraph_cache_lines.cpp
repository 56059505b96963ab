#include "layout/paragraph_cache_lines.h"

#include <algorithm>
#include <stdexcept>

#include "layout/paragraph_cache_spill.h"

namespace reportc::layout {
namespace {

// A field added to inl::Fragment must be packed here (Record or Style) and unpacked below.
static_assert(sizeof(inl::Fragment) == 112, "inl::Fragment changed: pack its new field");

// Styles looked back at before a new one is added: a paragraph has a few, and a fragment mostly
// has its neighbour's. A style seen longer ago is added again, which costs bytes, not exactness.
constexpr size_t kStylesLookedBack = 8;

uint32_t checked_offset(size_t v, size_t limit = UINT32_MAX) {
    if (v > limit) throw std::length_error("paragraph too long for the paragraph cache");
    return uint32_t(v);
}

bool fits_32(Length v) { return v.sp >= INT32_MIN && v.sp <= INT32_MAX; }

void save(const Kerning& k, ByteWriter& out) {
    const auto adjustments = k.adjustments();
    out.array(adjustments.data(), adjustments.size());
    out.scalar(uint64_t(k.substitutions().size()));
    for (const GlyphSub& s : k.substitutions()) {
        out.scalar(s.at);
        out.scalar(s.count);
        out.scalar(s.glyph);
        out.scalar(s.delta);
        out.scalar(s.open);
    }
}

Kerning load_kerning(ByteReader& in) {
    const auto adjustments = in.array<Kern>();
    std::vector<GlyphSub> subs(std::min<uint64_t>(in.scalar<uint64_t>(), in.remaining()));
    for (auto& s : subs) {
        s.at = in.scalar<uint16_t>();
        s.count = in.scalar<uint16_t>();
        s.glyph = in.scalar<uint16_t>();
        s.delta = in.scalar<int16_t>();
        s.open = in.scalar<bool>();
    }
    return Kerning(adjustments, subs);
}

void save(const inl::LineMetrics& m, ByteWriter& out) {
    out.length(m.natural_width);
    out.length(m.ascent);
    out.length(m.descent);
    out.real(m.ratio);
    out.real(m.space_factor);
    out.length(m.hang_left);
    out.length(m.hang_right);
    out.scalar(m.expansion);
    out.scalar(m.justified);
    out.scalar(m.hyphenated);
    out.scalar(m.overfull);
}

inl::LineMetrics load_metrics(ByteReader& in) {
    inl::LineMetrics m;
    m.natural_width = in.length();
    m.ascent = in.length();
    m.descent = in.length();
    m.ratio = in.real();
    m.space_factor = in.real();
    m.hang_left = in.length();
    m.hang_right = in.length();
    m.expansion = in.scalar<int>();
    m.justified = in.scalar<bool>();
    m.hyphenated = in.scalar<bool>();
    m.overfull = in.scalar<bool>();
    return m;
}

}  // namespace

PackedLayout::PackedLayout(const inl::ParagraphLayout& layout) : m_overfull_count(layout.overfull_count), m_pass(layout.pass) {
    size_t fragments = 0, bytes = 0;
    bool narrow = true;
    for (const auto& line : layout.lines) {
        fragments += line.fragments.size();
        for (const auto& f : line.fragments) {
            bytes += f.text.size();
            narrow = narrow && fits_32(f.x) && fits_32(f.width);
        }
    }
    m_text.reserve(bytes);
    m_records.reserve(fragments);
    m_lines.reserve(layout.lines.size());
    if (!narrow) m_wide.reserve(2 * fragments);
    for (const auto& line : layout.lines) {
        for (const auto& f : line.fragments) {
            m_text += f.text;
            Record r;
            if (narrow) {
                r.x = int32_t(f.x.sp);
                r.width = int32_t(f.width.sp);
            } else {
                m_wide.push_back(f.x.sp);
                m_wide.push_back(f.width.sp);
            }
            r.text_end = checked_offset(m_text.size());
            r.style = style_of(f);
            if (!f.kerning.empty()) {
                r.kerned = 1;
                m_kernings.push_back(f.kerning);
            }
            m_records.push_back(r);
        }
        m_lines.push_back({static_cast<const inl::LineMetrics&>(line), checked_offset(m_records.size())});
    }
    m_kernings.shrink_to_fit();
    m_styles.shrink_to_fit();
}

uint32_t PackedLayout::style_of(const inl::Fragment& f) {
    const Style s{f.face, f.color, f.expansion, f.size, f.rise, f.tracking, f.extras};
    auto same = [&](const Style& o) {
        return o.face == s.face && o.color == s.color && o.expansion == s.expansion && o.size == s.size &&
               o.rise == s.rise && o.tracking == s.tracking && o.extras == s.extras;
    };
    const size_t n = m_styles.size();
    for (size_t back = 1; back <= std::min(n, kStylesLookedBack); ++back)
        if (same(m_styles[n - back])) return uint32_t(n - back);
    m_styles.push_back(s);
    return checked_offset(n, INT32_MAX);
}

void PackedLayout::unpack(inl::ParagraphLayout& into) const {
    into.overfull_count = m_overfull_count;
    into.pass = m_pass;
    into.lines.resize(m_lines.size());
    uint32_t record = 0, text_begin = 0, kerning = 0;
    for (size_t li = 0; li < m_lines.size(); ++li) {
        const LineRecord& packed = m_lines[li];
        inl::Line& line = into.lines[li];
        static_cast<inl::LineMetrics&>(line) = packed.metrics;
        line.fragments.resize(packed.fragment_end - record);  // the fragments' storage is reused
        for (auto& f : line.fragments) {
            const Record& r = m_records[record];
            const Style& s = m_styles[r.style];
            f.face = s.face;
            f.color = s.color;
            f.expansion = s.expansion;
            f.size = s.size;
            f.x = Length::from_sp(m_wide.empty() ? r.x : m_wide[2 * record]);
            f.width = Length::from_sp(m_wide.empty() ? r.width : m_wide[2 * record + 1]);
            f.rise = s.rise;
            f.tracking = s.tracking;
            f.text.assign(m_text, text_begin, r.text_end - text_begin);
            text_begin = r.text_end;
            f.kerning = r.kerned ? m_kernings[kerning++] : Kerning{};
            f.extras = s.extras;
            ++record;
        }
    }
}

// A field added to LineMetrics must be saved and loaded above.
static_assert(sizeof(inl::LineMetrics) == 64, "inl::LineMetrics changed: save its new field");

void PackedLayout::save(ByteWriter& out, SpillPins& pins) const {
    out.string(m_text);
    out.array(m_records.data(), m_records.size());
    out.scalar(uint64_t(m_styles.size()));
    for (const Style& s : m_styles) {
        out.scalar(s.face);
        out.scalar(s.color.r);
        out.scalar(s.color.g);
        out.scalar(s.color.b);
        out.scalar(s.expansion);
        out.length(s.size);
        out.length(s.rise);
        out.length(s.tracking);
        out.scalar(pins.pin(s.extras));
    }
    out.scalar(uint64_t(m_kernings.size()));
    for (const Kerning& k : m_kernings) layout::save(k, out);
    out.array(m_wide.data(), m_wide.size());
    out.scalar(uint64_t(m_lines.size()));
    for (const LineRecord& line : m_lines) {
        layout::save(line.metrics, out);
        out.scalar(line.fragment_end);
    }
    out.scalar(uint64_t(m_overfull_count));
    out.scalar(m_pass);
}

bool PackedLayout::load(ByteReader& in, const SpillPins& pins) {
    m_text = in.string();
    m_records = in.array<Record>();
    m_styles.resize(std::min<uint64_t>(in.scalar<uint64_t>(), m_records.size()));
    for (Style& s : m_styles) {
        s.face = in.scalar<int>();
        s.color.r = in.scalar<uint8_t>();
        s.color.g = in.scalar<uint8_t>();
        s.color.b = in.scalar<uint8_t>();
        s.expansion = in.scalar<int>();
        s.size = in.length();
        s.rise = in.length();
        s.tracking = in.length();
        s.extras = pins.extras(in.scalar<uint32_t>());
    }
    m_kernings.resize(std::min<uint64_t>(in.scalar<uint64_t>(), m_records.size()));
    for (Kerning& k : m_kernings) k = load_kerning(in);
    m_wide = in.array<int64_t>();
    m_lines.resize(std::min<uint64_t>(in.scalar<uint64_t>(), in.remaining()));
    for (LineRecord& line : m_lines) {
        line.metrics = load_metrics(in);
        line.fragment_end = in.scalar<uint32_t>();
    }
    m_overfull_count = in.scalar<uint64_t>();
    m_pass = in.scalar<int>();
    return in.ok() && consistent();
}

// What unpack() relies on, checked on bytes read back: records in range, styles and kernings there.
bool PackedLayout::consistent() const {
    uint32_t end = 0, kerned = 0;
    for (const LineRecord& line : m_lines) {
        if (line.fragment_end < end || line.fragment_end > m_records.size()) return false;
        end = line.fragment_end;
    }
    uint32_t text_end = 0;
    for (const Record& r : m_records) {
        if (r.style >= m_styles.size() || r.text_end < text_end || r.text_end > m_text.size()) return false;
        text_end = r.text_end;
        kerned += r.kerned;
    }
    return kerned == m_kernings.size() && (m_wide.empty() || m_wide.size() == 2 * m_records.size());
}

size_t PackedLayout::bytes() const {
    size_t kernings = 0;
    for (const Kerning& k : m_kernings)
        kernings += 32 + k.adjustments().size() * sizeof(Kern) + k.substitutions().size() * sizeof(GlyphSub);
    return m_text.capacity() + m_records.capacity() * sizeof(Record) + m_styles.capacity() * sizeof(Style) +
           m_kernings.capacity() * sizeof(Kerning) + kernings + m_wide.capacity() * sizeof(int64_t) +
           m_lines.capacity() * sizeof(LineRecord);
}

}  // namespace reportc::layout
