#include "inline/word_copy.h"

namespace reportc::inl {
namespace {

bool same_word(const ItemList& plain, size_t word, std::string_view text, const std::vector<WordBreak>& breaks) {
    if (word >= plain.words.size()) return false;
    for (const WordBreak& b : breaks)
        if (b.hyphenation) return false;
    const WordSpan& w = plain.words[word];
    std::string_view rest = text;
    for (uint32_t k = w.piece_begin; k < w.piece_end; ++k) {
        const std::string& piece = plain.pieces[k].text;
        if (!rest.starts_with(piece)) return false;
        rest.remove_prefix(piece.size());
    }
    return rest.empty();
}

}  // namespace

bool copy_word(const ItemList& plain, size_t word, std::string_view text, const std::vector<WordBreak>& breaks, ItemList& out) {
    if (!same_word(plain, word, text, breaks)) return false;
    const WordSpan& w = plain.words[word];
    const auto shift = uint32_t(out.pieces.size()) - w.piece_begin;
    for (uint32_t i = w.item_begin; i < w.item_end; ++i) {
        ItemContent content = plain.content[i];
        if (content.piece_end > content.piece_begin) {
            content.piece_begin += shift;
            content.piece_end += shift;
        }
        out.items.push_back(plain.items[i]);
        out.content.push_back(std::move(content));
    }
    out.pieces.insert(out.pieces.end(), plain.pieces.begin() + w.piece_begin, plain.pieces.begin() + w.piece_end);
    return true;
}

std::shared_ptr<const FragmentExtras> last_extras(const ItemList& list, size_t from) {
    for (size_t k = list.pieces.size(); k > from; --k)
        if (list.pieces[k - 1].extras) return list.pieces[k - 1].extras;
    return nullptr;
}

}  // namespace reportc::inl
