#pragma once
// The compiler: source -> document -> styles -> vertical list -> pages -> frames -> PDF, with
// every diagnostic collected on the way. A Compiler is resident: layouts, fonts and the
// hyphenation dictionary are loaded once and reused by every build in the process (and by every
// relayout pass of a build), which later watch mode and per-record builds rely on.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/byte_store.h"
#include "base/diagnostic.h"
#include "data/changes.h"
#include "driver/phase_clock.h"
#include "frame/frame.h"
#include "layout/context.h"
#include "source/atomic_file.h"
#include "source/environment.h"
#include "source/source_manager.h"

namespace reportc::doc {
struct Document;
}

namespace reportc::driver {

class PageSink;  // driver/layout_passes.h

class ImageLoader;

struct Options {
    std::string input;        // the report's XML file
    std::string output;       // the PDF to write; empty: none (check)
    std::string trace_output; // a text trace of the frames; empty: none
    bool werror = false;      // warnings fail the build
    bool check_register = false;  // also report abbreviations used but not defined, and defined but unused
    frame::FrameDocument* frames_out = nullptr;  // when set, receives the laid-out frames (previews)
    std::map<std::string, std::string> variables;  // --set NAME=VALUE: over the report's <variable>s
    std::string layout;  // the layout to use instead of the one the source names (a merge's run file)
    std::string part;    // --part ID: write only this section's pages (driver/part.h); empty: all
    std::string changes_since;  // a folder of earlier sources: mark the data tables' changes (data/changes.h)
    std::string changes_csv;    // with changes_since: also write the summary of changes as CSV
    unsigned jobs = 1;          // threads a build may use (-j); the output is the same for any number
    bool count_libharu = false; // count libharu's heap (pdf::count_libharu_heap) for Outcome::libharu_bytes (--stats)
    bool count_document = false;  // count the resolved document's bytes (doc::footprint_of) for Outcome::document_footprint (--stats)
    // Bytes the paragraph cache holds in memory before it writes entries to a temporary file
    // beside the output (docs/performance.md); unset: layout::kParagraphCacheBudget. For tests.
    std::optional<size_t> paragraph_cache_bytes;
    // Bytes of the pages' deflated content the PDF writer holds in memory before it keeps the
    // rest in a temporary file beside the output until the save; unset: pdf::kContentInMemory.
    // For tests.
    std::optional<size_t> page_content_bytes;
    // Bytes of the encoded document (doc/encoded_blocks.h) kept in memory before the rest goes to
    // a temporary file beside the output; unset: kDocumentInMemory. For tests.
    std::optional<size_t> document_bytes;
    // Where the encoded document's bytes beyond `document_bytes` go instead of the temporary
    // file (not owned). For tests: a store that cannot give them back.
    ByteStore* document_store = nullptr;
    // A document of fewer nodes than this is not encoded at all (doc/encoded_blocks.h); unset:
    // kDocumentKeptBelowNodes. For tests.
    std::optional<uint32_t> document_kept_below_nodes;
    // Bytes of the deflated source texts kept in memory during layout before the rest wait in the
    // temporary file; unset: kSourcesInMemory. For tests.
    std::optional<size_t> sources_bytes;
};

// The encoded document's bytes a build keeps in memory before it writes the rest to a temporary
// file: a small document (the annual report's 150 pages encode to about 0.3 MB) makes no file.
inline constexpr size_t kDocumentInMemory = size_t(1) << 20;
// The deflated source texts kept in memory during layout (SourceManager::store_in): a small
// report's (the annual report's are 0.1 MB) make no file, a long one's wait in the file.
inline constexpr size_t kSourcesInMemory = size_t(256) << 10;
// Below this many nodes a document is kept as it is during layout, not encoded: its bytes would
// stay within kDocumentInMemory all the same (about 100-120 bytes a node: the annual report's
// 2,074 nodes encode to 0.2 MB, the generated 803 pages' 21,791 to 2.6 MB).
inline constexpr uint32_t kDocumentKeptBelowNodes = 8000;

// What a build did, beside its diagnostics.
struct Outcome {
    bool success = false;
    size_t pages = 0;
    int layout_passes = 0;  // layouts run until page references settled
    bool streamed = false;  // the last pass's pages went straight to the PDF writer (not kept as frames)
    // The resolved document's top-level blocks as bytes during layout (doc/encoded_blocks.h),
    // for --stats: in memory, and in the temporary file.
    size_t document_bytes_in_memory = 0, document_bytes_stored = 0;
    size_t sources_stored = 0;  // source files whose deflated text waited in the temporary file during layout
    bool document_kept = false;  // below kDocumentKeptBelowNodes: laid out as read, not encoded
    size_t paragraphs_set = 0, paragraphs_reused = 0;  // paragraph settings computed / reused from an earlier pass
    layout::LineStats stats;
    std::vector<std::string> inputs;  // every file the build read (sources, data, layout, fonts, dictionary), sorted
    std::vector<data::RecordChange> changes;  // with Options::changes_since: the summary of changes
    size_t libharu_bytes = 0, libharu_blocks = 0;  // libharu's heap when the PDF's save began (pdf::LibharuHeap), for --stats
    size_t pages_deflated_apart = 0;  // pages whose content went through the deflater (-j > 1), not deflated where drawn; not in --stats, which is the same for any -j
    size_t pages_stored = 0;  // pages whose content waited for the save in a temporary file (PDF written as the pages are made)
    // A resident compiler's kept paragraphs' file after the build (driver/kept_paragraphs.h): its
    // bytes, 0 when there is none (let go, or never needed); for tests.
    uint64_t kept_paragraph_file_bytes = 0;
    std::string document_footprint;  // with Options::count_document: the resolved document's bytes, share by share
    std::vector<Phase> phases;  // the build's phases and their wall time, in order (--stats)
};

// Work a compiler did and saved, summed over its builds (tests, benchmarks, --stats).
struct Counts {
    size_t builds = 0;
    size_t layouts_parsed = 0, layouts_reused = 0;
    size_t font_families_loaded = 0, dictionaries_loaded = 0;
    size_t dictionaries_on_thread = 0;  // of those, parsed on a thread of their own while the build went on (-j 2 or more)
    size_t paragraphs_set = 0, paragraphs_reused = 0;  // paragraph settings computed / taken from an earlier pass
    size_t sources_reused = 0;  // builds that took the report as read before (its files unchanged)
};

struct Resources;
struct Prepared;  // a source read once, for builds once per record (see Compiler::prepare)

class Compiler {
public:
    // `env` and `sources` outlive the compiler: diagnostics of every build point into `sources`.
    Compiler(const Environment& env, SourceManager& sources);
    ~Compiler();
    Compiler(const Compiler&) = delete;
    Compiler& operator=(const Compiler&) = delete;

    Outcome build(const Options& options, Diagnostics& diags);
    Counts counts() const;
    // Whether the report as read, and the paragraphs as set, are kept for the next build (the
    // default). compile(), which builds once, keeps nothing: the copies would live through
    // layout and the write for no use. The paragraphs kept are those in memory at the end of a
    // build (at most the paragraph cache's budget), reused by the next build when their whole
    // input is the same and the layout's resources are the same ones.
    void keep_sources(bool keep);

    // A document made once per record (docs/merge.md): the source is read and its layout's
    // resources made once here; null when they have errors. Each build_record then resolves a
    // copy of the document with options.variables (the record's fields) and lays it out; its
    // images are decoded once for all records. Records are built one at a time: the resident
    // fonts' caches are not shared across threads.
    std::shared_ptr<Prepared> prepare(const Options& options, Diagnostics& diags);
    // `diags` receives this record's diagnostics only (fresh for each record).
    std::optional<frame::FrameDocument> build_record(Prepared& prepared, const Options& options, Diagnostics& diags);
    // The prepared layout's date-format, for the fields of file names and numbers.
    const std::string& date_format(const Prepared& prepared) const;

private:
    struct State;
    bool run(const Options& options, const RecordingEnvironment& env, const Resources*& res, Outcome& outcome, Diagnostics& diags);
    std::optional<frame::FrameDocument> frames_of(doc::Document& document, const Resources& res, const Options& options,
                                                  const Environment& env, ImageLoader* images, Outcome& outcome, Diagnostics& diags,
                                                  PageSink* sink = nullptr, bool keep_paragraphs = false);
    std::unique_ptr<State> m_state;
};

// One build with a compiler of its own (the command line's single build).
Outcome compile(const Options& options, const Environment& env, SourceManager& sources, Diagnostics& diags);

// Files are written atomically, never over an input (source/atomic_file.h).
using reportc::write_file_atomically;

}  // namespace reportc::driver
