// Reserved names and characters: Microsoft, "Naming Files, Paths, and Namespaces"
// (https://learn.microsoft.com/en-us/windows/win32/fileio/naming-a-file), the strictest of the
// file systems certificates are copied to; '/' and NUL are the only bytes POSIX refuses.
#include "driver/file_names.h"

#include <cctype>

#include "base/utf8.h"

namespace reportc::driver {
namespace {

bool is_reserved_char(char32_t c) {
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' ||
           c == '"' || c == '<' || c == '>' || c == '|';
}

std::string lower_ascii(std::string s) {
    for (auto& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool is_reserved_name(const std::string& stem) {
    const std::string s = lower_ascii(stem);
    if (s == "con" || s == "prn" || s == "aux" || s == "nul") return true;
    return s.size() == 4 && (s.starts_with("com") || s.starts_with("lpt")) && s[3] >= '1' && s[3] <= '9';
}

// Cuts `s` to at most `bytes`, at a character boundary.
std::string cut(const std::string& s, size_t bytes) {
    if (s.size() <= bytes) return s;
    size_t end = bytes;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
    return s.substr(0, end);
}

std::string trim_dots_and_spaces(std::string s) {
    size_t begin = s.find_first_not_of(". ");
    if (begin == std::string::npos) return {};
    return s.substr(begin, s.find_last_not_of(". ") - begin + 1);
}

std::pair<std::string, std::string> split_extension(const std::string& name) {
    size_t dot = name.rfind('.');
    if (dot == std::string::npos || dot == 0 || name.size() - dot > 8) return {name, ""};
    return {name.substr(0, dot), name.substr(dot)};
}

}  // namespace

std::string safe_file_name(const std::string& name) {
    std::string clean;
    for (size_t pos = 0; pos < name.size();) {
        size_t start = pos;
        auto cp = utf8::decode(name, pos);
        if (!cp || is_reserved_char(*cp)) clean += '_';
        else clean.append(name, start, pos - start);
    }
    for (size_t at; (at = clean.find("..")) != std::string::npos;) clean.erase(at, 1);
    clean = trim_dots_and_spaces(clean);
    auto [stem, extension] = split_extension(clean);
    stem = trim_dots_and_spaces(cut(stem, kMaxFileNameBytes - extension.size()));
    if (stem.empty()) stem.push_back('_');
    if (is_reserved_name(stem.substr(0, stem.find('.')))) stem = std::string(1, '_').append(stem);
    return cut(stem, kMaxFileNameBytes - extension.size()) + extension;
}

std::string UniqueNames::take(const std::string& safe) {
    if (m_used.insert(lower_ascii(safe)).second) return safe;
    auto [stem, extension] = split_extension(safe);
    for (int n = 2;; ++n) {
        const std::string suffix = std::string("-").append(std::to_string(n));
        std::string candidate = cut(stem, kMaxFileNameBytes - extension.size() - suffix.size()) + suffix + extension;
        if (m_used.insert(lower_ascii(candidate)).second) return candidate;
    }
}

}  // namespace reportc::driver
