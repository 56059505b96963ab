#pragma once
// Private to text: the kerning of the texts a face shaped lately (text::FontFace::kerning),
// looked up by the text. Shaping a word through HarfBuzz costs far more than a lookup, and a
// document repeats its words; but the distinct texts of a long data table (one term a record) or
// of a resident compiler's many rebuilds have no end. The cache keeps two generations of at most
// kTexts texts each: a text missing from the newer is looked for in the older and moved up; when
// the newer is full it becomes the older, and the older is dropped. What a document keeps using
// stays (an 803-page report shapes about 2,000 distinct texts a face, a 4,009-page one about
// 6,000); the rest is shaped again when it comes back. A pure cache: what it returns is what
// shaping returns.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/kerning.h"

namespace reportc::text {

class KerningCache {
public:
    static constexpr size_t kTexts = size_t(1) << 13;

    // The kerning of `text`: held, or `make()`'s, then held.
    template <typename Make>
    Kerning find_or_make(std::string_view text, Make make) {
        if (auto it = m_newer.find(text); it != m_newer.end()) return it->second;
        if (auto it = m_older.find(text); it != m_older.end()) {
            auto node = m_older.extract(it);
            return hold(std::move(node.key()), std::move(node.mapped()));
        }
        return hold(std::string(text), make());
    }
    void clear() {
        m_newer.clear();
        m_older.clear();
    }
    size_t size() const { return m_newer.size() + m_older.size(); }

private:
    Kerning hold(std::string text, Kerning kerning) {
        if (m_newer.size() >= kTexts) {
            m_older = std::move(m_newer);
            m_newer = Map();
        }
        m_newer.emplace(std::move(text), kerning);
        return kerning;
    }

    // Looked up by string_view (heterogeneous lookup): no key string made per word.
    struct TextHash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    using Map = std::unordered_map<std::string, Kerning, TextHash, std::equal_to<>>;
    Map m_newer, m_older;
};

}  // namespace reportc::text
