#include "layout/font_table.h"

namespace reportc::layout {

int FontTable::frame_font(int registry_face) {
    auto [it, inserted] = m_index.emplace(registry_face, int(m_fonts.size()));
    if (inserted) {
        const auto& face = m_registry.face(registry_face);
        m_fonts.push_back({face.path(), face.postscript_name(), face.bytes()});
    }
    return it->second;
}

}  // namespace reportc::layout
