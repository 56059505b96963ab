#pragma once
// Internal to the pdf module: the writer's stages, one file each (see pdf_writer.cpp for the
// order in which they run).
#include <hpdf.h>

#include <map>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "frame/frame.h"
#include "pdf/pdf_document.h"
#include "pdf/pdf_fonts.h"
#include "pdf/pdf_writer.h"

namespace reportc::pdf {

// pdf_validate.cpp: everything libharu would silently mangle or reject is checked before any
// of it reaches libharu (invalid UTF-8, characters outside the BMP, non-ASCII label prefixes,
// bad font indices, paths that do not start with a move). Records one error per problem.
void validate(const frame::FrameDocument& doc, Diagnostics& diags);
// The same in two parts, for a document written page by page (PageWriter): one page, with the
// fonts known so far; then the rest, for a document of `page_count` pages (and `pages`, when
// given, checked between the info and the outline, as validate does).
void validate_page(const frame::Page& page, size_t number, size_t font_count, Diagnostics& diags);
void validate_except_pages(const frame::FrameDocument& doc, size_t page_count, Diagnostics& diags,
                           const std::vector<frame::Page>* pages = nullptr);

// The drawing state of the page being written, so unchanged colours, widths and fonts are not
// repeated. Frame coordinates are top-down; PDF coordinates are bottom-up.
// Where a page's content space (pt, y up, as the page was laid out) lands in its sheet's default
// user space: the same, or for a turned page a quarter turn counter-clockwise, which the sheet's
// /Rotate 90 undoes on screen (as LaTeX's pdflscape sets landscape pages on portrait paper).
struct SheetGeometry {
    double height = 0;  // the page's height as laid out, pt
    bool turned = false;
    std::pair<double, double> on_sheet(double x, double y) const {
        if (turned) return {height - y, x};
        return {x, y};
    }
};

struct PageState {
    HPDF_Page page = nullptr;
    int number = 1;        // 1-based, for messages
    double height = 0;     // pt
    // What the content stream has set so far; starts at the PDF defaults (black, 1 pt).
    Color fill{}, stroke{};
    double line_width = 1.0;
    HPDF_Font font = nullptr;
    double font_size = 0;
    double char_space = 0;  // Tc, pt
    int horizontal_scaling = 1000;  // Tz, in thousandths (font expansion)

    bool turned = false;   // frame::Page::turned
    double pdf_y(Length y) const { return height - y.pt(); }
    SheetGeometry sheet() const { return {height, turned}; }
};

// pdf_text.cpp: one BT … ET for a run of consecutive text items.
bool write_text_run(PdfDocument& doc, FontSet& fonts, PageState& state, std::span<const frame::TextItem* const> items);

// pdf_shapes.cpp: one path, filled and/or stroked.
bool write_shape(PdfDocument& doc, PageState& state, const frame::ShapeItem& shape);

// pdf_images.cpp: each image embedded at its first use, keyed by the decoded image (shared by
// every use of one file), then drawn in its rectangle, clipped when it has a clip.
// By the image file's resolved path: one object per file, however many loads decoded it (the
// report's images and the layout's are decoded apart), and never keyed by an address.
using ImageObjects = std::map<std::string, HPDF_Image>;
bool write_image(PdfDocument& doc, ImageObjects& images, PageState& state, const frame::ImageItem& item);

// pdf_links.cpp: named destinations and link annotations.
struct AnchorTarget {
    int page = 0;  // 0-based
    double x = 0, y = 0;  // PDF coordinates (pt, y up)
};

class Anchors {
public:
    void add(const frame::AnchorItem& anchor, int page, const PageState& state, Diagnostics& diags);
    const AnchorTarget* find(const std::string& name) const;

private:
    std::map<std::string, AnchorTarget> m_targets;
};

// `[page /XYZ x y null]`: a fresh array per use, since libharu refuses to add one direct object
// to two containers. nullptr after a diagnostic.
HPDF_Destination make_destination(PdfDocument& doc, const std::vector<HPDF_Page>& pages, const AnchorTarget& target);

struct PendingLink {
    int page = 0;  // 0-based
    frame::LinkItem link;  // a copy: a page written page by page is gone when links are made
};

// Creates every link annotation once all pages exist (so forward references work), each frozen
// once made (FrozenDicts) unless `freezing` is off. An unknown anchor is an error naming it; the
// others are still created. False on a libharu failure.
bool write_links(PdfDocument& doc, const std::vector<HPDF_Page>& pages, const std::vector<SheetGeometry>& sheets,
                 const Anchors& anchors, const std::vector<PendingLink>& links, PageFreezing freezing);

// pdf_outline.cpp: the bookmark tree, frozen once built (FrozenDicts) unless `freezing` is off.
// Unknown anchors are errors. False on a libharu failure.
bool write_outline(PdfDocument& doc, const std::vector<HPDF_Page>& pages, const Anchors& anchors,
                   const std::vector<frame::OutlineEntry>& outline, bool show_outline, PageFreezing freezing);

// pdf_meta.cpp: the Info dictionary and page labels. `now` is used when the document has no
// creation_epoch. False on a libharu failure.
bool write_info(PdfDocument& doc, const frame::DocumentInfo& info, int64_t now);
bool write_page_labels(PdfDocument& doc, const std::vector<frame::PageLabelRange>& labels);

// Percent-encodes bytes a URI may not hold raw (non-ASCII, controls, space); libharu would
// write them as raw bytes (docs/libharu-notes.md §L10).
std::string escape_uri(const std::string& uri);

}  // namespace reportc::pdf
