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

struct Paginator::State {
    State(const std::string& first_master, PageContext& c, PageOutput o)
        : ctx(c), output(std::move(o)), builder(rules(), first_master), typesetter(c.fonts, nullptr, marginal_diags),
          marginal_ctx{c.styles, c.fonts, c.font_table, marginal_diags, c.document_title, c.variables, {}, &typesetter} {}

    PageContext& ctx;
    PageOutput output;
    std::set<std::string> unknown_masters;  // reported once each
    PageBuilder builder;
    Paginated out;
    std::vector<const style::PageMaster*> masters;  // of the pages kept (Keep)
    const style::PageMaster* last_master = nullptr;
    std::map<std::string, std::vector<frame::ImageItem>> images;  // by master name
    std::string current_section, carried_in;
    int counter = 0;  // the folio within the current numbering
    // Reported after the forced breaks, as when the whole document was paginated at once.
    Diagnostics frame_diags, marginal_diags;
    inl::Typesetter typesetter;  // header and footer texts (never hyphenated)
    PageContext marginal_ctx;
    // Stream: the page count and last folio each page's header and footer printed, by page.
    struct Assumed {
        size_t page;
        std::string last_label;
    };
    std::vector<Assumed> assumed;

    PageRules rules() {
        const auto& settings = ctx.styles.settings();
        PageRules r;
        r.body_height = [this](const std::string& name) { return master_of(name).body().height; };
        r.ragged_bottom = settings.ragged_bottom;
        r.note_skip = settings.footnote_skip;
        r.note_gap = settings.footnote_gap;
        return r;
    }

    const style::PageMaster& master_of(const std::string& name) {
        if (const auto* m = ctx.styles.page_master(name)) return *m;
        if (unknown_masters.insert(name).second) ctx.diags.error({}, "expected a page master named '" + name + "' in the layout");
        return *ctx.styles.page_master(ctx.styles.settings().page_master);
    }

    void pages(std::vector<PageContent> contents) {
        for (auto& content : contents) page(content);
    }

    // One page: its frame, its folio and anchors, then kept, dropped or handed on.
    void page(PageContent& content) {
        const style::PageMaster& master = master_of(content.master);
        frame::Page frame = make_frame(content, master);
        const size_t p = out.page_count++;
        number(frame, p, master);
        last_master = &master;
        switch (output.mode) {
        case PageOutput::Mode::Keep:
            out.pages.push_back(std::move(frame));
            masters.push_back(&master);
            break;
        case PageOutput::Mode::Survey: break;
        case PageOutput::Mode::Stream:
            if (p > 0 || master.first_page_marginals)
                add_marginals(frame, master, fields(p, assumed_last_label(p, master)), marginal_ctx);
            frame.items.shrink_to_fit();  // once, with its header and footer (make_frame left it)
            output.on_page(std::move(frame), ctx.font_table.fonts());
            break;
        }
    }

    // The master's fills and images first (behind the text), then the boxes and the notes.
    frame::Page make_frame(PageContent& content, const style::PageMaster& master) {
        if (output.mode == PageOutput::Mode::Survey) return survey_frame(content);
        Rect body = master.body();
        frame::Page page;
        page.size = master.size;
        page.turned = master.turned_sheet;
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
        const auto& master_items = master_images(master, images, frame_diags);
        // The page's items are moved in once: no vector grown by doubling, each step moving
        // every item again (the notes may still add some).
        size_t count = page.items.size() + master_items.size();
        for (const auto& placed : content.boxes) count += placed.box.items.size();
        page.items.reserve(count);
        for (const auto& image : master_items) page.items.push_back(image);
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
        set_notes(page, content.notes, body, ctx.styles.settings(), ctx);
        // The boxes' items now live in the page: their emptied vectors, and the page's spare
        // capacity, are released page by page.
        std::vector<PlacedBox>().swap(content.boxes);
        // A streamed page is trimmed once its header and footer are in (page()), not twice.
        if (output.mode != PageOutput::Mode::Stream) page.items.shrink_to_fit();
        // The running head names the first level-1 section that starts on the page, else the
        // one in force at its top.
        out.page_sections.push_back(first_mark.empty() ? carried_in : first_mark);
        carried_in = current_section;
        return page;
    }

    // A surveying pass's page: only what the next pass reads of it, its anchors (unplaced) and
    // its section, with nothing drawn.
    frame::Page survey_frame(PageContent& content) {
        frame::Page page;
        std::string first_mark;
        auto keep_anchors = [&page](std::vector<frame::Item>& items) {
            for (auto& item : items)
                if (std::holds_alternative<frame::AnchorItem>(item)) page.items.push_back(std::move(item));
        };
        for (auto& placed : content.boxes) {
            keep_anchors(placed.box.items);
            const layout::BoxExtras& extras = placed.box.extras();
            if (extras.section_mark && first_mark.empty()) first_mark = *extras.section_mark;
            if (extras.section_mark) current_section = *extras.section_mark;
        }
        for (auto& piece : content.notes)
            for (size_t l = piece.from; l < piece.to; ++l)
                for (const auto& item : piece.note->lines[l].items)
                    if (std::holds_alternative<frame::AnchorItem>(item)) page.items.push_back(item);
        std::vector<PlacedBox>().swap(content.boxes);
        out.page_sections.push_back(first_mark.empty() ? carried_in : first_mark);
        carried_in = current_section;
        return page;
    }

    // Folios: numbering restarts at 1 where the numbering style changes (front matter in roman,
    // the body from 1).
    void number(const frame::Page& page, size_t p, const style::PageMaster& master) {
        auto numbering = master.numbering;
        if (p == 0 || numbering != last_master->numbering) {
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
        for (const auto& item : page.items)
            if (const auto* a = std::get_if<frame::AnchorItem>(&item);
                a && (!output.noted_anchors || output.noted_anchors->count(a->name) > 0)) {
                out.anchor_pages.emplace(a->name, out.page_labels.back());
                out.anchor_sheets.emplace(a->name, int(p + 1));
            }
    }

    MarginalFields fields(size_t p, std::string last_label) const {
        MarginalFields f;
        f.title = ctx.document_title;
        f.variables = ctx.variables;
        f.total_pages = int(output.previous && output.mode == PageOutput::Mode::Stream ? output.previous->page_count : out.page_count);
        f.page_label = out.page_labels[p];
        f.page = int(p + 1);
        f.last_label = std::move(last_label);
        f.section = out.page_sections[p];
        return f;
    }

    // Stream: the last folio of page p's numbering as the pass before ended, noted when the
    // page shows it, to be checked when this pass ends.
    std::string assumed_last_label(size_t p, const style::PageMaster& master) {
        if (!output.previous) return {};  // streamed from the first pass: no master shows the count
        const Paginated& before = *output.previous;
        std::string label = p < before.page_count
                                ? before.page_labels[last_page_of_numbering(before.label_ranges, before.page_count, p)]
                                : std::string();
        if (shows_page_count(master)) assumed.push_back({p, label});
        return label;
    }

    // Keep: every page's header and footer, now that the count and folios are known.
    void add_all_marginals() {
        for (size_t p = 0; p < out.pages.size(); ++p) {
            if (p == 0 && !masters[p]->first_page_marginals) continue;
            add_marginals(out.pages[p], *masters[p], fields(p, actual_last_label(p)), marginal_ctx);
            out.pages[p].items.shrink_to_fit();
        }
    }

    std::string actual_last_label(size_t p) const {
        return out.page_labels[last_page_of_numbering(out.label_ranges, out.page_count, p)];
    }

    bool assumptions_held() const {
        if (assumed.empty()) return true;
        if (output.previous->page_count != out.page_count) return false;
        for (const auto& a : assumed)
            if (a.last_label != actual_last_label(a.page)) return false;
        return true;
    }
};

Paginator::Paginator(const std::string& first_master, PageContext& ctx, PageOutput output)
    : m(std::make_unique<State>(first_master, ctx, std::move(output))) {}

Paginator::~Paginator() = default;

void Paginator::add(std::vector<layout::VItem> items) { m->pages(m->builder.add(std::move(items))); }

Paginated Paginator::finish() {
    m->pages(m->builder.finish());
    warn_forced_breaks(m->builder.forced(), m->ctx.diags);
    for (const auto& d : m->frame_diags.all()) m->ctx.diags.add(d);
    m->out.split_rows = m->builder.split_rows();
    if (m->output.mode == PageOutput::Mode::Keep) m->add_all_marginals();
    if (m->output.mode == PageOutput::Mode::Stream) m->out.marginals_as_assumed = m->assumptions_held();
    for (const auto& d : m->marginal_diags.all()) m->ctx.diags.add(d);
    return std::move(m->out);
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
