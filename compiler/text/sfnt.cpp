#include "text/sfnt.h"

#include <cstdio>
#include <map>

namespace reportc::text::sfnt {
namespace {

constexpr uint32_t tag(const char* t) {
    return uint32_t(uint8_t(t[0])) << 24 | uint32_t(uint8_t(t[1])) << 16 | uint32_t(uint8_t(t[2])) << 8 |
           uint32_t(uint8_t(t[3]));
}

std::string tag_name(uint32_t t) {
    std::string s;
    for (int shift = 24; shift >= 0; shift -= 8) s += char((t >> shift) & 0xFF);
    return s;
}

std::string hex(uint32_t v, int digits) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%0*x", digits, unsigned(v));
    return buf;
}

struct Table {
    uint32_t offset = 0, length = 0;
};

// Big-endian reads that never step outside the file; `ok` turns false instead.
class Reader {
public:
    explicit Reader(std::span<const uint8_t> d) : m_data(d) {}
    bool ok = true;
    uint32_t u8(size_t at) { return in(at, 1) ? m_data[at] : 0; }
    uint32_t u16(size_t at) { return in(at, 2) ? uint32_t(m_data[at]) << 8 | m_data[at + 1] : 0; }
    int32_t i16(size_t at) { return int16_t(uint16_t(u16(at))); }
    uint32_t u32(size_t at) { return in(at, 4) ? u16(at) << 16 | u16(at + 2) : 0; }

private:
    bool in(size_t at, size_t n) {
        if (at + n > m_data.size()) ok = false;
        return ok;
    }
    std::span<const uint8_t> m_data;
};

// libharu 2.3.0 copies only the components of composites it is asked for (CheckCompositGryph,
// one level, and only for numberOfContours == -1), so a component that is itself composite
// loses its own components in the subset (docs/libharu-notes.md §L5).
// It also reads each component's glyph index as a signed 16-bit number and keeps it only when
// positive, so a component numbered 32768 or above is dropped: Droid Sans Fallback's 秀, 英 and
// 花 came out incomplete or blank.
// A glyph is renderable when it is simple, empty, or a -1 composite of non-composites numbered
// below 32768.
bool mark_renderable(Reader& r, const Table& glyf, const std::vector<uint32_t>& loca, Info& info,
                     const std::string& path, std::string& error) {
    const int n = info.num_glyphs;
    std::vector<int> contours(n, 0);  // 0 for empty glyphs
    for (int g = 0; g < n; ++g) {
        if (loca[g + 1] < loca[g]) {
            error = "font '" + path + "' is corrupt: 'loca' offsets decrease at glyph " + std::to_string(g);
            return false;
        }
        if (loca[g + 1] == loca[g]) continue;
        if (uint64_t(loca[g + 1]) > glyf.length + uint64_t(3)) {  // tolerate 4-byte padding
            error = "font '" + path + "' is corrupt: glyph " + std::to_string(g) + " lies outside the 'glyf' table";
            return false;
        }
        contours[g] = r.i16(glyf.offset + loca[g]);
    }
    info.renderable.assign(n, 1);
    for (int g = 0; g < n; ++g) {
        if (contours[g] >= 0) continue;
        if (contours[g] != -1) { info.renderable[g] = 0; continue; }
        info.renderable[g] = 2;  // a composite: drawn when reached through a character only
        size_t at = glyf.offset + loca[g] + 10, end = glyf.offset + loca[g + 1];
        uint32_t flags = 0;
        do {
            if (at + 4 > end) { info.renderable[g] = 0; break; }
            flags = r.u16(at);
            uint32_t component = r.u16(at + 2);
            at += 4 + ((flags & 0x0001) ? 4 : 2);                               // ARG_1_AND_2_ARE_WORDS
            at += (flags & 0x0008) ? 2 : (flags & 0x0040) ? 4 : (flags & 0x0080) ? 8 : 0;  // scales
            if (component >= uint32_t(n) || component >= 0x8000 || contours[component] < 0) info.renderable[g] = 0;
        } while (flags & 0x0020);  // MORE_COMPONENTS
    }
    return true;
}

}  // namespace

bool parse(std::span<const uint8_t> data, const std::string& path, Info& info, std::string& error) {
    const std::string font = "font '" + path + "'";
    Reader r(data);
    if (data.size() < 12) {
        error = font + " is not a TrueType (glyf) font: the file has only " + std::to_string(data.size()) + " bytes";
        return false;
    }
    uint32_t signature = r.u32(0);
    if (signature == tag("OTTO")) {
        error = font + " is not a TrueType (glyf) font: it has CFF outlines, which libharu cannot embed";
        return false;
    }
    if (signature == tag("ttcf")) {
        error = font + " is a TrueType collection; give the path of a single .ttf font";
        return false;
    }
    if (signature != 0x00010000 && signature != tag("true")) {
        error = font + " is not a TrueType (glyf) font: unknown signature " + hex(signature, 8);
        return false;
    }
    uint32_t num_tables = r.u16(4);
    if (12 + 16 * uint64_t(num_tables) > data.size()) {
        error = font + " is truncated: its table directory needs " + std::to_string(12 + 16 * num_tables) +
                " bytes, the file has " + std::to_string(data.size());
        return false;
    }
    // libharu seeks to every table without checking the file size; a table past the end makes
    // HPDF_LoadTTFontFromFile return NULL without calling the error handler
    // (docs/libharu-notes.md §L12).
    std::map<uint32_t, Table> tables;
    for (uint32_t i = 0; i < num_tables; ++i) {
        size_t rec = 12 + 16 * size_t(i);
        Table t{r.u32(rec + 8), r.u32(rec + 12)};
        if (uint64_t(t.offset) + t.length > data.size()) {
            error = font + " is truncated: table '" + tag_name(r.u32(rec)) + "' ends at byte " +
                    std::to_string(uint64_t(t.offset) + t.length) + ", the file has " + std::to_string(data.size());
            return false;
        }
        tables[r.u32(rec)] = t;
    }
    if (!tables.count(tag("glyf")) || !tables.count(tag("loca"))) {
        error = font + " is not a TrueType (glyf) font: it has no 'glyf'/'loca' outlines";
        return false;
    }
    // The tables libharu 2.3.0 parses when it loads a font for embedding.
    for (const char* t : {"head", "maxp", "hhea", "hmtx", "cmap", "name", "OS/2"}) {
        if (!tables.count(tag(t))) {
            error = font + " lacks the '" + std::string(t) + "' table that libharu requires";
            return false;
        }
    }
    const Table head = tables[tag("head")], maxp = tables[tag("maxp")], hhea = tables[tag("hhea")];
    const Table hmtx = tables[tag("hmtx")], loca_t = tables[tag("loca")], glyf = tables[tag("glyf")];
    const Table os2 = tables[tag("OS/2")], cmap = tables[tag("cmap")];
    auto too_short = [&](const char* name, const Table& t, uint32_t need) {
        if (t.length >= need) return false;
        error = font + " is corrupt: its '" + name + "' table has " + std::to_string(t.length) + " bytes, expected at least " +
                std::to_string(need);
        return true;
    };
    if (too_short("head", head, 54) || too_short("maxp", maxp, 6) || too_short("hhea", hhea, 36) ||
        too_short("OS/2", os2, 10) || too_short("cmap", cmap, 4))
        return false;

    // libharu divides by units-per-em unchecked: 0 kills the process with SIGFPE
    // (docs/libharu-notes.md §L12).
    info.units_per_em = int(r.u16(head.offset + 18));
    if (info.units_per_em == 0) {
        error = font + " has units-per-em 0";
        return false;
    }
    int loc_format = r.i16(head.offset + 50);
    info.num_glyphs = int(r.u16(maxp.offset + 4));
    info.hhea_ascender = r.i16(hhea.offset + 4);
    info.hhea_descender = r.i16(hhea.offset + 6);
    int num_h_metrics = int(r.u16(hhea.offset + 34));
    if (loc_format != 0 && loc_format != 1) {
        error = font + " is corrupt: head.indexToLocFormat is " + std::to_string(loc_format) + ", expected 0 or 1";
        return false;
    }
    if (info.num_glyphs == 0) {
        error = font + " has no glyphs";
        return false;
    }
    // 2.3.0 writes past its metrics array when numberOfHMetrics > numGlyphs (fixed in 2.4.6).
    if (num_h_metrics == 0 || num_h_metrics > info.num_glyphs) {
        error = font + " is corrupt: hhea.numberOfHMetrics is " + std::to_string(num_h_metrics) + " for " +
                std::to_string(info.num_glyphs) + " glyphs";
        return false;
    }
    if (too_short("hmtx", hmtx, 4 * uint32_t(num_h_metrics)) ||
        too_short("loca", loca_t, (loc_format ? 4 : 2) * uint32_t(info.num_glyphs + 1)))
        return false;

    // OS/2 fsType bits 0x0002 (restricted), 0x0100 (no subsetting), 0x0200 (bitmap only) make
    // libharu refuse to embed (ParseOS2), and we always embed.
    uint32_t fs_type = r.u16(os2.offset + 8);
    if (fs_type & (0x0002 | 0x0100 | 0x0200)) {
        error = font + " does not permit embedding (OS/2 fsType " + hex(fs_type, 4) + ")";
        return false;
    }
    uint32_t os2_version = r.u16(os2.offset);
    if (os2.length >= 72) {
        info.typo_ascender = r.i16(os2.offset + 68);
        info.typo_descender = r.i16(os2.offset + 70);
    }
    if (os2_version >= 2 && os2.length >= 90) {
        info.x_height = r.i16(os2.offset + 86);
        info.cap_height = r.i16(os2.offset + 88);
    }

    // libharu uses the first (3,1) format-4 subtable and nothing else for Unicode text; a
    // font without one cannot be set as a CID font at all.
    bool unicode_bmp = false;
    if (r.u16(cmap.offset) == 0) {
        uint32_t n = r.u16(cmap.offset + 2);
        for (uint32_t i = 0; i < n && !unicode_bmp; ++i) {
            size_t rec = cmap.offset + 4 + 8 * size_t(i);
            if (rec + 8 > cmap.offset + size_t(cmap.length)) break;
            unicode_bmp = r.u16(rec) == 3 && r.u16(rec + 2) == 1 && r.u16(cmap.offset + size_t(r.u32(rec + 4))) == 4;
        }
    }
    if (!unicode_bmp || !r.ok) {
        error = font + " has no Unicode BMP cmap (platform 3, encoding 1, format 4), which libharu requires";
        return false;
    }

    // Widths exactly as HPDF_TTFontDef_GetCharWidth and the /W array: unsigned integer division,
    // glyphs past numberOfHMetrics repeat the last advance (docs/libharu-notes.md §L4).
    info.milli_advance.resize(info.num_glyphs);
    for (int g = 0; g < info.num_glyphs; ++g) {
        uint32_t adv = r.u16(hmtx.offset + 4 * size_t(g < num_h_metrics ? g : num_h_metrics - 1));
        info.milli_advance[g] = int(adv * 1000u / uint32_t(info.units_per_em));
    }
    std::vector<uint32_t> loca(info.num_glyphs + 1);
    for (int g = 0; g <= info.num_glyphs; ++g)
        loca[g] = loc_format ? r.u32(loca_t.offset + 4 * size_t(g)) : 2 * r.u16(loca_t.offset + 2 * size_t(g));
    if (!mark_renderable(r, glyf, loca, info, path, error)) return false;
    if (!r.ok) {
        error = font + " is corrupt: a table points past the end of the file";
        return false;
    }
    return true;
}

}  // namespace reportc::text::sfnt
