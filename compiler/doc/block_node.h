#pragma once
// Reading a block's node (doc::Block, doc/document.h, which includes this file after it): the nodes
// larger than a paragraph are held behind one pointer (doc/indirect.h), so std::visit, std::get and
// std::get_if on Block::node would give the pointer; these give the node itself.
#include <type_traits>
#include <variant>

#include "doc/document.h"

namespace reportc::doc {

// How a node type is held in Block::node: the nodes larger than a paragraph behind a pointer,
// the others as they are.
template <typename T>
struct StoredAs {
    using type = T;
};
template <typename T, typename Variant>
inline constexpr bool is_alternative = false;
template <typename T, typename... Ts>
inline constexpr bool is_alternative<T, std::variant<Ts...>> = (std::is_same_v<T, Ts> || ...);
template <typename T>
    requires is_alternative<Indirect<T>, decltype(Block::node)>
struct StoredAs<T> {
    using type = Indirect<T>;
};

template <typename T>
T& unboxed(T& node) {
    return node;
}
template <typename T>
T& unboxed(Indirect<T>& node) {
    return *node;
}
template <typename T>
const T& unboxed(const Indirect<T>& node) {
    return *node;
}

// std::visit over a block's node, with the table or chart itself for those held by pointer.
template <typename F>
decltype(auto) visit_node(F&& f, Block& b) {
    return std::visit([&](auto& n) -> decltype(auto) { return f(unboxed(n)); }, b.node);
}
template <typename F>
decltype(auto) visit_node(F&& f, const Block& b) {
    return std::visit([&](const auto& n) -> decltype(auto) { return f(unboxed(n)); }, b.node);
}

// The block's node as a T, or nullptr when it is another (std::get_if).
template <typename T>
T* node_if(Block& b) {
    auto* n = std::get_if<typename StoredAs<T>::type>(&b.node);
    return n ? &unboxed(*n) : nullptr;
}
template <typename T>
const T* node_if(const Block& b) {
    const auto* n = std::get_if<typename StoredAs<T>::type>(&b.node);
    return n ? &unboxed(*n) : nullptr;
}

// The block's node as a T; std::bad_variant_access when it is another (std::get).
template <typename T>
T& node_as(Block& b) {
    return unboxed(std::get<typename StoredAs<T>::type>(b.node));
}
template <typename T>
const T& node_as(const Block& b) {
    return unboxed(std::get<typename StoredAs<T>::type>(b.node));
}

template <typename T>
bool holds(const Block& b) {
    return std::holds_alternative<typename StoredAs<T>::type>(b.node);
}

}  // namespace reportc::doc
