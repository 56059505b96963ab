#pragma once
// The paragraph cache's entries as bytes, for a spill store (spill_store.h; issue 16: memory that
// does not grow with the body). Beyond its byte budget the cache writes its oldest entries to the
// store and keeps only their place; a hit reads the bytes back. What an entry holds that is not
// bytes (its settings, inline images, links' extras: shared objects, compared or drawn by
// identity) is pinned here once and written as an index, so an entry read back is the same,
// field for field and pointer for pointer. One ParagraphSpill is shared by every cache writing to
// its store (paragraphs set ahead are adopted with their places), so its calls are thread-safe.
#include <algorithm>
#include <atomic>
#include <bit>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "inline/paragraph_input.h"
#include "layout/byte_codec.h"
#include "layout/spill_store.h"

namespace reportc::layout {

// Bytes held in memory by a cache before its oldest entries go to the store: the first ~150
// pages of a document like the annual report's (an entry is 1-2 KB); past it, a paragraph costs
// its key and its place (docs/performance.md, "The paragraph cache kept within a budget").
constexpr size_t kParagraphCacheBudget = size_t(16) << 20;

// The shared objects of the entries written, each kept once, named by its index.
class SpillPins {
public:
    static constexpr uint32_t kNone = UINT32_MAX;  // a null pointer
    using Settings = std::shared_ptr<const inl::ParagraphInput>;
    using Image = std::shared_ptr<const doc::Image>;
    using Extras = std::shared_ptr<const inl::FragmentExtras>;

    // Settings are pinned by value (`same` compares two), the others by identity.
    uint32_t pin(const Settings& s, bool (*same)(const inl::ParagraphInput&, const inl::ParagraphInput&));
    uint32_t pin(const Image& i);
    uint32_t pin(const Extras& x);
    Settings settings(uint32_t i) const;
    Image image(uint32_t i) const;
    Extras extras(uint32_t i) const;

private:
    template <class T>
    struct Table {
        std::vector<std::shared_ptr<const T>> items;
        std::unordered_map<const T*, uint32_t> index;  // only the items' own: their addresses are not reused
        uint32_t add(const std::shared_ptr<const T>& p);
        std::shared_ptr<const T> at(uint32_t i) const { return i < items.size() ? items[i] : nullptr; }
    };
    mutable std::mutex m_mutex;
    Table<inl::ParagraphInput> m_settings;
    Table<doc::Image> m_images;
    Table<inl::FragmentExtras> m_extras;
};

// What the caches of one build share to spill: the store, the pins, and one budget for all of
// them, so that with -j N the caches of the threads set ahead and the main thread's stay within
// it together, not each. Each cache keeps at most its share, the budget divided among the caches
// writing to this spill now (`caches`), and writes out its own oldest entries beyond it: a cache
// never has to write out what it has just set because another holds the budget (a table cell's
// items, kept from its measuring to its setting, would be built again). When the threads' caches
// have been adopted and are gone, the main thread's share is the whole budget again. `held` is
// what they all hold in memory.
struct ParagraphSpill {
    explicit ParagraphSpill(SpillStore& s, size_t b = kParagraphCacheBudget) : store(s), budget(b) {}
    SpillStore& store;
    size_t budget;
    SpillPins pins;
    std::atomic<size_t> held{0};
    std::atomic<size_t> caches{0};
    size_t share() const { return budget / std::max<size_t>(1, caches.load(std::memory_order_relaxed)); }
};

}  // namespace reportc::layout
