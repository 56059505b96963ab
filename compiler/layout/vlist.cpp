#include "layout/vlist.h"

namespace reportc::layout {

std::ostream& operator<<(std::ostream& os, const VItem& item) {
    std::visit([&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, VBox>) {
            os << "box h=" << v.height << " items=" << v.items.size();
            if (!v.inserts.empty()) os << " notes=" << v.inserts.size();
            if (v.whole) os << " whole";
        }
        else if constexpr (std::is_same_v<T, VGlue>) os << "glue " << v.height;
        else os << "penalty " << v.cost;
    }, item);
    return os;
}

std::ostream& operator<<(std::ostream& os, const Insertion& note) {
    Length height;
    for (const auto& line : note.lines) height += line.height;
    return os << "note #" << note.anchor << " lines=" << note.lines.size() << " h=" << height;
}

}  // namespace reportc::layout
