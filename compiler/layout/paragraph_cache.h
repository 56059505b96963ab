#pragma once
// Paragraphs set once: a paragraph's lines at a measure (and its content widths) are kept under
// its node's identity and reused while its input (text, styles, alignment, indents) is
// unchanged. A table cell is measured and then set from the same items, which are dropped once
// it is set; the second layout pass (page numbers known) reuses every paragraph whose text did
// not change. Entries are compared by their whole input,
// so a stale entry is never used, only replaced. Given a spill store (spill_to), the cache keeps
// at most a budget of bytes in memory: beyond it its oldest entries are written to the store and
// read back when used (paragraph_cache_spill.h), so its memory does not grow with the document.
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <ostream>
#include <vector>

#include "base/diagnostic.h"
#include "doc/node_id.h"
#include "inline/typesetter.h"
#include "layout/paragraph_cache_input.h"
#include "layout/paragraph_cache_lines.h"
#include "layout/paragraph_cache_spill.h"

namespace reportc::layout {

// Which paragraph of a node: a node may give several (an article's title and its date line).
enum class ParagraphPart : uint8_t { Body, Heading, Dateline, Caption, SignatureName, SignatureRole, CaptionContinued };

struct ParagraphKey {
    doc::NodeId node;
    ParagraphPart part = ParagraphPart::Body;
    auto operator<=>(const ParagraphKey&) const = default;
};

class ParagraphCache {
public:
    ~ParagraphCache();
    ParagraphCache(const ParagraphCache&) = delete;
    ParagraphCache& operator=(const ParagraphCache&) = delete;
    ParagraphCache(const text::FontRegistry& fonts, const text::Hyphenator* hyphenator)
        : m_fonts(fonts), m_hyphenator(hyphenator) {}

    // The paragraph set at input.width; the diagnostics its setting gave are added to `diags`
    // each time (each pass reports its own findings). No key (an unassigned node): set afresh.
    // The lines are kept packed (paragraph_cache_lines.h) and unpacked into one layout the cache
    // owns: the reference holds until the next call of set().
    const inl::ParagraphLayout& set(const ParagraphKey& key, const inl::ParagraphInput& input, Diagnostics& diags);
    // Min/max content widths (for automatic table columns); reports nothing.
    std::pair<Length, Length> content_widths(const ParagraphKey& key, const inl::ParagraphInput& input);

    struct Counts {
        size_t item_builds = 0, item_reuses = 0, sets = 0, set_reuses = 0;
        size_t adopted = 0;  // settings taken from caches filled ahead on other threads (adopt)
        size_t spilled = 0, spill_reads = 0;  // entries written to the spill store, and read back
    };
    const Counts& counts() const { return m_counts; }

    // Paragraphs set ahead (driver/ahead.h): `other`, filled on another thread with fonts and a
    // hyphenator of its own, gives its entries for the keys this cache has none of. An entry is
    // used only when its whole input matches, so what is adopted changes no output.
    void adopt(ParagraphCache&& other);

    // In a pass that may be the last (its pages written as they are made), a paragraph once set
    // is not needed again: its entry is dropped once set() is asked for another paragraph (not
    // at once: a paragraph may be set several times in a row, at trial widths the previous pass
    // set too), and a setting made afresh is not kept. The cache then empties as the pass goes
    // instead of holding every paragraph while the PDF grows. Should the pass not settle, the
    // next one sets its paragraphs again.
    void release_after_use(bool on) { m_release = on && !m_kept; }
    // A cache a resident compiler keeps for its next build (driver::Compiler): nothing is
    // released after use, so the next build finds every paragraph, in memory or in the spill
    // store the compiler keeps with the cache (driver/kept_paragraphs.h); keep_in_memory_only()
    // forgets what went to a store that is let go. A later build reuses an entry only when its
    // whole input is the same (moved in its file or not), as passes do.
    void keep_across_builds(bool on) {
        m_kept = on;
        if (on) m_release = false;
    }
    void keep_in_memory_only();
    size_t entries() const { return m_entries.size(); }
    // The bytes of the spill store that entries still use (their bytes as last written).
    uint64_t spilled_bytes() const;

    // Entries beyond this cache's share of spill->budget bytes (ParagraphSpill::share: the budget
    // divided among the caches writing to it) go to spill->store, oldest first; null: all kept in
    // memory. Caches whose entries one adopts share one spill. Should the store fail to keep
    // bytes, the cache keeps what it has in memory from then on (the store tells why).
    void spill_to(ParagraphSpill* spill);
    ParagraphSpill* spill() const { return m_spill; }
    // The bytes the entries hold in memory (counted as spill_to bounds them).
    size_t held_bytes() const { return m_held_bytes; }
    // At most `bytes` in memory, below its share of the spill's budget (with a spill only): a
    // cache filled on another thread for this one to adopt (driver/ahead.h) writes nearly all it
    // sets, so its memory does not sit in that thread's malloc arena beside the caller's.
    void limit_share(size_t bytes) { m_share_limit = bytes; }

private:
    struct SetAt {
        Length width;
        PackedLayout layout;
        std::vector<Diagnostic> diags;
    };
    // What an entry holds; in memory, or written to the spill store.
    struct Body {
        PackedInput input;          // as given, width aside
        inl::PreparedItems items;   // between measuring and setting only (not written)
        std::vector<Diagnostic> item_diags;
        std::optional<std::pair<Length, Length>> content_widths;
        std::vector<SetAt> sets;  // usually one measure
        size_t counted = 0;       // its bytes in m_held_bytes
        bool queued = false;      // in m_in_memory
    };
    // Kept for every paragraph of the document: a key and 24 bytes once written out.
    struct Entry {
        std::unique_ptr<Body> body;  // null: written at offset/size (or none yet)
        uint64_t offset = 0;
        uint32_t size = 0;  // not 0: the body as written; a body read back is dropped after use
        uint32_t sets = 0;  // the body's count of settings
    };

    Body& entry(const ParagraphKey& key, const inl::ParagraphInput& input);
    // Built from `input`, the entry's own (they are equal apart from the width, which items do not depend on).
    // `held`: kept after this call (measured, to be set later), among the newest kHeldItems.
    const inl::PreparedItems& items(Body& b, const inl::ParagraphInput& input, const ParagraphKey& key, bool held);
    void bound_held_items();
    // After an entry was used: one read back and unchanged is dropped again; one changed (or
    // new) is counted in memory, and the oldest entries are written out while over the budget.
    void settle(const ParagraphKey& key, bool changed);
    void forget(const ParagraphKey& key);
    void release_last_used(const ParagraphKey& next);
    void write_out(Entry& e);
    void read_back(Entry& e);
    void bound_held_bytes();
    // m_held_bytes changed by `delta`, and the spill's count of all its caches' bytes with it.
    void count(ptrdiff_t delta);

    const text::FontRegistry& m_fonts;
    const text::Hyphenator* m_hyphenator;
    std::map<ParagraphKey, Entry> m_entries;  // keyed by node identity, never by address
    // The entries whose items were built, oldest first. A table measures every cell before it
    // sets any, so a table of many rows would hold every cell's items at once; only the newest
    // kHeldItems keep theirs (measured before any is set), the others are built again when set
    // (the same items).
    std::deque<ParagraphKey> m_held;
    Counts m_counts;
    inl::ParagraphLayout m_set;  // what set() returns last
    bool m_release = false;
    std::optional<ParagraphKey> m_last_used;  // with m_release: the entry set() used last, dropped at the next paragraph
    bool m_kept = false;
    std::string m_encoded;  // a new input's encoding, compared with an entry's (PackedInput)
    PackedInput::Settings m_settings;  // the last new entry's, shared by the next when equal
    ParagraphSpill* m_spill = nullptr;
    bool m_spill_failed = false;
    size_t m_held_bytes = 0;
    size_t m_share_limit = SIZE_MAX;  // limit_share()
    std::deque<ParagraphKey> m_in_memory;  // entries counted in m_held_bytes, oldest first (some since written or gone)
    std::string m_bytes;                   // an entry as written or read
};

std::ostream& operator<<(std::ostream& os, const ParagraphKey& k);

}  // namespace reportc::layout
