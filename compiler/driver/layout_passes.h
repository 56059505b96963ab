#pragma once
// Private to driver: layout and pagination, repeated until every page the text prints (contents,
// page references) stays where the previous pass put it. Paragraphs whose input did not change
// are reused from the previous pass (layout::ParagraphCache).
#include <map>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "doc/document.h"
#include "doc/encoded_blocks.h"
#include "driver/navigation.h"
#include "driver/phase_clock.h"
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
    bool streamed = false;  // the pages went to the sink (pages.pages is empty)
};

// Where a pass that may be the last hands its pages, each as soon as it is final, instead of
// keeping them in LaidOut (the PDF writer, so that the document's frames are never held whole).
class PageSink {
public:
    virtual ~PageSink() = default;
    virtual void start() = 0;  // a pass begins: the pages given before are dropped
    // `fonts`: the pass's font table so far (FrameDocument::fonts, as it grows).
    virtual void page(frame::Page&& page, const std::vector<frame::FontFile>& fonts) = 0;
};

// Only the last pass's diagnostics are kept (each pass reports again what the last one did).
// `variables` are those known before layout, for header and footer fields. With `jobs` > 1 the
// first pass sets paragraphs ahead on other threads (driver/ahead.h); the output is the same.
// With a sink, the pages of the last pass went to it and LaidOut::pages holds none
// (Paginated::page_count says how many).
//
// `document` gives the title and language only: its top-level blocks are `blocks`, which each
// pass decodes one at a time, lays out and drops (doc/encoded_blocks.h), so that no pass holds
// the parsed document whole. A block that cannot be read back is an error naming the pass, and
// ends the layout. With `clock`, each pass is a lap of its own, for --stats.
LaidOut lay_out(const doc::Document& document, const doc::EncodedBlocks& blocks, const Resources& resources,
                const Navigation& navigation, const std::map<std::string, std::string>& variables,
                layout::ParagraphCache& paragraphs, Diagnostics& diags, unsigned jobs = 1, PageSink* sink = nullptr,
                PhaseClock* clock = nullptr);

}  // namespace reportc::driver
