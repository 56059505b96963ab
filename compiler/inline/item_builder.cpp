#include "inline/item_builder.h"

#include <algorithm>
#include <cstdio>

#include "base/utf8.h"
#include "inline/protrusion.h"
#include "inline/small_caps.h"
#include "inline/text_checks.h"
#include "inline/ties.h"
#include "inline/word_copy.h"
#include "inline/word_breaks.h"
#include "text/case_mapping.h"
#include "text/scripts.h"

namespace reportc::inl {
namespace {

using linebreak::Item;


// A piece of a word in one face and one styled run; `small` marks lower-case letters set as
// synthesized small capitals, `real` a piece of a small-caps run set with the face's own small
// capitals (text::FontFace::small_caps_kerning).
struct Piece {
    int face;
    size_t run;
    bool small;
    std::string text;
    bool real = false;
};

class Builder {
public:
    Builder(const ParagraphInput& p, const text::FontRegistry& fonts, const text::Hyphenator* hyph, Diagnostics& diags,
            const ItemList* plain)
        : m_paragraph(p), m_fonts(fonts), m_hyphenator(hyph), m_diags(diags),
          m_protrusion(p.protrusion ? p.protrusion_tables.get() : nullptr, fonts), m_plain(plain) {}

    ItemList build() {
        size_t bytes = 0;
        for (const auto& r : m_paragraph.runs) bytes += r.text.size();
        m_out.items.reserve(bytes / 3 + 8);
        m_out.content.reserve(bytes / 3 + 8);
        m_out.pieces.reserve(bytes / 5 + 4);
        m_out.hyphenated = m_paragraph.hyphenate && m_hyphenator;
        if (!m_out.hyphenated || (m_plain && m_plain->hyphenated)) m_plain = nullptr;
        for (size_t r = 0; r < m_paragraph.runs.size(); ++r) add_run(r);
        flush_word();
        emit_space({});
        if (m_paragraph.tie_last_words) tie_last_space();
        // Paragraph end (§"The algorithm"): penalty(inf) glue(0, fill, 0) penalty(-inf).
        push(linebreak::penalty({}, linebreak::kInfinitePenalty), ItemRole::Filler);
        push(linebreak::glue({}, Length::from_pt(100000), {}), ItemRole::Filler);
        push(linebreak::penalty({}, -linebreak::kInfinitePenalty), ItemRole::Filler);
        return std::move(m_out);
    }

private:
    const StyledRun& run(size_t i) const { return m_paragraph.runs[i]; }
    text::FaceRequest request(const StyledRun& r) const { return {r.font.family, r.font.bold, r.font.italic}; }

    void push(Item item, ItemRole role) {
        ItemContent content;
        content.role = role;
        push(item, content);
    }

    void push(Item item, ItemContent content) {
        m_out.items.push_back(item);
        m_out.content.push_back(std::move(content));
    }

    void add_run(size_t r) {
        const StyledRun& styled = run(r);
        if (styled.line_break) {
            flush_word();
            emit_space({});
            push(linebreak::penalty({}, linebreak::kInfinitePenalty), ItemRole::Filler);
            push(linebreak::glue({}, Length::from_pt(100000), {}), ItemRole::Filler);
            push(linebreak::penalty({}, -linebreak::kInfinitePenalty), ItemRole::Filler);
            return;
        }
        if (styled.object) {
            add_object(r);
            return;
        }
        add_text(r, styled.text);
    }

    // An object is one box of its own width: never broken, and joined to a word it touches
    // (no glue between them, so no break there either).
    void add_object(size_t r) {
        flush_word();
        emit_space({});
        const StyledRun& styled = run(r);
        Fragment f;
        f.size = styled.font.size;
        f.width = styled.object->width;
        f.set_extras({styled.link, styled.anchor, {}, styled.object});
        ItemContent box;
        box.piece_begin = uint32_t(m_out.pieces.size());
        m_out.pieces.push_back(std::move(f));
        box.piece_end = uint32_t(m_out.pieces.size());
        push(linebreak::box(styled.object->width), box);
    }

    void add_text(size_t r, const std::string& full_text) {
        const StyledRun& styled = run(r);
        // A run shorter than the longest word allowed has no word to cut, and is read as it is:
        // nearly every run, no copy of its text.
        std::string cut;
        if (full_text.size() > kMaxWordBytes) cut = without_long_words(full_text, styled.span, m_diags);
        const std::string& text = full_text.size() > kMaxWordBytes ? cut : full_text;
        std::vector<text::MissingChar> missing;
        auto segments = m_fonts.segment(text, request(styled), missing);
        report_unsettable(text, missing, styled.span, m_diags);
        for (const auto& seg : segments) {
            size_t start = 0;
            for (size_t i = 0; i <= seg.text.size(); ++i) {
                if (i == seg.text.size() || seg.text[i] == ' ') {
                    if (i > start) add_piece(seg.face, r, seg.text.substr(start, i - start));
                    if (i < seg.text.size()) add_space(seg.face, r);
                    start = i + 1;
                }
            }
        }
    }

    void add_piece(int face, size_t r, std::string text) {
        const StyledRun& styled = run(r);
        if (!styled.font.small_caps) return append_piece(face, r, false, std::move(text));
        const text::FontFace& f = m_fonts.face(face);
        if (f.has_small_caps() && all_lower_case_replaced(text, f.small_caps_kerning(text)))
            return append_piece(face, r, false, std::move(text), true);
        for (auto& [small, stretch] : small_caps_stretches(text)) {
            if (!small) {
                append_piece(face, r, false, std::move(stretch));
                continue;
            }
            std::vector<text::MissingChar> missing;
            for (auto& seg : m_fonts.segment(stretch, request(styled), missing)) append_piece(seg.face, r, true, std::move(seg.text));
            report_unsettable(stretch, missing, styled.span, m_diags);
        }
    }

    void append_piece(int face, size_t r, bool small, std::string text, bool real = false) {
        if (!m_word.empty() && m_word.back().face == face && m_word.back().run == r && m_word.back().small == small &&
            m_word.back().real == real)
            m_word.back().text += text;
        else m_word.push_back({face, r, small, std::move(text), real});
    }

    // The size and baseline of a run's text in `face`: a superscript or subscript takes the
    // font's OS/2 size and offset, scaled from the run's size (text::FontFace::superscript).
    struct Placement {
        Length size, rise;
    };
    Placement placement(const StyledRun& styled, const text::FontFace& face) const {
        Placement p{styled.font.size, styled.font.rise};
        if (styled.font.vertical_align == style::VerticalAlign::Baseline) return p;
        const bool super = styled.font.vertical_align == style::VerticalAlign::Super;
        const text::FontFace::Script script = super ? face.superscript() : face.subscript();
        const Length offset = Length::ratio(styled.font.size, script.offset, 1000);
        p.rise += super ? offset : -offset;
        p.size = Length::ratio(styled.font.size, script.size, 1000);
        return p;
    }

    static Stroke stroke(text::FontFace::Stroke s, Length size, Length rise) {
        return {rise + Length::ratio(size, s.position, 1000), Length::ratio(size, s.thickness, 1000)};
    }

    Decorations decorations(const StyledRun& styled, const text::FontFace& face, const Placement& placed) const {
        Decorations d;
        const style::FontSpec& font = styled.font;
        if (font.underline) d.underline = stroke(face.underline(), font.size, font.rise);
        if (font.strike) d.strike = stroke(face.strikeout(), placed.size, placed.rise);
        if (font.highlight) {
            d.highlight = font.highlight;
            d.highlight_top = font.rise + Length::ratio(font.size, face.ascender(), 1000);
            d.highlight_bottom = Length::ratio(font.size, -face.descender(), 1000) - font.rise;
        }
        return d;
    }

    // A space waits for the word after it when the layout has ties: whether it may break
    // depends on both words (inline/ties.h).
    void add_space(int face, size_t r) {
        if (!m_paragraph.ties) {
            flush_word();
            push_space(face, r, false);
            return;
        }
        std::string before;
        for (const auto& p : m_word) before += p.text;
        flush_word();
        emit_space({});  // a space after a space, or after an object: no word before it
        m_space = {face, r, std::move(before), true};
    }

    // The waiting space, before the word `after` (empty: no word follows).
    void emit_space(std::string_view after) {
        if (!m_space.waiting) return;
        m_space.waiting = false;
        push_space(m_space.face, m_space.run, tied(*m_paragraph.ties, m_space.before, after));
    }

    // A tied space is TeX's "~": an infinite penalty before the glue, which keeps its stretch
    // and shrink (K&P: a glue is a legal break only right after a box).
    void push_space(int face, size_t r, bool tie) {
        const StyledRun& styled = run(r);
        Length w = m_fonts.face(face).width(" ", placement(styled, m_fonts.face(face)).size);
        if (tie) {
            linebreak::Item stop = linebreak::penalty({}, linebreak::kInfinitePenalty);
            stop.tie = true;
            push(stop, ItemRole::Filler);
        }
        if (m_paragraph.align == style::Align::Justify) {
            // The style's share of the space (TeX's default for a text font: 1/2 and 1/3).
            push(linebreak::glue(w, Length::ratio(w, m_paragraph.space_stretch, 1000), Length::ratio(w, m_paragraph.space_shrink, 1000)),
                 ItemRole::Space);
        } else if (tie) {
            push(linebreak::glue(w, {}, {}), ItemRole::Space);
        } else {
            // Ragged setting (Knuth & Plass, §"Ragged right"): the stretch sits at the line end,
            // so the breaker evens out line lengths while spaces keep their natural width.
            Length rag = styled.font.size * 6;
            m_last_ragged_space = m_out.items.size();
            push(linebreak::glue({}, rag, {}), ItemRole::Filler);
            push(linebreak::penalty({}, 0), ItemRole::Filler);
            push(linebreak::glue(w, -rag, {}), ItemRole::Space);
        }
    }

    // The last ragged space, glue(0, rag) penalty(0) glue(w, -rag), becomes a tied one:
    // penalty(inf) penalty(inf) glue(w). Rewritten in place: the items' indices stay.
    void tie_last_space() {
        if (m_last_ragged_space == kNoSpace) return;
        auto& items = m_out.items;
        const size_t k = m_last_ragged_space;
        items[k] = linebreak::penalty({}, linebreak::kInfinitePenalty);
        items[k + 1] = linebreak::penalty({}, linebreak::kInfinitePenalty);
        items[k + 2] = linebreak::glue(items[k + 2].width, {}, {});
    }

    // `kerning`: the fragment's part of its piece's kerning (text::FontFace::kerning, sliced).
    Fragment fragment(const Piece& p, std::string text, Kerning kerning = {}) const {
        const StyledRun& styled = run(p.run);
        const text::FontFace& face = m_fonts.face(p.face);
        Placement placed = placement(styled, face);
        Fragment f;
        f.face = p.face;
        // Plain text (no link, anchor or decoration) has no extras: known without making them.
        const style::FontSpec& font = styled.font;
        const bool plain = styled.link.empty() && styled.anchor.empty() && !font.underline && !font.strike && !font.highlight;
        f.extras = plain ? nullptr : extras(styled, decorations(styled, face, placed));
        if (styled.font.small_caps && !p.real) f.tracking = Length::ratio(placed.size, kSmallCapsTrackingMilli, 1000);
        if (p.small) placed.size = placed.size.scaled(small_caps_scale(face));
        f.size = placed.size;
        f.color = styled.font.color;
        f.rise = placed.rise;
        f.width = Length::ratio(placed.size, face.width_milli(text) + kerning.total_milli(), 1000);
        if (f.tracking != Length{}) f.width += f.tracking * int64_t(utf8::count_code_points(text));
        f.kerning = std::move(kerning);
        f.text = std::move(text);
        return f;
    }

    // The run's link and anchor with the fragment's decorations: null for plain text, and the
    // previous fragment's when the same (the words of a link or an underlined run share one).
    std::shared_ptr<const FragmentExtras> extras(const StyledRun& styled, Decorations decorations) const {
        FragmentExtras e{styled.link, styled.anchor, std::move(decorations), std::nullopt};
        if (e == FragmentExtras{}) return nullptr;
        if (!m_last_extras || !(*m_last_extras == e)) m_last_extras = std::make_shared<const FragmentExtras>(std::move(e));
        return m_last_extras;
    }

    // The width an open glyph substitution (base/kerning.h) adds to the fragment before piece
    // `end`: what the ligature cut at its end would have changed.
    Length open_width(uint32_t end) const {
        if (end == 0 || m_out.pieces.empty()) return {};
        const Fragment& f = m_out.pieces[end - 1];
        const auto subs = f.kerning.substitutions();
        if (f.object() || subs.empty() || !subs.back().open) return {};
        return Length::ratio(f.size, subs.back().delta, 1000);
    }

    // Microtypography for a box of text: its glyphs may expand, and with protrusion on, its first
    // and last characters hang into the margins that align (the left one unless the paragraph is
    // right-aligned or centred, the right one when it is justified or right-aligned).
    linebreak::Item text_box(Length width, const ItemContent& box) const {
        linebreak::Item item = linebreak::box(width);
        item.expandable = true;
        if (!m_paragraph.protrusion || box.piece_end == box.piece_begin) return item;
        const style::Align align = m_paragraph.align;
        if (align == style::Align::Justify || align == style::Align::Left)
            item.hang_left = m_protrusion.hang(m_out.pieces[box.piece_begin], true);
        if (align == style::Align::Justify || align == style::Align::Right)
            item.hang_right = m_protrusion.hang(m_out.pieces[box.piece_end - 1], false);
        return item;
    }

    // A hyphenation break's hyphen expands with the line and hangs like any hyphen.
    linebreak::Item hyphen_break(linebreak::Item item, const ItemContent& pen) const {
        if (pen.piece_end == pen.piece_begin) return item;
        item.expandable = true;
        const style::Align align = m_paragraph.align;
        if (m_paragraph.protrusion && (align == style::Align::Justify || align == style::Align::Right))
            item.hang_right = m_protrusion.hang(m_out.pieces[pen.piece_begin], false);
        return item;
    }

    void flush_word() {
        if (m_word.empty()) return;
        m_text.clear();
        for (const auto& p : m_word) m_text += p.text;
        emit_space(m_text);
        word_breaks(m_text, m_paragraph, m_hyphenator, m_breaks);
        WordSpan span{uint32_t(m_out.items.size()), 0, uint32_t(m_out.pieces.size()), 0};
        if (m_plain && copy_word(*m_plain, m_word_count, m_text, m_breaks, m_out)) {
            if (auto e = last_extras(m_out, span.piece_begin)) m_last_extras = std::move(e);  // as fragment() leaves it
        } else {
            set_word();
        }
        ++m_word_count;
        m_word.clear();
        if (m_out.hyphenated) return;
        span.item_end = uint32_t(m_out.items.size());
        span.piece_end = uint32_t(m_out.pieces.size());
        m_out.words.push_back(span);
    }

    // The word's pieces cut at m_breaks into boxes, with a penalty at each break.
    void set_word() {
        // Walk the pieces, cutting them at the break offsets into boxes.
        size_t next_break = 0, word_offset = 0;
        ItemContent box;
        box.piece_begin = uint32_t(m_out.pieces.size());
        Length box_width;
        auto close_box = [&]() {
            box.piece_end = uint32_t(m_out.pieces.size());
            if (box.piece_end == box.piece_begin) return;
            push(text_box(box_width, box), box);
            box = ItemContent{};
            box.piece_begin = uint32_t(m_out.pieces.size());
            box_width = {};
        };
        for (const auto& piece : m_word) {
            // Kerned as a whole: a syllable's box carries the kerning with the next one, which
            // the word has when it is not broken there.
            const text::FontFace& face = m_fonts.face(piece.face);
            const Kerning kerning = piece.real ? face.small_caps_kerning(piece.text) : face.kerning(piece.text);
            size_t start = 0, start_cp = 0;
            while (start < piece.text.size()) {
                size_t end = piece.text.size();
                bool cut = next_break < m_breaks.size() && m_breaks[next_break].at < word_offset + end;
                if (cut) end = m_breaks[next_break].at - word_offset;
                if (end > start) {
                    std::string text = piece.text.substr(start, end - start);
                    // Characters are counted only to slice a kerning: most words have none.
                    Kerning part;
                    if (!kerning.empty()) {
                        const size_t end_cp = start_cp + utf8::count_code_points(text);
                        part = kerning.slice(start_cp, end_cp);
                        start_cp = end_cp;
                    }
                    Fragment f = fragment(piece, std::move(text), std::move(part));
                    f.x = box_width;
                    box_width += f.width;
                    m_out.pieces.push_back(std::move(f));
                }
                start = end;
                if (cut) {
                    const WordBreak& b = m_breaks[next_break++];
                    close_box();
                    ItemContent pen;
                    pen.role = ItemRole::Filler;
                    Length w;
                    if (b.hyphenation) {
                        // Cut inside a ligature, the syllable before is drawn as its letters but
                        // measured with the ligature (Kerning::slice): the hyphen moves back by
                        // the difference, so the broken line is as wide as what it shows.
                        const Length open = open_width(uint32_t(m_out.pieces.size()));
                        pen.role = ItemRole::Hyphen;
                        pen.piece_begin = uint32_t(m_out.pieces.size());
                        m_out.pieces.push_back(fragment(piece, "-"));
                        m_out.pieces.back().x = -open;
                        pen.piece_end = uint32_t(m_out.pieces.size());
                        w = m_out.pieces.back().width - open;
                        box.piece_begin = pen.piece_end;
                    }
                    linebreak::Item item = linebreak::penalty(w, b.penalty, b.flagged, b.hyphenation);
                    item.tie = b.emergency;
                    push(hyphen_break(item, pen), pen);
                }
            }
            word_offset += piece.text.size();
        }
        close_box();
    }

    const ParagraphInput& m_paragraph;
    const text::FontRegistry& m_fonts;
    const text::Hyphenator* m_hyphenator;
    Diagnostics& m_diags;
    ProtrusionLookup m_protrusion;  // the faces' tables, built once per paragraph
    std::vector<Piece> m_word;
    std::string m_text;
    std::vector<WordBreak> m_breaks;
    struct WaitingSpace {
        int face = 0;
        size_t run = 0;
        std::string before;  // the word before it
        bool waiting = false;
    } m_space;
    static constexpr size_t kNoSpace = size_t(-1);
    size_t m_last_ragged_space = kNoSpace;  // the first of the last untied ragged space's items
    ItemList m_out;
    mutable std::shared_ptr<const FragmentExtras> m_last_extras;  // shared by fragments alike (extras())
    const ItemList* m_plain;   // the list without hyphenation points to copy words from; null: none
    size_t m_word_count = 0;   // words flushed so far
};

}  // namespace

ItemList build_items(const ParagraphInput& paragraph, const text::FontRegistry& fonts, const text::Hyphenator* hyphenator,
                     Diagnostics& diags, const ItemList* plain) {
    return Builder(paragraph, fonts, hyphenator, diags, plain).build();
}

}  // namespace reportc::inl
