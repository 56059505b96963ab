#include "doc/encoded_blocks.h"

#include <limits>

namespace reportc::doc {

namespace {

NodeId first_node(const Block& block) { return visit_node([](const auto& node) { return node.node; }, block); }

}  // namespace

// The whole document's count decides for every block at once: kept, or encoded.
EncodedBlocks::EncodedBlocks(std::vector<Block>&& blocks, ByteStore* store, size_t in_memory, uint32_t node_count,
                             uint32_t keep_below)
    : EncodedBlocks(store, in_memory, keep_below) {
    m_first_nodes.reserve(blocks.size());
    for (auto& block : blocks) add(std::move(block), node_count);
    std::vector<Block>().swap(blocks);
    finish();
}

EncodedBlocks::EncodedBlocks(ByteStore* store, size_t in_memory, uint32_t keep_below)
    : m_store(store), m_in_memory(in_memory), m_keep_below(keep_below) {}

void EncodedBlocks::add(Block&& block, uint32_t node_count) {
    m_first_nodes.push_back(first_node(block));
    if (!m_encoding && node_count < m_keep_below) {
        m_kept.push_back(std::move(block));
        return;
    }
    if (!m_encoding) {  // past the threshold: the blocks kept so far are encoded first
        m_encoding = true;
        std::vector<Block> kept = std::move(m_kept);
        m_kept.clear();
        for (auto& k : kept) encode(std::move(k));
    }
    encode(std::move(block));
}

void EncodedBlocks::encode(Block&& block) {
    std::string bytes;
    m_codec.encode(block, bytes);
    block = Block();  // its nodes freed as soon as they are bytes
    Entry entry;
    entry.size = uint32_t(bytes.size());
    if (m_memory.size() + bytes.size() > m_in_memory && m_store && bytes.size() <= std::numeric_limits<uint32_t>::max()) {
        if (auto place = m_store->append(bytes)) {
            entry.stored = true;
            entry.offset = place->offset;
            m_stored += bytes.size();
        }
    }
    if (!entry.stored) {
        entry.offset = m_memory.size();
        m_memory.append(bytes);
    }
    m_entries.push_back(entry);
}

void EncodedBlocks::replace(size_t index, Block&& block) {
    if (!m_kept.empty()) {
        if (index < m_kept.size()) m_kept[index] = std::move(block);
        return;
    }
    if (index >= m_entries.size()) return;
    encode(std::move(block));
    m_entries[index] = m_entries.back();
    m_entries.pop_back();
}

void EncodedBlocks::finish() {
    m_memory.shrink_to_fit();
    m_entries.shrink_to_fit();
    m_first_nodes.shrink_to_fit();
}

BlockRef EncodedBlocks::block(size_t index) const {
    if (!m_kept.empty()) return index < m_kept.size() ? BlockRef(m_kept[index]) : BlockRef();
    if (index >= m_entries.size()) return BlockRef();
    const Entry& e = m_entries[index];
    if (!e.stored) return BlockRef(m_codec.decode(std::string_view(m_memory).substr(size_t(e.offset), e.size)));
    std::string bytes;
    if (!m_store->read(ByteStore::Place{e.offset, e.size}, bytes)) return BlockRef();
    return BlockRef(m_codec.decode(bytes));
}

}  // namespace reportc::doc
