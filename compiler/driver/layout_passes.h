#pragma once
// Private to driver: layout and pagination, repeated until every page the text prints (contents,
// page references) stays where the previous pass put it. Paragraphs whose input did not change
// are reused from the previous pass (layout::ParagraphCache).
#include <map>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "doc/document.h"
#include "driver/navigation.h"
#include "driver/resources.h"
#include "frame/frame.h"
#include "layout/context.h"
#include "layout/paragraph_cache.h"
#include "pages/paginate.h"

namespace reportc::driver {

struct LaidOut {
    pages::Paginated pages;
    std::vector<frame::FontFile> fonts;
    layout::LineStats stats;
    int passes = 0;
};

// Only the last pass's diagnostics are kept (each pass reports again what the last one did).
// `variables` are those known before layout, for header and footer fields. With `jobs` > 1 the
// first pass sets paragraphs ahead on other threads (driver/ahead.h); the output is the same.
LaidOut lay_out(const doc::Document& document, const Resources& resources, const Navigation& navigation,
                const std::map<std::string, std::string>& variables, layout::ParagraphCache& paragraphs, Diagnostics& diags,
                unsigned jobs = 1);

}  // namespace reportc::driver
