#include "pages/note_placer.h"

namespace reportc::pages {

Length NotePiece::height() const {
    Length h;
    for (size_t l = from; l < to; ++l) h += note->lines[l].height;
    return h;
}

bool NotePlacer::add(Notes& notes, const NotePiece& piece, Length total, bool must) const {
    if (!notes.held.empty()) {
        if (!must) return false;
        notes.held.push_back(piece);
        return true;
    }
    const Length lead = notes.on_page.empty() ? m_rules.note_skip : m_rules.note_gap;
    const Length room = min(m_body - total, m_max_area) - notes.height - lead;
    size_t fit = piece.from;  // lines [from, fit) fit, and the note may continue after them
    Length h, kept;
    for (size_t l = piece.from; l < piece.to; ++l) {
        h += piece.note->lines[l].height;
        if (h > room) break;
        if (l + 1 == piece.to || piece.note->may_break[l]) {
            fit = l + 1;
            kept = h;
        }
    }
    if (fit == piece.from) {
        if (!must) return false;
        notes.held.push_back(piece);
        return true;
    }
    notes.on_page.push_back({piece.note, piece.from, fit});
    notes.height += lead + kept;
    if (fit < piece.to) notes.held.push_back({piece.note, fit, piece.to});
    return true;
}

void NotePlacer::carry(Notes& notes, const NotePiece& piece) const {
    if (!notes.held.empty()) {
        notes.held.push_back(piece);
        return;
    }
    if (add(notes, piece, Length{}, false)) return;
    size_t end = piece.from + 1;
    while (end < piece.to && !piece.note->may_break[end - 1]) ++end;
    NotePiece part{piece.note, piece.from, end};
    notes.height += (notes.on_page.empty() ? m_rules.note_skip : m_rules.note_gap) + part.height();
    notes.on_page.push_back(part);
    if (end < piece.to) notes.held.push_back({piece.note, end, piece.to});
}

}  // namespace reportc::pages
