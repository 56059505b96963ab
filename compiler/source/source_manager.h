#pragma once
// Source files known to a compilation, and the mapping from byte offsets to line:col that every
// diagnostic goes through.
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "base/byte_store.h"
#include "base/diagnostic.h"
#include "base/span.h"
#include "source/source_compactor.h"

namespace reportc {

struct LineCol {
    uint32_t line = 0;    // 1-based
    uint32_t column = 0;  // 1-based, counted in characters (code points)
};

// What a file's text is: the file as read, or a listing made of a spreadsheet's cells, one line
// per cell ("Sheet1!C12: value"), whose locations are cell references rather than line:col.
enum class SourceKind { Text, Cells };

// A file's text is kept whole while the build parses it; once parsed, `compact()` keeps it deflated
// in blocks, of which a diagnostic's location and quoted line (and slice()) inflate one or two,
// and text() inflates it whole again (a resident compiler's next build, which compares and reads
// it; it stays whole until compacted again).
class SourceFile {
public:
    SourceFile(std::string path, std::string text, SourceKind kind = SourceKind::Text);
    const std::string& path() const { return m_path; }
    SourceKind kind() const { return m_kind; }
    const std::string& text() const;
    LineCol line_col(uint32_t offset) const;
    std::string line_text(uint32_t line) const;  // without the newline
    // The bytes [begin, end) (clamped to the text), whole or compacted: only their blocks are inflated.
    std::string slice(uint32_t begin, uint32_t end) const;
    // The bytes from `begin` up to the first `stop` after it (not included), or to the end; each
    // block inflated at most once.
    std::string text_until(uint32_t begin, char stop) const;
    bool compacted() const;
    // Deflated as soon as its parse is done (its XmlFile or CSV parser gone), so that the texts
    // of a report and its data files are never whole together. Not while a parser holds it
    // (pin): that one's references into the text stay good; it is compacted later.
    void compact();
    // compact()'s costly half, on any thread: the blocks made, the text kept whole until
    // compact(). Out of memory leaves no blocks (compact() tries again).
    void deflate();
    // A parser reading the text: compact() leaves it whole until every pin is undone.
    void pin();
    void unpin();
    size_t held_bytes() const;  // what the text takes: whole, or its blocks and line starts
    // A compacted text's blocks written to `store`, read from it when a diagnostic needs a line,
    // until take_back(); false (the blocks stay) when the text is whole or the store cannot keep them.
    bool store_in(ByteStore& store);
    // The stored blocks read back into memory, before the store goes. A block that cannot be read
    // back is lost: locations in it stay right, its lines are quoted empty.
    void take_back();
    bool stored() const;

private:
    bool deflate_blocks();
    // The block that starts at `first`, inflated into `out`; false when it is lost (take_back).
    bool inflate_block(uint32_t first, std::string& out) const;

    std::string m_path;
    mutable std::string m_text;  // empty while compacted
    uint32_t m_size = 0;         // of the text, whole or not
    SourceKind m_kind;
    std::vector<uint32_t> m_line_starts;
    std::vector<std::string> m_blocks;  // the text deflated, kBlock bytes a block; made once
    ByteStore* m_store = nullptr;       // where the blocks wait while stored (m_blocks then empty strings)
    std::vector<ByteStore::Place> m_places;  // by block, while stored
    bool m_lost = false;                // a block could not be read back
    int m_pins = 0;
    mutable std::mutex m_mutex;         // diagnostics may be located from the layout threads;
                                        // a SourceCompactor deflates meanwhile
};

class SourceManager {
public:
    // Returns the file's id (ids start at 1): a new one, or the id of the same path with the
    // same text added before.
    // A changed file replaces a version of it that no add() since the last start_build() gave.
    uint32_t add(std::string path, std::string text, SourceKind kind = SourceKind::Text);
    // A resident compiler's new build: files added before it may be replaced by their new bytes.
    void start_build() { ++m_build; }
    size_t size() const { return m_files.size(); }
    const SourceFile* file(uint32_t id) const;
    // The same, to compact it: a SourceFile's own lock guards it, so its parser may compact it
    // while another thread adds files.
    SourceFile* file(uint32_t id);
    Span span_at(uint32_t file_id, uint32_t offset, uint32_t length = 0) const;

    // Once the files are read: each file's text kept compressed (SourceFile::compact), the
    // compactor's work waited for and the compactor let go (compact_on).
    void compact();
    // A parser is done with file `id`: compacted now, or, while a compactor is set, deflated on
    // its thread and let go at a later call (or by compact()).
    void compact_parsed(uint32_t id);
    // Parsed files are deflated on `compactor`'s thread until compact() (nullptr: here, now).
    // The compactor outlives its use here.
    void compact_on(SourceCompactor* compactor) { m_compactor = compactor; }
    bool compacting_apart() const { return m_compactor != nullptr; }  // compact() not called since compact_on
    size_t held_bytes() const;
    // Once read, a text serves diagnostics only, which quote a line rarely: from now on the
    // compacted texts beyond the first `kept_bytes` of blocks wait in `store` (the build's
    // temporary file) until take_back(), which the build calls before the store goes (issue 16:
    // memory that does not grow with the body; 3.1 MB at 4,009 pages). Those compacted already
    // are weighed now, the others as compact() or compact_parsed() compacts them.
    void store_in(ByteStore& store, size_t kept_bytes);
    size_t files_stored() const { return m_files_stored; }  // since store_in
    void take_back();

    // "path:line:col: error: message" + the source line + a caret under the column.
    std::string render(const Diagnostic& d) const;
    std::string location(Span span) const;  // "path:line:col", "book.xlsx:Sheet1!C12" (or "<unknown>")

private:
    std::vector<std::unique_ptr<SourceFile>> m_files;
    std::multimap<std::string, uint32_t> m_by_path;  // path -> ids of its versions
    std::vector<uint64_t> m_build_of;  // by id - 1: the last build that added or found the file
    uint64_t m_build = 0;
    SourceCompactor* m_compactor = nullptr;
    // store_in's: where the texts beyond the budget go, and which files are weighed (by id - 1).
    void weigh(uint32_t id);
    uint32_t id_of(const SourceFile* f) const;  // 0: not this manager's
    ByteStore* m_store = nullptr;
    size_t m_kept_budget = 0, m_kept_bytes = 0, m_files_stored = 0;
    std::vector<bool> m_weighed;
};

}  // namespace reportc
