#include "driver/kept_paragraphs.h"

#include <algorithm>

#include "driver/resources.h"

namespace reportc::driver {

layout::ParagraphCache& KeptParagraphs::for_build(const Resources& res, const std::string& directory, size_t budget) {
    if (m_cache && m_generation != res.generation) reset();
    if (!m_cache) {
        m_cache = std::make_unique<layout::ParagraphCache>(*res.fonts, res.hyphenator.get());
        m_generation = res.generation;
        m_directory = directory;
    }
    if (!m_spill) {
        m_store = std::make_unique<FileSpillStore>(m_directory, "the paragraph cache");
        m_spill = std::make_unique<layout::ParagraphSpill>(*m_store, budget);
    }
    m_spill->budget = budget;  // the build's option; no thread writes to the spill yet
    m_cache->keep_across_builds(true);
    m_cache->spill_to(m_spill.get());
    return *m_cache;
}

void KeptParagraphs::after_build(Diagnostics& diags) {
    if (!m_store) return;
    const bool failed = !m_store->error().empty();
    if (failed) warn_if_failed(*m_store, "the paragraphs were", diags);
    const uint64_t live = live_bytes(), dead = file_bytes() - std::min(file_bytes(), live);
    if (failed || (dead > live && dead > m_spill->budget)) let_file_go();
}

void KeptParagraphs::let_file_go() {
    if (m_cache) m_cache->keep_in_memory_only();
    m_spill.reset();
    m_store.reset();
}

void KeptParagraphs::reset() {
    m_cache.reset();  // first: it is attached to the spill
    m_spill.reset();
    m_store.reset();
    m_generation = 0;
}

}  // namespace reportc::driver
