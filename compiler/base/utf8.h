#pragma once
// UTF-8 decoding and encoding that never guesses: invalid input is reported, not mangled.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace reportc::utf8 {

// Decodes a code point of two to four bytes (decode's slow path).
std::optional<char32_t> decode_sequence(std::string_view s, size_t& pos);

// Decodes the code point at `pos`, advancing `pos`; nullopt on invalid or truncated input
// (pos then advances by one byte). An ASCII byte, most of any text, is decoded inline: the PDF
// writer and layout decode every character of every word.
inline std::optional<char32_t> decode(std::string_view s, size_t& pos) {
    if (const auto c = static_cast<unsigned char>(s[pos]); c < 0x80) {
        ++pos;
        return c;
    }
    return decode_sequence(s, pos);
}
void append(std::string& out, char32_t cp);
std::string encode(char32_t cp);
// Offset of the first invalid byte, or npos when the whole string is valid UTF-8.
size_t first_invalid(std::string_view s);
size_t count_code_points(std::string_view s);

}  // namespace reportc::utf8
