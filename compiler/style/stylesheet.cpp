#include "style/stylesheet.h"

#include <functional>
#include <set>

#include "style/page_master_reader.h"
#include "style/value_reader.h"
#include "style/values.h"

namespace reportc::style {
namespace {

// The largest text size PDF writing supports (libharu's HPDF_MAX_FONTSIZE).
const Length kMaxFontSize = Length::from_pt(600);

void read_font(ValueReader& r, const Properties& props, FontSpec& font, Length parent_size) {
    if (auto p = r.find(props, "font-family")) font.family = p->value;
    r.keyword<bool>(props, "font-weight", {{"normal", false}, {"bold", true}}, font.bold);
    r.keyword<bool>(props, "font-style", {{"normal", false}, {"italic", true}}, font.italic);
    r.length(props, "font-size", parent_size, font.size);
    if (const doc::Property* size = r.find(props, "font-size"); size && font.size > kMaxFontSize) {
        r.bad(*size, "a font size of at most 600pt");
        font.size = parent_size;
    }
    if (font.size <= Length::zero()) font.size = parent_size;
    r.color(props, "color", font.color);
}

void read_decorations(ValueReader& r, const Properties& props, CharacterStyle& c) {
    if (r.find(props, "vertical-align")) {
        VerticalAlign v = VerticalAlign::Baseline;
        r.keyword<VerticalAlign>(props, "vertical-align", {{"baseline", VerticalAlign::Baseline}, {"super", VerticalAlign::Super},
                                                           {"sub", VerticalAlign::Sub}}, v);
        c.vertical_align = v;
    }
    if (auto p = r.find(props, "text-decoration")) {
        // One or both lines, in either order, or none (which removes both).
        bool underline = false, strike = false, ok = !p->value.empty();
        std::string_view rest = p->value;
        while (ok && !rest.empty()) {
            auto space = rest.find(' ');
            std::string_view word = rest.substr(0, space);
            rest = space == std::string_view::npos ? std::string_view{} : rest.substr(space + 1);
            if (word == "underline") underline = true;
            else if (word == "line-through") strike = true;
            else ok = word == "none" && p->value == "none";
        }
        if (ok) c.underline = underline, c.strike = strike;
        else r.bad(*p, "none, underline, line-through, or 'underline line-through'");
    }
    if (r.find(props, "font-variant")) {
        bool small = false;
        r.keyword<bool>(props, "font-variant", {{"normal", false}, {"small-caps", true}}, small);
        c.small_caps = small;
    }
    if (auto p = r.find(props, "background-color")) {
        if (p->value == "none") c.highlight = std::optional<Color>{};
        else if (auto col = parse_color(p->value)) c.highlight = std::optional<Color>{*col};
        else r.bad(*p, "a colour such as #fff59d, or none");
    }
}

// The built-in styles are read like a layout's, so they follow the same rules.
void add_builtin_character_styles(std::map<std::string, CharacterStyle>& styles, Diagnostics& diags) {
    ValueReader r(diags);
    for (const auto& [name, declared] : kBuiltinCharacterStyles) {
        if (styles.contains(name)) continue;
        std::vector<doc::Property> storage;
        for (const auto& [property, value] : declared) storage.push_back({property, value, {}});
        Properties props;
        for (const auto& p : storage) props[p.name] = &p;
        CharacterStyle c;
        c.name = name;
        read_decorations(r, props, c);
        styles.emplace(name, c);
    }
}

BoxStyle build_box_style(const std::string& name, const Properties& props, ValueReader& r) {
    BoxStyle b;
    b.name = name;
    const Length em = Length::from_pt(10);
    if (auto p = r.find(props, "background"); p && p->value != "none") {
        Color c;
        r.color(props, "background", c);
        b.background = c;
    }
    r.border(props, "border", b.top);
    b.right = b.bottom = b.left = b.top;
    r.border(props, "border-top", b.top);
    r.border(props, "border-right", b.right);
    r.border(props, "border-bottom", b.bottom);
    r.border(props, "border-left", b.left);
    Length padding;
    r.length(props, "padding", em, padding);
    b.padding_top = b.padding_right = b.padding_bottom = b.padding_left = padding;
    r.length(props, "padding-top", em, b.padding_top);
    r.length(props, "padding-right", em, b.padding_right);
    r.length(props, "padding-bottom", em, b.padding_bottom);
    r.length(props, "padding-left", em, b.padding_left);
    r.length(props, "radius", em, b.radius);
    if (auto p = r.find(props, "height")) {
        if (p->value == "page") b.page_height = true;
        else if (auto v = parse_length(p->value, em); v && *v > Length{}) b.height = *v;
        else r.bad(*p, "a length such as 60mm, or page");
    }
    r.length(props, "min-height", em, b.min_height);
    r.length(props, "space-before", em, b.space_before);
    r.length(props, "space-after", em, b.space_after);
    r.space_at_top(props, b.keep_space_at_top);
    r.keeps(props, b.keeps);
    return b;
}

}  // namespace

const std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>> kBuiltinCharacterStyles = {
    {"superscript", {{"vertical-align", "super"}}},
    {"subscript", {{"vertical-align", "sub"}}},
    {"underline", {{"text-decoration", "underline"}}},
    {"strike", {{"text-decoration", "line-through"}}},
    {"small-caps", {{"font-variant", "small-caps"}}},
    {"highlight", {{"background-color", "#fff59d"}}},
};

FontSpec CharacterStyle::apply(const FontSpec& base) const {
    FontSpec out = base;
    if (family) out.family = *family;
    if (bold) out.bold = *bold;
    if (italic) out.italic = *italic;
    if (size) out.size = *size;
    if (color) out.color = *color;
    if (rise) out.rise = *rise;
    if (vertical_align) out.vertical_align = *vertical_align;
    if (underline) out.underline = *underline;
    if (strike) out.strike = *strike;
    if (small_caps) out.small_caps = *small_caps;
    if (highlight) out.highlight = *highlight;
    return out;
}

namespace {

// fit and min-font-size; a minimum above the font size is refused (it could never shrink).
// font-expansion: "none", or "STRETCH SHRINK STEP" in thousandths (pdfTeX's \pdffontexpand
// stretch, shrink and step), each at most 100; the step at least 1.
void read_font_expansion(ValueReader& r, const Properties& props, ParagraphStyle& s) {
    const doc::Property* p = r.find(props, "font-expansion");
    if (!p) return;
    if (p->value == "none") {
        s.font_expansion = {};
        return;
    }
    std::vector<int> numbers;
    bool ok = true;
    for (size_t at = 0; ok && at < p->value.size();) {
        const size_t start = p->value.find_first_not_of(' ', at);
        if (start == std::string::npos) break;
        const size_t stop = std::min(p->value.find(' ', start), p->value.size());
        const std::string word = p->value.substr(start, stop - start);
        ok = word.find_first_not_of("0123456789") == std::string::npos && word.size() <= 3;
        if (ok) numbers.push_back(std::stoi(word));
        at = stop;
    }
    ok = ok && numbers.size() == 3 && numbers[0] <= 100 && numbers[1] <= 100 && numbers[2] >= 1 && numbers[2] <= 100;
    if (ok) s.font_expansion = {numbers[0], numbers[1], numbers[2]};
    else r.bad(*p, "none or three whole numbers such as '20 20 5' (stretch and shrink from 0 to 100, step from 1 to 100)");
}

void read_fit(ValueReader& r, const Properties& props, ParagraphStyle& s) {
    r.keyword<Fit>(props, "fit", {{"none", Fit::None}, {"shrink", Fit::Shrink}}, s.fit);
    s.min_font_size = s.font.size / 2;
    r.length(props, "min-font-size", s.font.size, s.min_font_size);
    const doc::Property* min = r.find(props, "min-font-size");
    if (min && (s.min_font_size <= Length{} || s.min_font_size > s.font.size)) {
        r.bad(*min, "a length above 0 and no larger than font-size");
        s.min_font_size = s.font.size / 2;
    }
}

}  // namespace

Rect PageMaster::body() const {
    return {margin_left, margin_top, size.width - margin_left - margin_right, size.height - margin_top - margin_bottom};
}

Stylesheet Stylesheet::build(const doc::LayoutSource& layout, Diagnostics& diags) {
    Stylesheet sheet;
    ValueReader r(diags);
    std::map<std::string, const doc::StyleDecl*> paragraph_decls, character_decls, table_decls, box_decls;
    for (const auto& s : layout.styles) {
        auto& decls = s.kind == doc::StyleDecl::Kind::Paragraph ? paragraph_decls
                      : s.kind == doc::StyleDecl::Kind::Character ? character_decls
                      : s.kind == doc::StyleDecl::Kind::Box     ? box_decls : table_decls;
        if (!decls.emplace(s.name, &s).second) diags.error(s.span, "style '" + s.name + "' is defined twice");
    }
    const Length default_size = Length::from_pt(10);
    for (const auto& [name, decl] : paragraph_decls) {
        Properties props;
        if (!collect_chain(paragraph_decls, *decl, props, diags)) continue;
        ParagraphStyle s;
        s.name = name;
        read_font(r, props, s.font, default_size);
        Length em = s.font.size;
        s.leading = s.font.size.scaled(1.2);
        r.length(props, "leading", em, s.leading);
        r.length(props, "space-before", em, s.space_before);
        r.length(props, "space-after", em, s.space_after);
        r.length(props, "indent-left", em, s.indent_left);
        r.length(props, "indent-right", em, s.indent_right);
        r.length(props, "first-line-indent", em, s.first_line_indent);
        r.keyword<Align>(props, "align", {{"left", Align::Left}, {"right", Align::Right}, {"center", Align::Center}, {"justify", Align::Justify}}, s.align);
        r.boolean(props, "keep-with-next", s.keep_with_next);
        r.integer(props, "keep-with-next-lines", s.keep_with_next_lines, 0, 20);
        if (auto it = props.find("list-marker"); it != props.end()) {
            if (it->second->value.empty()) r.bad(*it->second, "a marker such as • or – (not empty)");
            else s.list_marker = it->second->value;
        }
        if (Length list_after; props.count("space-after-list")) {
            r.length(props, "space-after-list", em, list_after);
            s.space_after_list = list_after;
        }
        {
            enum class Wrap { Wrap, Balance } wrap = Wrap::Wrap;
            r.keyword<Wrap>(props, "text-wrap", {{"wrap", Wrap::Wrap}, {"balance", Wrap::Balance}}, wrap);
            s.balance = wrap == Wrap::Balance;
        }
        r.boolean(props, "hyphenate", s.hyphenate);
        r.integer(props, "widows", s.widows);
        r.integer(props, "orphans", s.orphans);
        r.boolean(props, "page-break-before", s.page_break_before);
        r.integer(props, "break-penalty", s.break_penalty, -10000, 10000);
        r.keyword<TextTransform>(props, "text-transform", {{"none", TextTransform::None}, {"uppercase", TextTransform::Uppercase}}, s.transform);
        r.length(props, "rule-below", em, s.rule_below);
        s.rule_color = s.font.color;
        r.color(props, "rule-color", s.rule_color);
        r.boolean(props, "keep-together", s.keep_together);
        r.boolean(props, "page-break-after", s.page_break_after);
        r.space_at_top(props, s.keep_space_at_top);
        read_fit(r, props, s);
        r.boolean(props, "protrusion", s.protrusion);
        read_font_expansion(r, props, s);
        r.integer(props, "space-stretch", s.space_stretch, 0, 1000);
        r.integer(props, "space-shrink", s.space_shrink, 0, 900);
        sheet.m_paragraph.emplace(name, s);
    }
    for (const auto& [name, decl] : character_decls) {
        Properties props;
        if (!collect_chain(character_decls, *decl, props, diags)) continue;
        CharacterStyle c;
        c.name = name;
        if (auto p = r.find(props, "font-family")) c.family = p->value;
        if (r.find(props, "font-weight")) { bool b = false; r.keyword<bool>(props, "font-weight", {{"normal", false}, {"bold", true}}, b); c.bold = b; }
        if (r.find(props, "font-style")) { bool i = false; r.keyword<bool>(props, "font-style", {{"normal", false}, {"italic", true}}, i); c.italic = i; }
        if (auto p = r.find(props, "font-size")) {
            // em sizes are relative to the paragraph's size; resolved later against 10pt here
            if (auto v = parse_length(p->value, default_size); v && *v > kMaxFontSize) r.bad(*p, "a font size of at most 600pt");
            else if (v) c.size = *v;
            else r.bad(*p, "a length such as 9pt");
        }
        if (r.find(props, "color")) { Color col; r.color(props, "color", col); c.color = col; }
        if (auto p = r.find(props, "baseline-shift")) {
            if (auto v = parse_length(p->value, c.size.value_or(default_size))) c.rise = *v; else r.bad(*p, "a length such as 3pt or 0.33em");
        }
        read_decorations(r, props, c);
        sheet.m_character.emplace(name, c);
    }
    add_builtin_character_styles(sheet.m_character, diags);
    for (const auto& [name, decl] : table_decls) {
        Properties props;
        if (!collect_chain(table_decls, *decl, props, diags)) continue;
        TableStyle t;
        t.name = name;
        Length em = Length::from_pt(10);
        r.color(props, "border-color", t.border_color);
        r.length(props, "border-width", em, t.border_width);
        r.keyword<TableRules>(props, "rules", {{"rows", TableRules::Rows}, {"all", TableRules::All}, {"none", TableRules::None}}, t.rules);
        r.length(props, "padding", em, t.padding);
        for (auto [prop, target] : {std::pair{"header-shade", &t.header_shade}, std::pair{"group-shade", &t.group_shade}}) {
            if (auto p = r.find(props, prop)) {
                if (p->value == "none") *target = std::nullopt;
                else if (auto c = parse_color(p->value)) *target = *c;
                else r.bad(*p, "a colour such as #e8eef4, or none");
            }
        }
        if (auto p = r.find(props, "cell-style")) t.cell_style = p->value;
        if (auto p = r.find(props, "header-style")) t.header_style = p->value;
        if (auto p = r.find(props, "group-style")) t.group_style = p->value;
        if (auto p = r.find(props, "continued-text")) t.continued_text = p->value;
        if (auto p = r.find(props, "continued-style")) t.continued_style = p->value;
        if (auto p = r.find(props, "row-continued-text")) t.row_continued_text = p->value;
        if (auto p = r.find(props, "row-continued-style")) t.row_continued_style = p->value;
        r.boolean(props, "repeat-header", t.repeat_header);
        r.boolean(props, "split-rows", t.split_rows);
        r.boolean(props, "group-page-break", t.group_page_break);
        if (auto p = r.find(props, "stripe-shade"); p && p->value != "none") {
            Color stripe;
            r.color(props, "stripe-shade", stripe);
            t.stripe_shade = stripe;
        }
        t.padding_top = t.padding_bottom = t.padding;
        r.length(props, "padding-top", em, t.padding_top);
        r.length(props, "padding-bottom", em, t.padding_bottom);
        r.keeps(props, t.keeps);
        sheet.m_table.emplace(name, t);
    }
    for (const auto& [name, decl] : box_decls) {
        Properties props;
        if (collect_chain(box_decls, *decl, props, diags)) sheet.m_box.emplace(name, build_box_style(name, props, r));
    }
    for (const auto& decl : layout.page_masters) {
        if (sheet.page_master(decl.name)) diags.error(decl.span, "page master '" + decl.name + "' is defined twice");
        sheet.m_masters.push_back(build_master(decl, r, diags));
        check_slot_styles(decl, sheet, diags);
    }
    sheet.m_settings = read_settings(layout.settings, [&](const std::string& name) { return sheet.page_master(name) != nullptr; }, diags);
    sheet.m_hyphenation = read_hyphenation_policy(layout.hyphenation_policy, diags);
    sheet.m_protrusion = read_protrusion(layout, diags);
    sheet.m_ties = read_ties(layout.ties, diags);
    return sheet;
}

const ParagraphStyle* Stylesheet::paragraph(const std::string& name) const {
    auto it = m_paragraph.find(name);
    return it == m_paragraph.end() ? nullptr : &it->second;
}
const TableStyle* Stylesheet::table(const std::string& name) const {
    auto it = m_table.find(name);
    return it == m_table.end() ? nullptr : &it->second;
}
const BoxStyle* Stylesheet::box(const std::string& name) const {
    auto it = m_box.find(name);
    return it == m_box.end() ? nullptr : &it->second;
}
const CharacterStyle* Stylesheet::character(const std::string& name) const {
    auto it = m_character.find(name);
    return it == m_character.end() ? nullptr : &it->second;
}
const PageMaster* Stylesheet::page_master(const std::string& name) const {
    for (const auto& m : m_masters)
        if (m.name == name) return &m;
    return nullptr;
}
std::vector<std::string> Stylesheet::paragraph_style_names() const {
    std::vector<std::string> names;
    for (const auto& [name, s] : m_paragraph) names.push_back(name);
    return names;
}

std::ostream& operator<<(std::ostream& os, const FontSpec& f) {
    os << f.family << (f.bold ? " bold" : "") << (f.italic ? " italic" : "") << " " << f.size << " " << f.color;
    if (f.rise != Length{}) os << " rise=" << f.rise;
    if (f.vertical_align != VerticalAlign::Baseline) os << (f.vertical_align == VerticalAlign::Super ? " super" : " sub");
    if (f.underline) os << " underline";
    if (f.strike) os << " line-through";
    if (f.small_caps) os << " small-caps";
    if (f.highlight) os << " highlight=" << *f.highlight;
    return os;
}
std::ostream& operator<<(std::ostream& os, const ParagraphStyle& s) {
    static const char* aligns[] = {"left", "right", "center", "justify"};
    return os << "paragraph-style " << s.name << ": " << s.font << " leading=" << s.leading << " before=" << s.space_before
              << " after=" << s.space_after << " align=" << aligns[int(s.align)] << (s.keep_with_next ? " keep-with-next" : "");
}

}  // namespace reportc::style
