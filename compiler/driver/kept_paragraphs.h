#pragma once
// Private to driver: the paragraph cache a resident compiler keeps from one build to the next
// (driver::Compiler, `reportc watch`; issue 16: the relayout reusing what did not change), with
// the temporary file its entries beyond the in-memory budget go to. Kept with the cache, that
// file lets the next build reuse every paragraph, not only the budget's worth set last: before,
// a 4,009-page rebuild after a one-word edit set most of its paragraphs again and took longer
// than a new process (docs/performance.md, "Warm rebuilds of long documents").
//
// The file is only appended to: an entry set again is written again and its old bytes are dead.
// After each build, a file whose dead bytes are more than its live ones and more than the budget
// is let go (the entries in memory stay, those in the file are set again when next needed), so
// a long watch session's disk use stays within about twice the document's cache.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "base/diagnostic.h"
#include "driver/spill_file.h"
#include "layout/paragraph_cache.h"

namespace reportc::driver {

struct Resources;

class KeptParagraphs {
public:
    ~KeptParagraphs() { reset(); }

    // The cache for a build with `res`: the one kept while the resources are the same ones (fonts,
    // dictionary), else a new one. Its entries beyond `budget` bytes go to a file in `directory`
    // (made when first needed: a small document makes none).
    layout::ParagraphCache& for_build(const Resources& res, const std::string& directory, size_t budget);
    // After a build: warns when the file failed this build; lets the file go when it failed or
    // is mostly dead bytes.
    void after_build(Diagnostics& diags);
    void reset();

    // For tests: the file's bytes, and those of them the cache still uses.
    uint64_t file_bytes() const { return m_store ? m_store->size() : 0; }
    uint64_t live_bytes() const { return m_cache ? m_cache->spilled_bytes() : 0; }

private:
    void let_file_go();

    std::unique_ptr<layout::ParagraphCache> m_cache;
    uint64_t m_generation = 0;  // Resources::generation of the cache's fonts and dictionary
    std::string m_directory;
    // The cache writes through m_spill to m_store: made with the cache, and again after a file
    // was let go; destroyed after the cache, which holds places in them.
    std::unique_ptr<FileSpillStore> m_store;
    std::unique_ptr<layout::ParagraphSpill> m_spill;
};

}  // namespace reportc::driver
