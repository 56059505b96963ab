#include "layout/vlist.h"

namespace reportc::layout {

std::ostream& operator<<(std::ostream& os, const VItem& item) {
    std::visit([&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, VBox>) os << "box h=" << v.height << " items=" << v.items.size();
        else if constexpr (std::is_same_v<T, VGlue>) os << "glue " << v.height;
        else os << "penalty " << v.cost;
    }, item);
    return os;
}

}  // namespace reportc::layout
