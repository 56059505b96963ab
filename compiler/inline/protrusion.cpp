#include "inline/protrusion.h"

#include <algorithm>
#include <array>

#include "base/utf8.h"

namespace reportc::inl {
namespace {

struct Entry {
    char32_t c;
    Protrusion amounts;
};

// Sorted by code point; amounts modelled on microtype's default protrusion set.
constexpr std::array kTable{
    Entry{U'!', {0, 100}},     Entry{U'"', {300, 400}},   Entry{U'\'', {500, 700}},  Entry{U'*', {300, 300}},
    Entry{U'+', {250, 250}},   Entry{U',', {0, 500}},     Entry{U'-', {400, 500}},   Entry{U'.', {0, 700}},
    Entry{U'/', {100, 200}},   Entry{U':', {0, 500}},     Entry{U';', {0, 500}},     Entry{U'?', {0, 100}},
    Entry{U'@', {50, 50}},     Entry{U'A', {50, 50}},     Entry{U'F', {0, 50}},      Entry{U'J', {50, 0}},
    Entry{U'K', {0, 50}},      Entry{U'L', {0, 50}},      Entry{U'T', {50, 50}},     Entry{U'V', {50, 50}},
    Entry{U'W', {50, 50}},     Entry{U'X', {50, 50}},     Entry{U'Y', {50, 50}},     Entry{U'k', {0, 50}},
    Entry{U'r', {0, 50}},      Entry{U't', {0, 70}},      Entry{U'v', {50, 50}},     Entry{U'w', {50, 50}},
    Entry{U'x', {50, 50}},     Entry{U'y', {50, 50}},     Entry{U'~', {200, 250}},   Entry{U'\u00AB', {200, 200}},
    Entry{U'\u00AD', {400, 500}}, Entry{U'\u00BB', {100, 200}}, Entry{U'\u2010', {400, 500}},
    Entry{U'\u2011', {400, 500}}, Entry{U'\u2013', {200, 200}}, Entry{U'\u2014', {150, 150}},
    Entry{U'\u2018', {500, 700}}, Entry{U'\u2019', {500, 700}}, Entry{U'\u201A', {400, 400}},
    Entry{U'\u201C', {300, 400}}, Entry{U'\u201D', {300, 400}}, Entry{U'\u201E', {400, 400}},
    Entry{U'\u2026', {0, 300}},
};

static_assert(std::is_sorted(kTable.begin(), kTable.end(), [](const Entry& a, const Entry& b) { return a.c < b.c; }));

}  // namespace

Protrusion default_protrusion(char32_t c) {
    // ASCII, nearly every line's first and last character, from a table made once.
    static const std::array<Protrusion, 128> ascii = [] {
        std::array<Protrusion, 128> out{};
        for (const Entry& e : kTable)
            if (e.c < 128) out[e.c] = e.amounts;
        return out;
    }();
    if (c < 128) return ascii[c];
    const auto it = std::lower_bound(kTable.begin(), kTable.end(), c, [](const Entry& e, char32_t v) { return e.c < v; });
    return it != kTable.end() && it->c == c ? it->amounts : Protrusion{};
}

ProtrusionLookup::ProtrusionLookup(const style::ProtrusionTables* tables, const text::FontRegistry& fonts) : m_fonts(fonts) {
    if (!tables) return;
    for (const auto& [family, table] : *tables)
        for (const bool bold : {false, true})
            for (const bool italic : {false, true})
                if (const int face = fonts.resolve({family, bold, italic}); face >= 0) {
                    if (size_t(face) >= m_faces.size()) m_faces.resize(size_t(face) + 1, nullptr);
                    if (!m_faces[size_t(face)]) m_faces[size_t(face)] = &table;  // the first family listed keeps it
                }
}

FaceProtrusion ProtrusionLookup::at(int face, char32_t c) const {
    const style::ProtrusionTable* table = face >= 0 && size_t(face) < m_faces.size() ? m_faces[size_t(face)] : nullptr;
    if (table) {
        if (const auto it = table->chars.find(c); it != table->chars.end()) return {{it->second.left, it->second.right}, table->em};
    }
    return {default_protrusion(c), false};
}

Length ProtrusionLookup::hang(const Fragment& f, bool first) const {
    if (f.object() || f.text.empty()) return {};
    const std::string_view text = f.text;
    size_t start = 0;
    if (!first) {
        start = text.size() - 1;
        while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    }
    size_t end = start;
    // An ASCII character, most lines' first and last, needs no decoding: one byte, itself.
    const unsigned char byte = static_cast<unsigned char>(text[start]);
    const auto cp = byte < 0x80 ? std::optional<char32_t>(byte) : utf8::decode(text, end);
    if (byte < 0x80) ++end;
    if (!cp) return {};
    const FaceProtrusion p = at(f.face, *cp);
    const int amount = first ? p.amounts.left : p.amounts.right;
    if (amount == 0) return {};
    if (p.em) return Length::ratio(f.size, amount, 1000);
    const Length width = m_fonts.face(f.face).width(text.substr(start, end - start), f.size);
    return Length::ratio(width, amount, 1000);
}

}  // namespace reportc::inl
