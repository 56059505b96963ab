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

// A top-level block as EncodedBlocks gives it: decoded (its own), or the one kept as it was.
class BlockRef {
public:
    BlockRef() = default;  // none: its bytes could not be read back
    explicit BlockRef(std::optional<Block> decoded) : m_decoded(std::move(decoded)) {}
    explicit BlockRef(const Block& kept) : m_kept(&kept) {}
    explicit operator bool() const { return m_kept || m_decoded; }
    const Block& operator*() const { return m_kept ? *m_kept : *m_decoded; }
    const Block* operator->() const { return &**this; }
    // The block to own: the decoded one moved, a kept one copied.
    Block take() { return m_kept ? *m_kept : std::move(*m_decoded); }

private:
    std::optional<Block> m_decoded;
    const Block* m_kept = nullptr;
};

class EncodedBlocks {
public:
    EncodedBlocks() = default;
    // `blocks` encoded one by one, each freed once encoded (the vector is left empty). Bytes
    // beyond `in_memory` go to `store` when there is one and it keeps them. A document of fewer
    // than `keep_below` nodes (doc::Document::node_count; its encoded bytes well within the
    // in-memory budget) is kept as it is instead: bytes it would keep in memory all the same
    // buy nothing, and encoding it once and decoding it each pass cost time (issue 16). The one
    // difference is where block() finds a block; what it gives is the same.
    EncodedBlocks(std::vector<Block>&& blocks, ByteStore* store, size_t in_memory, uint32_t node_count = 0,
                  uint32_t keep_below = 0);
    // Made a block at a time as the document is resolved (driver: resolving a top-level block at
    // a time): add() each in order, then finish(). Blocks are kept as they are while the nodes
    // added stay below `keep_below`; past it those kept are encoded and so is every block after.
    EncodedBlocks(ByteStore* store, size_t in_memory, uint32_t keep_below);
    // The next top-level block, freed once encoded; `node_count`: the document's nodes so far
    // (this block's included).
    void add(Block&& block, uint32_t node_count);
    // Block `index` made anew (cross-references resolved once every block is known): encoded
    // again, its old bytes left unused; a kept block is replaced.
    void replace(size_t index, Block&& block);
    // Done adding: the buffers' spare capacity given back.
    void finish();

    size_t size() const { return m_kept.empty() ? m_entries.size() : m_kept.size(); }
    // Top-level block `index` as it was; none when its bytes cannot be read back (a file
    // error). Any number of threads may read blocks at once (the store's reads may come from
    // several threads: base/byte_store.h; a kept block is only read).
    BlockRef block(size_t index) const;
    // Whether the blocks were kept as they were, not encoded.
    bool kept() const { return !m_kept.empty(); }
    // The first node of each block (NodeId of the block's own node), for cutting the document
    // into runs (driver/ahead.h) without decoding it.
    const std::vector<NodeId>& first_nodes() const { return m_first_nodes; }

    // Block `index`'s encoded bytes (0 for a kept block, or none of that index).
    size_t bytes_of(size_t index) const { return index < m_entries.size() ? m_entries[index].size : 0; }
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
    std::vector<Block> m_kept;  // the blocks as they were, below the threshold (else empty)
    // Incremental use: the budget and threshold, and whether blocks are encoded yet.
    void encode(Block&& block);
    size_t m_in_memory = 0;
    uint32_t m_keep_below = 0;
    bool m_encoding = false;
};

}  // namespace reportc::doc
