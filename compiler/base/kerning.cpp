#include "base/kerning.h"

#include <algorithm>
#include <memory>
#include <new>

namespace reportc {

// One allocation: the count, then the adjustments.
struct Kerning::Block {
    mutable std::atomic<uint32_t> refs{1};
    uint32_t count = 0;
    int64_t total = 0;
    Kern* data() { return reinterpret_cast<Kern*>(this + 1); }
    const Kern* data() const { return reinterpret_cast<const Kern*>(this + 1); }
};

Kerning::Kerning(std::span<const Kern> adjustments) {
    if (adjustments.empty()) return;
    void* memory = ::operator new(sizeof(Block) + adjustments.size() * sizeof(Kern));
    m_block = new (memory) Block;
    m_block->count = uint32_t(adjustments.size());
    Kern* out = m_block->data();
    for (size_t i = 0; i < adjustments.size(); ++i) {
        new (out + i) Kern(adjustments[i]);
        m_block->total += adjustments[i].milli;
    }
}

void Kerning::retain() const {
    if (m_block) m_block->refs.fetch_add(1, std::memory_order_relaxed);
}

void Kerning::release() {
    if (m_block && m_block->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) {
        m_block->~Block();
        ::operator delete(m_block);
    }
    m_block = nullptr;
}

std::span<const Kern> Kerning::adjustments() const {
    if (!m_block) return {};
    return {m_block->data(), m_block->count};
}

int64_t Kerning::total_milli() const { return m_block ? m_block->total : 0; }

Kerning Kerning::slice(size_t first, size_t last) const {
    if (empty()) return {};
    std::vector<Kern> out;
    for (const Kern& k : adjustments())
        if (k.at > first && k.at <= last) out.push_back({uint16_t(k.at - first), k.milli});
    return Kerning(out);
}

Kerning Kerning::join(const Kerning& a, size_t a_length, const Kerning& b) {
    if (b.empty()) return a;
    if (a.empty() && a_length == 0) return b;
    std::vector<Kern> out(a.adjustments().begin(), a.adjustments().end());
    for (const Kern& k : b.adjustments()) {
        const size_t at = k.at + a_length;
        if (at > UINT16_MAX) break;  // runs that long are never kerned (text::FontFace::kerning)
        if (!out.empty() && out.back().at == at) {
            out.back().milli = int16_t(out.back().milli + k.milli);
            if (out.back().milli == 0) out.pop_back();
        } else {
            out.push_back({uint16_t(at), k.milli});
        }
    }
    return Kerning(out);
}

bool Kerning::operator==(const Kerning& other) const {
    const auto a = adjustments(), b = other.adjustments();
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
}

std::ostream& operator<<(std::ostream& os, const Kerning& k) {
    os << "[";
    const char* sep = "";
    for (const Kern& a : k.adjustments()) {
        os << sep << a.at << ":" << a.milli;
        sep = " ";
    }
    return os << "]";
}

}  // namespace reportc
