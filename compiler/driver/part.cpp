#include "driver/part.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace reportc::driver {
namespace {

// Sections are parts down to the second level; a division (cover, front matter) only holds them.
void collect_parts(const std::vector<doc::Block>& blocks, std::vector<std::string>& out) {
    for (const auto& block : blocks) {
        if (const auto* s = doc::node_if<doc::Section>(block)) {
            if (s->level > 2) continue;
            if (!s->id.empty()) out.push_back(s->id);
            collect_parts(s->children, out);
        } else if (const auto* d = std::get_if<doc::Division>(&block.node)) {
            collect_parts(d->children, out);
        }
    }
}

// The 0-based page of each anchor, and for each page whether a text item comes before a given
// anchor (body items follow the master's fills and images; running headers come last).
std::map<std::string, size_t> anchor_pages(const frame::FrameDocument& frames) {
    std::map<std::string, size_t> pages;
    for (size_t p = 0; p < frames.pages.size(); ++p)
        for (const auto& item : frames.pages[p].items)
            if (const auto* a = std::get_if<frame::AnchorItem>(&item)) pages.emplace(a->name, p);
    return pages;
}

bool text_before_anchor(const frame::Page& page, const std::string& anchor) {
    for (const auto& item : page.items) {
        if (const auto* a = std::get_if<frame::AnchorItem>(&item); a && a->name == anchor) return false;
        if (std::holds_alternative<frame::TextItem>(item)) return true;
    }
    return false;
}

struct PageRange {
    size_t first = 0, last = 0;  // inclusive
};

// The labels of the kept pages as they are in the full document: each range that covers one of
// them, moved to the part's page numbers (the first one restarted at the part's first label).
std::vector<frame::PageLabelRange> part_labels(const std::vector<frame::PageLabelRange>& ranges, PageRange kept) {
    std::vector<frame::PageLabelRange> out;
    for (size_t i = 0; i < ranges.size(); ++i) {
        const int begin = ranges[i].first_page;
        const int end = i + 1 < ranges.size() ? ranges[i + 1].first_page : int(kept.last) + 1;
        if (end <= int(kept.first) || begin > int(kept.last)) continue;
        frame::PageLabelRange r = ranges[i];
        const int from = std::max(begin, int(kept.first));
        r.start += from - begin;
        r.first_page = from - int(kept.first);
        out.push_back(r);
    }
    return out;
}

}  // namespace

std::vector<std::string> part_ids(const doc::Document& document) {
    std::vector<std::string> ids;
    collect_parts(document.blocks, ids);
    return ids;
}

bool check_part(const doc::Document& document, const std::string& id, Span at, Diagnostics& diags) {
    const auto ids = part_ids(document);
    if (std::find(ids.begin(), ids.end(), id) != ids.end()) return true;
    std::string list;
    for (const auto& known : ids) list.append(list.empty() ? "" : ", ").append(known);
    diags.error(at, std::string("expected the id of a part (a top-level or second-level section) after --part, found '")
                        .append(id)
                        .append("'; the parts are: ")
                        .append(list.empty() ? "(none: no section has an id)" : list));
    return false;
}

frame::FrameDocument select_part(frame::FrameDocument frames, const std::string& id) {
    auto heading = std::find_if(frames.outline.begin(), frames.outline.end(), [&](const auto& e) { return e.anchor == id; });
    const auto pages = anchor_pages(frames);
    if (heading == frames.outline.end() || !pages.count(id)) return frames;
    auto next = std::find_if(heading + 1, frames.outline.end(), [&](const auto& e) { return e.level <= heading->level; });

    PageRange kept{pages.at(id), frames.pages.size() - 1};
    if (next != frames.outline.end() && pages.count(next->anchor)) {
        const size_t next_page = pages.at(next->anchor);
        const bool shared = text_before_anchor(frames.pages[next_page], next->anchor);
        kept.last = std::max(kept.first, shared ? next_page : next_page - 1);
    }

    std::set<std::string> kept_anchors;
    for (const auto& [name, page] : pages)
        if (page >= kept.first && page <= kept.last) kept_anchors.insert(name);

    // Links into pages that are not written become plain text: no annotation points nowhere.
    std::vector<frame::Page> part_pages;
    for (size_t p = kept.first; p <= kept.last; ++p) {
        frame::Page page = std::move(frames.pages[p]);
        std::erase_if(page.items, [&](const frame::Item& item) {
            const auto* link = std::get_if<frame::LinkItem>(&item);
            return link && link->to == frame::LinkItem::To::Anchor && !kept_anchors.count(link->target);
        });
        part_pages.push_back(std::move(page));
    }

    std::vector<frame::OutlineEntry> outline(heading, next);
    const int shift = heading->level - 1;
    for (auto& entry : outline) entry.level -= shift;
    std::erase_if(outline, [&](const auto& e) { return !kept_anchors.count(e.anchor); });

    frames.info.subject = frames.info.title.empty() ? frames.info.subject : std::string("Part of ").append(frames.info.title);
    frames.info.title = heading->title;
    frames.page_labels = part_labels(frames.page_labels, kept);
    frames.pages = std::move(part_pages);
    frames.outline = std::move(outline);
    frames.show_outline = !frames.outline.empty();
    return frames;
}

}  // namespace reportc::driver
