#pragma once
// The layout's document-wide settings (<setting name="…" value="…"/>), each parsed once into
// its type. An unknown name, a name given twice and a malformed value are errors at the
// attribute that holds them.
#include <functional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/geometry.h"
#include "base/length.h"
#include "doc/layout_source.h"
#include "style/date_format.h"

namespace reportc::style {

enum class FootnoteNumbering { Document, Page };

// The styles a layout gives footnotes: the notes' paragraph style and the marks' character style.
inline constexpr const char* kFootnoteStyle = "footnote";
inline constexpr const char* kFootnoteMarkStyle = "footnote-mark";

struct Settings {
    std::string page_master = "body";  // the page master of the document's pages
    Span page_master_span;             // where the layout sets it; not valid when defaulted
    std::string abbreviation_register;    // the id of the register table; empty: none
    int contents_levels = 2;              // heading levels listed by <contents/>
    std::vector<Color> chart_palette;     // series colours; empty: the chart module's own
    // How far short of its body a page may end before its break counts as bad (the page
    // builder's only stretch; TeX's \raggedbottom gives 60pt).
    Length ragged_bottom = Length::from_pt(60);
    FootnoteNumbering footnote_numbering = FootnoteNumbering::Document;  // 1, 2, 3 … through the document, or from 1 on each page
    Length footnote_skip = Length::from_pt(12);           // from the body to the first note; the rule sits in it
    Length footnote_gap = Length::from_pt(2);             // between two notes
    Length footnote_rule_width = Length::from_pt(120);    // the separator's length (zero: no rule)
    Length footnote_rule_thickness = Length::from_pt(0.5);
    std::string date_format = kDefaultDateFormat;  // how {date} prints (style/date_format.h)
    // Units and signs a number keeps on its line ("%", "kg", "€"): the space between a number
    // and one of them is set as a no-break space. Empty: none.
    std::vector<std::string> no_break_units;
    // Tables of fewer body rows than this are kept whole on one page when they fit one (0: none).
    int keep_tables_under_rows = 0;
    // Set after a figure's caption where it repeats on a page its table continues on; empty:
    // the caption does not repeat.
    std::string caption_continued_text;
    // Folders outside the report's and the layout's folders that images may come from, as
    // written (relative to the layout's folder); the driver resolves them.
    std::vector<std::string> image_paths;
    // A review copy's marks (build --changes-since): the bar in the margin beside a changed or
    // added table row (its colour, width, and gap to the table's left edge), and the fills of a
    // changed cell and of an added row's cells.
    Color change_bar_color{0xd6, 0x27, 0x28};
    Length change_bar_width = Length::from_pt(2);
    Length change_bar_gap = Length::from_pt(4);
    Color change_highlight{0xff, 0xf1, 0xa8};
    Color change_added_highlight{0xd9, 0xef, 0xd3};
};

// The setting names the engine reads, in the order the layout format documents them.
const std::vector<std::string>& setting_names();

// `is_page_master` says whether the layout defines a page master of that name.
Settings read_settings(const std::vector<doc::SettingDecl>& decls,
                       const std::function<bool(const std::string&)>& is_page_master, Diagnostics& diags);

// The closest of `candidates` to `name` when it is close enough to be a typing slip, else "".
std::string closest_name(const std::string& name, const std::vector<std::string>& candidates);

}  // namespace reportc::style
