#include "inline/ties.h"

#include <algorithm>
#include <cctype>

namespace reportc::inl {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Opening brackets and quotes before a word: ( [ " ' and the curly “ ‘ (3 bytes each).
std::string_view strip_opening(std::string_view w) {
    for (;;) {
        if (!w.empty() && (w.front() == '(' || w.front() == '[' || w.front() == '"' || w.front() == '\'')) w.remove_prefix(1);
        else if (w.substr(0, 3) == "\u201C" || w.substr(0, 3) == "\u2018") w.remove_prefix(3);
        else return w;
    }
}

// Closing punctuation after a word: . , ; : ! ? ) ] " ' and the curly ” ’.
std::string_view strip_closing(std::string_view w) {
    for (;;) {
        if (!w.empty() && std::string_view(".,;:!?)]\"'").find(w.back()) != std::string_view::npos) w.remove_suffix(1);
        else if (w.size() >= 3 && (w.substr(w.size() - 3) == "\u201D" || w.substr(w.size() - 3) == "\u2019")) w.remove_suffix(3);
        else return w;
    }
}

// ASCII letters only, as std::tolower in the "C" locale the compiler runs in (it never calls
// setlocale), without a call per character: every space of a paragraph asks.
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

bool same_word(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
}

bool listed(const std::vector<std::string>& words, std::string_view w) {
    return std::any_of(words.begin(), words.end(), [&](const std::string& listed) { return same_word(listed, w); });
}

// Digits with inner separators: "12", "1,200", "3.5", "4.1".
bool is_number(std::string_view w) {
    if (w.empty() || !is_digit(w.front()) || !is_digit(w.back())) return false;
    return std::all_of(w.begin(), w.end(), [](char c) { return is_digit(c) || c == ',' || c == '.'; });
}

// Capital roman numerals, as annexes and parts are numbered: "I", "IV", "XII".
bool is_roman(std::string_view w) {
    return !w.empty() && w.size() <= 8 &&
           std::all_of(w.begin(), w.end(), [](char c) { return std::string_view("IVXLCDM").find(c) != std::string_view::npos; });
}

bool starts_with_letter(std::string_view w) {
    return !w.empty() && (std::isalpha(static_cast<unsigned char>(w.front())) || static_cast<unsigned char>(w.front()) >= 0x80);
}

}  // namespace

bool tied(const style::TieRules& rules, std::string_view before, std::string_view after) {
    const std::string_view word = strip_opening(before);
    if (listed(rules.after, word)) return true;
    // The number first: most words are followed by none, and neither the closing punctuation nor
    // the list need be looked at (stripping it from the end keeps the first character, which a
    // number's or a numeral's is).
    const bool may_be_number = !after.empty() && (is_digit(after.front()) || is_roman(after.substr(0, 1)));
    if (may_be_number) {
        const std::string_view next = strip_closing(after);
        if ((is_number(next) || is_roman(next)) && listed(rules.before_number, word)) return true;
    }
    return rules.after_number && is_number(word) && starts_with_letter(after);
}

}  // namespace reportc::inl
