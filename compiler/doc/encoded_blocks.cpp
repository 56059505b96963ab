#include "doc/encoded_blocks.h"

#include <limits>

namespace reportc::doc {

EncodedBlocks::EncodedBlocks(std::vector<Block>&& blocks, ByteStore* store, size_t in_memory, uint32_t node_count,
                             uint32_t keep_below)
    : m_store(store) {
    m_first_nodes.reserve(blocks.size());
    if (node_count < keep_below && !blocks.empty()) {
        for (const auto& block : blocks) m_first_nodes.push_back(visit_node([](const auto& node) { return node.node; }, block));
        m_kept = std::move(blocks);
        blocks.clear();
        return;
    }
    m_entries.reserve(blocks.size());
    std::string bytes;
    for (auto& block : blocks) {
        m_first_nodes.push_back(visit_node([](const auto& node) { return node.node; }, block));
        bytes.clear();
        m_codec.encode(block, bytes);
        block = Block();  // its nodes freed as soon as they are bytes
        Entry entry;
        entry.size = uint32_t(bytes.size());
        if (m_memory.size() + bytes.size() > in_memory && store && bytes.size() <= std::numeric_limits<uint32_t>::max()) {
            if (auto place = store->append(bytes)) {
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
    std::vector<Block>().swap(blocks);
    m_memory.shrink_to_fit();
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
