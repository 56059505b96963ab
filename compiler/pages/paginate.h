#pragma once
// Page breaking over the vertical list, then running headers and footers with fields, added
// last when page numbers and totals are known.
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
};

// Where each page starts: indices into `items`, after breaking with widow/orphan penalties and
// keeps honoured. Exposed for tests.
struct PageBreaks {
    std::vector<size_t> starts;  // first item of each page
    size_t forced_overflows = 0; // pages where no legal break existed and one was forced
};
PageBreaks break_pages(const std::vector<layout::VItem>& items, Length body_height);

Paginated paginate(const std::vector<layout::VItem>& items, const style::PageMaster& master, PageContext& ctx);

}  // namespace reportc::pages
