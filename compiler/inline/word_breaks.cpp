#include "inline/word_breaks.h"

#include <algorithm>
#include <cctype>

#include "linebreak/item.h"

namespace reportc::inl {
namespace {

constexpr int kSlashPenalty = 100;

bool is_letter_byte(unsigned char c) { return std::isalpha(c) || c >= 0x80; }

// What a hyphenation point of `word` costs: names and acronyms more than other words.
int hyphen_penalty(const std::string& word, const style::HyphenationPolicy& policy) {
    switch (text::Hyphenator::word_case(word)) {
    case text::Hyphenator::Case::Lower: return policy.hyphen_penalty;
    case text::Hyphenator::Case::Capitalized: return policy.capitalized_penalty;
    case text::Hyphenator::Case::Upper: return policy.uppercase_penalty;
    }
    return policy.hyphen_penalty;
}

}  // namespace

void word_breaks(const std::string& word, const ParagraphInput& paragraph, const text::Hyphenator* hyphenator,
                 std::vector<WordBreak>& out) {
    out.clear();
    // Every break below but the hyphenation points needs one of these bytes ("-", "/", the
    // en dash's first, and a URL's or address's ":", "w" or "@"); most words have none, and
    // are looked at once.
    const bool marked = std::any_of(word.begin(), word.end(), [](char c) {
        return c == '-' || c == '/' || c == ':' || c == '@' || c == 'w' || c == '\xE2';
    });
    // URLs and e-mail addresses are never broken: a break inside one makes it wrong.
    if (marked && (word.find("://") != std::string::npos || word.find("www.") != std::string::npos ||
                   word.find('@') != std::string::npos))
        return;
    const style::HyphenationPolicy& policy = paragraph.hyphenation;
    if (paragraph.hyphenate && hyphenator) {
        const auto& points = hyphenator->points(word);
        const int cost = points.empty() ? 0 : hyphen_penalty(word, policy);  // the word's case, only when it breaks
        for (size_t at : points) out.push_back({at, cost, true, true});
    }
    if (!marked) return;  // the hyphenation points alone, in order (Hyphenator::points)
    for (size_t i = 1; i + 1 < word.size(); ++i) {
        unsigned char before = word[i - 1], after = word[i + 1];
        // An explicit hyphen is a break (TeX's \exhyphenpenalty) when at least two
        // characters stand on each side: "cross-|borders", "COVID-|19", never "-5" or "e-".
        if (word[i] == '-' && i >= 2 && word.size() - i - 1 >= 2 && std::isalnum(static_cast<unsigned char>(after)) &&
            (is_letter_byte(before) || std::isdigit(before)))
            out.push_back({i + 1, policy.explicit_hyphen_penalty, true, false});
        // After a single letter ("E-|Commerce", "e-|Newsletter") only as a last resort.
        if (word[i] == '-' && i == 1 && word.size() >= 4 && std::isalpha(before) && std::isalpha(static_cast<unsigned char>(after)))
            out.push_back({i + 1, linebreak::kInfinitePenalty, true, false, true});
        if (word[i] == '/' && i >= 3 && word.size() - i - 1 >= 3)
            out.push_back({i + 1, kSlashPenalty, false, false});
    }
    // En dash (3 bytes) between digits or words: "2020–2021".
    for (size_t i = word.find("\xE2\x80\x93", 1); i != std::string::npos && i + 3 < word.size(); i = word.find("\xE2\x80\x93", i + 1))
        out.push_back({i + 3, policy.explicit_hyphen_penalty, true, false});
    if (out.size() < 2) return;  // nothing to order
    std::sort(out.begin(), out.end(), [](const WordBreak& a, const WordBreak& b) { return a.at < b.at; });
    out.erase(std::unique(out.begin(), out.end(), [](const WordBreak& a, const WordBreak& b) { return a.at == b.at; }), out.end());
}

}  // namespace reportc::inl
