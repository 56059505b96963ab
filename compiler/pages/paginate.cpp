#include "pages/paginate.h"

#include "pages/marginals.h"

namespace reportc::pages {
Paginated paginate(std::vector<layout::VItem> items, const std::string& first_master, PageContext& ctx) {
    auto master_of = [&](const std::string& name) -> const style::PageMaster& {
        if (const auto* m = ctx.styles.page_master(name)) return *m;
        ctx.diags.error({}, "expected a page master named '" + name + "' in the layout");
        return *ctx.styles.page_master(first_master);
    };
    PageBreaks breaks = break_pages(std::move(items), [&](const std::string& name) { return master_of(name).body().height; }, first_master);
    warn_forced_breaks(breaks.forced, ctx.diags);
    Paginated out;
    out.split_rows = breaks.split_rows;
    std::vector<std::string> section_at_page;
    std::string current_section, carried_in;
    std::vector<const style::PageMaster*> masters;
    for (auto& content : breaks.pages) {
        const style::PageMaster& master = master_of(content.master);
        masters.push_back(&master);
        Rect body = master.body();
        frame::Page page;
        page.size = master.size;
        std::string first_mark;
        for (auto& placed : content.boxes) {
            for (auto& item : placed.box.items) {
                frame::translate(item, body.x, body.y + placed.y);
                page.items.push_back(std::move(item));
            }
            for (const auto& entry : placed.box.outline) out.outline.push_back(entry);
            if (placed.box.section_mark && first_mark.empty()) first_mark = *placed.box.section_mark;
            if (placed.box.section_mark) current_section = *placed.box.section_mark;
        }
        // The running head names the first level-1 section that starts on the page, else the
        // one in force at its top.
        section_at_page.push_back(first_mark.empty() ? carried_in : first_mark);
        carried_in = current_section;
        out.pages.push_back(std::move(page));
    }
    // Folios: numbering restarts at 1 where the numbering style changes (front matter in roman,
    // the body from 1).
    int counter = 0;
    for (size_t p = 0; p < out.pages.size(); ++p) {
        auto numbering = masters[p]->numbering;
        if (p == 0 || numbering != masters[p - 1]->numbering) {
            counter = 0;
            frame::PageLabelRange range;
            range.first_page = int(p);
            range.style = numbering == style::PageMaster::Numbering::Decimal      ? frame::PageLabelStyle::Decimal
                          : numbering == style::PageMaster::Numbering::LowerRoman ? frame::PageLabelStyle::LowerRoman
                                                                                 : frame::PageLabelStyle::UpperRoman;
            out.label_ranges.push_back(range);
        }
        ++counter;
        out.page_labels.push_back(numbering == style::PageMaster::Numbering::Decimal ? std::to_string(counter)
                                  : roman(counter, numbering == style::PageMaster::Numbering::UpperRoman));
        for (const auto& item : out.pages[p].items)
            if (const auto* a = std::get_if<frame::AnchorItem>(&item)) out.anchor_pages.emplace(a->name, out.page_labels.back());
    }
    MarginalFields fields;
    fields.title = ctx.document_title;
    fields.total_pages = int(out.pages.size());
    for (size_t p = 0; p < out.pages.size(); ++p) {
        if (p == 0 && !masters[p]->first_page_marginals) continue;
        fields.page_label = out.page_labels[p];
        fields.page = int(p + 1);
        fields.last_label = out.page_labels[last_page_of_numbering(out.label_ranges, out.pages.size(), p)];
        fields.section = section_at_page[p];
        add_marginals(out.pages[p], *masters[p], fields, ctx);
    }
    return out;
}

std::string roman(int n, bool upper) {
    static const std::pair<int, const char*> table[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"},
                                                        {50, "l"},   {40, "xl"},  {10, "x"},  {9, "ix"},   {5, "v"},   {4, "iv"}, {1, "i"}};
    std::string out;
    for (const auto& [value, letters] : table)
        while (n >= value) {
            out += letters;
            n -= value;
        }
    if (upper)
        for (auto& c : out) c = char(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace reportc::pages
