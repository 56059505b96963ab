#pragma once
// A node's identity: a dense number given once to every document node, in document order, after
// the sources are read and data tables expanded (doc::number_nodes). Caches and side tables key
// on it, never on a node's address: nodes are copied and moved, addresses are reused.
#include <compare>
#include <cstdint>
#include <ostream>

namespace reportc::doc {

struct NodeId {
    static constexpr uint32_t kUnassigned = 0;
    uint32_t value = kUnassigned;

    bool assigned() const { return value != kUnassigned; }
    constexpr auto operator<=>(const NodeId&) const = default;
};

inline std::ostream& operator<<(std::ostream& os, NodeId id) {
    return id.assigned() ? os << "n" << id.value : os << "n?";
}

}  // namespace reportc::doc
