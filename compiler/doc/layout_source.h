#pragma once
// A layout file as written: declarations with their raw property values and Spans. The style
// module parses and checks the values (lengths, colours, inheritance).
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "base/font_features.h"
#include "base/span.h"
#include "doc/table_template.h"

namespace reportc::doc {

struct Property {
    std::string name, value;
    Span span;  // the attribute's location
};

struct StyleDecl {
    enum class Kind { Paragraph, Character, Table, Box };
    Kind kind = Kind::Paragraph;
    std::string name, based_on;
    std::vector<Property> properties;
    Span span;
};

struct FontFamilyDecl {
    std::string name, regular, bold, italic, bold_italic;  // paths resolved against the layout file
    Span regular_span, bold_span, italic_span, bold_italic_span;  // the attributes naming them
    Span span;
    bool kerning = true;  // kerning="false": the faces are set without the fonts' kerning
    std::vector<FontFeature> features;  // font-features="liga -kern": OpenType features on or off
    // Where `path` is named (the first attribute holding it), else the element: a file that
    // fails to load is reported at its attribute.
    Span span_of(const std::string& path) const {
        if (path.empty()) return span;
        if (path == regular) return regular_span;
        if (path == bold) return bold_span;
        if (path == italic) return italic_span;
        if (path == bold_italic) return bold_italic_span;
        return span;
    }
};

// Header or footer text: up to three slots of styled text (runs with the character styles of
// their <b>, <i>, <span style>); the text may hold fields {title} {section} {page} {pages}
// {total-pages}.
struct MarginalDecl {
    std::string style;
    std::vector<TextRun> left, center, right;
    // A slot may hold one <image> instead of text (a logo), standing on the slot's baseline.
    std::optional<Image> left_image, center_image, right_image;
    bool rule = false;  // a thin rule between the marginal and the body
    Span span;
};

// <setting name="…" value="…"/> as written; the style module checks the name and parses the value.
struct SettingDecl {
    std::string name, value;
    Span name_span, value_span;  // the attributes' locations
};

// <image src x y width height fit alt/> in a <page-master>: drawn on every page of the master,
// behind the text, its top-left corner at (x, y) from the page's top-left corner.
struct PlacedImageDecl {
    Image image;
    std::string x, y;
};

// <fill x y width height color/> in a <page-master>: a rectangle of colour on every page of the
// master, behind everything (a cover's colour band, full bleed when it reaches the page edges).
struct PlacedFillDecl {
    std::string x, y, width, height, color;
    Span span;
};

struct PageMasterDecl {
    std::string name;
    std::vector<Property> properties;  // size, orientation, margin-*, header-offset, footer-offset
    MarginalDecl header, footer;
    bool has_header = false, has_footer = false;
    std::vector<PlacedImageDecl> images;
    std::vector<PlacedFillDecl> fills;
    Span span;
};

// <link-pattern style match target link-text>: in runs of the character style `style`, each
// match of the regular expression `match` becomes a link to the id `target`, whose {N} (or
// {N:lower}) are the match's capture groups. Checked and compiled by xref.
struct LinkPatternDecl {
    std::string style, match, target, link_text;
    Span span, match_span, target_span, link_text_span;
};

// One word of an <abbreviation-ignore> list: not an abbreviation, whatever its capitals.
struct IgnoredWord {
    std::string word;
    Span span;
};

// One rule of <numbering>, as written: <heading level=…>, <figure kind=…>, <footnote label=…>
// or <ref-format name=… text=…>, with its attributes. Checked and compiled by xref.
struct NumberingDecl {
    std::string element;
    std::vector<Property> attributes;
    Span span;
};

// <ties lang="…" after-number="…"> as written: the words after which a space does not break
// (<after>) and the words that stay with a number after them (<before-number>). The style
// module checks the attribute's value.
struct TiesDecl {
    std::string lang;
    std::vector<Property> attributes;  // after-number
    std::vector<IgnoredWord> after, before_number;
    Span span;
};

// <protrusion family unit>: a font family's character protrusion amounts, checked by the style
// module (style/protrusion.h); the values as written, each with its span.
struct ProtrusionEntryDecl {
    std::string c, left, right;  // left and right empty when not written
    Span span, c_span, left_span, right_span;
};

struct ProtrusionDecl {
    std::string family, unit;  // unit empty when not written
    Span span, family_span, unit_span;
    std::vector<ProtrusionEntryDecl> entries;
};

struct LayoutSource {
    std::string path;
    std::vector<FontFamilyDecl> font_families;
    std::vector<std::string> fallback_families;
    Span fallback_span;
    std::string hyphenation_dictionary;
    Span hyphenation_span;
    std::vector<PageMasterDecl> page_masters;
    std::vector<StyleDecl> styles;
    std::vector<SettingDecl> settings;  // document-wide settings, in file order
    std::vector<TableTemplate> table_templates;
    std::vector<LinkPatternDecl> link_patterns;
    std::vector<std::string> link_schemes;  // <links allow-schemes>: more than http, https and mailto (lowercase)
    std::vector<IgnoredWord> abbreviation_ignore;
    std::vector<NumberingDecl> numbering;  // <numbering>'s rules, in file order
    // <hyphenation>'s policy attributes (all but dictionary), checked by the style module.
    std::vector<Property> hyphenation_policy;
    std::vector<TiesDecl> ties;  // one per language
    std::vector<ProtrusionDecl> protrusion;  // one per font family
};

std::ostream& operator<<(std::ostream& os, const StyleDecl& s);

}  // namespace reportc::doc
