#pragma once
// What the parsed document costs in memory, share by share (node slots, strings, runs, table
// cells): a developer's count for docs/performance.md ("The parsed document made compact"),
// printed by `reportc build --stats`. Heap bytes are those asked for (as massif counts them),
// without the allocator's own overhead of about 16 bytes an allocation, counted apart.
#include <cstddef>
#include <map>
#include <ostream>
#include <string>

#include "doc/document.h"

namespace reportc::doc {

struct FootprintShare {
    size_t count = 0;        // nodes, slots or strings counted
    size_t bytes = 0;        // their bytes: a slot's size, or what a string or vector holds on the heap
    size_t allocations = 0;  // heap blocks among them
};

struct Footprint {
    std::map<std::string, FootprintShare> shares;  // by name ("run: text", "block slots", …)
    size_t bytes() const;
    size_t allocations() const;
    Footprint& operator+=(const Footprint& other);  // share by share: a document counted a block at a time
};

Footprint footprint_of(const Document& document);
std::ostream& operator<<(std::ostream& os, const Footprint& f);

}  // namespace reportc::doc
