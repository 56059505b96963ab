#include "base/kerning.h"

#include <algorithm>
#include <memory>
#include <new>

namespace reportc {

// One allocation: the counts, then the adjustments, then the substitutions.
struct Kerning::Block {
    mutable std::atomic<uint32_t> refs{1};
    uint32_t count = 0;
    uint32_t sub_count = 0;
    int64_t total = 0;
    Kern* data() { return reinterpret_cast<Kern*>(this + 1); }
    const Kern* data() const { return reinterpret_cast<const Kern*>(this + 1); }
    GlyphSub* subs() { return reinterpret_cast<GlyphSub*>(data() + count); }
    const GlyphSub* subs() const { return reinterpret_cast<const GlyphSub*>(data() + count); }
};

Kerning::Kerning(std::span<const Kern> adjustments) : Kerning(adjustments, {}) {}

Kerning::Kerning(std::span<const Kern> adjustments, std::span<const GlyphSub> substitutions) {
    if (adjustments.empty() && substitutions.empty()) return;
    void* memory =
        ::operator new(sizeof(Block) + adjustments.size() * sizeof(Kern) + substitutions.size() * sizeof(GlyphSub));
    m_block = new (memory) Block;
    m_block->count = uint32_t(adjustments.size());
    m_block->sub_count = uint32_t(substitutions.size());
    Kern* out = m_block->data();
    for (size_t i = 0; i < adjustments.size(); ++i) {
        new (out + i) Kern(adjustments[i]);
        m_block->total += adjustments[i].milli;
    }
    GlyphSub* subs = m_block->subs();
    for (size_t i = 0; i < substitutions.size(); ++i) {
        new (subs + i) GlyphSub(substitutions[i]);
        if (substitutions[i].open) m_block->total += substitutions[i].delta;
    }
}

void Kerning::retain_block() const { m_block->refs.fetch_add(1, std::memory_order_relaxed); }

void Kerning::release_block() {
    if (m_block->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) {
        m_block->~Block();
        ::operator delete(m_block);
    }
    m_block = nullptr;
}

std::span<const Kern> Kerning::adjustments() const {
    if (!m_block) return {};
    return {m_block->data(), m_block->count};
}

std::span<const GlyphSub> Kerning::substitutions() const {
    if (!m_block) return {};
    return {m_block->subs(), m_block->sub_count};
}

int64_t Kerning::total_milli() const { return m_block ? m_block->total : 0; }

namespace {

// Adds `milli` to the adjustment at `at` of a list in increasing `at`, dropping it at zero.
void add_at(std::vector<Kern>& list, size_t at, int milli) {
    if (milli == 0 || at > UINT16_MAX) return;
    auto it = std::lower_bound(list.begin(), list.end(), at, [](const Kern& k, size_t v) { return k.at < v; });
    if (it != list.end() && it->at == at) {
        it->milli = int16_t(it->milli + milli);
        if (it->milli == 0) list.erase(it);
    } else {
        list.insert(it, Kern{uint16_t(at), int16_t(milli)});
    }
}

}  // namespace

Kerning Kerning::slice(size_t first, size_t last) const {
    if (empty()) return {};
    std::vector<Kern> out;
    for (const Kern& k : adjustments())
        if (k.at > first && k.at <= last) out.push_back({uint16_t(k.at - first), k.milli});
    std::vector<GlyphSub> subs;
    for (const GlyphSub& s : substitutions()) {
        const size_t end = size_t(s.at) + s.count;
        if (s.at >= first && s.at < last) {
            GlyphSub kept = s;
            kept.at = uint16_t(s.at - first);
            kept.open = s.open || end > last;
            subs.push_back(kept);
        } else if (s.at < first && end > first && end <= last && !s.open) {
            add_at(out, end - first, -s.delta);  // the glyph is broken: its letters keep their advances
        }
    }
    return Kerning(out, subs);
}

Kerning Kerning::join(const Kerning& a, size_t a_length, const Kerning& b, size_t b_length) {
    if (b.empty() && a.substitutions().empty()) return a;
    if (a.empty() && a_length == 0) return b;
    std::vector<Kern> out(a.adjustments().begin(), a.adjustments().end());
    for (const Kern& k : b.adjustments()) add_at(out, k.at + a_length, k.milli);
    std::vector<GlyphSub> subs;
    for (GlyphSub s : a.substitutions()) {
        if (s.open && size_t(s.at) + s.count <= a_length + b_length) {
            s.open = false;
            add_at(out, size_t(s.at) + s.count, s.delta);
        }
        subs.push_back(s);
    }
    for (GlyphSub s : b.substitutions()) {
        if (size_t(s.at) + a_length > UINT16_MAX) break;
        s.at = uint16_t(s.at + a_length);
        subs.push_back(s);
    }
    return Kerning(out, subs);
}

bool Kerning::operator==(const Kerning& other) const {
    const auto a = adjustments(), b = other.adjustments();
    const auto sa = substitutions(), sb = other.substitutions();
    return std::equal(a.begin(), a.end(), b.begin(), b.end()) && std::equal(sa.begin(), sa.end(), sb.begin(), sb.end());
}

std::ostream& operator<<(std::ostream& os, const Kerning& k) {
    os << "[";
    const char* sep = "";
    for (const Kern& a : k.adjustments()) {
        os << sep << a.at << ":" << a.milli;
        sep = " ";
    }
    for (const GlyphSub& s : k.substitutions()) {
        os << sep << s.at << "+" << s.count << (s.open ? "~g" : "=g") << s.glyph << ":" << s.delta;
        sep = " ";
    }
    return os << "]";
}

}  // namespace reportc
