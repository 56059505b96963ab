#pragma once
// Internal to the pdf module: the embedded TrueType subset (FontFile2) written by us, the bytes
// libharu 2.3.0's HPDF_TTFontDef_SaveFontData writes (docs/libharu-notes.md §L22).
#include <hpdf.h>
#include <hpdf_fontdef.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace reportc::pdf {

// The 13 tables libharu keeps in a subset, in its order, after a directory of 16 bytes each.
constexpr const char* kTables[] = {"OS/2", "cmap", "cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post", "prep"};
constexpr uint32_t kTableCount = sizeof kTables / sizeof kTables[0];
constexpr uint32_t kDirectorySize = 12 + 16 * kTableCount;

// Big-endian, as in font files.
inline void put16(std::string& out, uint16_t v) {
    out += char(v >> 8);
    out += char(v & 0xFF);
}
inline void put32(std::string& out, uint32_t v) {
    put16(out, uint16_t(v >> 16));
    put16(out, uint16_t(v & 0xFFFF));
}

struct Placed {
    uint32_t offset = 0, length = 0;
};

// The subset and where each table is in it (offsets from the start of the tables).
struct Subset {
    std::string bytes;
    Placed tables[kTableCount];
};

// truetype_subset with the place of each table (for deflating the tables in pieces).
std::optional<Subset> make_subset(HPDF_FontDef def, const std::string& file);

// The subset libharu would embed for `def` with the glyphs marked so far, made from `file` (the
// font file `def` was parsed from): the 13 tables libharu keeps, in its order and without
// padding, the glyphs not marked left empty, its checksums. nullopt when the font is not one
// this handles exactly as libharu (a table or glyph outside the file, an unknown loca format):
// libharu then writes the subset itself.
std::optional<std::string> truetype_subset(HPDF_FontDef def, const std::string& file);

// truetype_subset deflated as the FontFile2 stream holds it: the tables that never change
// deflated once per font, the rest for each set of glyphs, joined in one zlib stream; kept per
// font file, subset tag and set of glyphs (at most 256). nullopt as for truetype_subset.
std::optional<std::string> deflated_truetype_subset(HPDF_FontDef def, const std::shared_ptr<const std::string>& file);

// The font file's size and hash, worked out once for each file in memory (while it is alive):
// its identity for the caches of per-font work, by content, never by address.
std::pair<size_t, size_t> font_file_identity(const std::shared_ptr<const std::string>& file);

// Has the font's FontFile2 written from truetype_subset, deflated once per process for each
// font and set of glyphs (deflated_truetype_subset), instead of by libharu when it saves (four
// bytes a call, then all of it deflated again for every document). The PDF is the one libharu
// writes but for the FontFile2's compressed bytes, which inflate to the same subset.
// `file` is the font file `font` was made from (held until the document is saved).
void embed_subset_ourselves(HPDF_Font font, const std::shared_ptr<const std::string>& file);

// The subsets of the fonts of `defs` (fonts given to embed_subset_ourselves) deflated now, on a
// thread of their own, for the save to find (deflated_truetype_subset's cache) instead of making
// them one after the other as libharu writes each font. The glyphs marked must be final. The
// work is only read from the font definitions and zlib: the caller may go on with the document
// meanwhile, but not mark glyphs, until SubsetsAhead is done (wait(), or its destructor).
class SubsetsAhead {
public:
    explicit SubsetsAhead(std::vector<HPDF_FontDef> defs);
    ~SubsetsAhead();
    SubsetsAhead(const SubsetsAhead&) = delete;
    SubsetsAhead& operator=(const SubsetsAhead&) = delete;
    // Takes the fonts the thread has not started yet, then waits for it.
    void wait();
    size_t made_apart() const { return m_made_apart; }  // subsets the thread made (after wait)

private:
    void work(bool apart);
    std::vector<HPDF_FontDef> m_defs;
    std::atomic<size_t> m_next{0};
    std::atomic<size_t> m_apart{0};
    size_t m_made_apart = 0;
    std::thread m_thread;  // last: started once the rest exists
};

}  // namespace reportc::pdf
