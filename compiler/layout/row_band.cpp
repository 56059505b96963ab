#include "layout/row_band.h"

#include <algorithm>

#include "layout/box_paint.h"

namespace reportc::layout {
namespace {

frame::ShapeItem rule(Length x0, Length x1, Length y0, Length y1, Color color, Length width) {
    frame::ShapeItem s;
    s.path.push_back({frame::PathCommand::Kind::MoveTo, {{x0, y0}}});
    s.path.push_back({frame::PathCommand::Kind::LineTo, {{x1, y1}}});
    s.stroke = color;
    s.line_width = width;
    return s;
}

frame::ShapeItem fill(Rect r, Color color) {
    frame::ShapeItem s;
    s.path.push_back({frame::PathCommand::Kind::MoveTo, {{r.x, r.y}}});
    s.path.push_back({frame::PathCommand::Kind::LineTo, {{r.x + r.width, r.y}}});
    s.path.push_back({frame::PathCommand::Kind::LineTo, {{r.x + r.width, r.y + r.height}}});
    s.path.push_back({frame::PathCommand::Kind::LineTo, {{r.x, r.y + r.height}}});
    s.path.push_back({frame::PathCommand::Kind::Close, {}});
    s.fill = color;
    return s;
}

void shift(frame::Item& item, Length dy) { frame::translate(item, Length{}, dy); }

Length line_top(const BandCell& c, const CellLine& l) { return c.top + c.content_offset + l.top; }
Length line_bottom(const BandCell& c, const CellLine& l) { return line_top(c, l) + l.height; }

}  // namespace

std::optional<Length> RowBand::cut(Length room, size_t min_lines) const {
    if (cells.empty() || room <= style.padding) return std::nullopt;
    std::vector<Length> candidates;
    for (const auto& c : cells)
        for (const auto& l : c.lines) candidates.push_back(line_bottom(c, l));
    std::sort(candidates.begin(), candidates.end(), std::greater<>());
    for (Length y : candidates) {
        if (part_height(y) > room) continue;
        if (keeps_lines_together(y, min_lines)) return y;
    }
    return std::nullopt;
}

// Like orphans and widows, for every cell the cut goes through: at least `min_lines` of its lines
// on each side, so a cell shorter than twice that stays whole on one side. Something must stay
// above and something go below, or the cut gains nothing.
bool RowBand::keeps_lines_together(Length y, size_t min_lines) const {
    bool above = false, below = false;
    for (const auto& c : cells) {
        size_t before = 0, after = 0;
        for (const auto& l : c.lines) (line_bottom(c, l) <= y ? before : after)++;
        if (before > 0 && after > 0 && (before < min_lines || after < min_lines)) return false;
        above = above || before > 0;
        below = below || after > 0;
    }
    return above && below;
}

std::vector<frame::Item> RowBand::render(Length limit) const { return draw(*this, limit); }

std::vector<InsertionMark> RowBand::marks() const {
    std::vector<InsertionMark> out;
    for (const auto& c : cells)
        for (const auto& l : c.lines)
            for (const auto& m : l.inserts) out.push_back({m.note, line_top(c, l) + m.y});
    // In reading order: by line, then left to right.
    std::stable_sort(out.begin(), out.end(), [](const InsertionMark& a, const InsertionMark& b) { return a.y < b.y; });
    return out;
}

std::vector<frame::Item> RowBand::take_all() { return draw(*this, height); }

// Shared by render() (copies the line items) and take_all() (moves them: the band is then used up).
template <typename Band>
std::vector<frame::Item> RowBand::draw(Band& band, Length limit) {
    const auto& style = band.style;
    const Length height = band.height;
    const bool continuation = band.continuation;
    auto part_height = [&](Length y) { return band.part_height(y); };
    std::vector<frame::Item> out, text;
    const bool split = limit < height;
    const Length bottom = split ? part_height(limit) : height;
    const Length x0 = style.left, x1 = style.left + style.width;
    for (auto& c : band.cells) {
        if (c.top >= limit && split) continue;  // entirely in the rest
        Length cell_bottom = std::min(c.top + c.height, bottom);
        if (c.shade) out.push_back(fill({c.x, c.top, c.width, cell_bottom - c.top}, *c.shade));
        if (c.change_bar) {
            const Length bar_x = style.left - style.change_bar_gap - style.change_bar_width;
            out.push_back(fill({bar_x, c.top, style.change_bar_width, cell_bottom - c.top}, style.change_bar_color));
        }
        for (auto& l : c.lines) {
            if (line_bottom(c, l) > limit) continue;
            const Length top = line_top(c, l);
            for (auto& item : l.items) {
                if constexpr (std::is_const_v<Band>) {
                    frame::Item copy = item;
                    shift(copy, top);
                    text.push_back(std::move(copy));
                } else {
                    shift(item, top);
                    text.push_back(std::move(item));
                }
            }
        }
        if (style.horizontal_rules && c.top + c.height <= bottom)
            out.push_back(rule(c.x, c.x + c.width, c.top + c.height, c.top + c.height, style.rule_color, style.rule_width));
        if (style.vertical_rules) {
            out.push_back(rule(c.x, c.x, c.top, cell_bottom, style.rule_color, style.rule_width));
            out.push_back(rule(c.x + c.width, c.x + c.width, c.top, cell_bottom, style.rule_color, style.rule_width));
        }
        // The cell's own borders, over the table's rules; a cell cut here leaves its bottom open.
        if (c.box)
            for (auto& s : box_border({c.x, c.top, c.width, cell_bottom - c.top}, *c.box, {c.open_top, c.top + c.height > bottom}))
                out.push_back(std::move(s));
    }
    if (style.horizontal_rules || style.vertical_rules) {
        if (style.top_rule || continuation) out.push_back(rule(x0, x1, Length{}, Length{}, style.rule_color, style.rule_width));
        if (split) out.push_back(rule(x0, x1, bottom, bottom, style.rule_color, style.rule_width));
    }
    // Shading first, then rules, then text on top.
    out.reserve(out.size() + text.size());  // kept until the page is written: no spare capacity
    for (auto& t : text) out.push_back(std::move(t));
    return out;
}

std::shared_ptr<RowBand> RowBand::rest_after(Length y) const {
    auto rest = std::make_shared<RowBand>();
    rest->style = style;
    rest->style.top_rule = false;
    rest->continuation = true;
    rest->continued_mark = continued_mark;
    const Length pad = style.padding, pad_top = style.top_padding();
    // Cells cut by y keep their remaining lines, moved to the top; rows wholly below y move up
    // by y, and down again by whatever the cut cells need beyond their old bottoms.
    Length delta;
    struct Cut {
        const BandCell* cell;
        std::vector<CellLine> lines;
    };
    std::vector<Cut> cuts;
    for (const auto& c : cells) {
        if (c.top + c.height <= y || c.top >= y) continue;
        Cut cut{&c, {}};
        for (const auto& l : c.lines)
            if (line_bottom(c, l) > y) cut.lines.push_back(l);
        if (cut.lines.empty() && c.spans_rows && c.label_lines > 0)
            cut.lines.assign(c.lines.begin(), c.lines.begin() + std::min(c.label_lines, c.lines.size()));
        if (!cut.lines.empty()) {
            Length first = cut.lines.front().top;
            for (auto& l : cut.lines) l.top -= first;
        }
        if (c.first_column && continued_mark) {
            for (auto& l : cut.lines) l.top += continued_mark->height;
            cut.lines.insert(cut.lines.begin(), continued_mark->lines.begin(), continued_mark->lines.end());
        }
        if (!cut.lines.empty()) {
            Length need = cut.lines.back().bottom() + pad_top + pad;
            delta = max(delta, need - (c.top + c.height - y));
        }
        cuts.push_back(std::move(cut));
    }
    for (const auto& cut : cuts) {
        BandCell c = *cut.cell;
        c.height = c.top + c.height - y + delta;
        c.top = Length{};
        c.content_offset = pad_top;
        c.lines = cut.lines;
        c.open_top = true;
        rest->cells.push_back(std::move(c));
    }
    for (const auto& c : cells) {
        if (c.top < y) continue;
        BandCell moved = c;
        moved.top = c.top - y + delta;
        rest->cells.push_back(std::move(moved));
    }
    for (const auto& c : rest->cells) rest->height = max(rest->height, c.top + c.height);
    return rest;
}

VBox band_box(const std::shared_ptr<const RowBand>& band, const VBox& like) {
    VBox box = like;
    box.edit_extras().splittable = band;
    box.height = band->height;
    box.items = band->render(band->height);
    return box;
}

std::pair<VBox, VBox> RowBand::split(const VBox& box, Length y) const {
    VBox first = box;
    first.height = part_height(y);
    first.items = render(y);
    VBox rest;
    if (box.repeat_header()) rest.edit_extras().repeat_header = box.repeat_header();
    rest = band_box(rest_after(y), rest);
    return {std::move(first), std::move(rest)};
}

}  // namespace reportc::layout
