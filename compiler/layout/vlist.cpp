#include "layout/vlist.h"

#include <limits>
#include <mutex>
#include <stdexcept>

namespace reportc::layout {

const BoxExtras& VBox::none() {
    static const BoxExtras empty;
    return empty;
}

namespace {
// The page master names boxes have been given, for the life of the process: a layout defines
// a few, and paragraphs may be set on several threads, hence the lock.
struct MasterNames {
    std::mutex lock;
    std::vector<std::unique_ptr<const std::string>> names = [] {
        std::vector<std::unique_ptr<const std::string>> v;
        v.push_back(std::make_unique<const std::string>());
        return v;
    }();
};
MasterNames& master_names() {
    static MasterNames table;
    return table;
}
}  // namespace

uint16_t VBox::intern_master(const std::string& name) {
    if (name.empty()) return 0;
    auto& table = master_names();
    std::lock_guard hold(table.lock);
    for (size_t i = 1; i < table.names.size(); ++i)
        if (*table.names[i] == name) return uint16_t(i);
    if (table.names.size() > std::numeric_limits<uint16_t>::max()) throw std::length_error("too many page master names");
    table.names.push_back(std::make_unique<const std::string>(name));
    return uint16_t(table.names.size() - 1);
}

const std::string& VBox::master_name(uint16_t id) {
    static const std::string none;
    if (id == 0) return none;
    auto& table = master_names();
    std::lock_guard hold(table.lock);
    return *table.names[id];
}

std::ostream& operator<<(std::ostream& os, const VItem& item) {
    std::visit([&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, VBox>) {
            os << "box h=" << v.height << " items=" << v.items.size();
            if (!v.inserts().empty()) os << " notes=" << v.inserts().size();
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

// Adjacent glue collapses to the larger space (space-after of one block, space-before of the
// next), as CSS collapses margins.
void collapse_glue(std::vector<VItem>& items) {
    std::vector<VItem> out;
    out.reserve(items.size());
    for (auto& item : items) {
        if (auto* g = std::get_if<VGlue>(&item)) {
            if (!out.empty())
                if (auto* prev = std::get_if<VGlue>(&out.back())) {
                    prev->height = max(prev->height, g->height);
                    continue;
                }
        }
        out.push_back(std::move(item));
    }
    items = std::move(out);
}

}  // namespace reportc::layout
