#pragma once
// The resolved document's top-level blocks kept as bytes while they are laid out (issue 16:
// memory that does not grow with the body). Every whole-document walk (navigation, variables,
// images, conditions, cross-references, numbering) is done before layout, and layout reads the
// document one top-level block at a time: each block is encoded (doc/block_codec.h) and dropped,
// and each layout pass decodes block i, lays it out and drops it again. The first bytes stay in
// memory up to a budget; the others go to a ByteStore (base/byte_store.h: the driver's unnamed
// temporary file), or stay in memory when the store cannot keep them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/byte_store.h"
#include "doc/block_codec.h"
#include "doc/document.h"

namespace reportc::doc {

class EncodedBlocks {
public:
    EncodedBlocks() = default;
    // `blocks` encoded one by one, each freed once encoded (the vector is left empty). Bytes
    // beyond `in_memory` go to `store` when there is one and it keeps them.
    EncodedBlocks(std::vector<Block>&& blocks, ByteStore* store, size_t in_memory);

    size_t size() const { return m_entries.size(); }
    // Top-level block `index` as it was; nullopt when its bytes cannot be read back (a file
    // error). Any number of threads may read blocks at once (the store's reads may come from
    // several threads: base/byte_store.h).
    std::optional<Block> block(size_t index) const;
    // The first node of each block (NodeId of the block's own node), for cutting the document
    // into runs (driver/ahead.h) without decoding it.
    const std::vector<NodeId>& first_nodes() const { return m_first_nodes; }

    size_t bytes_in_memory() const { return m_memory.size(); }
    size_t bytes_stored() const { return m_stored; }

private:
    struct Entry {
        bool stored = false;  // in the store, else in m_memory
        uint64_t offset = 0;
        uint32_t size = 0;
    };
    BlockCodec m_codec;
    std::vector<Entry> m_entries;
    std::vector<NodeId> m_first_nodes;
    std::string m_memory;
    size_t m_stored = 0;
    ByteStore* m_store = nullptr;
};

}  // namespace reportc::doc
