#pragma once
// Private to driver: what a resident compiler keeps between builds. A layout file is parsed,
// its styles built and its fonts and hyphenation dictionary loaded once; a later build that
// names the same layout with the same text reuses all of it (and reports its diagnostics again).
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "doc/layout_source.h"
#include "source/environment.h"
#include "source/source_manager.h"
#include "style/stylesheet.h"
#include "text/font_registry.h"
#include "driver/hyphenator_load.h"

namespace reportc::driver {

// A layout with everything derived from it. Immutable once made.
struct Resources {
    std::string layout_text;  // the file's text it was made from (a changed file is parsed anew)
    // What it was read through (the font registry keeps a reader over it), recording every file
    // read to make it: the layout, its fonts, its dictionary.
    std::unique_ptr<RecordingEnvironment> reads;
    doc::LayoutSource layout;
    style::Stylesheet styles;
    std::unique_ptr<text::FontRegistry> fonts;
    const style::PageMaster* body_master = nullptr;
    std::vector<Diagnostic> diagnostics;  // what reading and loading it reported
    // The font files its families named, by path as written: a thread that sets paragraphs
    // ahead (driver/ahead.h) loads fonts of its own from them, the files not read again.
    std::map<std::string, FontBytes> font_files;
    // The hyphenation dictionary's bytes (empty when there is none or it was refused), for the
    // parse below; the threads share what it parsed (text::Hyphenator::another).
    std::string dictionary;
    // Which of the resources a cache made this is (1, 2, …): what was set with one (a resident
    // compiler's paragraphs) is kept for the next build only while it is the same one.
    uint64_t generation = 0;
    // Parsed from `dictionary`, perhaps still on its own thread; declared after the bytes, so
    // that it is destroyed (and its thread waited for) first.
    HyphenatorLoad hyphenator;
};

// The layout's font families, fallbacks and styles' families into `fonts` (errors to `diags`).
void register_fonts(const doc::LayoutSource& layout, text::FontRegistry& fonts, Diagnostics& diags);

// Counts of the work done, for tests and benchmarks: a warm build loads nothing.
struct ResourceCounts {
    size_t layouts_parsed = 0, layouts_reused = 0, font_families_loaded = 0, dictionaries_loaded = 0;
    size_t dictionaries_on_thread = 0;  // of those loaded, parsed on a thread of their own (-j 2 or more)
};

class ResourceCache {
public:
    ResourceCache(const Environment& env, SourceManager& sources) : m_env(env), m_sources(sources) {}

    // The resources of the layout at `path` (named by the report at `from`), made or reused;
    // their diagnostics are added to `diags`. Null when the layout cannot be read at all. With
    // `jobs` above 1, a dictionary made anew is parsed on a thread of its own (HyphenatorLoad);
    // -j 1 is the single-threaded build and parses it here.
    const Resources* get(const std::string& path, Span from, unsigned jobs, Diagnostics& diags);
    const ResourceCounts& counts() const { return m_counts; }

private:
    std::unique_ptr<Resources> make(const std::string& path, std::string text, Span from, unsigned jobs, Diagnostics& diags);
    text::FontReader font_reader(const Environment& env);

    const Environment& m_env;
    SourceManager& m_sources;
    std::map<std::string, std::unique_ptr<Resources>> m_by_path;  // keyed by the layout's path
    std::map<std::string, FontBytes> m_font_bytes;  // every font file read, by path: read once per process
    ResourceCounts m_counts;
    uint64_t m_made = 0;  // resources made: the last one's generation
};

}  // namespace reportc::driver
