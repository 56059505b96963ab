#pragma once
// A paragraph's set lines as the paragraph cache keeps them between passes (issue 16: memory
// that does not grow with the body). An inl::Fragment is 112 bytes and a string of its own, one
// per word; kept for every paragraph of the document they were the cache's largest share
// (docs/performance.md). Packed, a paragraph's text is one buffer and each fragment a record of
// 16 bytes: its place and width, where its text ends, whether it is kerned, and an index into the
// paragraph's few distinct styles (face, size, colour, rise, tracking, expansion, extras).
// Unpacking gives back the same fragments, field for field.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "inline/paragraph_input.h"

namespace reportc::layout {

class ByteWriter;
class ByteReader;
class SpillPins;

class PackedLayout {
public:
    PackedLayout() = default;
    explicit PackedLayout(const inl::ParagraphLayout& layout);

    // The layout as it was packed; `into`'s storage is reused (its lines and strings).
    void unpack(inl::ParagraphLayout& into) const;
    size_t line_count() const { return m_lines.size(); }

    // As bytes for a spill store (paragraph_cache_spill.h), the styles' extras pinned; load()
    // gives back the same, false when the bytes are not as written.
    void save(ByteWriter& out, SpillPins& pins) const;
    bool load(ByteReader& in, const SpillPins& pins);
    size_t bytes() const;  // held on the heap

private:
    // What fragments of one paragraph mostly share.
    struct Style {
        int face = 0;
        Color color;
        int expansion = 0;
        Length size, rise, tracking;
        std::shared_ptr<const inl::FragmentExtras> extras;
    };
    struct Record {
        int32_t x = 0, width = 0;  // in sp, when every one of the paragraph fits (else m_wide)
        uint32_t text_end = 0;     // in m_text; the text starts where the previous record's ends
        uint32_t style : 31 = 0;   // index in m_styles
        uint32_t kerned : 1 = 0;   // its kerning is the next of m_kernings (in order)
    };
    static_assert(sizeof(Record) == 16);
    // A line without its fragments, which are the records from the previous line's end to fragment_end.
    struct LineRecord {
        inl::LineMetrics metrics;
        uint32_t fragment_end = 0;
    };

    uint32_t style_of(const inl::Fragment& f);
    bool consistent() const;

    std::string m_text;
    std::vector<Record> m_records;
    std::vector<Style> m_styles;
    std::vector<Kerning> m_kernings;  // the kerned records', in order
    std::vector<int64_t> m_wide;      // x and width of every record, when one does not fit 32 bits (2^15 pt)
    std::vector<LineRecord> m_lines;
    size_t m_overfull_count = 0;
    int m_pass = 0;
};

}  // namespace reportc::layout
