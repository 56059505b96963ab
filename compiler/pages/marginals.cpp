#include "pages/marginals.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "layout/image_layout.h"
#include "layout/text_decorations.h"

namespace reportc::pages {
namespace {

using Runs = std::vector<inl::StyledRun>;

// A slot's runs with their fields filled in, each in the marginal's font as changed by the
// run's character styles (the stylesheet has reported any that the layout lacks).
Runs styled_slot(const std::vector<doc::TextRun>& slot, const style::FontSpec& font, const MarginalFields& fields,
                 PageContext& ctx) {
    Runs out;
    for (const auto& run : slot) {
        inl::StyledRun styled;
        styled.font = font;
        for (const auto& name : run.char_styles)
            if (const auto* cs = ctx.styles.character(name)) styled.font = cs->apply(styled.font);
        styled.text = expand_fields(run.text, fields);
        styled.span = run.span;
        if (!styled.text.empty()) out.push_back(std::move(styled));
    }
    return out;
}

void set_slot(const Runs& runs, style::Align align, Length baseline, const style::PageMaster& master, frame::Page& page,
              PageContext& ctx, Span span) {
    if (runs.empty()) return;
    Rect body = master.body();
    inl::ParagraphInput input;
    input.runs = runs;
    input.align = align;
    input.width = body.width;
    input.hyphenate = false;
    input.span = span;
    auto set = ctx.typesetter->set(input);
    if (set.lines.empty()) return;
    const inl::Line& line = set.lines.front();
    layout::append_highlights(line, body.x, baseline, page.items);
    for (const auto& f : line.fragments)
        page.items.push_back(
            frame::TextItem{.font = ctx.font_table.frame_font(f.face), .color = f.color, .size = f.size, .x = body.x + f.x,
                            .y = baseline - f.rise, .text = f.text, .tracking = f.tracking, .kerning = f.kerning});
    layout::append_decoration_lines(line, body.x, baseline, page.items);
}

Length text_width(const Runs& runs, PageContext& ctx) {
    std::vector<text::MissingChar> missing;
    Length w;
    for (const auto& run : runs)
        for (const auto& piece : ctx.fonts.segment(run.text, {run.font.family, run.font.bold, run.font.italic}, missing))
            w += ctx.fonts.face(piece.face).width(piece.text, run.font.size);
    return w;
}

// Removes the last word, across run boundaries, and then any spaces, commas and colons left
// at the end.
void drop_last_word(Runs& runs) {
    while (!runs.empty()) {
        std::string& text = runs.back().text;
        if (auto space = text.find_last_of(' '); space != std::string::npos) {
            text.erase(space);
            break;
        }
        runs.pop_back();
    }
    while (!runs.empty()) {
        std::string& text = runs.back().text;
        while (!text.empty() && (text.back() == ',' || text.back() == ':' || text.back() == ' ')) text.pop_back();
        if (!text.empty()) break;
        runs.pop_back();
    }
}

// Shortens the runs word by word, ending them with "…", until they fit `width`: a long section
// title must never run into the document title beside it.
Runs fit(Runs runs, Length width, const style::FontSpec& font, PageContext& ctx, const Span& where) {
    if (text_width(runs, ctx) <= width) return runs;
    // Shortening drops words, so it is never silent: one warning per text, at the slot.
    std::string whole;
    for (const auto& r : runs) whole += r.text;
    if (ctx.shortened.insert(whole).second)
        ctx.diags.warning(where, std::string("the header or footer text '").append(whole).append(
                                     "' is wider than its slot and is shortened with '…'; give its section a short-title"));
    while (!runs.empty()) {
        drop_last_word(runs);
        Runs shortened = runs;
        if (shortened.empty()) shortened.push_back({"", font, "", false, {}});
        shortened.back().text += "…";
        if (text_width(shortened, ctx) <= width) return shortened;
    }
    return runs;
}

// A slot's image, standing on the baseline, placed by the slot's alignment. Its size errors were
// reported once for the master (check_slot_images); here they are not repeated on every page.
struct SlotImage {
    const doc::Image* image = nullptr;
    Size size;
};

SlotImage slot_image(const std::optional<doc::Image>& image, Length width) {
    Diagnostics reported_once;
    if (!image) return {};
    auto size = layout::image_box(*image, width, reported_once);
    return size ? SlotImage{&*image, *size} : SlotImage{};
}

void set_slot_image(const SlotImage& slot, style::Align align, Length baseline, const style::PageMaster& master, frame::Page& page) {
    if (!slot.image) return;
    Rect body = master.body();
    Length x = align == style::Align::Left     ? body.x
               : align == style::Align::Center ? body.x + (body.width - slot.size.width) / 2
                                               : body.x + body.width - slot.size.width;
    page.items.push_back(layout::image_item(*slot.image, Rect{x, baseline - slot.size.height, slot.size.width, slot.size.height}));
}

void set_marginal(const doc::MarginalDecl& decl, bool is_header, const style::PageMaster& master,
                  const MarginalFields& fields, frame::Page& page, PageContext& ctx) {
    const style::ParagraphStyle* style = ctx.styles.paragraph(decl.style);
    if (!style) {
        ctx.diags.error(decl.span, "expected a paragraph style defined in the layout, found '" + decl.style + "'");
        return;
    }
    Length baseline = is_header ? master.header_offset : master.size.height - master.footer_offset;
    const style::FontSpec& font = style->font;
    Runs left = styled_slot(decl.left, font, fields, ctx), center = styled_slot(decl.center, font, fields, ctx),
         right = styled_slot(decl.right, font, fields, ctx);
    // The slots share the line: the right one gives way to the others, then the centre one.
    const Length width = master.body().width, gap = style->font.size * 2;
    const SlotImage left_image = slot_image(decl.left_image, width), center_image = slot_image(decl.center_image, width),
                    right_image = slot_image(decl.right_image, width);
    Length left_w = left_image.image ? left_image.size.width : text_width(left, ctx);
    if (!center.empty()) center = fit(center, width - (left_w + gap) * 2, font, ctx, decl.span);
    Length center_w = center_image.image ? center_image.size.width : text_width(center, ctx);
    Length taken = center.empty() ? left_w : max(left_w, center_w / 2 + width / 2);
    right = fit(right, width - taken - gap, font, ctx, decl.span);
    set_slot(left, style::Align::Left, baseline, master, page, ctx, decl.span);
    set_slot(center, style::Align::Center, baseline, master, page, ctx, decl.span);
    set_slot(right, style::Align::Right, baseline, master, page, ctx, decl.span);
    set_slot_image(left_image, style::Align::Left, baseline, master, page);
    set_slot_image(center_image, style::Align::Center, baseline, master, page);
    set_slot_image(right_image, style::Align::Right, baseline, master, page);
    if (decl.rule) {
        Rect body = master.body();
        Length y = is_header ? baseline + style->font.size / 2 : baseline - style->font.size - style->font.size / 4;
        frame::ShapeItem rule;
        rule.path.push_back({frame::PathCommand::Kind::MoveTo, {{body.x, y}}});
        rule.path.push_back({frame::PathCommand::Kind::LineTo, {{body.x + body.width, y}}});
        rule.stroke = style->rule_color;
        rule.line_width = Length::from_pt(0.5);
        page.items.push_back(rule);
    }
}

}  // namespace

namespace {

// The field that starts at text[at] (a '{'): its name and the index of its '}', or nothing.
// A merged record's field may hold dots and take options after '|' ("{participant.name|upper}",
// docs/merge.md): the driver puts its printed value among the variables under that whole text.
std::optional<std::pair<std::string, size_t>> field_at(const std::string& text, size_t at) {
    size_t close = text.find('}', at);
    if (close == std::string::npos || close == at + 1 || !std::isalpha(static_cast<unsigned char>(text[at + 1]))) return std::nullopt;
    for (size_t i = at + 1; i < close; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '|') {
            if (text.find('{', i) < close) return std::nullopt;
            break;
        }
        if (!std::isalnum(c) && c != '-' && c != '_' && c != '.') return std::nullopt;
    }
    return std::pair{text.substr(at + 1, close - at - 1), close};
}

std::optional<std::string> field_value(const std::string& name, const MarginalFields& fields) {
    if (name == "title") return fields.title;
    if (name == "section") return fields.section;
    if (name == "page" || name == "page-label") return fields.page_label.empty() ? std::to_string(fields.page) : fields.page_label;
    if (name == "pages") return fields.last_label.empty() ? std::to_string(fields.total_pages) : fields.last_label;
    if (name == "total-pages") return std::to_string(fields.total_pages);
    if (fields.variables)
        if (auto it = fields.variables->find(name); it != fields.variables->end()) return it->second;
    return std::nullopt;
}

}  // namespace

std::string expand_fields(const std::string& text, const MarginalFields& fields) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{')
            if (auto field = field_at(text, i))
                if (auto value = field_value(field->first, fields)) {
                    out += *value;
                    i = field->second;
                    continue;
                }
        out += text[i];
    }
    return out;
}

std::vector<std::string> field_names(const std::string& text) {
    std::vector<std::string> names;
    for (size_t i = text.find('{'); i != std::string::npos; i = text.find('{', i + 1))
        if (auto field = field_at(text, i)) {
            names.push_back(field->first);
            i = field->second;
        }
    return names;
}

size_t last_page_of_numbering(const std::vector<frame::PageLabelRange>& ranges, size_t page_count, size_t page) {
    size_t last = page_count - 1;
    for (const auto& range : ranges)
        if (size_t(range.first_page) > page) last = std::min(last, size_t(range.first_page) - 1);
    return last;
}

void check_slot_images(const style::PageMaster& master, Diagnostics& diags) {
    for (const auto* marginal : {master.has_header ? &master.header : nullptr, master.has_footer ? &master.footer : nullptr})
        if (marginal)
            for (const auto* slot : {&marginal->left_image, &marginal->center_image, &marginal->right_image})
                if (*slot) layout::image_box(**slot, master.body().width, diags);
}

bool shows_page_count(const style::PageMaster& master) {
    for (const auto* marginal : {master.has_header ? &master.header : nullptr, master.has_footer ? &master.footer : nullptr})
        if (marginal)
            for (const auto* slot : {&marginal->left, &marginal->center, &marginal->right})
                for (const auto& run : *slot)
                    for (const auto& name : field_names(run.text))
                        if (name == "pages" || name == "total-pages") return true;
    return false;
}

void add_marginals(frame::Page& page, const style::PageMaster& master, const MarginalFields& fields, PageContext& ctx) {
    if (master.has_header) set_marginal(master.header, true, master, fields, page, ctx);
    if (master.has_footer) set_marginal(master.footer, false, master, fields, page, ctx);
}

}  // namespace reportc::pages
