#include "text/case_mapping.h"

#include <unordered_map>

#include "base/utf8.h"
#include "text/letters.h"

namespace reportc::text {
namespace {

// The upper case of each lower-case letter: letters::to_lower inverted over the ranges it maps.
const std::unordered_map<char32_t, char32_t>& upper_of() {
    static const std::unordered_map<char32_t, char32_t> table = [] {
        std::unordered_map<char32_t, char32_t> t;
        for (char32_t cp = 0x41; cp < 0x1F00; ++cp) {
            char32_t lower = letters::to_lower(cp);
            if (lower != cp) t.emplace(lower, cp);  // the first upper case wins (U+0130 İ does not take i)
        }
        t[U'i'] = U'I';
        return t;
    }();
    return table;
}

char32_t to_upper(char32_t cp) {
    const auto& t = upper_of();
    auto it = t.find(cp);
    return it == t.end() ? cp : it->second;
}

template <typename Map>
std::string map_each(std::string_view s, Map map) {
    std::string out;
    out.reserve(s.size());
    size_t pos = 0;
    while (pos < s.size()) {
        size_t start = pos;
        auto cp = utf8::decode(s, pos);
        if (!cp) {  // not UTF-8: kept byte for byte
            out.append(s.substr(start, pos - start));
            continue;
        }
        utf8::append(out, map(*cp));
    }
    return out;
}

}  // namespace

std::string upper_case(std::string_view utf8) { return map_each(utf8, [](char32_t cp) { return to_upper(cp); }); }

std::string lower_case(std::string_view utf8) { return map_each(utf8, [](char32_t cp) { return letters::to_lower(cp); }); }

std::string title_case(std::string_view utf8) {
    bool word_start = true;
    return map_each(utf8, [&](char32_t cp) {
        char32_t out = word_start ? to_upper(cp) : cp;
        word_start = cp == U' ' || cp == U'-' || cp == U'\'' || cp == U'\u2019';
        return out;
    });
}

}  // namespace reportc::text
