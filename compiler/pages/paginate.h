#pragma once
// Page breaking over the vertical list, then running headers and footers with fields, added
// last when page numbers and totals are known.
#include <functional>
#include <map>
#include <memory>
#include <set>
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
    layout::FontTable& font_table;
    Diagnostics& diags;
    std::string document_title;
    // The variables known before layout ({date}, user variables), for header and footer fields.
    const std::map<std::string, std::string>* variables = nullptr;
    std::set<std::string> shortened;  // header and footer texts already reported as shortened (once each)
    const inl::Typesetter* typesetter = nullptr;  // sets the header and footer texts (the Paginator's own)
};

struct Paginated {
    std::vector<frame::Page> pages;
    std::vector<frame::OutlineEntry> outline;
    size_t split_rows = 0;
    std::vector<std::string> page_labels;              // the folio of each page ("iii", "12")
    std::vector<frame::PageLabelRange> label_ranges;   // for the PDF's page labels
    std::map<std::string, std::string> anchor_pages;   // anchor -> folio, for contents and references (PageOutput::noted_anchors)
    std::map<std::string, int> anchor_sheets;          // anchor -> page, counting every page from 1 (the same anchors)
    std::vector<std::string> page_sections;            // what {section} shows on each page
    size_t page_count = 0;                             // also when the pages were not kept
    // PageOutput::Stream: the headers and footers printed the page count and last folios this
    // pass ended with (those of the pass before); when false they are wrong and another pass is due.
    bool marginals_as_assumed = true;
};

// What the Paginator does with each page it makes.
struct PageOutput {
    enum class Mode {
        Keep,    // every page kept in Paginated::pages; headers and footers added at the end
        Survey,  // a pass that cannot be the last: a page is dropped once its folio, anchors and
                 // section are noted, and gets no header or footer
        Stream,  // each page handed to `on_page` as soon as it is final, its headers and footers
                 // set with the page count and folios of `previous` (see marginals_as_assumed)
    };
    Mode mode = Mode::Keep;
    const Paginated* previous = nullptr;
    // The anchors whose folio and page are noted in Paginated::anchor_pages and anchor_sheets;
    // every anchor when null. The passes after need only those whose page is printed or counted:
    // a note of every anchor was 1.9 MB at 4,009 pages, made again by every pass.
    const std::set<std::string>* noted_anchors = nullptr;
    // The page, and the fonts its text uses (the font table so far).
    std::function<void(frame::Page&&, const std::vector<frame::FontFile>&)> on_page;
};

std::string roman(int n, bool upper);

// The page builder's result: the boxes of each page with their offsets from the body top.
struct PlacedBox {
    layout::VBox box;
    Length y;
};
// Lines [from, to) of a footnote: all of it, or the part on one page of a note that continues.
struct NotePiece {
    std::shared_ptr<const layout::Insertion> note;
    size_t from = 0, to = 0;
    Length height() const;
};
struct PageContent {
    std::string master;
    std::vector<PlacedBox> boxes;
    std::vector<NotePiece> notes;  // set at the foot of the page, in this order
};

// What the page builder weighs (TeX's page builder, The TeXbook ch. 15).
struct PageRules {
    std::function<Length(const std::string&)> body_height;  // the body height of a page master
    // How far short of its body a page may end before its break counts as bad: the page's only
    // stretch (TeX's \raggedbottom gives 60pt). Among the legal breaks that fill a page, the
    // cheapest wins, badness plus penalty, the later one on a tie.
    Length ragged_bottom = Length::from_pt(60);
    Length note_skip = Length::from_pt(12);  // from the body to the first note (the separator sits in it)
    Length note_gap;                         // between two notes
    int note_area_percent = 50;              // the notes of a page take at most this much of its body
};
// A page break made where the rules forbade one, or a box that overflows its page.
struct ForcedBreak {
    enum class Kind {
        NoLegalBreak,  // nothing on the page allowed a break: it is made before the box
        Overflow,      // the box does not fit even on a page of its own and overflows it
    };
    Kind kind = Kind::NoLegalBreak;
    size_t page = 0;              // 1-based: the page the break ends, or the page overflowed
    Span source;                  // the box's source (the box that starts the next page, or the overflowing one)
    layout::BoxKind what = layout::BoxKind::Other;
    bool inside = false;          // NoLegalBreak: the box before the break comes from the same source
    Length height, room, body;    // Overflow: the box's height, the room it had and the page body's height
};
struct PageBreaks {
    std::vector<PageContent> pages;
    std::vector<ForcedBreak> forced;  // in page order
    size_t split_rows = 0;            // table rows split across a page break
};
// The page builder fed as the vertical list is made: add() takes the next items and returns
// the pages they decide (a page is decided once the list given runs past its body, so it is the
// page the whole list would give); finish() returns the rest. The list before the next page's
// start is released as pages are made, so it is held a page or so at a time.
class PageBuilder {
public:
    PageBuilder(const PageRules& rules, std::string first_master);
    std::vector<PageContent> add(std::vector<layout::VItem> items);
    std::vector<PageContent> finish();
    const std::vector<ForcedBreak>& forced() const { return m_result.forced; }  // in page order
    size_t split_rows() const { return m_result.split_rows; }
    size_t pages() const { return m_pages; }
    size_t held() const { return m_items.size(); }  // items of the list not yet on a page
    size_t held_capacity() const { return m_items.capacity(); }  // after add(): see layout::release_spare_items

private:
    bool decided();
    const std::string& master_at(size_t i) const;
    PageContent fill_one();

    PageRules m_rules;
    std::string m_master;
    std::vector<layout::VItem> m_items;  // from the start of the next page on
    size_t m_next = 0;
    std::vector<NotePiece> m_carried;  // notes that continue on the next page
    PageBreaks m_result;               // forced breaks and split rows (no pages)
    size_t m_pages = 0;
};

// Breaks the vertical list into pages and sets each footnote on the page of its mark.
PageBreaks break_pages(std::vector<layout::VItem> items, const PageRules& rules, const std::string& first_master);
// The same with the default rules and pages of `body_height`.
PageBreaks break_pages(std::vector<layout::VItem> items, const std::function<Length(const std::string&)>& body_height,
                       const std::string& first_master);
// TeX's badness of a page that stretches `shortfall` with `stretch` available: about
// 100 (shortfall/stretch)^3, at most 10000 (tex.web §108).
int badness(Length shortfall, Length stretch);
// The warning for a forced break, e.g. "a page break had to be made inside this paragraph,
// between pages 3 and 4, where its widow/orphan or keep rules forbid one".
std::string describe(const ForcedBreak& forced);
// One warning per forced break, located at the source of the box concerned.
void warn_forced_breaks(const std::vector<ForcedBreak>& forced, Diagnostics& diags);

// Pagination as the vertical list is made: add() breaks the pages the items given so far decide
// (PageBuilder) and makes their frames; finish() makes the rest, then reports the forced breaks.
class Paginator {
public:
    Paginator(const std::string& first_master, PageContext& ctx, PageOutput output = {});
    ~Paginator();
    void add(std::vector<layout::VItem> items);
    Paginated finish();

private:
    struct State;
    std::unique_ptr<State> m;
};


}  // namespace reportc::pages
