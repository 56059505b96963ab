#include "doc/footprint.h"

#include <iomanip>
#include <type_traits>

#include "doc/walk.h"

namespace reportc::doc {
namespace {

// The heap a string holds: none while it fits the string itself (libstdc++: 15 characters).
size_t heap_of(const std::string& s) { return s.capacity() > 15 ? s.capacity() + 1 : 0; }

struct Counter {
    Footprint& f;

    void add(const char* share, size_t bytes, size_t count = 1, bool allocated = false) {
        auto& s = f.shares[share];
        s.count += count;
        s.bytes += bytes;
        s.allocations += allocated ? 1 : 0;
    }
    void string(const char* share, const std::string& s) {
        if (heap_of(s)) add(share, heap_of(s), 1, true);
    }
    template <typename T>
    void slots(const char* share, const std::vector<T>& v) {
        if (v.capacity()) add(share, v.capacity() * sizeof(T), v.capacity(), true);
    }
    void blocks(const std::vector<Block>& bs) {
        slots("block slots", bs);
        // A block's condition is its own: the walk sees the node only.
        for (const auto& b : bs)
            if (b.condition) add("block: condition (boxed)", sizeof(Condition), 1, true);
    }
    template <typename T>
    void boxed(const char* share, const Boxed<T>& b) {
        if (b) add(share, sizeof(T), 1, true);
    }

    // A node: counted, and its own bytes when its block holds it by pointer (doc/block_node.h).
    template <typename T>
    void node(const char* share, const T&) {
        constexpr bool by_pointer = !std::is_same_v<typename StoredAs<T>::type, T>;
        add(share, by_pointer ? sizeof(T) : 0, 1, by_pointer);
    }

    void run(const TextRun& run) {
        string("run: text", run.text);
        boxed("run: link, reference, footnote, variable, image (RunExtras)", run.extras);
        if (!run.extras) return;
        const RunExtras& r = *run.extras;
        string("run: link", r.link);
        boxed("run: reference, footnote, variable (boxed)", r.ref);
        boxed("run: reference, footnote, variable (boxed)", r.resolved);
        boxed("run: reference, footnote, variable (boxed)", r.footnote);
        boxed("run: reference, footnote, variable (boxed)", r.variable);
        boxed("run: reference, footnote, variable (boxed)", r.resolved_variable);
        if (r.resolved) {
            string("run: resolved reference (strings)", r.resolved->anchor);
            string("run: resolved reference (strings)", r.resolved->text);
        }
    }
    void runs(const std::vector<TextRun>& rs) {
        slots("run slots (TextRun)", rs);
        for (const auto& r : rs) run(r);
    }
    void numbered(const Boxed<Numbered>& n) {
        boxed("numbered (boxed)", n);
        if (!n) return;
        string("numbered (boxed)", n->label);
        string("numbered (boxed)", n->number);
        string("numbered (boxed)", n->prefix);
    }

    void enter(const Paragraph& n) {
        node("paragraph", n);
        string("paragraph: id", n.id);  // its style is interned (doc/name.h)
        runs(n.runs);
    }
    void enter(const Footnote& n) {
        node("footnote", n);
        string("footnote: id", n.id);
        runs(n.runs);
    }
    void enter(const Section& n) {
        node("section", n);
        for (const auto* s : {&n.id, &n.title, &n.style, &n.short_title, &n.number, &n.page_master})
            string("section, article: strings", *s);
        numbered(n.numbered);
        blocks(n.children);
    }
    void enter(const Article& n) {
        node("article", n);
        for (const auto* s : {&n.id, &n.title, &n.date, &n.place, &n.short_title, &n.number})
            string("section, article: strings", *s);
        numbered(n.numbered);
        blocks(n.children);
    }
    void enter(const List& n) {
        node("list", n);
        for (const auto* s : {&n.style, &n.marker, &n.numbering}) string("list, list item: strings", *s);
        slots("list item slots (ListItem)", n.items);
    }
    void enter(const ListItem& n) {
        for (const auto* s : {&n.label, &n.id, &n.number}) string("list, list item: strings", *s);
        numbered(n.numbered);
        blocks(n.blocks);
    }
    void enter(const Table& n) {
        node("table", n);
        string("table: strings", n.style);
        string("table: strings", n.id);
        slots("table: rows, columns (slots)", n.rows);
        slots("table: rows, columns (slots)", n.columns);
        if (n.expanded) {
            add("table: rows, columns (slots)", sizeof(ExpandedTable), 1, true);
            slots("table: rows, columns (slots)", n.expanded->rows);
            slots("table: rows, columns (slots)", n.expanded->columns);
        }
    }
    void enter(const TableRow& n) {
        node("table row", n);
        string("table row: id", n.id);  // its shade and style are interned (doc/name.h), as a cell's
        slots("table cell slots (TableCell)", n.cells);
    }
    void enter(const TableCell& n) {
        blocks(n.blocks);
    }
    void enter(const Figure& n) {
        node("figure", n);
        numbered(n.numbered);
        blocks(n.children);
    }
    void enter(const Division& n) { blocks(n.children); }
    void enter(const Frame& n) { blocks(n.children); }
    void enter(const Chart& n) { node("chart, diagram, image, other leaves", n); }
    void enter(const Diagram& n) { node("chart, diagram, image, other leaves", n); }
    void enter(const Signature& n) { node("chart, diagram, image, other leaves", n); }
    void enter(const PageBreak& n) { node("chart, diagram, image, other leaves", n); }
    void enter(const Contents& n) { node("chart, diagram, image, other leaves", n); }
    void enter(const Rule& n) { node("chart, diagram, image, other leaves", n); }
    void enter(const Image& n) { node("chart, diagram, image, other leaves", n); }
    void enter(const Qr& n) { node("chart, diagram, image, other leaves", n); }
};

}  // namespace

Footprint& Footprint::operator+=(const Footprint& other) {
    for (const auto& [name, share] : other.shares) {
        auto& mine = shares[name];
        mine.count += share.count;
        mine.bytes += share.bytes;
        mine.allocations += share.allocations;
    }
    return *this;
}

size_t Footprint::bytes() const {
    size_t sum = 0;
    for (const auto& [name, s] : shares) sum += s.bytes;
    return sum;
}

size_t Footprint::allocations() const {
    size_t sum = 0;
    for (const auto& [name, s] : shares) sum += s.allocations;
    return sum;
}

Footprint footprint_of(const Document& document) {
    Footprint f;
    Counter c{f};
    c.blocks(document.blocks);
    walk(document.blocks, c);
    return f;
}

std::ostream& operator<<(std::ostream& os, const Footprint& f) {
    os << "the parsed document: " << f.bytes() << " bytes in " << f.allocations() << " heap blocks\n";
    for (const auto& [name, s] : f.shares)
        os << "  " << std::left << std::setw(46) << name << std::right << std::setw(12) << s.bytes << " bytes"
           << std::setw(10) << s.count << " counted" << std::setw(10) << s.allocations << " blocks\n";
    return os;
}

}  // namespace reportc::doc
