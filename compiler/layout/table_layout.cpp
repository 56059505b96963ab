#include "layout/table_layout.h"

#include <map>

#include "layout/column_widths.h"
#include "layout/paragraph_layout.h"
#include "layout/row_band.h"
#include "layout/row_continued.h"
#include "layout/table_parts.h"
#include "style/values.h"

namespace reportc::layout {
namespace {

using namespace table_parts;

struct GridCell {
    const doc::TableCell* cell = nullptr;
    size_t row = 0, column = 0, colspan = 1, rowspan = 1;
    std::vector<CellLine> lines;
    Length content_height;
};

class TableBuilder {
public:
    TableBuilder(const doc::Table& table, const BlockEnv& env, LayoutContext& ctx)
        : m_table(table), m_rows(doc::rows_of(table)), m_specs(doc::columns_of(table)), m_env(env), m_indent(env.indent), m_ctx(ctx), m_style(table_style(table, ctx)) {
        if (const auto* master = ctx.in.styles.page_master(env.master)) m_quarter_page = master->body().height / 4;
    }

    // Cells are placed in the grid and measured for the column widths; then band by band they
    // are set at their widths (from the items measuring built: the paragraph cache), sized into
    // rows and emitted, `after_band` called after each (BlockStream hands on what is settled:
    // a long table's bands are never all made at once).
    void build(std::vector<VItem>& out, const std::function<void()>& after_band) {
        place_cells();
        if (m_columns == 0) return;
        resolve_widths();
        BlockEnv first_column = m_env;
        first_column.width = m_widths[0] - m_style.padding * 2;
        first_column.indent = Length{};
        m_row_mark = row_continued_mark(m_style, m_table.span, first_column, m_x[0] + m_style.padding, m_ctx);
        m_heights.assign(m_rows.size(), vertical_padding());
        emit(out, after_band);
    }

private:
    // A cell's blocks are set at its inner width, from the table's left edge, in the row's
    // default paragraph style and the cell's alignment.
    BlockEnv cell_env(const GridCell& g, Length width) const {
        BlockEnv env = m_env;
        env.width = width;
        env.indent = Length{};
        env.paragraph_style = default_style(m_rows[g.row]);
        env.align = cell_align(*g.cell);
        return env;
    }

    const std::string& default_style(const doc::TableRow& row) const {
        switch (row.kind) {
        case doc::TableRow::Kind::Header: return m_style.header_style;
        case doc::TableRow::Kind::Section: return m_style.group_style;
        default: return m_style.cell_style;
        }
    }

    // Places every cell in the grid, skipping positions taken by row spans from above.
    void place_cells() {
        std::vector<size_t> taken_until;  // per column: first row index no longer covered by a span
        const size_t rows = m_rows.size();
        for (size_t r = 0; r < rows; ++r) {
            const auto& row = m_rows[r];
            size_t c = 0;
            for (const auto& cell : row.cells) {
                while (c < taken_until.size() && taken_until[c] > r) ++c;
                GridCell g;
                g.cell = &cell;
                g.row = r;
                g.column = c;
                g.colspan = size_t(cell.colspan);
                g.rowspan = size_t(cell.rowspan);
                if (r + g.rowspan > rows) {
                    m_ctx.out.diags.error(cell.span, "expected rowspan to stay within the table's " + std::to_string(rows) +
                                                     " rows, found " + std::to_string(cell.rowspan) + " from row " + std::to_string(r + 1));
                    g.rowspan = rows - r;
                }
                if (taken_until.size() < c + g.colspan) taken_until.resize(c + g.colspan, 0);
                for (size_t k = c; k < c + g.colspan; ++k) taken_until[k] = r + g.rowspan;
                c += g.colspan;
                m_cells.push_back(std::move(g));
            }
            m_columns = std::max(m_columns, c);
        }
        m_row_first_cell.assign(rows + 1, m_cells.size());
        for (size_t i = m_cells.size(); i-- > 0;) m_row_first_cell[m_cells[i].row] = i;
        for (size_t r = rows; r-- > 0;) m_row_first_cell[r] = std::min(m_row_first_cell[r], m_row_first_cell[r + 1]);
        m_columns = std::max(m_columns, m_specs.size());
        if (!m_specs.empty() && m_columns > m_specs.size())
            m_ctx.out.diags.error(m_table.span, "expected rows of at most " + std::to_string(m_specs.size()) +
                                                " columns, as declared, found a row needing " + std::to_string(m_columns));
    }

    void resolve_widths() {
        std::vector<ColumnRequest> columns;
        for (size_t i = 0; i < m_columns; ++i) columns.push_back(column_request(m_table, i, m_ctx));
        std::vector<SpanRequest> spans;
        const Length pad2 = m_style.padding * 2;
        for (const auto& g : m_cells) {
            auto [min_w, max_w] = measure_blocks(g.cell->blocks, cell_env(g, m_env.width), m_ctx);
            if (g.colspan == 1) {
                auto& c = columns[g.column];
                c.min = max(c.min, min_w + pad2);
                c.max = max(c.max, max_w + pad2);
            } else {
                spans.push_back({g.column, g.colspan, min_w + pad2, max_w + pad2});
            }
        }
        auto result = resolve_columns(columns, spans, m_env.width - m_indent);
        if (result.overflow > Length{})
            m_ctx.out.diags.warning(m_table.span, "the table's columns need " + to_string(result.overflow) +
                                                  " more than the text width even at their narrowest; it overflows the margin");
        m_widths = result.widths;
        m_x.assign(m_columns + 1, m_indent);
        for (size_t i = 0; i < m_columns; ++i) m_x[i + 1] = m_x[i] + m_widths[i];
    }

    // The cells [first, end) (a band's) set at their widths.
    void layout_cells(size_t first, size_t end) {
        for (size_t i = first; i < end; ++i) {
            auto& g = m_cells[i];
            Length width = m_x[g.column + g.colspan] - m_x[g.column];
            auto items = layout_blocks(g.cell->blocks, cell_env(g, width - m_style.padding * 2), m_ctx);
            g.lines = stack_lines(std::move(items), g.content_height);
            shift_x(g.lines, m_x[g.column] + m_style.padding);
            const auto& row = m_rows[g.row];
            if (!row.id.empty() && i == m_row_first_cell[g.row]) {
                // The row's anchor, for cross-references, at the top of its first cell (which
                // is not in the first column when a span from above covers that).
                frame::AnchorItem anchor{row.id, {m_x[0], Length{}}};
                if (g.lines.empty()) g.lines.push_back({Length{}, Length{}, {}});
                g.lines.front().items.insert(g.lines.front().items.begin(), anchor);
            }
        }
    }

    Length vertical_padding() const { return m_style.padding_top + m_style.padding_bottom; }

    // The heights of the rows of the cells [first, end) (a band's: no span crosses its edges).
    void size_row_heights(size_t first, size_t end) {
        for (size_t i = first; i < end; ++i)
            if (const auto& g = m_cells[i]; g.rowspan == 1) m_heights[g.row] = max(m_heights[g.row], g.content_height + vertical_padding());
        // A spanning cell taller than its rows makes its last row taller.
        for (size_t i = first; i < end; ++i) {
            const auto& g = m_cells[i];
            if (g.rowspan == 1) continue;
            Length have;
            for (size_t r = g.row; r < g.row + g.rowspan; ++r) have += m_heights[r];
            Length need = g.content_height + vertical_padding();
            if (need > have) m_heights[g.row + g.rowspan - 1] += need - have;
        }
    }

    // The row's fill from the table style: header and group rows their shades, every second
    // body row of a group the stripe shade.
    std::optional<Color> shade_for(size_t r) const {
        const auto& row = m_rows[r];
        if (row.kind == doc::TableRow::Kind::Header) return m_style.header_shade;
        if (row.kind == doc::TableRow::Kind::Section) return m_style.group_shade;
        if (row.kind != doc::TableRow::Kind::Body || !m_style.stripe_shade) return std::nullopt;
        size_t index = 0;  // the row's place among the body rows of its group
        for (size_t k = r; k-- > 0 && m_rows[k].kind == doc::TableRow::Kind::Body;) ++index;
        if (index % 2 == 1) return m_style.stripe_shade;
        return std::nullopt;
    }

    const style::BoxStyle* box_style(const std::string& name, Span span) const {
        if (name.empty()) return nullptr;
        if (const auto* s = m_ctx.in.styles.box(name)) return s;
        m_ctx.out.diags.error(span, "expected a box style defined in the layout, found '" + name + "'");
        return nullptr;
    }

    std::optional<Color> shade_attribute(const std::string& value, Span span) const {
        if (value.empty()) return std::nullopt;
        if (auto c = style::parse_color(value)) return c;
        m_ctx.out.diags.error(span, "expected a shade colour such as #e8eef4, found '" + value + "'");
        return std::nullopt;
    }

    // A cell's fill and borders: its own shade and box style, else its row's, else the table's.
    void paint(BandCell& c, const GridCell& g) const {
        const auto& row = m_rows[g.row];
        const auto* row_box = box_style(row.style, row.span);
        const auto* cell_box = box_style(g.cell->style, g.cell->span);
        c.box = cell_box ? cell_box : row_box;
        c.shade = shade_for(g.row);
        for (auto shade : {row_box ? row_box->background : std::nullopt, shade_attribute(row.shade, row.span),
                           cell_box ? cell_box->background : std::nullopt, shade_attribute(g.cell->shade, g.cell->span)})
            if (shade) c.shade = shade;
        // A review copy (--changes-since): over every other fill, and a bar beside the row.
        const auto& settings = m_ctx.in.styles.settings();
        if (row.change == doc::RowChange::Added) c.shade = settings.change_added_highlight;
        else if (g.cell->changed) c.shade = settings.change_highlight;
        c.change_bar = row.change != doc::RowChange::None && g.column == 0;
    }

    BandStyle band_style(bool top_rule) const {
        BandStyle s;
        s.rule_color = m_style.border_color;
        s.rule_width = m_style.border_width;
        s.horizontal_rules = m_style.rules != style::TableRules::None;
        s.vertical_rules = m_style.rules == style::TableRules::All;
        s.top_rule = top_rule;
        s.padding = m_style.padding_bottom;
        s.padding_top = m_style.padding_top;
        s.left = m_x[0];
        s.width = m_x[m_columns] - m_x[0];
        const auto& settings = m_ctx.in.styles.settings();
        s.change_bar_color = settings.change_bar_color;
        s.change_bar_width = settings.change_bar_width;
        s.change_bar_gap = settings.change_bar_gap;
        return s;
    }

    // Rows r..end-1 as one band (no span crosses its edges).
    std::shared_ptr<RowBand> make_band(size_t first, size_t end, bool top_rule) {
        auto band = std::make_shared<RowBand>();
        band->style = band_style(top_rule);
        band->continued_mark = m_row_mark;
        std::vector<Length> tops(end - first + 1);
        for (size_t r = first; r < end; ++r) tops[r - first + 1] = tops[r - first] + m_heights[r];
        band->height = tops.back();
        // Cells are stored in row order: visit only this band's (linear over the table).
        for (size_t i = m_row_first_cell[first]; i < m_row_first_cell[end]; ++i) {
            auto& g = m_cells[i];
            BandCell c;
            c.x = m_x[g.column];
            c.width = m_x[g.column + g.colspan] - m_x[g.column];
            c.top = tops[g.row - first];
            c.height = tops[g.row - first + g.rowspan] - c.top;
            paint(c, g);
            c.spans_rows = g.rowspan > 1;
            c.first_column = g.column == 0;
            Length inner = c.height - vertical_padding();
            Length offset = m_style.padding_top;
            if (g.cell->valign == "middle") offset += (inner - g.content_height) / 2;
            else if (g.cell->valign == "bottom") offset += inner - g.content_height;
            c.content_offset = offset;
            c.lines = std::move(g.lines);  // each cell belongs to exactly one band
            // The label repeated on a continuation: the lines of the cell's first block.
            c.label_lines = std::min<size_t>(c.lines.size(), 2);
            band->cells.push_back(std::move(c));
        }
        return band;
    }

    void emit(std::vector<VItem>& out, const std::function<void()>& after_band) {
        const size_t rows = m_rows.size();
        // Band edges: a row starts a new band unless a span from above still covers it.
        std::vector<size_t> covered_until(rows + 1, 0);
        for (const auto& g : m_cells) covered_until[g.row] = std::max(covered_until[g.row], g.row + g.rowspan);
        std::shared_ptr<std::vector<VBox>> header;  // the rows repeated on continuation pages
        const auto top_rule = top_rule_header();     // repeated instead when no header rows are
        bool header_open = false;
        bool first_band = true;
        out.push_back(VGlue{Length::from_pt(4)});
        size_t r = 0;
        while (r < rows) {
            if (r > 0 && m_style.group_page_break && m_rows[r].kind == doc::TableRow::Kind::Section) {
                out.push_back(VPenalty{kForceBreak});
                first_band = true;  // the group opens its page with the table's top rule
            }
            size_t end = r + 1;
            size_t reach = std::max(end, covered_until[r]);
            while (end < reach) reach = std::max(reach, covered_until[end++]);
            const auto kind = m_rows[r].kind;
            bool is_header = kind == doc::TableRow::Kind::Header;
            layout_cells(m_row_first_cell[r], m_row_first_cell[end]);
            size_row_heights(m_row_first_cell[r], m_row_first_cell[end]);
            auto band = make_band(r, end, first_band || is_header);
            // Rows too short ever to be split (a quarter page, as the page builder decides) keep
            // no band: their items move out of it into the box.
            VBox box;
            box.set_inserts(band->marks());
            if (!m_style.split_rows || band->height <= m_quarter_page) {
                box.height = band->height;
                box.items = band->take_all();
            } else {
                box = band_box(band, box);
            }
            box.source = m_rows[r].span;
            box.kind = BoxKind::TableRow;
            if (is_header) {
                if (!header_open) header = std::make_shared<std::vector<VBox>>(continued_line());
                header_open = true;
                header->push_back(box);
            } else {
                header_open = false;
                // A group row starts a new group: the previous group's header must not be
                // repeated over it (the group brings its own header after it).
                if (kind == doc::TableRow::Kind::Section) header.reset();
                if (m_style.repeat_header && header) box.edit_extras().repeat_header = header;
                else if (!first_band) box.edit_extras().repeat_header = top_rule;  // a first band draws its own
            }
            out.emplace_back(std::in_place_type<VBox>, std::move(box));
            // A header or group row never ends a page: it stays with the row after it.
            bool keep = is_header || kind == doc::TableRow::Kind::Section;
            if (end < rows) out.push_back(VPenalty{keep ? kNoBreak : 0});
            first_band = false;
            r = end;
            if (after_band) after_band();
        }
        out.push_back(VGlue{Length::from_pt(8)});
    }

    // The table's top rule alone, as a zero-height "header" for a page that continues the table
    // with a row: without it such a page would start with no rule above its first row. None
    // when the style draws no rules.
    std::shared_ptr<std::vector<VBox>> top_rule_header() const {
        if (m_style.rules == style::TableRules::None) return nullptr;
        RowBand rule;
        rule.style = band_style(true);
        VBox box;
        box.items = rule.take_all();
        return std::make_shared<std::vector<VBox>>(1, std::move(box));
    }

    // The "(continued)" line set above a repeated header, when the table style asks for one.
    std::vector<VBox> continued_line() {
        std::vector<VBox> boxes;
        if (m_style.continued_text.empty()) return boxes;
        const auto& style = paragraph_style(m_style.continued_style, m_table.span, m_ctx);
        std::vector<VItem> items;
        std::vector<doc::TextRun> runs{{m_style.continued_text, {}, {}, false, m_table.span}};
        layout_paragraph(style_runs(runs, style, m_ctx), style, m_table.span, ParagraphOptions{}, m_env, m_ctx, items);
        for (auto& item : items)
            if (auto* b = std::get_if<VBox>(&item)) boxes.push_back(std::move(*b));
        return boxes;
    }

    const doc::Table& m_table;
    // The rows and columns laid out: the expanded ones for a table generated from data.
    const std::vector<doc::TableRow>& m_rows;
    const std::vector<doc::ColumnSpec>& m_specs;
    const BlockEnv m_env;
    Length m_indent;
    LayoutContext& m_ctx;
    const style::TableStyle& m_style;
    std::vector<GridCell> m_cells;
    size_t m_columns = 0;
    std::vector<Length> m_widths, m_x, m_heights;
    Length m_quarter_page;
    std::vector<size_t> m_row_first_cell;  // index of each row's first cell; rows+1 entries
    std::shared_ptr<const ContinuedMark> m_row_mark;  // atop a split row's first cell on its new page
};

}  // namespace

void layout_table(const doc::Table& table, const BlockEnv& env, LayoutContext& ctx, std::vector<VItem>& out,
                  const std::function<void()>& after_band) {
    TableBuilder(table, env, ctx).build(out, after_band);
}

void repeat_above_headers(std::vector<VItem>& items, size_t from, const std::vector<VBox>& above) {
    if (above.empty()) return;
    std::map<const std::vector<VBox>*, std::shared_ptr<const std::vector<VBox>>> made;
    for (size_t k = from; k < items.size(); ++k) {
        auto* box = std::get_if<VBox>(&items[k]);
        if (!box || !box->repeat_header()) continue;
        auto& with = made[box->repeat_header().get()];
        if (!with) {
            auto header = std::make_shared<std::vector<VBox>>(above);
            header->insert(header->end(), box->repeat_header()->begin(), box->repeat_header()->end());
            with = std::move(header);
        }
        box->edit_extras().repeat_header = with;
    }
}

}  // namespace reportc::layout
