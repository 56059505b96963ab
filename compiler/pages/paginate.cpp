#include "pages/paginate.h"

#include "pages/marginals.h"

namespace reportc::pages {
namespace {

void offset_item(frame::Item& item, Length dx, Length dy) {
    std::visit([&](auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, frame::TextItem>) { v.x += dx; v.y += dy; }
        else if constexpr (std::is_same_v<T, frame::LinkItem>) { v.rect.x += dx; v.rect.y += dy; }
        else if constexpr (std::is_same_v<T, frame::AnchorItem>) { v.at.x += dx; v.at.y += dy; }
        else if constexpr (std::is_same_v<T, frame::ShapeItem>) {
            for (auto& cmd : v.path)
                for (auto& p : cmd.points) { p.x += dx; p.y += dy; }
        }
    }, item);
}

}  // namespace

Paginated paginate(const std::vector<layout::VItem>& items, const style::PageMaster& master, PageContext& ctx) {
    Rect body = master.body();
    PageBreaks breaks = break_pages(items, body.height);
    if (breaks.forced_overflows > 0)
        ctx.diags.warning({}, std::to_string(breaks.forced_overflows) +
                                  " page break(s) had to be made where keeps or widow/orphan rules forbade one");
    Paginated out;
    std::vector<std::string> section_at_page;
    std::string current_section;
    for (size_t p = 0; p < breaks.starts.size(); ++p) {
        size_t begin = breaks.starts[p];
        size_t end = p + 1 < breaks.starts.size() ? breaks.starts[p + 1] : items.size();
        frame::Page page;
        page.size = master.size;
        Length cursor;
        std::string first_mark;
        for (size_t k = begin; k < end; ++k) {
            if (const auto* box = std::get_if<layout::VBox>(&items[k])) {
                for (auto item : box->items) {
                    offset_item(item, body.x, body.y + cursor);
                    page.items.push_back(std::move(item));
                }
                for (const auto& entry : box->outline) out.outline.push_back(entry);
                if (box->section_mark && first_mark.empty()) first_mark = *box->section_mark;
                if (box->section_mark) current_section = *box->section_mark;
                cursor += box->height;
            } else if (const auto* glue = std::get_if<layout::VGlue>(&items[k])) {
                // Glue after the last box of a page is dropped with the break.
                cursor += glue->height;
            }
        }
        // The running head names the section a page opens with, else the one in force.
        section_at_page.push_back(first_mark.empty() ? (p == 0 ? current_section : section_at_page.empty() ? "" : section_at_page.back()) : first_mark);
        if (!first_mark.empty()) section_at_page.back() = first_mark;
        out.pages.push_back(std::move(page));
    }
    // Carry the section forward for pages that open mid-section.
    std::string carried;
    for (size_t p = 0; p < out.pages.size(); ++p) {
        if (!section_at_page[p].empty()) carried = section_at_page[p];
        section_at_page[p] = carried;
    }
    MarginalFields fields;
    fields.title = ctx.document_title;
    fields.pages = int(out.pages.size());
    for (size_t p = 0; p < out.pages.size(); ++p) {
        if (p == 0 && !master.first_page_marginals) continue;
        fields.page = int(p + 1);
        fields.section = section_at_page[p];
        add_marginals(out.pages[p], master, fields, ctx);
    }
    return out;
}

}  // namespace reportc::pages
