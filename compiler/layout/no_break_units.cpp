#include "layout/no_break_units.h"

#include <cctype>

namespace reportc::layout {
namespace {

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
// Letters and digits, counting any byte of a multi-byte UTF-8 character as a letter.
bool is_word_byte(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80; }

bool unit_at(const std::string& text, size_t at, const std::vector<std::string>& units) {
    for (const auto& unit : units) {
        if (unit.empty() || text.compare(at, unit.size(), unit) != 0) continue;
        const size_t end = at + unit.size();
        // "%" ends in a sign, so "%." binds; a unit ending in a letter must end the word.
        if (end == text.size() || !is_word_byte(text[end]) || !is_word_byte(unit.back())) return true;
    }
    return false;
}

}  // namespace

std::string bind_units(const std::string& text, const std::vector<std::string>& units) {
    if (units.empty()) return text;
    std::string out;
    out.reserve(text.size() + 8);
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == ' ' && i > 0 && is_digit(text[i - 1]) && unit_at(text, i + 1, units)) out += "\xC2\xA0";
        else out += text[i];
    }
    return out;
}

}  // namespace reportc::layout
