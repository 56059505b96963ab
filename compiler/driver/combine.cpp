#include "driver/combine.h"

#include <map>
#include <type_traits>

namespace reportc::driver {

frame::FrameDocument combine_records(std::vector<frame::FrameDocument> records) {
    frame::FrameDocument out;
    if (records.empty()) return out;
    out.info = records.front().info;
    std::map<std::string, int> font_index;  // by path
    for (size_t r = 0; r < records.size(); ++r) {
        auto& record = records[r];
        std::vector<int> remap;
        for (auto& font : record.fonts) {
            auto [it, added] = font_index.emplace(font.path, int(out.fonts.size()));
            if (added) out.fonts.push_back(std::move(font));
            remap.push_back(it->second);
        }
        const std::string prefix = std::string("r").append(std::to_string(r + 1)).append("-");
        for (auto& page : record.pages) {
            for (auto& item : page.items)
                std::visit(
                    [&](auto& i) {
                        using T = std::decay_t<decltype(i)>;
                        if constexpr (std::is_same_v<T, frame::TextItem>) i.font = remap.at(size_t(i.font));
                        if constexpr (std::is_same_v<T, frame::AnchorItem>) i.name.insert(0, prefix);
                        if constexpr (std::is_same_v<T, frame::LinkItem>)
                            if (i.to == frame::LinkItem::To::Anchor) i.target.insert(0, prefix);
                    },
                    item);
            out.pages.push_back(std::move(page));
        }
    }
    return out;
}

}  // namespace reportc::driver
