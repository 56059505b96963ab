#include "frame/frame.h"

namespace reportc::frame {

namespace {
const std::string kNone;
const std::shared_ptr<const image::Image> kNoImage;
}  // namespace

const std::string& LinkItem::uri() const { return to == To::Uri ? target : kNone; }
const std::string& LinkItem::anchor() const { return to == To::Anchor ? target : kNone; }

ImageItem ImageItem::place(std::shared_ptr<const image::Image> image, std::string path, std::string alt, Rect rect,
                           std::optional<Rect> clip) {
    auto use = std::make_shared<ImageUse>();
    use->image = std::move(image);
    use->path = std::move(path);
    use->alt = std::move(alt);
    if (clip) use->clip_offset = Rect{clip->x - rect.x, clip->y - rect.y, clip->width, clip->height};
    return ImageItem{std::move(use), rect};
}
const std::shared_ptr<const image::Image>& ImageItem::image() const { return use ? use->image : kNoImage; }
const std::string& ImageItem::path() const { return use ? use->path : kNone; }
const std::string& ImageItem::alt() const { return use ? use->alt : kNone; }
std::optional<Rect> ImageItem::clip() const {
    if (!use || !use->clip_offset) return std::nullopt;
    const Rect& c = *use->clip_offset;
    return Rect{rect.x + c.x, rect.y + c.y, c.width, c.height};
}

void translate(Item& item, Length dx, Length dy) {
    std::visit([&](auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, TextItem>) { v.x += dx; v.y += dy; }
        else if constexpr (std::is_same_v<T, LinkItem>) { v.rect.x += dx; v.rect.y += dy; }
        else if constexpr (std::is_same_v<T, AnchorItem>) { v.at.x += dx; v.at.y += dy; }
        else if constexpr (std::is_same_v<T, ImageItem>) { v.rect.x += dx; v.rect.y += dy; }  // the clip follows
        else if constexpr (std::is_same_v<T, ShapeItem>) {
            for (auto& cmd : v.path)
                for (auto& p : cmd.points) { p.x += dx; p.y += dy; }
        }
    }, item);
}

std::ostream& operator<<(std::ostream& os, const TextItem& t) {
    os << "text font=" << t.font << " size=" << t.size << " at " << Point{t.x, t.y};
    if (t.tracking != Length{}) os << " tracking=" << t.tracking;
    if (t.expansion != 0) os << " expansion=" << int(t.expansion);
    if (!t.kerning.empty()) os << " kerning=" << t.kerning;
    return os << " \"" << t.text << "\"";
}
std::ostream& operator<<(std::ostream& os, const ShapeItem& s) {
    os << "shape commands=" << s.path.size();
    if (s.fill) os << " fill=" << *s.fill;
    if (s.stroke) os << " stroke=" << *s.stroke << " width=" << s.line_width;
    return os;
}
std::ostream& operator<<(std::ostream& os, const LinkItem& l) {
    return os << "link " << l.rect << " -> " << (l.uri().empty() ? "#" : "") << (l.uri().empty() ? l.anchor() : l.uri());
}
std::ostream& operator<<(std::ostream& os, const AnchorItem& a) { return os << "anchor " << a.name << " at " << a.at; }
std::ostream& operator<<(std::ostream& os, const ImageItem& i) {
    os << "image " << i.path();
    if (i.image()) os << " (" << *i.image() << ")";
    os << " " << i.rect;
    if (auto clip = i.clip()) os << " clip " << *clip;
    if (!i.alt().empty()) os << " alt \"" << i.alt() << "\"";
    return os;
}
std::ostream& operator<<(std::ostream& os, const Item& i) {
    std::visit([&](const auto& v) { os << v; }, i);
    return os;
}
std::ostream& operator<<(std::ostream& os, const Page& p) {
    os << "page " << p.size.width << " x " << p.size.height << (p.turned ? " turned" : "") << " items=" << p.items.size() << "\n";
    for (const auto& item : p.items) os << "  " << item << "\n";
    return os;
}

}  // namespace reportc::frame
