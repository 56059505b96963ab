#include "style/protrusion.h"

#include <charconv>
#include <optional>

#include "base/utf8.h"

namespace reportc::style {
namespace {

constexpr int kMaxAmount = 1000;

// "." or "’" (one character), or "U+2019" (hexadecimal, a Unicode scalar value).
std::optional<char32_t> character(const std::string& spec) {
    if (spec.size() > 2 && spec[0] == 'U' && spec[1] == '+') {
        unsigned value = 0;
        const char* end = spec.data() + spec.size();
        auto [ptr, ec] = std::from_chars(spec.data() + 2, end, value, 16);
        if (ec != std::errc{} || ptr != end || spec.size() > 8 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
            return std::nullopt;
        return char32_t(value);
    }
    size_t at = 0;
    const auto cp = utf8::decode(spec, at);
    if (!cp || at != spec.size()) return std::nullopt;
    return *cp;
}

// An amount as written (empty: 0), or an error at its attribute.
bool amount(const std::string& value, const char* name, Span span, int& out, Diagnostics& diags) {
    if (value.empty()) return true;
    int v = 0;
    const char* end = value.data() + value.size();
    auto [ptr, ec] = std::from_chars(value.data(), end, v);
    if (ec == std::errc{} && ptr == end && v >= -kMaxAmount && v <= kMaxAmount) {
        out = v;
        return true;
    }
    diags.error(span, std::string("expected a whole number from -1000 to 1000 for ").append(name).append(", found '").append(value).append("'"));
    return false;
}

bool declared(const doc::LayoutSource& layout, const std::string& family) {
    for (const auto& f : layout.font_families)
        if (f.name == family) return true;
    return false;
}

}  // namespace

std::shared_ptr<const ProtrusionTables> read_protrusion(const doc::LayoutSource& layout, Diagnostics& diags) {
    auto tables = std::make_shared<ProtrusionTables>();
    for (const auto& decl : layout.protrusion) {
        if (decl.family.empty()) continue;  // the reader reported the missing attribute
        if (!declared(layout, decl.family)) {
            diags.error(decl.family_span, "expected a font family declared with <font-family> for family, found '" + decl.family + "'");
            continue;
        }
        if (tables->count(decl.family)) {
            diags.error(decl.span, "protrusion for font family '" + decl.family + "' is defined twice");
            continue;
        }
        ProtrusionTable table;
        if (decl.unit == "em") table.em = true;
        else if (!decl.unit.empty() && decl.unit != "character")
            diags.error(decl.unit_span, "expected character or em for unit, found '" + decl.unit + "'");
        for (const auto& entry : decl.entries) {
            const auto c = character(entry.c);
            if (!c) {
                diags.error(entry.c_span, "expected one character or U+ and its hexadecimal code for c, found '" + entry.c + "'");
                continue;
            }
            ProtrusionAmounts amounts;
            // Both sides are read, so that a bad left and a bad right are each reported.
            const bool left_ok = amount(entry.left, "left", entry.left_span, amounts.left, diags);
            const bool right_ok = amount(entry.right, "right", entry.right_span, amounts.right, diags);
            if (left_ok && right_ok) table.chars[*c] = amounts;
        }
        tables->emplace(decl.family, std::move(table));
    }
    return tables;
}

}  // namespace reportc::style
