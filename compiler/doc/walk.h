#pragma once
// The one walk over a document: every node, in document order, children after their parent.
// Every stage that traverses the document uses it, so content anywhere (in a division, a list
// item, a table cell, a figure) is seen by all of them alike.
//
// A visitor provides enter(Node&) for every node type, with no catch-all template: adding a
// node type then fails to compile until each stage has said what it does with it. enter may
// return Walk::Skip to keep the walk out of the node's children (void means Walk::Into). An
// optional leave(Node&) is called after the children, for visitors that keep a context stack.
#include <type_traits>
#include <vector>

#include "doc/document.h"

namespace reportc::doc {

enum class Walk { Into, Skip };

// A visitor inherits PassOver<…> to name the node types it does nothing with (the walk still
// goes into their children). They must be named: a type neither handled nor passed over does
// not compile.
template <typename Node>
struct PassOverOne {
    void enter(const Node&) {}
};
template <typename... Nodes>
struct PassOver : PassOverOne<Nodes>... {
    using PassOverOne<Nodes>::enter...;
};

namespace walk_detail {

template <typename Visitor, typename Node>
bool enter(Visitor& v, Node& n) {
    if constexpr (std::is_void_v<decltype(v.enter(n))>) {
        v.enter(n);
        return true;
    } else {
        return v.enter(n) == Walk::Into;
    }
}

template <typename Visitor, typename Node>
void leave(Visitor& v, Node& n) {
    if constexpr (requires { v.leave(n); }) v.leave(n);
}

template <typename Visitor, typename Blocks>
void blocks(Blocks& list, Visitor& v);

template <typename Visitor, typename Node>
void node(Node& n, Visitor& v) {
    if (!enter(v, n)) return;
    using T = std::remove_const_t<Node>;
    if constexpr (std::is_same_v<T, Section> || std::is_same_v<T, Article> || std::is_same_v<T, Figure> ||
                  std::is_same_v<T, Division> || std::is_same_v<T, Frame>) {
        blocks(n.children, v);
    } else if constexpr (std::is_same_v<T, List>) {
        for (auto& item : n.items) node(item, v);
    } else if constexpr (std::is_same_v<T, ListItem> || std::is_same_v<T, TableCell>) {
        blocks(n.blocks, v);
    } else if constexpr (std::is_same_v<T, Table>) {
        for (auto& row : rows_of(n)) node(row, v);  // the expanded rows once a table is expanded
    } else if constexpr (std::is_same_v<T, TableRow>) {
        for (auto& cell : n.cells) node(cell, v);
    } else if constexpr (std::is_same_v<T, Paragraph>) {
        // A paragraph's children are the footnotes its text calls.
        for (auto& run : n.runs)
            if (run.extras && run.extras->footnote) node(*run.extras->footnote, v);
    } else {
        // Leaves: footnotes, signatures, page breaks, charts, diagrams, contents, rules, images, QR codes.
        static_assert(std::is_same_v<T, Footnote> || std::is_same_v<T, Signature> || std::is_same_v<T, PageBreak> ||
                          std::is_same_v<T, Chart> || std::is_same_v<T, Diagram> || std::is_same_v<T, Contents> ||
                          std::is_same_v<T, Rule> || std::is_same_v<T, Image> ||
                          std::is_same_v<T, Qr>,
                      "doc::walk: a node type with children must say here how to reach them");
    }
    leave(v, n);
}

template <typename Visitor, typename Blocks>
void blocks(Blocks& list, Visitor& v) {
    for (auto& b : list) std::visit([&](auto& n) { node(unboxed(n), v); }, b.node);
}

}  // namespace walk_detail

template <typename Visitor>
void walk(std::vector<Block>& blocks, Visitor&& v) {
    walk_detail::blocks(blocks, v);
}

template <typename Visitor>
void walk(const std::vector<Block>& blocks, Visitor&& v) {
    walk_detail::blocks(blocks, v);
}

// Gives every node of the document its NodeId, in document order (1, 2, 3 …); nodes that
// already have one keep it. Called once, after data expansion.
void number_nodes(Document& document);

// Frees the spare capacity of every vector in the document (blocks, items, rows, cells, runs):
// called once the document is resolved, before layout reads it through both passes.
void release_spare_capacity(Document& document);

}  // namespace reportc::doc
