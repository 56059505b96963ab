#pragma once
// Values as bytes and back, for the paragraph cache: an input's encoding, compared whole
// (paragraph_cache_input.h), and entries written to a spill store (paragraph_cache_spill.h).
// Scalars are their bytes in memory (only types without padding), strings and arrays their
// count first.
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "base/geometry.h"
#include "base/length.h"

namespace reportc::layout {

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
    void color(Color c) {
        scalar(c.r);
        scalar(c.g);
        scalar(c.b);
    }
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

}  // namespace reportc::layout
