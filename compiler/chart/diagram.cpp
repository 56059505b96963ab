// Diagrams: boxes sized from their text, laid out in rows of equal widths (and equal heights per
// row), nested boxes inside their parent under its text, connectors as elbow paths with
// arrowheads. A box with neither title nor text is a plain group: only its boxes are drawn.
#include <algorithm>
#include <cmath>
#include <map>

#include "chart/painter.h"

namespace reportc::chart {
namespace {

constexpr double kPad = 6, kRadius = 3, kMinBox = 72, kArrow = 5;

struct Node {
    const doc::DiagramNode* doc = nullptr;  // nullptr: the diagram itself (a group of its boxes)
    bool group = false;
    Box box;
    std::vector<std::string> title_lines, label_lines;
    double text_h = 0;
    std::vector<std::vector<Node>> rows;
    std::vector<double> row_heights;
};

class DiagramLayout {
public:
    DiagramLayout(Painter& p, const doc::Diagram& diagram) : m_p(p), m_diagram(diagram) {
        m_label = p.label_style();
        m_label.size *= 1.125;
        m_title = m_label;
        m_title.bold = true;
        const bool edges = !diagram.edges.empty();
        m_gap_x = edges ? 20 : 10;
        m_gap_y = edges ? 18 : 10;
        m_accent = p.color(0);
    }

    double run(double width, double height) {
        double y = m_p.paragraph(m_diagram.title, m_p.title_style(), 0, 0, width, Anchor::Center, 3);
        if (y > 0) y += 6;
        m_root.group = true;
        std::vector<const doc::DiagramNode*> top;
        for (const auto& n : m_diagram.nodes) top.push_back(&n);
        double natural = measure_children(m_root, top, width, m_diagram.layout == "column" ? 1 : top.size());
        double h = std::max(natural, height - y);
        position(m_root, 0, y, width, h);
        draw(m_root);
        index(m_root);
        for (const auto& e : m_diagram.edges) connector(e);
        return y + h;
    }

private:
    // Lays the boxes out in rows of at most `per_row`, each at least kMinBox wide (or as wide as
    // its longest word); returns the rows' natural height.
    double measure_children(Node& node, const std::vector<const doc::DiagramNode*>& children, double width, size_t per_row) {
        if (children.empty()) return 0;
        per_row = std::max<size_t>(1, std::min(per_row, children.size()));
        double min_w = kMinBox;
        for (const auto* c : children) min_w = std::max(min_w, widest_word(*c) + 2 * kPad + 2);
        while (per_row > 1 && (width - double(per_row - 1) * m_gap_x) / double(per_row) < min_w) --per_row;
        const double child_w = (width - double(per_row - 1) * m_gap_x) / double(per_row);
        double total = 0;
        for (size_t i = 0; i < children.size(); i += per_row) {
            node.rows.emplace_back();
            double row_h = 0;
            for (size_t k = i; k < std::min(children.size(), i + per_row); ++k) {
                Node child;
                row_h = std::max(row_h, measure(child, *children[k], child_w));
                node.rows.back().push_back(std::move(child));
            }
            node.row_heights.push_back(row_h);
            total += row_h + (i > 0 ? m_gap_y : 0);
        }
        return total;
    }

    double widest_word(const doc::DiagramNode& d) const {
        double w = 0;
        auto scan = [&](const std::string& text, const TextStyle& style) {
            size_t pos = 0;
            while (pos < text.size()) {
                size_t space = text.find(' ', pos);
                if (space == std::string::npos) space = text.size();
                w = std::max(w, m_p.text().width(std::string_view(text).substr(pos, space - pos), style));
                pos = space + 1;
            }
        };
        scan(d.title, m_title);
        scan(d.label, m_label);
        return w;
    }

    double measure(Node& node, const doc::DiagramNode& d, double width) {
        node.doc = &d;
        node.group = d.title.empty() && d.label.empty() && !d.emphasis && !d.children.empty();
        node.box.w = width;
        const double pad = node.group ? 0 : kPad;
        const double inner = width - 2 * pad;
        node.title_lines = m_p.text().wrap(d.title, m_title, inner, 0);
        node.label_lines = m_p.text().wrap(d.label, m_label, inner, 0);
        node.text_h = double(node.title_lines.size()) * m_p.text().leading(m_title) +
                      double(node.label_lines.size()) * m_p.text().leading(m_label);
        std::vector<const doc::DiagramNode*> children;
        for (const auto& c : d.children) children.push_back(&c);
        double kids = measure_children(node, children, inner, children.size());
        double gap = node.text_h > 0 && kids > 0 ? kPad + 2 : 0;
        return pad + node.text_h + gap + kids + pad;
    }

    // Places `node` at (x, y) with height h; extra height goes to its rows of boxes (or centres
    // its text when it has none).
    void position(Node& node, double x, double y, double w, double h) {
        node.box = {x, y, w, h};
        if (node.rows.empty()) return;
        const double pad = node.group ? 0 : kPad;
        const double gap = node.text_h > 0 ? kPad + 2 : 0;
        double natural = 0;
        for (size_t r = 0; r < node.rows.size(); ++r) natural += node.row_heights[r] + (r > 0 ? m_gap_y : 0);
        const double room = h - 2 * pad - node.text_h - gap;
        const double extra = std::max(0.0, room - natural) / double(node.rows.size());
        double cy = y + pad + node.text_h + gap;
        const double inner = w - 2 * pad;
        for (size_t r = 0; r < node.rows.size(); ++r) {
            auto& row = node.rows[r];
            const size_t per_row = node.rows.front().size();
            const double child_w = (inner - double(per_row - 1) * m_gap_x) / double(per_row);
            // A shorter last row is centred.
            double cx = x + pad + (inner - (double(row.size()) * child_w + double(row.size() - 1) * m_gap_x)) / 2;
            const double row_h = node.row_heights[r] + extra;
            for (auto& child : row) {
                position(child, cx, cy, child_w, row_h);
                cx += child_w + m_gap_x;
            }
            cy += row_h + m_gap_y;
        }
    }

    void draw(const Node& node) {
        if (node.doc && !node.group) {
            const bool em = node.doc->emphasis;
            m_p.paths().rounded_rect(node.box.x, node.box.y, node.box.w, node.box.h, kRadius);
            if (em) m_p.shape(filled(m_p.paths().take(), m_accent));
            else m_p.shape(filled_stroked(m_p.paths().take(), lighten(m_accent, 0.9), m_accent, 0.75));
            TextStyle title = m_title, label = m_label;
            title.color = em ? Color{0xff, 0xff, 0xff} : m_accent;
            label.color = em ? Color{0xff, 0xff, 0xff} : m_p.style().text;
            double y = node.rows.empty() ? node.box.y + (node.box.h - node.text_h) / 2 : node.box.y + kPad;
            const double cx = node.box.x + node.box.w / 2;
            for (const auto& line : node.title_lines) {
                m_p.put(m_p.text().label(line, title, cx, baseline_in(y, title),
                                         Anchor::Center));
                y += m_p.text().leading(title);
            }
            for (const auto& line : node.label_lines) {
                m_p.put(m_p.text().label(line, label, cx, baseline_in(y, label),
                                         Anchor::Center));
                y += m_p.text().leading(label);
            }
        }
        for (const auto& row : node.rows)
            for (const auto& child : row) draw(child);
    }

    // The baseline of a line whose slot (one leading tall) starts at y: the glyphs centred in it.
    double baseline_in(double y, const TextStyle& style) const {
        const auto& t = m_p.text();
        return y + (t.leading(style) - t.ascent(style) - t.descent(style)) / 2 + t.ascent(style);
    }

    void index(const Node& node) {
        if (node.doc && !node.doc->id.empty()) m_boxes[node.doc->id] = node.box;
        for (const auto& row : node.rows)
            for (const auto& child : row) index(child);
    }

    void connector(const doc::DiagramEdge& e) {
        auto a = m_boxes.find(e.from), b = m_boxes.find(e.to);
        if (a == m_boxes.end() || b == m_boxes.end()) return;  // reported by the reader
        const Box& A = a->second;
        const Box& B = b->second;
        std::vector<std::pair<double, double>> pts;
        const double acx = A.x + A.w / 2, bcx = B.x + B.w / 2, acy = A.y + A.h / 2, bcy = B.y + B.h / 2;
        if (B.y >= A.bottom() - 0.01) {
            double my = (A.bottom() + B.y) / 2;
            pts = {{acx, A.bottom()}, {acx, my}, {bcx, my}, {bcx, B.y}};
        } else if (A.y >= B.bottom() - 0.01) {
            double my = (B.bottom() + A.y) / 2;
            pts = {{acx, A.y}, {acx, my}, {bcx, my}, {bcx, B.bottom()}};
        } else if (B.x >= A.right() - 0.01) {
            double mx = (A.right() + B.x) / 2;
            pts = {{A.right(), acy}, {mx, acy}, {mx, bcy}, {B.x, bcy}};
        } else if (A.x >= B.right() - 0.01) {
            double mx = (B.right() + A.x) / 2;
            pts = {{A.x, acy}, {mx, acy}, {mx, bcy}, {B.right(), bcy}};
        } else {
            return;  // one box inside the other: nothing sensible to draw
        }
        // Drop zero-length legs (aligned boxes give a straight line).
        std::vector<std::pair<double, double>> clean;
        for (const auto& pt : pts)
            if (clean.empty() || std::hypot(pt.first - clean.back().first, pt.second - clean.back().second) > 0.01) clean.push_back(pt);
        if (clean.size() < 2) return;
        auto [ex, ey] = clean.back();
        auto [px, py] = clean[clean.size() - 2];
        double len = std::hypot(ex - px, ey - py);
        double dx = (ex - px) / len, dy = (ey - py) / len;
        const Color color = m_p.style().axis;
        if (e.arrow && len > kArrow) clean.back() = {ex - dx * kArrow, ey - dy * kArrow};
        m_p.paths().move_to(clean[0].first, clean[0].second);
        for (size_t i = 1; i < clean.size(); ++i) m_p.paths().line_to(clean[i].first, clean[i].second);
        m_p.shape(stroked(m_p.paths().take(), color, 0.9));
        if (e.arrow) {
            double bx = ex - dx * kArrow, by = ey - dy * kArrow;
            m_p.paths().move_to(ex, ey).line_to(bx - dy * kArrow * 0.5, by + dx * kArrow * 0.5).line_to(bx + dy * kArrow * 0.5, by - dx * kArrow * 0.5).close();
            m_p.shape(filled(m_p.paths().take(), color));
        }
    }

    Painter& m_p;
    const doc::Diagram& m_diagram;
    TextStyle m_label, m_title;
    double m_gap_x = 10, m_gap_y = 10;
    Color m_accent;
    Node m_root;
    std::map<std::string, Box> m_boxes;  // by id (a string key; looked up only)
};

}  // namespace

Graphic draw_diagram(const doc::Diagram& diagram, Length width, std::optional<Length> height, const ChartStyle& style,
                     const text::FontRegistry& fonts, Diagnostics& diags) {
    Graphic g;
    g.width = width;
    if (diagram.nodes.empty()) {
        diags.error(diagram.span, "expected boxes to draw in the diagram, found none");
        return g;
    }
    Painter painter(style, fonts, diagram.palette);
    DiagramLayout layout(painter, diagram);
    double used = layout.run(width.pt(), height ? height->pt() : 0);
    report_missing(painter.text().missing(), diagram.span, diags);
    g.height = Length::from_pt(std::ceil(used));
    g.items = std::move(painter.items());
    return g;
}

}  // namespace reportc::chart
