#include "driver/compiler.h"

#include <algorithm>
#include <set>
#include <sstream>

#include "doc/document.h"

#include "doc/encoded_blocks.h"
#include "driver/document_cache.h"
#include "driver/heap_trim.h"
#include "driver/images.h"
#include "driver/kept_paragraphs.h"
#include "driver/layout_passes.h"
#include "driver/navigation.h"
#include "driver/output.h"
#include "driver/part.h"
#include "driver/resolve.h"
#include "driver/resources.h"
#include "driver/spill_file.h"
#include "driver/variables.h"
#include "input/source_reader.h"
#include "source/source_compactor.h"

namespace reportc::driver {

// A source read once and the images its records share (Compiler::prepare).
struct Prepared {
    std::unique_ptr<doc::Document> document;
    const Resources* resources = nullptr;
    std::unique_ptr<ImageLoader> images;
};

struct Compiler::State {
    State(const Environment& e, SourceManager& s) : env(e), sources(s), resources(e, s) {}
    const Environment& env;
    SourceManager& sources;
    ResourceCache resources;
    DocumentCache documents;  // the report as read, reused while its files' bytes are unchanged
    size_t builds = 0;
    std::optional<PhaseClock> clock;  // this build's phases (Compiler::build), none for a record's
    layout::ParagraphCache::Counts paragraphs;  // summed over builds
    bool keep = true;  // keep_sources()
    // The paragraphs the last build set, for the next (ParagraphCache::keep_across_builds), with
    // the file those beyond the cache's budget went to.
    KeptParagraphs kept;
};

namespace {

// The paragraph cache's per-build counts: a kept cache's counts run over its builds.
layout::ParagraphCache::Counts since(const layout::ParagraphCache::Counts& now, const layout::ParagraphCache::Counts& before) {
    layout::ParagraphCache::Counts c = now;
    c.item_builds -= before.item_builds;
    c.item_reuses -= before.item_reuses;
    c.sets -= before.sets;
    c.set_reuses -= before.set_reuses;
    c.adopted -= before.adopted;
    c.spilled -= before.spilled;
    c.spill_reads -= before.spill_reads;
    return c;
}

// Threads set paragraphs ahead unless the cache kept from the last build holds a good share of
// the document's paragraphs: the threads set every paragraph of their runs, kept or not. A kept
// cache holds every paragraph its last build set (those beyond its budget in its file), so a
// rebuild after an edit lays out on one thread; a cache let go of its file holds only its
// budget's worth, the paragraphs set last. Measured with scale_bench's warm rebuilds when every
// cache held only its budget: 803 pages (4,900 entries for 21,791 nodes) were faster without the
// threads, 4,009 pages (about as many entries for 108,000 nodes) with them; one entry for ten
// nodes is between.
unsigned jobs_to_lay_out_with(const layout::ParagraphCache& paragraphs, uint32_t node_count, unsigned jobs) {
    const bool kept_most = paragraphs.entries() > 0 && paragraphs.entries() * 10 >= node_count;
    return kept_most ? 1 : jobs;
}

}  // namespace

Compiler::Compiler(const Environment& env, SourceManager& sources) : m_state(std::make_unique<State>(env, sources)) {}
Compiler::~Compiler() = default;

namespace {

bool can_lay_out(const Resources& res, const Diagnostics& diags) {
    return !diags.has_errors() && res.body_master && res.fonts->face_count() > 0;
}

// Every file a build read: through its own environment, and those read once for the resources.
std::vector<std::string> inputs_of(const RecordingEnvironment& env, const Resources* res) {
    std::set<std::string> all = env.paths_read();
    if (res) all.insert(res->reads->paths_read().begin(), res->reads->paths_read().end());
    return {all.begin(), all.end()};
}

// The report's root element, where a --part that names no part is reported: found from the span
// of its layout attribute (the reader keeps no span of the element itself).
Span root_span(Span layout_attribute, const SourceManager& sources) {
    const SourceFile* file = sources.file(layout_attribute.file);
    if (!file) return layout_attribute;
    // The start tag before the attribute, inflated for the search only (the text is kept deflated).
    const auto at = file->slice(0, layout_attribute.begin).rfind("<report");
    if (at == std::string_view::npos) return layout_attribute;
    return Span{layout_attribute.file, uint32_t(at), uint32_t(at + 7)};
}

}  // namespace

Outcome Compiler::build(const Options& options, Diagnostics& diags) {
    State& s = *m_state;
    ++s.builds;
    s.sources.start_build();  // a file this build reads anew takes its old version's place
    RecordingEnvironment env(s.env);
    Outcome outcome;
    const Resources* res = nullptr;
    pdf::count_libharu_heap(options.count_libharu);
    s.clock.emplace();
    outcome.success = run(options, env, res, outcome, diags);
    outcome.phases = s.clock->phases();
    s.clock.reset();
    outcome.inputs = inputs_of(env, res);
    if (outcome.success && options.count_libharu && !options.output.empty()) {
        const pdf::LibharuHeap heap = pdf::libharu_heap();
        outcome.libharu_bytes = heap.save_bytes;
        outcome.libharu_blocks = heap.save_blocks;
    }
    return outcome;
}

// The phases: read, resources (resident), resolve, lay out until page numbers settle, frames,
// files. False when a phase's errors stop the build (or warnings, with --werror).
bool Compiler::run(const Options& options, const RecordingEnvironment& env, const Resources*& res, Outcome& outcome, Diagnostics& diags) {
    State& s = *m_state;
    auto lap = [&s](const char* phase) { if (s.clock) s.clock->lap(phase); };
    // With more than one thread, the texts read are deflated on one of them while this one
    // reads and resolves (source/source_compactor.h), until frames_of compacts what is left.
    std::optional<SourceCompactor> compactor;
    if (options.jobs > 1) compactor.emplace();
    // However the build ends (frames_of compacts once the report is resolved), what was read is
    // compacted and the compactor let go before it goes.
    struct LetGo {
        SourceManager& sources;
        ~LetGo() {
            if (sources.compacting_apart()) sources.compact();
        }
    } let_go{s.sources};
    if (compactor) s.sources.compact_on(&*compactor);
    // Once parsed, the deflated texts beyond a small budget wait in a temporary file beside the
    // output, for a diagnostic's line, and come back into memory before it goes: the diagnostics
    // are printed after the build.
    FileSpillStore source_texts(spill_directory(options.output), "the source texts");
    s.sources.store_in(source_texts, options.sources_bytes.value_or(kSourcesInMemory));
    struct TakeBack {
        SourceManager& sources;
        size_t& stored;
        ~TakeBack() {
            stored = sources.files_stored();
            sources.take_back();
        }
    } take_back{s.sources, outcome.sources_stored};
    auto document = s.documents.read(options.input, env, s.sources, diags);
    lap("read");
    if (!document || document->layout_path.empty()) return false;
    if (!options.part.empty() && !check_part(*document, options.part, root_span(document->layout_span, s.sources), diags))
        return false;
    res = s.resources.get(document->layout_path, document->layout_span, options.jobs, diags);
    lap("resources");
    if (!res) return false;
    ImageLoader images(env, image_folders(parent_directory(options.input), document->layout_path, res->styles.settings().image_paths));
    // Only a PDF asked for: it is written as the pages are made, never holding the frames whole.
    const bool pdf_only = !options.output.empty() && options.trace_output.empty() && options.part.empty() && !options.frames_out;
    // The pages' deflated content waits for the save in a file beside the output, not in memory.
    FileSpillStore page_contents(spill_directory(options.output), "the pages' content");
    PdfPages pdf_pages(options.jobs, &page_contents, options.page_content_bytes.value_or(pdf::kContentInMemory));
    auto frames = frames_of(*document, *res, options, env, &images, outcome, diags, pdf_only ? &pdf_pages : nullptr, s.keep);
    document.reset();  // the files are written from the frames alone
    // Layout's memory (the paragraph cache above all) is freed: given back, so that the save, on
    // the drawing thread's malloc arena with -j, does not add to it (driver/heap_trim.h). Not for
    // a document small enough to be laid out as read: its heap is small, and the trim cost time
    // (the annual report with -j 1: 114.8 +- 3.4 ms with it, 111.8 +- 2.0 ms before).
    if (!outcome.document_kept) trim_heap();
    if (!frames) return false;
    if (outcome.streamed) {
        if (diags.has_errors() || (options.werror && diags.warning_count() > 0)) return false;
        auto write = [&](pdf::ByteSink& out) {
            const bool written = pdf_pages.finish(*frames, diags, out);
            warn_if_failed(page_contents, "the pages' content was", diags);
            outcome.pages_stored = pdf_pages.pages_stored();
            outcome.pages_deflated_apart = pdf_pages.pages_deflated_apart();
            return written;
        };
        const bool written = write_pdf_file(options.output, inputs_of(env, res), diags, write);
        lap("pages drawn and saved");
        return written;
    }
    if (!options.part.empty()) {
        frames = select_part(std::move(*frames), options.part);
        outcome.pages = frames->pages.size();
    }
    if (options.frames_out) *options.frames_out = *frames;
    if (diags.has_errors() || (options.werror && diags.warning_count() > 0)) return false;
    const bool written = write_outputs(*frames, options, inputs_of(env, res), diags);
    lap("written");
    return written;
}

// Resolve, lay out until page numbers settle, frames: nullopt when errors stop it before layout.
std::optional<frame::FrameDocument> Compiler::frames_of(doc::Document& document, const Resources& res, const Options& options,
                                                        const Environment& env, ImageLoader* images, Outcome& outcome,
                                                        Diagnostics& diags, PageSink* sink, bool keep_paragraphs) {
    State& s = *m_state;
    auto lap = [&s](const char* phase) { if (s.clock) s.clock->lap(phase); };
    // The paragraph cache (every paragraph's set lines, the largest share of the peak memory at
    // 1,000 pages) is this function's own, so it is released before the files are written.
    // Beyond its budget the cache writes its oldest entries to a file beside the output; the
    // encoded document's bytes beyond theirs go there too.
    FileSpillStore spill_file(spill_directory(options.output), "the paragraph cache and the document");
    const size_t budget = options.paragraph_cache_bytes.value_or(layout::kParagraphCacheBudget);
    layout::ParagraphSpill spill(spill_file, budget);
    // The document is resolved a top-level block at a time, each block becoming bytes as soon as
    // it is (driver/resolve.h), beyond a small budget in the paragraph cache's file; each layout
    // pass decodes one at a time (doc/encoded_blocks.h). A document below
    // kDocumentKeptBelowNodes is kept as resolved instead.
    doc::EncodedBlocks blocks(options.document_store ? options.document_store : &spill_file,
                              options.document_bytes.value_or(kDocumentInMemory),
                              options.document_kept_below_nodes.value_or(kDocumentKeptBelowNodes));
    Resolved resolved = resolve(document, res, options, env, s.sources, *images, outcome.changes, blocks, diags);
    const Variables& variables = resolved.variables;
    lap("resolve");
    if (resolved.footprint) outcome.document_footprint = (std::ostringstream() << *resolved.footprint).str();
    // Every file is read: from here on their texts serve diagnostics only, a line at a time. Most
    // are deflated already, as each parse ended; this takes the rest (a spreadsheet's listing).
    s.sources.compact();
    if (!resolved.read_back || !can_lay_out(res, diags)) return std::nullopt;
    if (!check_footnote_styles(resolved.navigation, res.styles, diags)) return std::nullopt;
    // The navigation was made while the parts were resolved: its small strings and nodes sit in
    // the gaps between the parts', one or two to a page, and would keep those pages resident for
    // the whole layout. Copied now, it lies together, and the pages of the first are given back
    // with the parts' (4,009 pages: the layout's resident plateau 53-58 -> 45-51 MB;
    // docs/performance.md). The parts' nodes, freed as they were encoded, go back to the system
    // (malloc_trim(3)): with -j the pages are drawn, and the threads set ahead allocate, in malloc
    // arenas of their own, which cannot reuse the main arena's free memory (4,009 pages with
    // -j 2: 107 -> 87 MiB resident). A document kept as read freed no parts: there the trim
    // only walked the heap and gave back pages the layout then faulted in again, 4 % of a
    // resident compiler's main thread in its rebuilds (the annual report's 28-31 -> 27 ms).
    const Navigation navigation(resolved.navigation);
    resolved.navigation = Navigation();
    if (!blocks.kept()) trim_heap();
    outcome.document_bytes_in_memory = blocks.bytes_in_memory();
    outcome.document_bytes_stored = blocks.bytes_stored();
    outcome.document_kept = blocks.kept();
    // Layout's first need of the dictionary, parsed on a thread of its own meanwhile (with -j;
    // driver/hyphenator_load.h): waited for here, its error (out of memory only) reported here.
    if (const std::string& error = res.hyphenator.error(); !error.empty()) {
        diags.error(res.layout.hyphenation_span, error);
        return std::nullopt;
    }
    // A resident compiler's cache is kept for its next build, with its own file; else the
    // build's own, which spills to the build's file and goes with it.
    std::unique_ptr<layout::ParagraphCache> own;
    if (!keep_paragraphs) {
        s.kept.reset();
        own = std::make_unique<layout::ParagraphCache>(*res.fonts, res.hyphenator.get());
        own->spill_to(&spill);
    }
    layout::ParagraphCache& paragraphs = own ? *own : s.kept.for_build(res, spill_directory(options.output), budget);
    const auto counts_before = paragraphs.counts();
    const unsigned layout_jobs = jobs_to_lay_out_with(paragraphs, document.node_count, options.jobs);
    lap("layout prepared");
    LaidOut laid_out = lay_out(document, blocks, res, navigation, variables.values, paragraphs, diags, layout_jobs, sink,
                               s.clock ? &*s.clock : nullptr);
    warn_if_failed(spill_file, own ? "the paragraphs and the document were" : "the document was", diags);
    if (!own) {
        s.kept.after_build(diags);
        outcome.kept_paragraph_file_bytes = s.kept.file_bytes();
    }
    outcome.layout_passes = laid_out.passes;
    outcome.streamed = laid_out.streamed;
    outcome.pages = laid_out.pages.page_count;
    outcome.stats = laid_out.stats;
    const auto c = since(paragraphs.counts(), counts_before);
    // A setting made ahead on another thread (-j) counts as made here, not as reused.
    const size_t ahead = std::min(c.adopted, c.set_reuses);
    outcome.paragraphs_set = c.sets + ahead;
    outcome.paragraphs_reused = c.set_reuses - ahead;
    s.paragraphs.sets += outcome.paragraphs_set;
    s.paragraphs.set_reuses += outcome.paragraphs_reused;

    return assemble_frames(document, std::move(laid_out), env.now());
}

std::shared_ptr<Prepared> Compiler::prepare(const Options& options, Diagnostics& diags) {
    State& s = *m_state;
    auto prepared = std::make_shared<Prepared>();
    const size_t errors = diags.error_count();
    auto document = input::read_report(options.input, s.env, s.sources, diags);
    if (!document) return nullptr;
    if (!options.layout.empty()) document->layout_path = options.layout;
    if (document->layout_path.empty()) return nullptr;
    prepared->resources = s.resources.get(document->layout_path, document->layout_span, options.jobs, diags);
    if (!prepared->resources || diags.error_count() > errors) return nullptr;
    prepared->images = std::make_unique<ImageLoader>(
        s.env, image_folders(parent_directory(options.input), document->layout_path, prepared->resources->styles.settings().image_paths));
    prepared->document = std::make_unique<doc::Document>(std::move(*document));
    return prepared;
}

const std::string& Compiler::date_format(const Prepared& prepared) const { return prepared.resources->styles.settings().date_format; }

std::optional<frame::FrameDocument> Compiler::build_record(Prepared& prepared, const Options& options, Diagnostics& diags) {
    ++m_state->builds;
    doc::Document copy = *prepared.document;
    Outcome outcome;
    auto frames = frames_of(copy, *prepared.resources, options, m_state->env, prepared.images.get(), outcome, diags);
    if (!frames || diags.has_errors() || (options.werror && diags.warning_count() > 0)) return std::nullopt;
    return frames;
}

Counts Compiler::counts() const {
    const auto& r = m_state->resources.counts();
    Counts c;
    c.builds = m_state->builds;
    c.layouts_parsed = r.layouts_parsed;
    c.layouts_reused = r.layouts_reused;
    c.font_families_loaded = r.font_families_loaded;
    c.dictionaries_loaded = r.dictionaries_loaded;
    c.dictionaries_on_thread = r.dictionaries_on_thread;
    c.paragraphs_set = m_state->paragraphs.sets;
    c.paragraphs_reused = m_state->paragraphs.set_reuses;
    c.sources_reused = m_state->documents.reuses();
    return c;
}

void Compiler::keep_sources(bool keep) {
    m_state->documents.set_enabled(keep);
    m_state->keep = keep;
    if (!keep) m_state->kept.reset();
}

Outcome compile(const Options& options, const Environment& env, SourceManager& sources, Diagnostics& diags) {
    Compiler compiler(env, sources);
    compiler.keep_sources(false);
    return compiler.build(options, diags);
}

}  // namespace reportc::driver
