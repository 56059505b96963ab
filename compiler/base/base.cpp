#include <array>
#include <charconv>

#include "base/diagnostic.h"
#include "base/geometry.h"
#include "base/length.h"
#include "base/span.h"
#include "base/utf8.h"

namespace reportc {

std::string to_string(Length l) {
    // Three decimals, rounded half away from zero, without the C locale.
    int64_t milli = (l.sp * 1000 + (l.sp >= 0 ? Length::kSpPerPt / 2 : -Length::kSpPerPt / 2)) / Length::kSpPerPt;
    std::string sign = milli < 0 ? "-" : "";
    if (milli < 0) milli = -milli;
    std::string frac = std::to_string(milli % 1000);
    while (frac.size() < 3) frac.insert(frac.begin(), '0');
    return sign + std::to_string(milli / 1000) + "." + frac + "pt";
}

std::ostream& operator<<(std::ostream& os, Length l) { return os << to_string(l); }
std::ostream& operator<<(std::ostream& os, Point p) { return os << "(" << p.x << ", " << p.y << ")"; }
std::ostream& operator<<(std::ostream& os, Rect r) {
    return os << "[" << r.x << ", " << r.y << " " << r.width << " x " << r.height << "]";
}
std::ostream& operator<<(std::ostream& os, Color c) {
    static const char* hex = "0123456789abcdef";
    char buf[8] = {'#', hex[c.r >> 4], hex[c.r & 15], hex[c.g >> 4], hex[c.g & 15], hex[c.b >> 4], hex[c.b & 15], 0};
    return os << buf;
}
std::ostream& operator<<(std::ostream& os, Span s) {
    return os << "span(" << s.file << ":" << s.begin << "-" << s.end << ")";
}

void Diagnostics::add(Diagnostic d) {
    if (d.severity == Severity::Error) ++m_error_count;
    if (d.severity == Severity::Warning) ++m_warning_count;
    m_items.push_back(std::move(d));
}
void Diagnostics::error(Span span, std::string message) { add({Severity::Error, span, std::move(message)}); }
void Diagnostics::warning(Span span, std::string message) { add({Severity::Warning, span, std::move(message)}); }
void Diagnostics::note(Span span, std::string message) { add({Severity::Note, span, std::move(message)}); }

const char* to_string(Severity s) {
    switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
    }
    return "?";
}
std::ostream& operator<<(std::ostream& os, const Diagnostic& d) {
    return os << to_string(d.severity) << " " << d.span << ": " << d.message;
}

namespace utf8 {

std::optional<char32_t> decode_sequence(std::string_view s, size_t& pos) {
    auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
    unsigned char c = byte(pos);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || pos + len > s.size()) { ++pos; return std::nullopt; }
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t i = 1; i < len; ++i) {
        unsigned char cc = byte(pos + i);
        if ((cc >> 6) != 2) { ++pos; return std::nullopt; }
        cp = (cp << 6) | (cc & 0x3F);
    }
    // Reject overlong forms, surrogates and values past U+10FFFF.
    static constexpr std::array<char32_t, 5> min_for_len = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_for_len[len] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) { ++pos; return std::nullopt; }
    pos += len;
    return cp;
}

void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

std::string encode(char32_t cp) {
    std::string s;
    append(s, cp);
    return s;
}

size_t first_invalid(std::string_view s) {
    size_t pos = 0;
    while (pos < s.size()) {
        if (static_cast<unsigned char>(s[pos]) < 0x80) {  // ASCII, most of any text: valid as it is
            ++pos;
            continue;
        }
        const size_t at = pos;
        if (!decode_sequence(s, pos)) return at;
    }
    return std::string_view::npos;
}

size_t count_code_points(std::string_view s) {
    size_t n = 0, pos = 0;
    while (pos < s.size()) {
        // An ASCII byte is one code point: counted without decoding (most words are ASCII).
        if (static_cast<unsigned char>(s[pos]) < 0x80) ++pos;
        else decode(s, pos);
        ++n;
    }
    return n;
}

}  // namespace utf8
}  // namespace reportc
