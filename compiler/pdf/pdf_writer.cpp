// write_pdf: validate, draw the pages, then everything that needs all pages (links, outline),
// then metadata, then save.
#include "pdf/pdf_writer.h"

#include <hpdf_error.h>
#include <hpdf_pages.h>

#include <ctime>
#include <deque>

#include "pdf/pdf_deflater.h"
#include "pdf/pdf_font_subset.h"
#include "pdf/pdf_page_stream.h"
#include "pdf/pdf_parts.h"

namespace reportc::pdf {

namespace {

struct PageResult {
    HPDF_Page page = nullptr;
    SheetGeometry sheet;
};

// Draws one page's text, shapes and images in item order; collects its anchors and links.
bool write_page(PdfDocument& doc, FontSet& fonts, ImageObjects& images, const frame::Page& frame_page, int index,
                PageResult& out, Anchors& anchors, std::vector<PendingLink>& links) {
    const std::string where = "page " + std::to_string(index + 1);
    HPDF_Page page = HPDF_AddPage(doc.handle());
    if (!doc.check_handle(page, "adding " + where)) return false;
    const Size sheet = frame_page.turned ? Size{frame_page.size.height, frame_page.size.width} : frame_page.size;
    drop_obsolete_entries(page);
    HPDF_Page_SetWidth(page, HPDF_REAL(sheet.width.pt()));
    HPDF_Page_SetHeight(page, HPDF_REAL(sheet.height.pt()));
    if (!doc.check("setting the size of " + where)) return false;

    PageState state;
    state.page = page;
    state.number = index + 1;
    state.height = frame_page.size.height.pt();
    state.turned = frame_page.turned;
    out = {page, state.sheet()};
    if (frame_page.turned) {
        // The content turned a quarter counter-clockwise onto the sheet, /Rotate 90 turning it
        // back on screen (SheetGeometry::on_sheet is the same map).
        HPDF_Page_SetRotate(page, 90);
        HPDF_Page_Concat(page, 0, 1, -1, 0, HPDF_REAL(state.height), 0);
        if (!doc.check("turning " + where + " onto its portrait sheet")) return false;
    }

    std::vector<const frame::TextItem*> run;
    auto flush_text = [&] {
        bool ok = run.empty() || write_text_run(doc, fonts, state, run);
        run.clear();
        return ok;
    };
    for (const frame::Item& item : frame_page.items) {
        if (const auto* text = std::get_if<frame::TextItem>(&item)) {
            run.push_back(text);
            continue;
        }
        if (const auto* shape = std::get_if<frame::ShapeItem>(&item)) {
            if (!flush_text() || !write_shape(doc, state, *shape)) return false;
        } else if (const auto* image = std::get_if<frame::ImageItem>(&item)) {
            if (!flush_text() || !write_image(doc, images, state, *image)) return false;
        } else if (const auto* link = std::get_if<frame::LinkItem>(&item)) {
            links.push_back({index, *link});  // annotations do not touch the content stream
        } else if (const auto* anchor = std::get_if<frame::AnchorItem>(&item)) {
            anchors.add(*anchor, index, state, doc.diags());
        }
    }
    return flush_text();
}

// Nothing draws on the page or changes its entries once it is finished: links and destinations
// (write_links, write_outline) only refer to it and add /Annots, which stays an object of
// libharu's; rotation and size are set when it is drawn; page labels are the catalog's. A page
// that cannot be frozen (a full buffer) is left as it is, to be written by libharu.
// A failed allocation there is set on the document without libharu calling the handler: raised
// here, so that it is reported as what it is, where it happened.
bool freeze_page(PdfDocument& doc, PageFreezing freezing, HPDF_Page page, const std::string& where) {
    if (freezing == PageFreezing::On && !doc.frozen_dicts().freeze(page)) HPDF_CheckError(&doc.handle()->error);
    return doc.check("keeping the dictionary of " + where + " as bytes");
}

}  // namespace

struct PageWriter::State {
    State(Diagnostics& d, ByteStore* store, size_t in_memory, PageFreezing f)
        : diags(d), pdf(d), fonts(pdf, font_files), contents(pdf, store, in_memory), freezing(f) {}
    // A page whose content the deflater has: its stream's dictionary, and the page itself while
    // it has its own attributes (not frozen), which point at the stream too.
    struct Deflating {
        HPDF_Dict contents = nullptr;
        HPDF_Page unfrozen = nullptr;
        int number = 0;
    };
    static constexpr size_t kDeflating = 8;  // pages drawn ahead of their deflating, at most (driver/pdf_pages.cpp)

    Diagnostics& diags;
    size_t errors_before = diags.error_count();
    std::vector<frame::FontFile> font_files;  // FontSet reads it; grows as pages use more fonts
    PdfDocument pdf;
    FontSet fonts;
    ImageObjects images;
    ContentStore contents;
    PageFreezing freezing;
    std::unique_ptr<Deflater> deflater;  // with deflate_on_a_thread(); before what it points into
    std::deque<Deflating> deflating;     // in page order, as the deflater has them
    std::vector<HPDF_Page> pages;
    std::vector<SheetGeometry> sheets;
    Anchors anchors;
    std::vector<PendingLink> links;
    bool failed = false;
    size_t count = 0;
    size_t deflated_apart = 0;

    bool new_errors() const { return diags.error_count() > errors_before; }
    bool finish(const frame::FrameDocument& doc, ByteSink& out);

    void draw(const frame::Page& page) {
        if (failed || pdf.failed()) {
            failed = true;
            return;
        }
        const int index = int(pages.size());
        PageResult result;
        if (!write_page(pdf, fonts, images, page, index, result, anchors, links) || !finish_page(result.page, index + 1)) {
            failed = true;
            return;
        }
        pages.push_back(result.page);
        sheets.push_back(result.sheet);
    }

    // The page's content held deflated from now on, not as plain operators until the save
    // (docs/libharu-notes.md §L19), deflated here or by the deflater; a page it declines is
    // deflated by libharu when it saves, to the same bytes. With a store, the deflated bytes
    // wait there for the save (ContentStore). Then its dictionary is kept as bytes.
    bool finish_page(HPDF_Page page, int number) {
        const std::string where = "page " + std::to_string(number);
        if (!deflater) {
            compress_page_stream(page, &contents, number);
            if (!pdf.check("compressing the content of " + where)) return false;
            return freeze_page(pdf, freezing, page, where);
        }
        std::optional<PlainContent> plain = plain_content(page);
        if (plain) deflater->submit(std::move(plain->bytes));
        if (!freeze_page(pdf, freezing, page, where)) return false;
        if (plain) deflating.push_back({plain->contents, pdf.frozen_dicts().is_frozen(page) ? nullptr : page, number});
        return use_deflated_pages(deflating.size() > kDeflating ? deflating.size() - kDeflating : 0);
    }

    // The deflater's results put in place, in page order: every one done already, and at least
    // `at_least` of them, waiting for those.
    bool use_deflated_pages(size_t at_least) {
        for (size_t used = 0; !deflating.empty() && (used < at_least || deflater->oldest_done()); ++used) {
            const Deflating page = deflating.front();
            deflating.pop_front();
            const std::optional<std::string> bytes = deflater->take_oldest();
            if (bytes && use_deflated(page.contents, *bytes, &contents, page.number)) {
                ++deflated_apart;
                if (page.unfrozen) static_cast<HPDF_PageAttr>(page.unfrozen->attr)->stream = page.contents->stream;
            }
            if (!pdf.check("compressing the content of page " + std::to_string(page.number))) return false;
        }
        return true;
    }
};

PageWriter::PageWriter(Diagnostics& diags, ByteStore* store, size_t in_memory, PageFreezing freezing)
    : m(std::make_unique<State>(diags, store, in_memory, freezing)) {}
PageWriter::~PageWriter() = default;

void PageWriter::deflate_on_a_thread(DeflateFunction deflate) {
    if (!m->deflater && m->pages.empty()) m->deflater = std::make_unique<Deflater>(deflate ? deflate : deflate_like_libharu);
}

size_t PageWriter::pages_stored() const { return m->contents.stored(); }
size_t PageWriter::pages_deflated_apart() const { return m->deflated_apart; }
size_t PageWriter::pages_frozen() const { return m->pdf.frozen_dicts().pages(); }
size_t PageWriter::links_frozen() const { return m->pdf.frozen_dicts().annotations(); }
size_t PageWriter::outline_items_frozen() const { return m->pdf.frozen_dicts().outline_items(); }

void PageWriter::add(const frame::Page& page, const std::vector<frame::FontFile>& fonts) {
    for (size_t i = m->font_files.size(); i < fonts.size(); ++i) m->font_files.push_back(fonts[i]);
    // A page with an error is not drawn, nor any after it; the later ones are still checked, so
    // that every error is reported at once.
    const size_t errors = m->diags.error_count();
    validate_page(page, ++m->count, m->font_files.size(), m->diags);
    if (m->diags.error_count() > errors) m->failed = true;
    m->draw(page);
}

namespace {

// The bytes gathered whole, for callers that want them as one string (tests, certificates).
class StringSink : public ByteSink {
public:
    bool write(std::string_view bytes) override {
        m_bytes.append(bytes);
        return true;
    }
    std::string take() { return std::move(m_bytes); }

private:
    std::string m_bytes;
};

}  // namespace

std::optional<std::string> PageWriter::finish(const frame::FrameDocument& rest) {
    StringSink out;
    if (!finish(rest, out)) return std::nullopt;
    return out.take();
}

bool PageWriter::finish(const frame::FrameDocument& rest, ByteSink& out) {
    validate_except_pages(rest, m->count, m->diags);
    return !m->failed && !m->new_errors() && m->finish(rest, out);
}

bool PageWriter::State::finish(const frame::FrameDocument& doc, ByteSink& out) {
    if (deflater && !use_deflated_pages(deflating.size())) return false;
    // Every glyph is marked: with threads, the fonts' subsets are deflated on one while the rest
    // of the document is finished here (the subsets are the larger part of the save).
    std::optional<SubsetsAhead> subsets;
    if (deflater) subsets.emplace(fonts.loaded_defs());
    if (!fonts.finish()) return false;
    if (!write_links(pdf, pages, sheets, anchors, links, freezing)) return false;
    if (!write_outline(pdf, pages, anchors, doc.outline, doc.show_outline, freezing)) return false;
    if (!write_page_labels(pdf, doc.page_labels)) return false;
    if (!write_info(pdf, doc.info, int64_t(std::time(nullptr)))) return false;
    // Unknown anchors were reported without stopping, so all of them are listed at once.
    if (new_errors()) return false;
    if (subsets) subsets->wait();
    return pdf.save(out);
}

std::optional<std::string> write_pdf(const frame::FrameDocument& doc, Diagnostics& diags) {
    StringSink out;
    if (!write_pdf(doc, diags, out)) return std::nullopt;
    return out.take();
}

bool write_pdf(const frame::FrameDocument& doc, Diagnostics& diags, ByteSink& out, ByteStore* store, size_t in_memory,
               PageFreezing freezing) {
    const size_t errors_before = diags.error_count();
    validate(doc, diags);
    if (diags.error_count() > errors_before) return false;
    PageWriter writer(diags, store, in_memory, freezing);
    writer.m->font_files = doc.fonts;
    for (const auto& page : doc.pages) writer.m->draw(page);
    writer.m->count = doc.pages.size();
    if (writer.m->failed || writer.m->new_errors()) return false;
    return writer.m->finish(doc, out);
}

}  // namespace reportc::pdf
