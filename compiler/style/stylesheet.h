#pragma once
// Named paragraph and character styles with `based-on` inheritance, page masters and the
// document-wide settings, checked and resolved from a LayoutSource. Computed styles are immutable values.
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/geometry.h"
#include "base/length.h"
#include "doc/layout_source.h"
#include "style/protrusion.h"
#include "style/settings.h"
#include "style/typography.h"

namespace reportc::style {

enum class Align { Left, Right, Center, Justify };
enum class TextTransform { None, Uppercase };
// How a paragraph meets a line too short for it: broken into lines as usual, or shrunk to fit.
enum class Fit { None, Shrink };
// Superscript and subscript take their size and offset from the font (OS/2), at layout.
enum class VerticalAlign { Baseline, Super, Sub };

struct FontSpec {
    std::string family = "Liberation Sans";
    bool bold = false;
    bool italic = false;
    Length size = Length::from_pt(10);
    Color color;
    Length rise;  // the baseline raised by this much (superscript marks); negative lowers it
    VerticalAlign vertical_align = VerticalAlign::Baseline;
    bool underline = false, strike = false;
    bool small_caps = false;
    std::optional<Color> highlight;  // a filled rectangle behind the text
    auto operator<=>(const FontSpec&) const = default;
};

// The page-break controls a style gives its blocks; a block's own attributes override them.
struct BlockKeeps {
    bool together = false;      // no page break inside the block when it fits on one page
    bool with_next = false;     // no page break between the block and the next
    bool break_before = false;  // the block starts a new page
    bool break_after = false;   // the block ends its page
};

// Font expansion (font-expansion="20 20 5"): how far a justified line's glyphs may be widened
// (stretch) and narrowed (shrink), and the step, in thousandths of their width. All zero: none.
struct FontExpansion {
    int stretch = 0, shrink = 0, step = 1;
    bool operator==(const FontExpansion&) const = default;
};

struct ParagraphStyle {
    std::string name;
    FontSpec font;
    Length leading = Length::from_pt(12);  // baseline-to-baseline distance
    Length space_before, space_after;
    Length indent_left, indent_right, first_line_indent;
    Align align = Align::Left;
    bool keep_with_next = false;
    // A break after the paragraph needs this many lines (boxes) of what follows on the same page:
    // a heading does not end a page with one line of its text under it (LaTeX's \needspace).
    int keep_with_next_lines = 0;
    // text-wrap="balance": lines of like length (headings, captions), not a full line and a lone word.
    bool balance = false;
    // The space after a whole list in this style (none: its last item's space-after alone).
    std::optional<Length> space_after_list;
    std::string list_marker = "•";  // the marker of a list in this style that names none
    bool hyphenate = true;
    int widows = 2, orphans = 2;
    bool page_break_before = false;
    // The cost of a page break just before the paragraph, weighed with the page's badness:
    // negative invites one (LaTeX gives -300 before a section), positive discourages one.
    int break_penalty = 0;
    TextTransform transform = TextTransform::None;
    Length rule_below;  // a rule under the paragraph (headings); zero = none
    Color rule_color;
    bool keep_together = false;    // no page break between the paragraph's lines (when it fits a page)
    bool page_break_after = false;  // the paragraph ends its page
    bool keep_space_at_top = false;  // space-before-at-top="keep": space-before stays at a page's top
    // fit="shrink" (a name on a certificate): one line at font-size if it fits, else at the
    // largest size down to min-font-size (in steps of kFitStep) that fits one line, else two
    // balanced lines at min-font-size; text that does not fit even so is an error.
    Fit fit = Fit::None;
    Length min_font_size;  // fit="shrink": the smallest size tried (default: half the font size)
    // Microtypography, off unless a style turns it on: punctuation and some letters hang into the
    // margins that align (protrusion="true"), and justified lines may widen or narrow their glyphs.
    bool protrusion = false;
    FontExpansion font_expansion;
    // A justified line's word spaces stretch and shrink by these thousandths of their width
    // (TeX's font dimensions 3 and 4; its Computer Modern has 500 and 333).
    int space_stretch = 500, space_shrink = 333;
};

// The steps by which fit="shrink" tries smaller sizes.
inline constexpr Length kFitStep = Length{32768};  // 0.5pt

// A character style changes only what it sets. Styles named by inline elements (<sup>,
// <sub>, <u>, <s>, <sc>, <mark>: see kBuiltinCharacterStyles) exist in every stylesheet; a
// layout that defines one of those names replaces it.
struct CharacterStyle {
    std::string name;
    std::optional<std::string> family;
    std::optional<bool> bold, italic;
    std::optional<Length> size;
    std::optional<Color> color;
    std::optional<Length> rise;  // baseline-shift
    std::optional<VerticalAlign> vertical_align;
    std::optional<bool> underline, strike;         // text-decoration
    std::optional<bool> small_caps;                // font-variant
    std::optional<std::optional<Color>> highlight; // background-color (a colour, or none)
    FontSpec apply(const FontSpec& base) const;
};

// The character styles every stylesheet has unless its layout defines them, as (name,
// properties as a layout would write them).
extern const std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>> kBuiltinCharacterStyles;

enum class TableRules { Rows, All, None };

struct TableStyle {
    std::string name;
    Color border_color{0x9a, 0xa7, 0xb4};
    Length border_width = Length::from_pt(0.5);
    TableRules rules = TableRules::Rows;
    Length padding = Length::from_pt(4);
    std::optional<Color> header_shade = Color{0xe8, 0xee, 0xf4};
    std::optional<Color> group_shade = Color{0xf3, 0xf6, 0xf9};
    std::string cell_style = "table-cell", header_style = "table-header", group_style = "table-group";
    bool repeat_header = true;
    bool split_rows = true;
    bool group_page_break = false;  // each group row (after the first) starts a new page
    std::string continued_text;  // e.g. "(continued)": set above the repeated header
    std::string continued_style = "table-continued";
    std::string row_continued_text;  // e.g. "(continued)": atop a split row's first cell on its new page
    std::string row_continued_style = "table-continued";
    std::optional<Color> stripe_shade;  // the fill of every second body row (from the second)
    // Inside a cell above and below its content (default: padding).
    Length padding_top = Length::from_pt(4), padding_bottom = Length::from_pt(4);
    BlockKeeps keeps;
};

// One side of a box's border: single or double, of a width and colour; zero width: none.
struct BorderSide {
    Length width;
    Color color;
    bool double_line = false;  // two lines of a third of the width, a third apart
    auto operator<=>(const BorderSide&) const = default;
};

// A box style (<box-style>): how a frame, a table row or a table cell is drawn around its content.
struct BoxStyle {
    std::string name;
    std::optional<Color> background;
    BorderSide top, right, bottom, left;
    Length padding_top, padding_right, padding_bottom, padding_left;
    Length radius;                     // rounded corners (frames)
    std::optional<Length> height;      // a fixed height, border included (frames)
    bool page_height = false;          // height="page": the page body's height
    Length min_height;
    Length space_before, space_after;  // around a frame
    bool keep_space_at_top = false;
    BlockKeeps keeps;
};

// An image on every page of a master, its top-left corner at (x, y) from the page's corner.
struct PageImage {
    doc::Image image;
    Length x, y;
};

// A rectangle of colour on every page of a master, behind everything else.
struct PageFill {
    Rect rect;  // from the page's top-left corner
    Color color;
};

struct PageMaster {
    std::string name;
    Size size;
    Length margin_top, margin_bottom, margin_left, margin_right;
    Length header_offset, footer_offset;  // baseline distance from the page edge
    doc::MarginalDecl header, footer;
    bool has_header = false, has_footer = false;
    std::vector<PageImage> images;  // drawn behind the text
    std::vector<PageFill> fills;    // drawn first, behind the images
    bool first_page_marginals = true;
    // A landscape page printed on a portrait sheet, its content turned (sheet="portrait").
    bool turned_sheet = false;
    // How pages of this master are numbered; numbering restarts at 1 where it changes style.
    enum class Numbering { Decimal, LowerRoman, UpperRoman };
    Numbering numbering = Numbering::Decimal;
    Rect body() const;
};

class Stylesheet {
public:
    // Resolves every declaration; errors (unknown based-on, cycles, malformed values) go to diags.
    static Stylesheet build(const doc::LayoutSource& layout, Diagnostics& diags);

    const ParagraphStyle* paragraph(const std::string& name) const;
    const CharacterStyle* character(const std::string& name) const;
    const PageMaster* page_master(const std::string& name) const;
    const TableStyle* table(const std::string& name) const;
    const BoxStyle* box(const std::string& name) const;
    const std::vector<PageMaster>& page_masters() const { return m_masters; }
    std::vector<std::string> paragraph_style_names() const;
    const Settings& settings() const { return m_settings; }
    const HyphenationPolicy& hyphenation() const { return m_hyphenation; }
    // The layout's ties for a language (style/typography.h); null when it has none.
    std::shared_ptr<const TieRules> ties(const std::string& lang) const { return ties_for(m_ties, lang); }
    // The layout's protrusion amounts per font family (style/protrusion.h); never null.
    const std::shared_ptr<const ProtrusionTables>& protrusion() const { return m_protrusion; }

private:
    std::map<std::string, ParagraphStyle> m_paragraph;
    std::map<std::string, CharacterStyle> m_character;
    std::map<std::string, TableStyle> m_table;
    std::map<std::string, BoxStyle> m_box;
    std::vector<PageMaster> m_masters;
    Settings m_settings;
    HyphenationPolicy m_hyphenation;
    std::vector<std::shared_ptr<const TieRules>> m_ties;
    std::shared_ptr<const ProtrusionTables> m_protrusion = std::make_shared<ProtrusionTables>();
};

std::ostream& operator<<(std::ostream& os, const FontSpec& f);
std::ostream& operator<<(std::ostream& os, const ParagraphStyle& s);

}  // namespace reportc::style
