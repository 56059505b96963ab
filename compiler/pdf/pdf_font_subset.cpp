// The embedded TrueType subset, written as libharu 2.3.0 writes it (docs/libharu-notes.md §L22).
// libharu's HPDF_TTFontDef_SaveFontData copies every table four bytes per stream call, reads the
// result back four bytes at a time twice for its checksums, and the document then deflates it:
// about half of a one-page certificate's PDF. Most of a subset (the 13 tables libharu keeps:
// hmtx, post, cmap, the hinting programs) is the same in every document; only glyf, loca, the
// head checksum and the name table's subset tag change with the glyphs used. This writes the
// same bytes with whole-table copies, and keeps the deflated result per font, tag and set of
// glyphs, so a set seen before costs a lookup. The layout follows the OpenType specification's
// table directory and checksum rules as libharu applies them: no padding between tables, the
// table checksums over each table zero-padded to whole words, and checkSumAdjustment
// 0xB1B0AFBA less the sum of the whole words of the tables (not the directory).
#include "pdf/pdf_font_subset.h"

#include <hpdf_conf.h>
#include <hpdf_font.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>


namespace reportc::pdf {
namespace {

uint32_t word_at(const std::string& s, size_t at, size_t end) {
    uint32_t w = 0;
    for (size_t k = 0; k < 4; ++k) w = (w << 8) | (at + k < end ? uint8_t(s[at + k]) : 0u);
    return w;
}

const HPDF_TTFTable* find_table(HPDF_TTFontDefAttr attr, const char* tag) {
    for (HPDF_UINT i = 0; i < attr->offset_tbl.num_tables; ++i)
        if (std::memcmp(attr->offset_tbl.table[i].tag, tag, 4) == 0) return &attr->offset_tbl.table[i];
    return nullptr;
}

// Appends `length` bytes of the file at `offset`; false when they are not all in it.
bool copy(const std::string& file, uint64_t offset, uint64_t length, std::string& out) {
    if (offset > file.size() || length > file.size() - offset) return false;
    out.append(file, size_t(offset), size_t(length));
    return true;
}

void write_head(HPDF_TTFontDefAttr attr, std::string& out) {
    const HPDF_TTF_FontHeader& h = attr->header;
    out.append(reinterpret_cast<const char*>(h.version_number), 4);
    put32(out, h.font_revision);
    put32(out, 0);  // checkSumAdjustment, set once the tables are written
    put32(out, h.magic_number);
    put16(out, h.flags);
    put16(out, h.units_per_em);
    out.append(reinterpret_cast<const char*>(h.created), 8);
    out.append(reinterpret_cast<const char*>(h.modified), 8);
    for (HPDF_INT16 v : {h.x_min, h.y_min, h.x_max, h.y_max}) put16(out, uint16_t(v));
    put16(out, h.mac_style);
    put16(out, h.lowest_rec_ppem);
    for (HPDF_INT16 v : {h.font_direction_hint, h.index_to_loc_format, h.glyph_data_format}) put16(out, uint16_t(v));
}

// The marked glyphs' outlines in glyph order; `loca` gets every glyph's new offset (an unmarked
// glyph is empty: its offset is the next one's), in the font's own loca units.
bool write_glyf(HPDF_TTFontDefAttr attr, const std::string& file, std::vector<uint32_t>& loca, std::string& out) {
    const bool short_loca = attr->header.index_to_loc_format == 0;
    const size_t start = out.size();
    uint32_t end = 0;
    loca.assign(size_t(attr->num_glyphs) + 1, 0);
    for (size_t i = 0; i < attr->num_glyphs; ++i) {
        if (attr->glyph_tbl.flgs[i] != 1) {
            loca[i] = end;
            continue;
        }
        HPDF_UINT offset = attr->glyph_tbl.offsets[i];
        HPDF_UINT length = attr->glyph_tbl.offsets[i + 1] - offset;
        loca[i] = uint32_t(out.size() - start) / (short_loca ? 2 : 1);
        if (short_loca) offset *= 2, length *= 2;
        if (!copy(file, uint64_t(attr->glyph_tbl.base_offset) + offset, length, out)) return false;
        end = uint32_t(out.size() - start) / (short_loca ? 2 : 1);
    }
    loca[attr->num_glyphs] = end;
    return true;
}

// The naming table with the subset tag before every family and full name (name ids 1 and 4),
// in UTF-16 for the Unicode and Windows platforms.
bool write_name(HPDF_TTFontDefAttr attr, const std::string& file, std::string& out) {
    const HPDF_TTFTable* table = find_table(attr, "name");
    if (!table) return false;
    const HPDF_TTF_NamingTable& names = attr->name_tbl;
    put16(out, names.format);
    put16(out, names.count);
    put16(out, names.string_offset);
    std::string strings;
    for (HPDF_UINT i = 0; i < names.count; ++i) {
        const HPDF_TTF_NameRecord& r = names.name_records[i];
        HPDF_UINT length = r.length;
        const size_t at = strings.size();
        if (r.name_id == 1 || r.name_id == 4) {
            const bool wide = r.platform_id == 0 || r.platform_id == 3;
            const size_t tag = wide ? sizeof attr->tag_name2 : sizeof attr->tag_name;
            strings.append(wide ? attr->tag_name2 : attr->tag_name, tag);
            length += HPDF_UINT(tag);
        }
        for (HPDF_UINT16 v : {r.platform_id, r.encoding_id, r.language_id, r.name_id, HPDF_UINT16(length), HPDF_UINT16(at)}) put16(out, v);
        if (!copy(file, uint64_t(table->offset) + names.string_offset + r.offset, r.length, strings)) return false;
    }
    out += strings;
    return true;
}

}  // namespace

std::optional<Subset> make_subset(HPDF_FontDef def, const std::string& file) {
    auto* attr = static_cast<HPDF_TTFontDefAttr>(def->attr);
    if (!attr || !attr->glyph_tbl.flgs || !attr->glyph_tbl.offsets) return std::nullopt;
    std::string tables;
    std::vector<uint32_t> loca;
    Placed placed[kTableCount];
    size_t head_at = 0;
    for (uint32_t t = 0; t < kTableCount; ++t) {
        const char* tag = kTables[t];
        const HPDF_TTFTable* table = find_table(attr, tag);
        if (table && table->offset > file.size()) return std::nullopt;  // libharu's seek to it fails
        placed[t].offset = uint32_t(tables.size());
        bool ok = true;
        if (!std::strcmp(tag, "head")) {
            head_at = tables.size();
            write_head(attr, tables);
        } else if (!std::strcmp(tag, "glyf")) {
            ok = write_glyf(attr, file, loca, tables);
        } else if (!std::strcmp(tag, "loca")) {
            for (uint32_t v : loca) attr->header.index_to_loc_format == 0 ? put16(tables, uint16_t(v)) : put32(tables, v);
        } else if (!std::strcmp(tag, "name")) {
            ok = write_name(attr, file, tables);
        } else if (table) {
            ok = copy(file, table->offset, table->length, tables);
        }
        if (!ok) return std::nullopt;
        placed[t].length = uint32_t(tables.size() - placed[t].offset);
    }

    std::string out;
    out.reserve(kDirectorySize + tables.size());
    put32(out, attr->offset_tbl.sfnt_version);
    put16(out, uint16_t(kTableCount));
    put16(out, attr->offset_tbl.search_range);
    put16(out, attr->offset_tbl.entry_selector);
    put16(out, attr->offset_tbl.range_shift);
    for (uint32_t t = 0; t < kTableCount; ++t) {
        uint32_t sum = 0;
        const size_t end = size_t(placed[t].offset) + placed[t].length;
        for (size_t at = placed[t].offset; at < end; at += 4) sum += word_at(tables, at, end);
        out.append(kTables[t], 4);
        put32(out, sum);
        put32(out, placed[t].offset + kDirectorySize);
        put32(out, placed[t].length);
    }
    // libharu sums the tables' whole words only: a last partial word ends its read loop.
    uint32_t adjustment = 0xB1B0AFBA;
    for (size_t at = 0; at + 4 <= tables.size(); at += 4) adjustment -= word_at(tables, at, tables.size());
    std::string word;
    put32(word, adjustment);
    tables.replace(head_at + 8, 4, word);
    out += tables;
    Subset subset{std::move(out), {}};
    std::copy(std::begin(placed), std::end(placed), subset.tables);
    return subset;
}

std::optional<std::string> truetype_subset(HPDF_FontDef def, const std::string& file) {
    auto subset = make_subset(def, file);
    if (!subset) return std::nullopt;
    return std::move(subset->bytes);
}

}  // namespace reportc::pdf
