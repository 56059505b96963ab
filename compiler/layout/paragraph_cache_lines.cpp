#include "layout/paragraph_cache_lines.h"

#include <algorithm>
#include <stdexcept>

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

}  // namespace reportc::layout
