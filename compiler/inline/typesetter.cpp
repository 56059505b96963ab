#include "inline/typesetter.h"

#include <algorithm>

#include "base/utf8.h"
#include "inline/item_builder.h"
#include "linebreak/first_fit.h"
#include "linebreak/knuth_plass.h"

namespace reportc::inl {
namespace {

linebreak::Params params_for(const ParagraphInput& p) {
    linebreak::Params params;
    // Justified text must keep inter-word spaces at most twice their natural width: with
    // stretch = space/2 that is r <= 2, badness 800. Tolerances below keep r near 1.
    params.pretolerance = 100;
    params.tolerance = 200;
    params.emergency_stretch = p.align == style::Align::Justify ? Length::from_pt(6) : Length::from_pt(20);
    // Font expansion evens out justified lines only; ragged lines keep their glyphs as drawn.
    if (p.align == style::Align::Justify) params.expansion = {p.expansion.stretch, p.expansion.shrink, p.expansion.step};
    // Lines ending in a hyphen: the layout's policy (style/typography.h).
    params.emergency_tie_penalty = p.hyphenation.emergency_penalty;
    params.flagged_demerits = p.hyphenation.double_hyphen_demerits;
    params.final_hyphen_demerits = p.hyphenation.final_hyphen_demerits;
    params.max_consecutive_flagged = p.hyphenation.max_hyphenated_lines;
    return params;
}

// Appends a fragment, merging it with the previous one when they continue each other
// (same face, size, colour and link, touching): one PDF text item per word, not per syllable.
void append_fragment(std::vector<Fragment>& out, Fragment f) {
    if (!out.empty() && !f.object() && !out.back().object()) {
        Fragment& last = out.back();
        if (last.face == f.face && last.size == f.size && last.color == f.color && last.same_extras(f) &&
            last.rise == f.rise && last.tracking == f.tracking && last.x + last.width == f.x &&
            last.expansion == f.expansion) {
            if (!last.kerning.empty() || !f.kerning.empty())
                last.kerning = Kerning::join(last.kerning, utf8::count_code_points(last.text), f.kerning,
                                             utf8::count_code_points(f.text));
            last.text += f.text;
            last.width += f.width;
            return;
        }
    }
    out.push_back(std::move(f));
}

// A paragraph whose content fits the first line unbroken, with no forced break before its end,
// is one line: what Knuth-Plass would choose, found without running it (most table cells).
bool fits_on_one_line(const ItemList& list, Length width) {
    Length natural;
    for (size_t i = 0; i + 1 < list.items.size(); ++i) {
        const auto& item = list.items[i];
        if (item.kind == linebreak::ItemKind::Penalty && item.penalty <= -linebreak::kInfinitePenalty) return false;
        if (item.kind != linebreak::ItemKind::Penalty) natural += item.width;
        if (natural > width) return false;
    }
    return !list.items.empty();
}

// A length within a box set with font expansion.
Length expand(Length v, int expansion) { return v + Length::ratio(v, expansion, 1000); }

// A piece of a box placed at x on a line set with font expansion: its start and end in the box
// scale with the glyphs, so the pieces of a word still touch (and merge) and the last one ends
// where the expanded box does. An inline object keeps its size.
Fragment expanded(const Fragment& piece, Length x, int expansion) {
    Fragment f = piece;
    f.x = x + piece.x;
    if (expansion == 0 || f.object()) return f;
    f.x = x + expand(piece.x, expansion);
    f.width = expand(piece.x + piece.width, expansion) - expand(piece.x, expansion);
    f.expansion = expansion;
    return f;
}

// A box's piece placed at x on a line set with `expansion` (as expanded() places it) and
// appended as append_fragment() appends it: merged into the line's last fragment without a copy
// of the piece when they continue each other, which most pieces of a word do.
void append_placed(std::vector<Fragment>& out, const Fragment& piece, Length x, int expansion) {
    Length placed_x = x + piece.x, width = piece.width;
    int placed_expansion = piece.expansion;
    if (expansion != 0 && !piece.object()) {
        placed_x = x + expand(piece.x, expansion);
        width = expand(piece.x + piece.width, expansion) - expand(piece.x, expansion);
        placed_expansion = expansion;
    }
    if (!out.empty() && !piece.object() && !out.back().object()) {
        Fragment& last = out.back();
        if (last.face == piece.face && last.size == piece.size && last.color == piece.color && last.same_extras(piece) &&
            last.rise == piece.rise && last.tracking == piece.tracking && last.x + last.width == placed_x &&
            last.expansion == placed_expansion) {
            if (!last.kerning.empty() || !piece.kerning.empty())
                last.kerning = Kerning::join(last.kerning, utf8::count_code_points(last.text), piece.kerning,
                                             utf8::count_code_points(piece.text));
            last.text += piece.text;
            last.width += width;
            return;
        }
    }
    Fragment& f = out.emplace_back(piece);
    f.x = placed_x;
    f.width = width;
    f.expansion = placed_expansion;
}

linebreak::Result one_line(const ItemList& list, Length width) {
    linebreak::Result result;
    linebreak::Line line;
    line.begin = 0;
    line.end = list.items.size() - 1;
    line.width = width;
    for (size_t i = 0; i < line.end; ++i)
        if (list.items[i].kind != linebreak::ItemKind::Penalty) line.natural += list.items[i].width;
    if (list.items.front().kind == linebreak::ItemKind::Box) line.hang_left = list.items.front().hang_left;
    result.lines.push_back(line);
    return result;
}

}  // namespace

// Items without hyphenation points: TeX's first pass never hyphenates (tex.web §863), so most
// paragraphs are set without looking words up at all; the hyphenated list is built only when
// that pass finds no acceptable breaks.
PreparedItems Typesetter::prepare(const ParagraphInput& paragraph) const {
    // Without a dictionary the builder gives no hyphenation points, as with hyphenate off; the
    // input is not copied to turn that off.
    return std::make_shared<const ItemList>(build_items(paragraph, m_fonts, nullptr, m_diags));
}

ParagraphLayout Typesetter::set(const ParagraphInput& paragraph, const PreparedItems& prepared) const {
    ParagraphLayout out;
    set(paragraph, prepared, out);
    return out;
}

void Typesetter::set(const ParagraphInput& paragraph, const PreparedItems& prepared, ParagraphLayout& out) const {
    PreparedItems own = prepared ? prepared : prepare(paragraph);
    linebreak::LineWidths widths;
    widths.widths = {paragraph.width - paragraph.first_line_indent, paragraph.width};
    linebreak::Result result;
    if (fits_on_one_line(*own, widths.widths[0])) {
        result = one_line(*own, widths.widths[0]);
    } else if (paragraph.align != style::Align::Justify) {
        // Ragged text fills each line before it breaks (first fit: total fit would end a line
        // early to even out the next ones), and hyphenates only a word wider than the measure.
        result = linebreak::break_first_fit(own->items, widths);
        if (result.overfull_count > 0 && paragraph.hyphenate && m_hyphenator && !own->hyphenated) {
            Diagnostics quiet;
            own = std::make_shared<const ItemList>(build_items(paragraph, m_fonts, m_hyphenator, quiet, own.get()));
            result = linebreak::break_first_fit(own->items, widths);
            result.pass = linebreak::Pass::Second;
        }
    } else if (paragraph.hyphenate && m_hyphenator && !own->hyphenated) {
        // Only the first pass is tried on the list without hyphenation points: a paragraph it
        // cannot set is set from the list with them, whatever the later passes would find here.
        if (auto first = linebreak::break_first_pass(own->items, widths, params_for(paragraph))) {
            result = std::move(*first);
        } else {
            // Reuses no diagnostics: missing-glyph warnings were reported with the first list.
            Diagnostics quiet;
            own = std::make_shared<const ItemList>(build_items(paragraph, m_fonts, m_hyphenator, quiet, own.get()));
            result = linebreak::break_paragraph(own->items, widths, params_for(paragraph));
        }
    } else {
        result = linebreak::break_paragraph(own->items, widths, params_for(paragraph));
    }
    const ItemList& list = *own;

    out.overfull_count = result.overfull_count;
    out.pass = int(result.pass);
    // The lines and their fragment vectors of `out` are reused: the paragraph cache sets every
    // paragraph into one layout and packs it, so their storage is not allocated again each time.
    out.lines.resize(result.lines.size());
    for (size_t li = 0; li < result.lines.size(); ++li) {
        const auto& bl = result.lines[li];
        Line& line = out.lines[li];
        static_cast<LineMetrics&>(line) = LineMetrics{};
        line.fragments.clear();
        line.ratio = bl.ratio;
        line.overfull = bl.overfull;
        bool justify = paragraph.align == style::Align::Justify;
        // The last line of a paragraph and lines ended by <br/> end in fill glue: r ~ 0.
        double r = std::max(-1.0, bl.ratio);
        const bool ends_paragraph = bl.end >= list.items.size() ||
                                    (list.items[bl.end].kind == linebreak::ItemKind::Penalty &&
                                     list.items[bl.end].penalty <= -linebreak::kInfinitePenalty);
        line.justified = justify && !ends_paragraph;
        line.hang_left = bl.hang_left;
        line.hang_right = bl.hang_right;
        line.expansion = bl.expansion;
        // The first character hangs into the left margin: the line starts that much to the left.
        Length x = (li == 0 ? paragraph.first_line_indent : Length{}) - bl.hang_left;
        Length start_x = x;
        for (size_t i = bl.begin; i < bl.end && i < list.items.size(); ++i) {
            const auto& item = list.items[i];
            const auto& content = list.content[i];
            if (item.kind == linebreak::ItemKind::Box) {
                for (uint32_t k = content.piece_begin; k < content.piece_end; ++k)
                    append_placed(line.fragments, list.pieces[k], x, bl.expansion);
                x += item.expandable ? expand(item.width, bl.expansion) : item.width;
            } else if (item.kind == linebreak::ItemKind::Glue) {
                Length w = item.width;
                if (justify) w += r >= 0 ? item.stretch.scaled(r) : item.shrink.scaled(r);
                if (content.role == ItemRole::Space && item.width > Length{})
                    line.space_factor = std::max(line.space_factor, double(w.sp) / double(item.width.sp));
                if (content.role == ItemRole::Space) x += w;
            }
        }
        // A line broken at a hyphenation point shows the hyphen.
        if (bl.end < list.items.size() && list.content[bl.end].role == ItemRole::Hyphen &&
            list.content[bl.end].piece_end > list.content[bl.end].piece_begin) {
            Fragment h = expanded(list.pieces[list.content[bl.end].piece_begin], x, bl.expansion);
            line.hyphenated = true;
            x = h.x + h.width;  // the hyphen may stand back from the box's end (ItemBuilder::open_width)
            append_fragment(line.fragments, std::move(h));
        }
        line.natural_width = x - start_x;
        Length avail = li == 0 ? widths.widths[0] : widths.widths[1];
        Length shift;
        if (paragraph.align == style::Align::Right) shift = avail - line.natural_width + bl.hang_right;
        else if (paragraph.align == style::Align::Center) shift = (avail - line.natural_width) / 2;
        if (shift != Length{})
            for (auto& f : line.fragments) f.x += shift;
        for (const auto& f : line.fragments) {
            if (f.object()) {
                // It stands on the baseline: the line's ascent holds it, its descent is the text's.
                line.ascent = max(line.ascent, f.object()->height);
                continue;
            }
            const auto& face = m_fonts.face(f.face);
            line.ascent = max(line.ascent, Length::ratio(f.size, face.ascender(), 1000) + f.rise);
            line.descent = max(line.descent, Length::ratio(f.size, -face.descender(), 1000) - f.rise);
        }
    }
    if (out.overfull_count > 0)
        m_diags.warning(paragraph.span, "a line of this paragraph is wider than the " + to_string(paragraph.width) +
                                            " measure even with every space shrunk; it overflows the margin");
}

std::pair<Length, Length> Typesetter::content_widths(const ParagraphInput& paragraph, const PreparedItems& prepared) const {
    PreparedItems own = prepared ? prepared : prepare(paragraph);
    const ItemList& list = *own;
    Length widest_piece, current_piece, line, widest_line;
    for (size_t i = 0; i < list.items.size(); ++i) {
        const auto& item = list.items[i];
        if (item.kind == linebreak::ItemKind::Box) {
            current_piece += item.width;
            line += item.width;
        } else if (item.kind == linebreak::ItemKind::Glue) {
            // A tied space (an infinite penalty before it) does not end the piece.
            const bool tied = i > 0 && list.items[i - 1].kind == linebreak::ItemKind::Penalty &&
                              list.items[i - 1].penalty >= linebreak::kInfinitePenalty && list.content[i].role == ItemRole::Space;
            if (tied) {
                current_piece += item.width;
            } else {
                widest_piece = max(widest_piece, current_piece);
                current_piece = {};
            }
            if (list.content[i].role == ItemRole::Space) line += item.width;
        } else {
            // A legal break (hyphen, slash) ends an unbreakable piece; a forced break ends a line.
            if (item.penalty < linebreak::kInfinitePenalty) {
                widest_piece = max(widest_piece, current_piece + item.width);
                current_piece = {};
            }
            if (item.penalty <= -linebreak::kInfinitePenalty) {
                widest_line = max(widest_line, line);
                line = {};
            }
        }
    }
    widest_piece = max(widest_piece, current_piece);
    widest_line = max(widest_line, line);
    return {widest_piece + max(paragraph.first_line_indent, Length{}), widest_line + max(paragraph.first_line_indent, Length{})};
}

namespace {
template <class T>
bool same_pointee(const std::shared_ptr<const T>& a, const std::shared_ptr<const T>& b) {
    return a == b || (a && b && *a == *b);
}
}  // namespace

bool ParagraphInput::operator==(const ParagraphInput& o) const {
    return runs == o.runs && align == o.align && width == o.width && first_line_indent == o.first_line_indent &&
           hyphenate == o.hyphenate && hyphenation == o.hyphenation && same_pointee(ties, o.ties) &&
           tie_last_words == o.tie_last_words && span == o.span && protrusion == o.protrusion &&
           same_pointee(protrusion_tables, o.protrusion_tables) && expansion == o.expansion &&
           space_stretch == o.space_stretch && space_shrink == o.space_shrink;
}

const std::string Fragment::kNoString;
const Decorations& Fragment::decorations() const {
    static const Decorations none;
    return extras ? extras->decorations : none;
}
const std::optional<InlineObject> Fragment::kNoObject;
void Fragment::set_extras(FragmentExtras e) {
    if (e == FragmentExtras{}) extras = nullptr;
    else extras = std::make_shared<const FragmentExtras>(std::move(e));
}
bool Fragment::same_extras(const Fragment& other) const {
    return extras == other.extras || (extras && other.extras && *extras == *other.extras) ||
           (!extras && *other.extras == FragmentExtras{}) || (!other.extras && *extras == FragmentExtras{});
}

std::ostream& operator<<(std::ostream& os, const Fragment& f) {
    os << "frag face=" << f.face << " x=" << f.x << " w=" << f.width;
    if (f.rise != Length{}) os << " rise=" << f.rise;
    if (f.object()) os << " object h=" << f.object()->height;
    return os << " \"" << f.text << "\"";
}
std::ostream& operator<<(std::ostream& os, const Line& l) {
    os << "line r=" << l.ratio << " width=" << l.natural_width << (l.overfull ? " overfull" : "") << ":";
    for (const auto& f : l.fragments) os << " [" << f.text << "@" << f.x << "]";
    return os;
}

}  // namespace reportc::inl
