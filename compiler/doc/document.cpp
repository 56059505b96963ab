#include "doc/document.h"
#include "doc/layout_source.h"
#include "doc/walk.h"

#include <algorithm>
#include <cctype>

namespace reportc::doc {

// The document is held through both layout passes, one node per block and run of the whole body:
// these sizes (64-bit) are what a plain run and a block cost before their text and children
// (docs/performance.md, "Peak memory"). A new field that is mostly unset goes in a Boxed.
static_assert(sizeof(void*) != 8 || sizeof(TextRun) <= 64, "a plain text run grew: put its rare fields in RunExtras");
static_assert(sizeof(void*) != 8 || sizeof(Block) <= 104, "a block grew: box the rare fields of its largest node");
// The nodes larger than a paragraph are held by pointer in a block (doc/indirect.h); the largest
// node held in place sets a block's size.
static_assert(sizeof(void*) != 8 || (sizeof(Paragraph) <= 80 && sizeof(Division) <= 80 && sizeof(Frame) <= 80 &&
                                     sizeof(Signature) <= 80 && sizeof(Contents) <= 80 && sizeof(PageBreak) <= 80),
              "a block's largest node grew: box its rare fields, or hold it by pointer");
static_assert(sizeof(void*) != 8 || sizeof(ListItem) <= 144, "a list item grew: box its rare fields");
// Style names, alignments and shades are interned (doc/name.h): a data table's cells are many.
static_assert(sizeof(void*) != 8 || (sizeof(TableCell) <= 88 && sizeof(TableRow) <= 104), "a table cell or row grew");

bool is_link_data(std::string data) {
    std::transform(data.begin(), data.end(), data.begin(), [](unsigned char c) { return std::tolower(c); });
    return data.starts_with("http://") || data.starts_with("https://") || data.starts_with("mailto:");
}

Span span_of(const Block& b) {
    return visit_node([](const auto& n) { return n.span; }, b);
}

const RunExtras& TextRun::rare() const {
    static const RunExtras none;
    return extras ? *extras : none;
}

const std::string& shown_text(const TextRun& run) {
    if (!run.extras) return run.text;
    const RunExtras& x = *run.extras;
    if (x.resolved_variable) return x.resolved_variable->text;
    return x.resolved ? x.resolved->text : run.text;
}

std::string numbered_title(const std::string& title, const Boxed<Numbered>& numbered) {
    return numbered ? numbered->prefix + title : title;
}

const std::vector<TableRow>& rows_of(const Table& t) { return t.expanded ? t.expanded->rows : t.rows; }
std::vector<TableRow>& rows_of(Table& t) { return t.expanded ? t.expanded->rows : t.rows; }
const std::vector<ColumnSpec>& columns_of(const Table& t) { return t.expanded ? t.expanded->columns : t.columns; }
const std::string& style_of(const Table& t) { return t.expanded ? t.expanded->style : t.style; }

std::string plain_text(const std::vector<TextRun>& runs) {
    std::string out;
    for (const auto& r : runs) out += r.line_break ? "\n" : shown_text(r);
    return out;
}

std::ostream& operator<<(std::ostream& os, const TextRun& run) {
    if (run.line_break) return os << "<br>";
    const RunExtras& r = run.rare();
    if (r.ref) {
        os << "<ref " << r.ref->to << " " << r.ref->show;
        if (r.resolved)
            os << " -> #" << r.resolved->anchor << " \"" << r.resolved->text << (r.resolved->shows_page ? "{page}" : "")
               << r.resolved->after_page << "\"";
        os << ">";
    }
    if (r.footnote) os << "<footnote" << (r.footnote->id.empty() ? "" : " #" + r.footnote->id) << ">";
    if (r.variable) {
        os << "<var " << r.variable->name;
        if (r.resolved_variable)
            os << (r.resolved_variable->page_value ? " -> #" + r.resolved_variable->anchor : " -> \"" + r.resolved_variable->text + "\"");
        os << ">";
    }
    if (r.image) os << "<image " << r.image->src << ">";
    os << "\"" << run.text << "\"";
    for (const auto& s : run.char_styles) os << "[" << s << "]";
    if (!r.link.empty()) os << "->" << r.link;
    return os;
}

namespace {

// Prints one line per node, indented by depth: every node type, so a failing test shows the
// whole tree it was given.
class Printer {
public:
    explicit Printer(std::ostream& os, int depth) : m_os(os), m_depth(depth) {}

    void enter(const Paragraph& n) {
        line() << "p(" << n.style << ")" << id(n.id);
        for (const auto& r : n.runs) m_os << " " << r;
        m_os << "\n";
        ++m_depth;
    }
    void enter(const Footnote& n) {
        line() << "footnote" << id(n.id);
        for (const auto& r : n.runs) m_os << " " << r;
        m_os << "\n";
        ++m_depth;
    }
    void enter(const Section& n) {
        line() << "section " << n.level << " \"" << n.title << "\"" << short_title(n.short_title) << id(n.id)
               << (n.page_master.empty() ? "" : " master=" + n.page_master) << "\n";
        ++m_depth;
    }
    void enter(const Article& n) {
        line() << "article \"" << n.title << "\"" << short_title(n.short_title) << " date=\"" << n.date << "\" place=\"" << n.place << "\"" << id(n.id) << "\n";
        ++m_depth;
    }
    void enter(const List& n) { line() << "list marker=\"" << n.marker << "\"\n"; ++m_depth; }
    void enter(const ListItem& n) { line() << "item" << (n.label.empty() ? "" : " label=\"" + n.label + "\"") << "\n"; ++m_depth; }
    void enter(const Signature& n) { line() << "signature \"" << n.name << "\" \"" << n.role << "\"\n"; ++m_depth; }
    void enter(const Figure& n) {
        line() << "figure " << n.kind << id(n.id) << " \"" << numbered_title(n.caption, n.numbered) << "\"\n";
        ++m_depth;
    }
    void enter(const PageBreak&) { line() << "page-break\n"; ++m_depth; }
    void enter(const Contents&) { line() << "contents\n"; ++m_depth; }
    void enter(const Division& n) { line() << "division master=" << n.page_master << "\n"; ++m_depth; }
    void enter(const Frame& n) { line() << "frame style=" << n.style << "\n"; ++m_depth; }
    void enter(const Rule& n) {
        line() << "rule width=" << n.width << " thickness=" << n.thickness << " color=" << n.color << " align=" << n.align << "\n";
        ++m_depth;
    }
    // The table as written, then what expansion made of it; the rows below are those walked
    // (the expanded ones when there are).
    void enter(const Table& n) {
        line() << "table" << id(n.id) << " style=" << n.style << " columns=" << n.columns.size() << " rows=" << n.rows.size()
               << (n.template_name.empty() ? "" : " template=" + n.template_name);
        if (n.expanded) m_os << " " << *n.expanded;
        m_os << "\n";
        ++m_depth;
    }
    void enter(const TableRow& n) {
        static const char* kinds[] = {"body", "header", "section", "footer"};
        line() << "row " << kinds[int(n.kind)] << id(n.id) << "\n";
        ++m_depth;
    }
    void enter(const TableCell& n) {
        line() << "cell";
        if (n.colspan > 1) m_os << " colspan=" << n.colspan;
        if (n.rowspan > 1) m_os << " rowspan=" << n.rowspan;
        if (!n.align.empty()) m_os << " align=" << n.align;
        m_os << "\n";
        ++m_depth;
    }
    // The chart as written (its series one a line), then its resolved data when there are.
    void enter(const Chart& n) {
        line() << "chart " << n.type << id(n.id) << " series=" << n.series.size();
        if (!n.data_path.empty()) m_os << " data=" << n.data_path << " x=" << n.x_field;
        m_os << "\n";
        ++m_depth;
        for (const auto& s : n.series) line() << s << "\n";
        if (n.resolved) line() << *n.resolved << "\n";
    }
    void enter(const Image& n) {
        static const char* fits[] = {"contain", "cover", "none"};
        line() << "image " << n.src << " fit=" << fits[int(n.fit)];
        if (!n.width.empty()) m_os << " width=" << n.width;
        if (!n.height.empty()) m_os << " height=" << n.height;
        if (!n.alt.empty()) m_os << " alt=\"" << n.alt << "\"";
        if (n.decoded) m_os << " decoded";
        m_os << "\n";
        ++m_depth;
    }
    void enter(const Qr& n) {
        static const char* levels[] = {"L", "M", "Q", "H"};
        line() << "qr \"" << n.data << "\" level=" << levels[int(n.level)] << " quiet-zone=" << n.quiet_zone;
        if (!n.size.empty()) m_os << " size=" << n.size;
        if (!n.color.empty()) m_os << " color=" << n.color;
        if (!n.align.empty()) m_os << " align=" << n.align;
        if (n.link) m_os << " link";
        if (!n.alt.empty()) m_os << " alt=\"" << n.alt << "\"";
        m_os << "\n";
        ++m_depth;
    }
    void enter(const Diagram& n) { line() << "diagram " << n.layout << id(n.id) << " nodes=" << n.nodes.size() << "\n"; ++m_depth; }

    template <typename Node>
    void leave(const Node&) { --m_depth; }

private:
    std::ostream& line() { return m_os << std::string(size_t(m_depth) * 2, ' '); }
    static std::string id(const std::string& id) { return id.empty() ? "" : " #" + id; }
    static std::string short_title(const std::string& s) { return s.empty() ? "" : " short=\"" + s + "\""; }

    std::ostream& m_os;
    int m_depth;
};

// Numbers every node that has no id yet.
struct Numberer {
    uint32_t& count;
    template <typename Node>
    void enter(Node& n) {
        if (!n.node.assigned()) n.node = NodeId{++count};
    }
};

// Gives back what the vectors of every node hold beyond their size: they grew by doubling while
// the sources were read and the tables expanded, and would keep up to half again their blocks,
// rows and runs through layout. The walk enters a node before it reaches its children, so a
// vector is moved before it is walked.
struct SpareCapacity {
    template <typename Node>
    void enter(Node& n) {
        if constexpr (requires { n.children.shrink_to_fit(); }) n.children.shrink_to_fit();
        if constexpr (requires { n.blocks.shrink_to_fit(); }) n.blocks.shrink_to_fit();
        if constexpr (requires { n.items.shrink_to_fit(); }) n.items.shrink_to_fit();
        if constexpr (requires { n.cells.shrink_to_fit(); }) n.cells.shrink_to_fit();
        if constexpr (requires { n.runs.shrink_to_fit(); }) n.runs.shrink_to_fit();
        if constexpr (std::is_same_v<Node, Table>) rows_of(n).shrink_to_fit();
    }
};

}  // namespace

void number_nodes(Document& document) {
    walk(document.blocks, Numberer{document.node_count});
}

void release_spare_capacity(Document& document) {
    document.blocks.shrink_to_fit();
    walk(document.blocks, SpareCapacity{});
}

std::ostream& operator<<(std::ostream& os, const Block& b) {
    walk(std::vector<Block>{b}, Printer(os, 0));
    return os;
}

std::ostream& operator<<(std::ostream& os, const ChartSeries& s) {
    os << "series \"" << s.name << "\"" << (s.derived ? " derived" : "");
    if (!s.field.empty()) os << " field=" << s.field;
    for (const auto& v : s.raw_values) os << " '" << v << "'";
    return os;
}

std::ostream& operator<<(std::ostream& os, const ChartDataSeries& s) {
    os << "\"" << s.name << "\"" << (s.derived ? " derived" : "") << " =";
    for (double v : s.values) {
        if (v != v) os << " -";  // NaN: a gap
        else os << " " << v;
    }
    return os;
}

std::ostream& operator<<(std::ostream& os, const ChartData& d) {
    os << "resolved categories=[";
    for (size_t i = 0; i < d.categories.size(); ++i) os << (i ? ", " : "") << d.categories[i];
    os << "]";
    for (const auto& s : d.series) os << " {" << s << "}";
    if (!d.palette.empty()) os << " palette=" << d.palette.size();
    return os;
}

std::ostream& operator<<(std::ostream& os, const ExpandedTable& t) {
    return os << "expanded style=" << t.style << " columns=" << t.columns.size() << " rows=" << t.rows.size();
}

std::ostream& operator<<(std::ostream& os, const Document& d) {
    os << "document \"" << d.info.title << "\" layout=" << d.layout_path << "\n";
    walk(d.blocks, Printer(os, 1));
    return os;
}

std::ostream& operator<<(std::ostream& os, const StyleDecl& s) {
    os << (s.kind == StyleDecl::Kind::Paragraph ? "paragraph-style " : "character-style ") << s.name;
    if (!s.based_on.empty()) os << " based-on=" << s.based_on;
    for (const auto& p : s.properties) os << " " << p.name << "=" << p.value;
    return os;
}

}  // namespace reportc::doc
