#pragma once
#include <string>

#include "frame/frame.h"
#include "pages/paginate.h"

namespace reportc::pages {

struct MarginalFields {
    std::string title, section;
    int page = 0, pages = 0;
    std::string page_label;  // the folio as numbered ("iii"); {page} shows it when set
};

// "{title}", "{section}", "{page}", "{pages}" replaced; unknown fields stay as written.
std::string expand_fields(const std::string& text, const MarginalFields& fields);

void add_marginals(frame::Page& page, const style::PageMaster& master, const MarginalFields& fields, PageContext& ctx);

}  // namespace reportc::pages
