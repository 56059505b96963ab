#pragma once
// A paragraph's input as the paragraph cache keeps it, to tell whether a later input is the same
// (issue 16: memory that does not grow with the body). A copy of inl::ParagraphInput is some
// 232 bytes a run besides its strings; kept for every paragraph of the document it was a large
// part of the cache's entries. Packed, the runs are one byte string (every field, strings with
// their lengths, so two inputs give the same bytes only when they are equal), the inline images
// are kept as the runs hold them (compared as inl::InlineObject compares them), and the
// paragraph's settings as they are, shared with the entries before it that have the same. A new input is encoded into a buffer the caller keeps and
// compared whole: an entry is used only when every field but the measure is equal.
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "inline/paragraph_input.h"

namespace reportc::layout {

class ByteWriter;
class ByteReader;
class SpillPins;

class PackedInput {
public:
    PackedInput() = default;
    // `input` apart from its measure (width). Its settings are `shared`'s when they are equal
    // (most paragraphs of a document have the same few), else `shared` becomes its own.
    using Settings = std::shared_ptr<const inl::ParagraphInput>;
    PackedInput(const inl::ParagraphInput& input, Settings& shared);

    // Whether `input` equals the packed one apart from its width and its place in its source
    // file: the same text, settings and spans counted from the paragraph's start (a paragraph
    // that moved as a whole is the same); `scratch` holds its encoding.
    bool same_apart_from_width(const inl::ParagraphInput& input, std::string& scratch) const;
    // Diagnostics kept with this input's setting, moved to where the same paragraph now is
    // (`to`: the equal input's span): those in its source file shift as it did.
    void rebase(std::vector<Diagnostic>& diags, Span to) const;
    Span span() const { return m_span; }
    void set_span(Span span) { m_span = span; }

    // As bytes for a spill store (paragraph_cache_spill.h), its shared parts pinned; load() gives
    // back the same, false when the bytes are not as written.
    void save(ByteWriter& out, SpillPins& pins) const;
    bool load(ByteReader& in, const SpillPins& pins);
    size_t bytes() const;  // held on the heap
    // Every field of inl::ParagraphInput but its runs, its width and its span, compared as operator== does.
    static bool same_settings(const inl::ParagraphInput& a, const inl::ParagraphInput& b);

private:
    std::string m_runs;  // encoded
    std::vector<std::shared_ptr<const doc::Image>> m_images;  // the runs' inline images, in order
    Span m_span;
    Settings m_settings;  // runs empty, width and span zero; never null
};

}  // namespace reportc::layout
