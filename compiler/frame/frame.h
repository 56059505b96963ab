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
#include "base/kerning.h"
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
// Fields are ordered so the colour fills the padding after the font index.
struct TextItem {
    int font = 0;
    Color color;
    // Font expansion: the glyphs (and their advances) scaled horizontally by 1 + expansion/1000
    // (PDF Tz). One byte, so it fills the padding after the colour and the item keeps its size;
    // layouts limit expansion to 10 %.
    int8_t expansion = 0;
    Length size;
    Length x, y;
    std::string text;  // UTF-8, every character covered by the font
    Length tracking;   // added after every character (PDF Tc): synthesized small capitals
    Kerning kerning;   // the font's kerning within `text` (base/kerning.h); empty for most words
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

// A clickable rectangle: to an external URI, or to a named anchor in this document. One string
// holds either, so the item stays small (see the size check under `Item`).
struct LinkItem {
    enum class To : uint8_t { Uri, Anchor };
    Rect rect;
    std::string target;  // "https://…", "mailto:…"; or AnchorItem::name for an internal link
    To to = To::Uri;

    static LinkItem to_uri(Rect rect, std::string uri) { return {rect, std::move(uri), To::Uri}; }
    static LinkItem to_anchor(Rect rect, std::string anchor) { return {rect, std::move(anchor), To::Anchor}; }
    // The URI, or "" for an internal link; the anchor, or "" for an external one.
    const std::string& uri() const;
    const std::string& anchor() const;
};

// A named destination (headings, figures, table rows).
struct AnchorItem {
    std::string name;
    Point at;
};

// What the copies of one placed image share (a page master's image repeats on every page): the
// decoded image, its file, its alternative text, and the clip box relative to the item's rect, so
// moving an item moves its clip without touching what is shared.
struct ImageUse {
    std::shared_ptr<const image::Image> image;  // one per file, so the PDF embeds it once
    std::string path;  // the file (resolved), for messages; traces print its name only
    std::string alt;   // kept for tagging
    std::optional<Rect> clip_offset;
};

// A placed image, stretched to fill `rect`. With fit="cover" the image overflows its box and
// `clip()` is the box. The rest sits behind one pointer: items are copied and moved in bulk,
// and every byte of the largest alternative is paid by every text item (issue 16).
struct ImageItem {
    std::shared_ptr<const ImageUse> use;
    Rect rect;

    static ImageItem place(std::shared_ptr<const image::Image> image, std::string path, std::string alt, Rect rect,
                           std::optional<Rect> clip = std::nullopt);
    const std::shared_ptr<const image::Image>& image() const;
    const std::string& path() const;
    const std::string& alt() const;
    std::optional<Rect> clip() const;  // in page coordinates
};

using Item = std::variant<TextItem, ShapeItem, LinkItem, AnchorItem, ImageItem>;

// A page holds tens of thousands of items and layout copies them between boxes, lines and
// pages, so the variant's size matters: keep every alternative within a text item.
// A text item was 72 bytes with no byte to spare (the colour fills the padding after the
// font); its kerning costs one pointer more (80). An index into a side table would pad to the
// same 8 bytes, and a table per page or per document would have to follow every item that
// layout moves between boxes, lines, pages and (certificates) documents.
static_assert(sizeof(TextItem) <= 80 && sizeof(ShapeItem) <= 80 && sizeof(LinkItem) <= 80 && sizeof(AnchorItem) <= 80 &&
              sizeof(ImageItem) <= 80);
static_assert(sizeof(Item) <= 88, "frame::Item grew: move the new fields behind a pointer");

struct Page {
    Size size;
    std::vector<Item> items;
    // Set on a sheet of the swapped size, turned a quarter counter-clockwise, and shown as it
    // was laid out through the sheet's /Rotate 90 (a landscape page on a portrait sheet).
    bool turned = false;
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
