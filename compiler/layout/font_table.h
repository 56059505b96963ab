#pragma once
// Maps registry faces to frame font indices in order of first use, so PDF font numbering is
// deterministic and unused faces are never embedded.
#include <map>
#include <vector>

#include "frame/frame.h"
#include "text/font_registry.h"

namespace reportc::layout {

class FontTable {
public:
    explicit FontTable(const text::FontRegistry& registry) : m_registry(registry) {}
    int frame_font(int registry_face);
    const std::vector<frame::FontFile>& fonts() const { return m_fonts; }

private:
    const text::FontRegistry& m_registry;
    std::map<int, int> m_index;  // keyed by registry face index (an int, never a pointer)
    std::vector<frame::FontFile> m_fonts;
};

}  // namespace reportc::layout
