#pragma once
// The paragraph cache's entries as bytes, for a spill store (spill_store.h; issue 16: memory that
// does not grow with the body). Beyond its byte budget the cache writes its oldest entries to the
// store and keeps only their place; a hit reads the bytes back. What an entry holds that is not
// bytes (its settings, inline images, links' extras: shared objects, compared or drawn by
// identity) is pinned here once and written as an index, so an entry read back is the same,
// field for field and pointer for pointer. One ParagraphSpill is shared by every cache writing to
// its store (paragraphs set ahead are adopted with their places), so its calls are thread-safe.
#include <algorithm>
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
#include "layout/spill_store.h"

namespace reportc::layout {

// Bytes held in memory by a cache before its oldest entries go to the store: the first ~150
// pages of a document like the annual report's (an entry is 1-2 KB); past it, a paragraph costs
// its key and its place (docs/performance.md, "The paragraph cache kept within a budget").
constexpr size_t kParagraphCacheBudget = size_t(16) << 20;

class ByteWriter {
public:
    explicit ByteWriter(std::string& out) : m_out(out) {}
    template <class T>
    void scalar(T v) {
        static_assert(std::is_trivially_copyable_v<T> && std::has_unique_object_representations_v<T>);
        char bytes[sizeof(T)];
        std::memcpy(bytes, &v, sizeof(T));
        m_out.append(bytes, sizeof(T));
    }
    void length(Length v) { scalar(v.sp); }
    void real(double v) { scalar(std::bit_cast<uint64_t>(v)); }
    void string(std::string_view s) {
        scalar(uint64_t(s.size()));
        m_out.append(s);
    }
    // `count` objects without padding, as they are in memory.
    template <class T>
    void array(const T* data, size_t count) {
        static_assert(std::is_trivially_copyable_v<T> && std::has_unique_object_representations_v<T>);
        scalar(uint64_t(count));
        m_out.append(reinterpret_cast<const char*>(data), count * sizeof(T));
    }

private:
    std::string& m_out;
};

// Reads what ByteWriter wrote; past the end (bytes not as written) it gives zeros and ok() is false.
class ByteReader {
public:
    explicit ByteReader(std::string_view in) : m_in(in) {}
    template <class T>
    T scalar() {
        T v{};
        if (take(sizeof(T))) std::memcpy(&v, m_in.data() + m_at - sizeof(T), sizeof(T));
        return v;
    }
    Length length() { return Length::from_sp(scalar<decltype(Length{}.sp)>()); }
    double real() { return std::bit_cast<double>(scalar<uint64_t>()); }
    std::string string() {
        const auto size = scalar<uint64_t>();
        if (!take(size)) return {};
        return std::string(m_in.substr(m_at - size, size));
    }
    template <class T>
    std::vector<T> array() {
        const auto count = scalar<uint64_t>();
        std::vector<T> out;
        if (count > m_in.size() / sizeof(T) || !take(count * sizeof(T))) return out;
        out.resize(count);
        std::memcpy(out.data(), m_in.data() + m_at - count * sizeof(T), count * sizeof(T));
        return out;
    }
    bool ok() const { return m_ok; }
    bool at_end() const { return m_at == m_in.size(); }
    size_t remaining() const { return m_in.size() - m_at; }

private:
    bool take(uint64_t n) {
        if (!m_ok || n > m_in.size() - m_at) return m_ok = false;
        m_at += n;
        return true;
    }
    std::string_view m_in;
    size_t m_at = 0;
    bool m_ok = true;
};

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

// What the caches of one build share to spill: the store, the pins, the budget of each cache.
struct ParagraphSpill {
    explicit ParagraphSpill(SpillStore& s, size_t b = kParagraphCacheBudget) : store(s), budget(b) {}
    SpillStore& store;
    size_t budget;
    SpillPins pins;
};

}  // namespace reportc::layout
