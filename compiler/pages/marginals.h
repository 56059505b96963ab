#pragma once
#include <map>
#include <string>
#include <vector>

#include "frame/frame.h"
#include "pages/paginate.h"

namespace reportc::pages {

struct MarginalFields {
    std::string title, section;
    int page = 0;            // the page's place in the document, from 1
    int total_pages = 0;     // {total-pages}: every page of the document
    std::string page_label;  // the folio as numbered ("iii"); {page} shows it when set
    // The last folio of the page's numbering (the run of pages numbered in one style, from
    // 1): {pages} shows it when set, so the last page reads "9 of 9" however many roman pages
    // come before.
    std::string last_label;
    // The variables known before layout ({date}, the report's and the command line's), by name.
    const std::map<std::string, std::string>* variables = nullptr;
};

// "{title}", "{section}", "{page}", "{page-label}", "{pages}", "{total-pages}" and the
// variables replaced. A field is a name (a letter, then letters, digits, '-' and '_') in braces;
// other braces are text ("{ }", "{1,2}"), and so is an unknown field, which the driver has
// reported (check_slot_fields).
std::string expand_fields(const std::string& text, const MarginalFields& fields);

// The names of the fields in `text`, in order ("{page} of {pages}": page, pages).
std::vector<std::string> field_names(const std::string& text);

// The index of the last page numbered in the same run as `page` (runs start where `ranges`
// start, as in the PDF's page labels).
size_t last_page_of_numbering(const std::vector<frame::PageLabelRange>& ranges, size_t page_count, size_t page);

// Reports malformed sizes of the master's header and footer images, once (add_marginals, page
// by page, does not).
void check_slot_images(const style::PageMaster& master, Diagnostics& diags);

// Whether the master's header or footer shows {pages} or {total-pages}, which a page cannot know
// until the document is paginated.
bool shows_page_count(const style::PageMaster& master);

void add_marginals(frame::Page& page, const style::PageMaster& master, const MarginalFields& fields, PageContext& ctx);

}  // namespace reportc::pages
