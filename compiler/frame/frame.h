#pragma once
// The output model: pages of positioned items. Exporters (pdf, render, trace) read only this.
// Coordinates: origin at the page's top-left corner, y grows downwards; text y is the baseline.
#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <variant>
#include <vector>

#include "base/bytes.h"
#include "base/geometry.h"
#include "base/length.h"
#include "image/image.h"

namespace reportc::frame {

// A font file used by the document; TextItem::font indexes FrameDocument::fonts.
struct FontFile {
    std::string path;             // absolute or working-directory-relative TTF path, for messages
    std::string postscript_name;  // e.g. "LiberationSans-Bold", for traces and PDF names
    FontBytes bytes;              // the whole TTF file, read once; the PDF and PNG writers use these
};

// One run of glyphs from one font, set at (x, baseline y). Justified lines are emitted as one
// TextItem per word, so the PDF never relies on word spacing (Tw does nothing for CID fonts).
struct TextItem {
    int font = 0;
    Length size;
    Length x, y;
    std::string text;  // UTF-8, every character covered by the font
    Color color;
    Length tracking;   // added after every character (PDF Tc): synthesized small capitals
};

struct PathCommand {
    enum class Kind { MoveTo, LineTo, CurveTo, Close };
    Kind kind = Kind::MoveTo;
    Point points[3] = {};  // MoveTo/LineTo use [0]; CurveTo uses [0],[1] (controls) and [2] (end)
};

enum class FillRule { NonZero, EvenOdd };

struct ShapeItem {
    std::vector<PathCommand> path;
    std::optional<Color> fill;
    std::optional<Color> stroke;
    Length line_width = Length::from_pt(1);
    FillRule fill_rule = FillRule::NonZero;
};

// A clickable rectangle: to an external URI, or to a named anchor in this document.
struct LinkItem {
    Rect rect;
    std::string uri;     // "https://…", "mailto:…"; empty for an internal link
    std::string anchor;  // AnchorItem::name for an internal link
};

// A named destination (headings, figures, table rows).
struct AnchorItem {
    std::string name;
    Point at;
};

// A placed image, stretched to fill `rect`. Every use of one file shares one decoded image, so
// the PDF embeds it once however many pages show it. With fit="cover" the image overflows its
// box and `clip` is the box. `alt` is kept for tagging.
struct ImageItem {
    std::shared_ptr<const image::Image> image;
    std::string path;  // the file (resolved), for messages; traces print its name only
    Rect rect;
    std::optional<Rect> clip;
    std::string alt;
};

using Item = std::variant<TextItem, ShapeItem, LinkItem, AnchorItem, ImageItem>;

struct Page {
    Size size;
    std::vector<Item> items;
};

struct OutlineEntry {
    std::string title;
    int level = 1;  // 1 = top
    std::string anchor;
};

enum class PageLabelStyle { Decimal, LowerRoman, UpperRoman, LowerAlpha, UpperAlpha };

struct PageLabelRange {
    int first_page = 0;  // 0-based page index where this numbering starts
    PageLabelStyle style = PageLabelStyle::Decimal;
    int start = 1;
    std::string prefix;  // ASCII only (libharu writes raw bytes)
};

struct DocumentInfo {
    std::string title, author, subject, keywords;
    std::string creator = "reportc";
    std::optional<int64_t> creation_epoch;  // seconds since 1970; SOURCE_DATE_EPOCH pins it
};

struct FrameDocument {
    DocumentInfo info;
    std::vector<FontFile> fonts;
    std::vector<Page> pages;
    std::vector<OutlineEntry> outline;
    std::vector<PageLabelRange> page_labels;
    bool show_outline = false;  // open the PDF with the bookmark panel shown
};

// Moves an item by (dx, dy): text, link rectangles, anchors and every point of a shape.
void translate(Item& item, Length dx, Length dy);

std::ostream& operator<<(std::ostream& os, const TextItem& t);
std::ostream& operator<<(std::ostream& os, const ShapeItem& s);
std::ostream& operator<<(std::ostream& os, const LinkItem& l);
std::ostream& operator<<(std::ostream& os, const AnchorItem& a);
std::ostream& operator<<(std::ostream& os, const ImageItem& i);
std::ostream& operator<<(std::ostream& os, const Item& i);
std::ostream& operator<<(std::ostream& os, const Page& p);

}  // namespace reportc::frame
