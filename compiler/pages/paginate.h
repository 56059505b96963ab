#pragma once
// Page breaking over the vertical list, then running headers and footers with fields, added
// last when page numbers and totals are known.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "frame/frame.h"
#include "inline/typesetter.h"
#include "layout/font_table.h"
#include "layout/vlist.h"
#include "style/stylesheet.h"

namespace reportc::pages {

struct PageContext {
    const style::Stylesheet& styles;
    const text::FontRegistry& fonts;
    const inl::Typesetter& typesetter;
    layout::FontTable& font_table;
    Diagnostics& diags;
    std::string document_title;
};

struct Paginated {
    std::vector<frame::Page> pages;
    std::vector<frame::OutlineEntry> outline;
    size_t split_rows = 0;
    std::vector<std::string> page_labels;              // the folio of each page ("iii", "12")
    std::vector<frame::PageLabelRange> label_ranges;   // for the PDF's page labels
    std::map<std::string, std::string> anchor_pages;   // anchor -> folio, for contents and references
};

std::string roman(int n, bool upper);

// The page builder's result: the boxes of each page with their offsets from the body top.
struct PlacedBox {
    layout::VBox box;
    Length y;
};
struct PageContent {
    std::string master;
    std::vector<PlacedBox> boxes;
};
struct PageBreaks {
    std::vector<PageContent> pages;
    size_t forced_overflows = 0;  // breaks made where no legal break existed, or boxes taller than a page
    size_t split_rows = 0;        // table rows split across a page break
};
// Breaks the vertical list into pages: `body_height` gives the body height of a page master.
PageBreaks break_pages(std::vector<layout::VItem> items, const std::function<Length(const std::string&)>& body_height,
                       const std::string& first_master);

Paginated paginate(std::vector<layout::VItem> items, const std::string& first_master, PageContext& ctx);

}  // namespace reportc::pages
