#include "doc/block_codec.h"

#include <bit>
#include <concepts>
#include <cstring>
#include <limits>
#include <type_traits>
#include <utility>

namespace reportc::doc {

// Each node's fields are listed once, below, for both directions: a Writer reads them, a Reader
// fills them. A field added to a node must be added here: these sizes (x86-64, libstdc++) stop
// the build until it is (the codec round trip test checks the lists against the printed nodes).
static_assert(sizeof(Span) == 12 && sizeof(NodeId) == 4 && sizeof(Color) == 3);
static_assert(sizeof(Reference) == 80);
static_assert(sizeof(ResolvedReference) == 104);
static_assert(sizeof(VariableUse) == 136);
static_assert(sizeof(ResolvedVariable) == 72);
static_assert(sizeof(Numbered) == 96);
static_assert(sizeof(Footnote) == 72);
static_assert(sizeof(TextRun) == 64);
static_assert(sizeof(RunExtras) == 88);
static_assert(sizeof(Paragraph) == 80);
static_assert(sizeof(Section) == 248);
static_assert(sizeof(Article) == 248);
static_assert(sizeof(ListItem) == 144);
static_assert(sizeof(List) == 144);
static_assert(sizeof(Signature) == 80);
static_assert(sizeof(Figure) == 208);
static_assert(sizeof(Image) == 208);
static_assert(sizeof(PageBreak) == 16);
static_assert(sizeof(Contents) == 48);
static_assert(sizeof(Division) == 48);
static_assert(sizeof(ColumnSpec) == 56);
static_assert(sizeof(TableCell) == 88);
static_assert(sizeof(TableRow) == 104);
static_assert(sizeof(ExpandedTable) == 80);
static_assert(sizeof(Table) == 440);
static_assert(sizeof(Frame) == 48);
static_assert(sizeof(Rule) == 144);
static_assert(sizeof(Qr) == 192);
static_assert(sizeof(Keeps) == 8);
static_assert(sizeof(Condition) == 48);
static_assert(sizeof(Block) == 104);
static_assert(sizeof(ChartSeries) == 136);
static_assert(sizeof(ChartDataSeries) == 64);
static_assert(sizeof(ChartData) == 72);
static_assert(sizeof(Chart) == 720);
static_assert(sizeof(DiagramNode) == 144);
static_assert(sizeof(DiagramEdge) == 80);
static_assert(sizeof(Diagram) == 248);
static_assert(sizeof(FieldCondition) == 72);
static_assert(sizeof(SortKey) == 40);
static_assert(sizeof(Aggregate) == 224);

namespace {

// T, read (const) or filled.
template <typename U, typename T>
concept Like = std::same_as<std::remove_const_t<U>, T>;

// The fields of each node, in one order for both directions.
template <typename A> void io(A& a, Like<Reference> auto& x) { a(x.to, x.show, x.show_span); }
template <typename A> void io(A& a, Like<ResolvedReference> auto& x) { a(x.anchor, x.text, x.shows_page, x.after_page); }
template <typename A> void io(A& a, Like<VariableUse> auto& x) { a(x.name, x.letter_case, x.format, x.fallback); }
template <typename A> void io(A& a, Like<ResolvedVariable> auto& x) { a(x.text, x.page_value, x.anchor); }
template <typename A> void io(A& a, Like<Numbered> auto& x) { a(x.label, x.number, x.prefix); }
template <typename A> void io(A& a, Like<Footnote> auto& x) { a(x.id, x.runs, x.span, x.node); }
template <typename A> void io(A& a, Like<RunExtras> auto& x) {
    a(x.link, x.ref, x.resolved, x.footnote, x.variable, x.resolved_variable, x.image);
}
template <typename A> void io(A& a, Like<TextRun> auto& x) { a(x.text, x.char_styles, x.line_break, x.span, x.abbreviation, x.extras); }
template <typename A> void io(A& a, Like<Paragraph> auto& x) { a(x.style, x.id, x.runs, x.span, x.node); }
template <typename A> void io(A& a, Like<Section> auto& x) {
    a(x.id, x.title, x.style, x.short_title, x.number, x.numbered, x.page_master, x.level, x.children, x.span, x.node);
}
template <typename A> void io(A& a, Like<Article> auto& x) {
    a(x.id, x.title, x.date, x.place, x.short_title, x.number, x.numbered, x.place_first, x.level, x.children, x.span, x.node);
}
template <typename A> void io(A& a, Like<ListItem> auto& x) { a(x.label, x.id, x.number, x.numbered, x.blocks, x.span, x.node); }
template <typename A> void io(A& a, Like<List> auto& x) { a(x.style, x.marker, x.numbering, x.start, x.items, x.span, x.node); }
template <typename A> void io(A& a, Like<Signature> auto& x) { a(x.name, x.role, x.span, x.node); }
template <typename A> void io(A& a, Like<Figure> auto& x) {
    a(x.id, x.caption, x.kind, x.number, x.separator, x.numbered, x.children, x.span, x.node);
}
template <typename A> void io(A& a, Like<Image> auto& x) {
    a(x.src, x.path, x.width, x.height, x.alt, x.fit, x.src_span, x.decoded, x.span, x.node);
}
template <typename A> void io(A& a, Like<PageBreak> auto& x) { a(x.span, x.node); }
template <typename A> void io(A& a, Like<Contents> auto& x) { a(x.span, x.node, x.kind); }
template <typename A> void io(A& a, Like<Division> auto& x) { a(x.page_master, x.children, x.span, x.node); }
template <typename A> void io(A& a, Like<ColumnSpec> auto& x) { a(x.kind, x.value, x.span); }
template <typename A> void io(A& a, Like<TableCell> auto& x) {
    a(x.colspan, x.rowspan, x.align, x.valign, x.shade, x.style, x.blocks, x.span, x.node, x.changed);
}
template <typename A> void io(A& a, Like<TableRow> auto& x) { a(x.kind, x.id, x.shade, x.style, x.cells, x.span, x.node, x.change); }
template <typename A> void io(A& a, Like<ExpandedTable> auto& x) { a(x.style, x.columns, x.rows); }
template <typename A> void io(A& a, Like<Table> auto& x) {
    a(x.style, x.id, x.columns, x.rows, x.template_name, x.data_path, x.data_span, x.aggregate, x.expanded, x.span, x.node);
}
template <typename A> void io(A& a, Like<Frame> auto& x) { a(x.style, x.children, x.span, x.node); }
template <typename A> void io(A& a, Like<Rule> auto& x) { a(x.width, x.thickness, x.color, x.align, x.span, x.node); }
template <typename A> void io(A& a, Like<Qr> auto& x) {
    a(x.data, x.size, x.level, x.quiet_zone, x.color, x.align, x.link, x.link_given, x.alt, x.span, x.node);
}
template <typename A> void io(A& a, Like<Keeps> auto& x) { a(x.together, x.with_next, x.break_before, x.break_after); }
template <typename A> void io(A& a, Like<Condition> auto& x) { a(x.variable, x.unless, x.span); }
template <typename A> void io(A& a, Like<Block> auto& x) { a(x.node, x.keeps, x.condition); }
template <typename A> void io(A& a, Like<ChartSeries> auto& x) { a(x.name, x.derived, x.value_spans, x.raw_values, x.field, x.span); }
template <typename A> void io(A& a, Like<ChartDataSeries> auto& x) { a(x.name, x.values, x.derived); }
template <typename A> void io(A& a, Like<ChartData> auto& x) { a(x.categories, x.series, x.palette); }
template <typename A> void io(A& a, Like<Chart> auto& x) {
    a(x.id, x.type, x.title, x.x_label, x.y_label, x.unit, x.note, x.width, x.height, x.categories, x.series, x.data_path,
      x.x_field, x.y_fields, x.derived_fields, x.data_span, x.x_span, x.aggregate, x.resolved, x.span, x.node);
}
template <typename A> void io(A& a, Like<DiagramNode> auto& x) { a(x.id, x.label, x.title, x.emphasis, x.children, x.span); }
template <typename A> void io(A& a, Like<DiagramEdge> auto& x) { a(x.from, x.to, x.arrow, x.span); }
template <typename A> void io(A& a, Like<Diagram> auto& x) {
    a(x.id, x.layout, x.title, x.width, x.height, x.nodes, x.edges, x.palette, x.span, x.node);
}
template <typename A> void io(A& a, Like<FieldCondition> auto& x) { a(x.field, x.equals, x.value); }
template <typename A> void io(A& a, Like<SortKey> auto& x) { a(x.field, x.descending); }
template <typename A> void io(A& a, Like<Aggregate> auto& x) {
    a(x.where, x.group_by, x.count, x.sums, x.sort, x.where_span, x.group_by_span, x.count_span, x.sum_span, x.sort_span);
}
template <typename A> void io(A& a, Like<Span> auto& x) { a(x.file, x.begin, x.end); }
template <typename A> void io(A& a, Like<Color> auto& x) { a(x.r, x.g, x.b); }

uint64_t zigzag(int64_t v) { return (uint64_t(v) << 1) ^ uint64_t(v >> 63); }
int64_t unzigzag(uint64_t v) { return int64_t(v >> 1) ^ -int64_t(v & 1); }

// The index in `table` of a shared pointer, 0 for none: each use its own entry (the pointers
// are kept, never compared).
template <typename P>
uint64_t shared_index(std::vector<P>& table, const P& p) {
    if (!p) return 0;
    table.push_back(p);
    return table.size();
}

}  // namespace

struct BlockCodec::Writer {
    BlockCodec& codec;
    std::string& out;

    template <typename... Ts>
        requires(sizeof...(Ts) > 1)
    void operator()(const Ts&... xs) {
        ((*this)(xs), ...);
    }

    void varint(uint64_t v) {
        while (v >= 0x80) {
            out.push_back(char((v & 0x7f) | 0x80));
            v >>= 7;
        }
        out.push_back(char(v));
    }
    void operator()(bool b) { out.push_back(b ? 1 : 0); }
    void operator()(uint8_t v) { out.push_back(char(v)); }
    void operator()(std::unsigned_integral auto v) { varint(v); }
    void operator()(std::signed_integral auto v) { varint(zigzag(v)); }
    template <typename E>
        requires std::is_enum_v<E>
    void operator()(E e) {
        (*this)(std::underlying_type_t<E>(e));
    }
    void operator()(double d) {
        const uint64_t bits = std::bit_cast<uint64_t>(d);
        for (int i = 0; i < 8; ++i) out.push_back(char(bits >> (8 * i)));  // little-endian whatever the machine
    }
    void operator()(const std::string& s) {
        varint(s.size());
        out.append(s);
    }
    void operator()(NodeId id) { varint(id.value); }
    void operator()(const Name& n) {
        auto [it, added] = codec.m_name_index.try_emplace(n.str(), uint32_t(codec.m_names.size()));
        if (added) codec.m_names.push_back(n);
        varint(it->second);
    }
    void operator()(const StyleList& s) {
        auto [it, added] = codec.m_styles_index.try_emplace(s.list(), uint32_t(codec.m_styles.size()));
        if (added) codec.m_styles.push_back(s);
        varint(it->second);
    }
    void operator()(const std::shared_ptr<Image>& p) { varint(shared_index(codec.m_images, p)); }
    void operator()(const std::shared_ptr<const image::Image>& p) { varint(shared_index(codec.m_decoded, p)); }
    template <typename T>
    void operator()(const std::vector<T>& v) {
        varint(v.size());
        for (const auto& x : v) (*this)(x);
    }
    template <typename T>
    void operator()(const std::optional<T>& o) {
        (*this)(o.has_value());
        if (o) (*this)(*o);
    }
    template <typename T>
    void operator()(const Boxed<T>& b) {
        (*this)(b.has_value());
        if (b) (*this)(*b);
    }
    template <typename T>
    void operator()(const Indirect<T>& p) {
        (*this)(*p);
    }
    template <typename... Ts>
    void operator()(const std::variant<Ts...>& v) {
        varint(v.index());
        std::visit([this](const auto& x) { (*this)(x); }, v);
    }
    template <typename T>
        requires requires(Writer& w, const T& x) { io(w, x); }
    void operator()(const T& x) {
        io(*this, x);
    }
};

struct BlockCodec::Reader {
    const BlockCodec& codec;
    std::string_view in;
    bool failed = false;

    template <typename... Ts>
        requires(sizeof...(Ts) > 1)
    void operator()(Ts&... xs) {
        ((*this)(xs), ...);
    }

    uint64_t varint() {
        uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (in.empty()) break;
            const auto byte = uint8_t(in.front());
            in.remove_prefix(1);
            v |= uint64_t(byte & 0x7f) << shift;
            if (!(byte & 0x80)) return v;
        }
        failed = true;
        return 0;
    }
    uint8_t byte() {
        if (in.empty()) {
            failed = true;
            return 0;
        }
        const auto b = uint8_t(in.front());
        in.remove_prefix(1);
        return b;
    }
    // A count of things each at least one byte long: never more than the bytes left.
    size_t count() {
        const uint64_t n = varint();
        if (n > in.size()) failed = true;
        return failed ? 0 : size_t(n);
    }
    void operator()(bool& b) {
        const uint8_t v = byte();
        if (v > 1) failed = true;
        b = v == 1;
    }
    void operator()(uint8_t& v) { v = byte(); }
    template <std::unsigned_integral T>
    void operator()(T& v) {
        const uint64_t u = varint();
        if (u > std::numeric_limits<T>::max()) failed = true;
        v = T(u);
    }
    template <std::signed_integral T>
    void operator()(T& v) {
        const int64_t s = unzigzag(varint());
        if (s < std::numeric_limits<T>::min() || s > std::numeric_limits<T>::max()) failed = true;
        v = T(s);
    }
    template <typename E>
        requires std::is_enum_v<E>
    void operator()(E& e) {
        std::underlying_type_t<E> u{};
        (*this)(u);
        e = E(u);
    }
    void operator()(double& d) {
        uint64_t bits = 0;
        for (int i = 0; i < 8; ++i) bits |= uint64_t(byte()) << (8 * i);
        d = std::bit_cast<double>(bits);
    }
    void operator()(std::string& s) {
        const size_t n = count();
        s.assign(in.substr(0, n));
        in.remove_prefix(n);
    }
    void operator()(NodeId& id) { (*this)(id.value); }
    template <typename T>
    const T* entry(const std::vector<T>& table, uint64_t index) {
        if (index < table.size()) return &table[index];
        failed = true;
        return nullptr;
    }
    void operator()(Name& n) {
        if (const auto* e = entry(codec.m_names, varint())) n = *e;
    }
    void operator()(StyleList& s) {
        if (const auto* e = entry(codec.m_styles, varint())) s = *e;
    }
    template <typename P>
    void shared(const std::vector<P>& table, P& p) {
        const uint64_t index = varint();
        if (index == 0) p.reset();
        else if (const auto* e = entry(table, index - 1)) p = *e;
    }
    void operator()(std::shared_ptr<Image>& p) { shared(codec.m_images, p); }
    void operator()(std::shared_ptr<const image::Image>& p) { shared(codec.m_decoded, p); }
    template <typename T>
    void operator()(std::vector<T>& v) {
        v.clear();
        v.resize(count());
        for (auto& x : v) {
            if (failed) return;
            (*this)(x);
        }
    }
    template <typename T>
    void operator()(std::optional<T>& o) {
        bool present = false;
        (*this)(present);
        if (present) (*this)(o.emplace());
        else o.reset();
    }
    template <typename T>
    void operator()(Boxed<T>& b) {
        bool present = false;
        (*this)(present);
        if (present) (*this)(b.emplace());
        else b.reset();
    }
    template <typename T>
    void operator()(Indirect<T>& p) {
        (*this)(*p);
    }
    template <typename V, size_t... I>
    void alternative(V& v, size_t index, std::index_sequence<I...>) {
        const bool known = ((index == I ? ((*this)(v.template emplace<I>()), true) : false) || ...);
        if (!known) failed = true;
    }
    template <typename... Ts>
    void operator()(std::variant<Ts...>& v) {
        alternative(v, size_t(varint()), std::index_sequence_for<Ts...>{});
    }
    template <typename T>
        requires requires(Reader& r, T& x) { io(r, x); }
    void operator()(T& x) {
        if (!failed) io(*this, x);
    }
};

void BlockCodec::encode(const Block& block, std::string& out) {
    Writer w{*this, out};
    w(block);
}

std::optional<Block> BlockCodec::decode(std::string_view bytes) const {
    Reader r{*this, bytes};
    Block block;
    r(block);
    if (r.failed || !r.in.empty()) return std::nullopt;
    return block;
}

}  // namespace reportc::doc
