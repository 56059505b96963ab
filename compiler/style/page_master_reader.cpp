#include "style/page_master_reader.h"

namespace reportc::style {
namespace {

// The page sides PDF writing supports (libharu's HPDF_MIN_PAGE_SIZE and HPDF_MAX_PAGE_SIZE).
const Length kMinPageSide = Length::from_pt(3), kMaxPageSide = Length::from_pt(14400);

}  // namespace

PageMaster build_master(const doc::PageMasterDecl& decl, ValueReader& r, Diagnostics& diags) {
    PageMaster m;
    m.name = decl.name;
    Properties props;
    for (const auto& p : decl.properties) props[p.name] = &p;
    m.size = {Length::from_mm(210), Length::from_mm(297)};
    if (auto p = r.find(props, "size")) {
        if (p->value == "A4") m.size = {Length::from_mm(210), Length::from_mm(297)};
        else if (p->value == "A5") m.size = {Length::from_mm(148), Length::from_mm(210)};
        else if (p->value == "A3") m.size = {Length::from_mm(297), Length::from_mm(420)};
        else if (p->value == "letter") m.size = {Length::from_pt(612), Length::from_pt(792)};
        else {
            auto space = p->value.find(' ');
            auto w = space == std::string::npos ? std::nullopt : parse_length(p->value.substr(0, space), Length::from_pt(10));
            auto h = space == std::string::npos ? std::nullopt : parse_length(p->value.substr(space + 1), Length::from_pt(10));
            if (w && h && *w > Length::zero() && *h > Length::zero()) {
                if (*w >= kMinPageSide && *w <= kMaxPageSide && *h >= kMinPageSide && *h <= kMaxPageSide) m.size = {*w, *h};
                else r.bad(*p, "a page size from 3pt to 14400pt each way");
            } else r.bad(*p, "A4, A5, A3, letter, or 'WIDTH HEIGHT' such as '210mm 297mm'");
        }
    }
    bool landscape = false;
    r.keyword<bool>(props, "orientation", {{"portrait", false}, {"landscape", true}}, landscape);
    if (landscape != (m.size.width > m.size.height)) std::swap(m.size.width, m.size.height);
    bool portrait_sheet = false;
    r.keyword<bool>(props, "sheet", {{"page", false}, {"portrait", true}}, portrait_sheet);
    m.turned_sheet = portrait_sheet && m.size.width > m.size.height;
    Length em = Length::from_pt(10);
    m.margin_top = m.margin_bottom = m.margin_left = m.margin_right = Length::from_mm(25);
    r.length(props, "margin-top", em, m.margin_top);
    r.length(props, "margin-bottom", em, m.margin_bottom);
    r.length(props, "margin-left", em, m.margin_left);
    r.length(props, "margin-right", em, m.margin_right);
    m.header_offset = m.margin_top / 2;
    m.footer_offset = m.margin_bottom / 2;
    r.length(props, "header-offset", em, m.header_offset);
    r.length(props, "footer-offset", em, m.footer_offset);
    r.boolean(props, "first-page-marginals", m.first_page_marginals);
    r.keyword<PageMaster::Numbering>(props, "page-numbering", {{"decimal", PageMaster::Numbering::Decimal},
                                                                {"lower-roman", PageMaster::Numbering::LowerRoman},
                                                                {"upper-roman", PageMaster::Numbering::UpperRoman}}, m.numbering);
    m.header = decl.header;
    m.footer = decl.footer;
    m.has_header = decl.has_header;
    m.has_footer = decl.has_footer;
    for (const auto& placed : decl.images) {
        auto x = parse_length(placed.x, em), y = parse_length(placed.y, em);
        if (!x || !y) {
            diags.error(placed.image.span, "expected lengths such as 20mm for the image's x and y, found '" + placed.x + "' and '" +
                                               placed.y + "'");
            continue;
        }
        m.images.push_back({placed.image, *x, *y});
    }
    for (const auto& fill : decl.fills) {
        // Percentages are of the page's width (x, width) or height (y, height).
        auto length = [&](const std::string& text, Length whole) -> std::optional<Length> {
            if (!text.empty() && text.back() == '%') {
                auto v = parse_length(text.substr(0, text.size() - 1) + "pt", em);
                if (!v) return std::nullopt;
                return Length::ratio(whole, v->sp, Length::from_pt(100).sp);
            }
            return parse_length(text, em);
        };
        auto x = length(fill.x, m.size.width), y = length(fill.y, m.size.height), w = length(fill.width, m.size.width),
             h = length(fill.height, m.size.height);
        auto color = parse_color(fill.color);
        if (!x || !y || !w || !h || !color) {
            diags.error(fill.span, "expected lengths (20mm, 100%) for the fill's x, y, width and height and a colour such as #1f4e79, found '" +
                                       fill.x + "', '" + fill.y + "', '" + fill.width + "', '" + fill.height + "' and '" + fill.color + "'");
            continue;
        }
        m.fills.push_back({Rect{*x, *y, *w, *h}, *color});
    }
    if (m.margin_left + m.margin_right >= m.size.width || m.margin_top + m.margin_bottom >= m.size.height)
        diags.error(decl.span, "page master '" + decl.name + "' leaves no room for the body: its margins exceed the page");
    return m;
}

void check_slot_styles(const doc::PageMasterDecl& decl, const Stylesheet& sheet, Diagnostics& diags) {
    for (const auto* marginal : {decl.has_header ? &decl.header : nullptr, decl.has_footer ? &decl.footer : nullptr}) {
        if (!marginal) continue;
        for (const auto* slot : {&marginal->left, &marginal->center, &marginal->right})
            for (const auto& run : *slot)
                for (const auto& name : run.char_styles)
                    if (!sheet.character(name))
                        diags.error(run.span, "expected a character style defined in the layout, found '" + name + "'");
    }
}

}  // namespace reportc::style
