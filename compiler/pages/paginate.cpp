#include "pages/paginate.h"

#include "layout/image_layout.h"
#include "pages/marginals.h"

namespace reportc::pages {
namespace {

// The footnotes at the foot of the body, the last line on its bottom edge, under a short rule
// in the skip that separates them from the text (coloured as the notes' text).
void set_notes(frame::Page& page, std::vector<NotePiece>& notes, const Rect& body, const style::Settings& settings,
               PageContext& ctx) {
    if (notes.empty()) return;
    Length area;
    for (size_t k = 0; k < notes.size(); ++k) area += (k ? settings.footnote_gap : Length{}) + notes[k].height();
    Length y = body.y + body.height - area;
    if (settings.footnote_rule_width > Length{} && settings.footnote_rule_thickness > Length{}) {
        const auto* style = ctx.styles.paragraph(style::kFootnoteStyle);
        frame::ShapeItem rule;
        const Length rule_y = y - settings.footnote_skip / 4;
        rule.path.push_back({frame::PathCommand::Kind::MoveTo, {{body.x, rule_y}}});
        rule.path.push_back({frame::PathCommand::Kind::LineTo, {{body.x + min(settings.footnote_rule_width, body.width), rule_y}}});
        rule.stroke = style ? style->font.color : Color{};
        rule.line_width = settings.footnote_rule_thickness;
        page.items.push_back(rule);
    }
    for (size_t k = 0; k < notes.size(); ++k) {
        if (k) y += settings.footnote_gap;
        const auto& piece = notes[k];
        for (size_t l = piece.from; l < piece.to; ++l) {
            const auto& line = piece.note->lines[l];
            for (auto item : line.items) {
                frame::translate(item, body.x, y);
                page.items.push_back(std::move(item));
            }
            y += line.height;
        }
    }
}

// A master's images, placed once (a malformed size is reported once, not on every page).
const std::vector<frame::ImageItem>& master_images(const style::PageMaster& master,
                                                   std::map<std::string, std::vector<frame::ImageItem>>& placed,
                                                   Diagnostics& diags) {
    auto [it, fresh] = placed.try_emplace(master.name);
    if (fresh) check_slot_images(master, diags);
    if (fresh)
        for (const auto& pi : master.images)
            if (auto size = layout::image_box(pi.image, master.size.width, diags))
                it->second.push_back(layout::image_item(pi.image, Rect{pi.x, pi.y, size->width, size->height}));
    return it->second;
}

}  // namespace

Paginated paginate(std::vector<layout::VItem> items, const std::string& first_master, PageContext& ctx) {
    auto master_of = [&](const std::string& name) -> const style::PageMaster& {
        if (const auto* m = ctx.styles.page_master(name)) return *m;
        ctx.diags.error({}, "expected a page master named '" + name + "' in the layout");
        return *ctx.styles.page_master(first_master);
    };
    const auto& settings = ctx.styles.settings();
    PageRules rules;
    rules.body_height = [&](const std::string& name) { return master_of(name).body().height; };
    rules.ragged_bottom = settings.ragged_bottom;
    rules.note_skip = settings.footnote_skip;
    rules.note_gap = settings.footnote_gap;
    PageBreaks breaks = break_pages(std::move(items), rules, first_master);
    warn_forced_breaks(breaks.forced, ctx.diags);
    Paginated out;
    out.split_rows = breaks.split_rows;
    std::vector<std::string> section_at_page;
    std::string current_section, carried_in;
    std::vector<const style::PageMaster*> masters;
    std::map<std::string, std::vector<frame::ImageItem>> images;  // by master name
    for (auto& content : breaks.pages) {
        const style::PageMaster& master = master_of(content.master);
        masters.push_back(&master);
        Rect body = master.body();
        frame::Page page;
        page.size = master.size;
        page.turned = master.turned_sheet;
        // The master's fills and images first: behind the text.
        for (const auto& fill : master.fills) {
            frame::ShapeItem shape;
            const Rect& r = fill.rect;
            shape.path = {{frame::PathCommand::Kind::MoveTo, {{r.x, r.y}}},
                          {frame::PathCommand::Kind::LineTo, {{r.x + r.width, r.y}}},
                          {frame::PathCommand::Kind::LineTo, {{r.x + r.width, r.y + r.height}}},
                          {frame::PathCommand::Kind::LineTo, {{r.x, r.y + r.height}}},
                          {frame::PathCommand::Kind::Close, {}}};
            shape.fill = fill.color;
            page.items.push_back(std::move(shape));
        }
        for (const auto& image : master_images(master, images, ctx.diags)) page.items.push_back(image);
        std::string first_mark;
        for (auto& placed : content.boxes) {
            for (auto& item : placed.box.items) {
                frame::translate(item, body.x, body.y + placed.y);
                page.items.push_back(std::move(item));
            }
            const layout::BoxExtras& extras = placed.box.extras();
            for (const auto& entry : extras.outline) out.outline.push_back(entry);
            if (extras.section_mark && first_mark.empty()) first_mark = *extras.section_mark;
            if (extras.section_mark) current_section = *extras.section_mark;
        }
        set_notes(page, content.notes, body, settings, ctx);
        // The boxes' items now live in the page: their emptied vectors, and the page's spare
        // capacity, are released page by page rather than when the whole document is paginated.
        std::vector<PlacedBox>().swap(content.boxes);
        page.items.shrink_to_fit();
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
            if (const auto* a = std::get_if<frame::AnchorItem>(&item)) {
                out.anchor_pages.emplace(a->name, out.page_labels.back());
                out.anchor_sheets.emplace(a->name, int(p + 1));
            }
    }
    out.page_sections = section_at_page;
    MarginalFields fields;
    fields.title = ctx.document_title;
    fields.total_pages = int(out.pages.size());
    fields.variables = ctx.variables;
    for (size_t p = 0; p < out.pages.size(); ++p) {
        if (p == 0 && !masters[p]->first_page_marginals) continue;
        fields.page_label = out.page_labels[p];
        fields.page = int(p + 1);
        fields.last_label = out.page_labels[last_page_of_numbering(out.label_ranges, out.pages.size(), p)];
        fields.section = section_at_page[p];
        add_marginals(out.pages[p], *masters[p], fields, ctx);
        out.pages[p].items.shrink_to_fit();
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
