// The paragraph cache's entries written to and read back from its spill store, and the budget
// that decides which (paragraph_cache.h, paragraph_cache_spill.h).
#include "layout/paragraph_cache.h"

namespace reportc::layout {
namespace {

constexpr uint32_t kFormat = 1;  // first in an entry's bytes: what is read back is an entry

size_t bytes_of(const std::vector<Diagnostic>& diags) {
    size_t n = diags.capacity() * sizeof(Diagnostic);
    for (const auto& d : diags) n += d.message.capacity();
    return n;
}

void save(const std::vector<Diagnostic>& diags, ByteWriter& out) {
    out.scalar(uint64_t(diags.size()));
    for (const auto& d : diags) {
        out.scalar(uint8_t(d.severity));
        out.scalar(d.span.file);
        out.scalar(d.span.begin);
        out.scalar(d.span.end);
        out.string(d.message);
        out.scalar(uint32_t(d.character));
    }
}

std::vector<Diagnostic> load_diagnostics(ByteReader& in) {
    std::vector<Diagnostic> diags(std::min<uint64_t>(in.scalar<uint64_t>(), in.remaining()));
    for (auto& d : diags) {
        d.severity = Severity(in.scalar<uint8_t>());
        d.span.file = in.scalar<uint32_t>();
        d.span.begin = in.scalar<uint32_t>();
        d.span.end = in.scalar<uint32_t>();
        d.message = in.string();
        d.character = char32_t(in.scalar<uint32_t>());
    }
    return diags;
}

}  // namespace

void ParagraphCache::settle(const ParagraphKey& key, bool changed) {
    Entry& e = m_entries.at(key);
    if (!changed && e.size) {  // as written: dropped again, nothing written
        e.body.reset();
        return;
    }
    Body& b = *e.body;
    e.size = 0;  // what was written is stale
    e.sets = uint32_t(b.sets.size());
    size_t bytes = sizeof(Body) + b.input.bytes() + bytes_of(b.item_diags) + b.sets.capacity() * sizeof(SetAt);
    for (const auto& s : b.sets) bytes += s.layout.bytes() + bytes_of(s.diags);
    count(ptrdiff_t(bytes) - ptrdiff_t(b.counted));
    b.counted = bytes;
    if (m_spill && !b.queued) {
        m_in_memory.push_back(key);
        b.queued = true;
    }
    bound_held_bytes();
}

void ParagraphCache::forget(const ParagraphKey& key) {
    if (auto it = m_entries.find(key); it != m_entries.end()) {
        if (it->second.body) count(-ptrdiff_t(it->second.body->counted));
        m_entries.erase(it);
    }
}

uint64_t ParagraphCache::spilled_bytes() const {
    uint64_t bytes = 0;
    for (const auto& [key, entry] : m_entries) bytes += entry.size;
    return bytes;
}

void ParagraphCache::keep_in_memory_only() {
    spill_to(nullptr);
    std::erase_if(m_entries, [](const auto& kv) { return !kv.second.body; });
    for (auto& [key, entry] : m_entries) {
        entry.offset = 0;  // its bytes' store is gone: what is in memory is all there is
        entry.size = 0;
    }
    m_spill_failed = false;
}

void ParagraphCache::bound_held_bytes() {
    // This cache's share of the build's budget (ParagraphSpill::share), or its own limit.
    while (m_spill && !m_spill_failed && m_held_bytes > std::min(m_spill->share(), m_share_limit) && !m_in_memory.empty()) {
        auto it = m_entries.find(m_in_memory.front());
        m_in_memory.pop_front();
        // Gone, or counted again since (a newer place in the queue), or read back for a moment.
        if (it == m_entries.end() || !it->second.body || it->second.size || !it->second.body->queued) continue;
        write_out(it->second);
    }
}

// Its items are dropped (built again if the paragraph is set), everything else written.
void ParagraphCache::write_out(Entry& e) {
    Body& b = *e.body;
    m_bytes.clear();
    ByteWriter out(m_bytes);
    out.scalar(kFormat);
    b.input.save(out, m_spill->pins);
    save(b.item_diags, out);
    out.scalar(b.content_widths.has_value());
    if (b.content_widths) {
        out.length(b.content_widths->first);
        out.length(b.content_widths->second);
    }
    out.scalar(uint64_t(b.sets.size()));
    for (const auto& s : b.sets) {
        out.length(s.width);
        s.layout.save(out, m_spill->pins);
        save(s.diags, out);
    }
    const auto place = m_spill->store.append(m_bytes);
    if (!place) {
        m_spill_failed = true;
        return;
    }
    count(-ptrdiff_t(b.counted));
    e.body.reset();
    e.offset = place->offset;
    e.size = place->size;
    ++m_counts.spilled;
}

// The body written at the entry's place; when it cannot be read back, none (set again).
void ParagraphCache::read_back(Entry& e) {
    auto body = std::make_unique<Body>();
    bool ok = m_spill && m_spill->store.read({e.offset, e.size}, m_bytes);
    ByteReader in(m_bytes);
    ok = ok && in.scalar<uint32_t>() == kFormat && body->input.load(in, m_spill->pins);
    if (ok) {
        body->item_diags = load_diagnostics(in);
        if (in.scalar<bool>()) {
            const Length min = in.length();
            body->content_widths = std::pair(min, in.length());
        }
        body->sets.resize(std::min<uint64_t>(in.scalar<uint64_t>(), in.remaining()));
        for (auto& s : body->sets) {
            s.width = in.length();
            ok = ok && s.layout.load(in, m_spill->pins);
            s.diags = load_diagnostics(in);
        }
        ok = ok && in.ok() && in.at_end();
    }
    if (!ok) {
        e = Entry{};
        return;
    }
    e.body = std::move(body);
    ++m_counts.spill_reads;
}

}  // namespace reportc::layout
