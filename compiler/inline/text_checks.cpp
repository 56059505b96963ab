#include "inline/text_checks.h"

#include <algorithm>
#include <cstdio>

#include "base/utf8.h"
#include "text/scripts.h"

namespace reportc::inl {

void report_unsettable(const std::string& text, const std::vector<text::MissingChar>& missing, Span span, Diagnostics& diags) {
    auto named = [](char32_t cp) {
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", unsigned(cp));
        return std::string(code).append(" '").append(utf8::encode(cp)).append("'");
    };
    std::vector<std::string_view> scripts;
    for (size_t pos = 0; pos < text.size();) {
        // No ASCII character needs shaping: most text is checked without decoding it.
        if (static_cast<unsigned char>(text[pos]) < 0x80) {
            ++pos;
            continue;
        }
        const auto cp = utf8::decode(text, pos);
        const std::string_view script = cp ? text::script_needing_shaping(*cp) : std::string_view{};
        if (script.empty() || std::find(scripts.begin(), scripts.end(), script) != scripts.end()) continue;
        scripts.push_back(script);
        diags.add({Severity::Error, span,
                     std::string("the character ").append(named(*cp)).append(" is ").append(script).append(
                         ", a script that needs text shaping, which reportc does not do"),
                     *cp});
    }
    std::vector<char32_t> reported;
    for (const auto& m : missing) {
        if (!text::script_needing_shaping(m.cp).empty() ||
            std::find(reported.begin(), reported.end(), m.cp) != reported.end())
            continue;
        reported.push_back(m.cp);
        diags.add({Severity::Error, span, std::string("no font has the character ").append(named(m.cp)), m.cp});
    }
}

std::string without_long_words(const std::string& text, Span span, Diagnostics& diags) {
    std::string out;
    for (size_t start = 0; start <= text.size();) {
        size_t end = std::min(text.find(' ', start), text.size());
        size_t keep = end - start;
        if (keep > kMaxWordBytes) {
            diags.error(span, "expected words of at most " + std::to_string(kMaxWordBytes) + " bytes, found one of " +
                                    std::to_string(keep));
            keep = kMaxWordBytes;
            while (keep > 0 && (static_cast<unsigned char>(text[start + keep]) & 0xC0) == 0x80) --keep;
        }
        out.append(text, start, keep);
        if (end < text.size()) out += ' ';
        start = end + 1;
    }
    return out;
}

// In a small-caps run, a piece is set with the face's small capitals when they replace each
// of its lower-case letters, and synthesized otherwise (a face without them, or a letter
// they lack or that libharu cannot draw: the word is then set alike, not half and half).
// Synthesized capitals are set in the face that has them, as any text (add_text).

}  // namespace reportc::inl
