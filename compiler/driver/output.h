#pragma once
// Private to driver: the laid-out document as frames, and the files written from them.
#include <functional>
#include <memory>
#include <thread>

#include "base/diagnostic.h"
#include "doc/document.h"
#include "driver/compiler.h"
#include "driver/layout_passes.h"
#include "pdf/pdf_writer.h"

namespace reportc::driver {

frame::FrameDocument assemble_frames(const doc::Document& document, LaidOut laid_out, int64_t creation_epoch);

// The PDF written page by page as the last layout pass makes the pages (pdf::PageWriter), for a
// build whose only output is the PDF: the document's frames are never held whole. With `threads`
// > 1 the pages are drawn on a thread of their own while layout goes on (a few pages queued),
// and their content deflated on another (pdf::PageWriter::deflate_on_a_thread); one thread draws
// them all in order, so the bytes are the same.
class PdfPages : public PageSink {
public:
    // `contents`: where the pages' deflated content waits for the save, past `in_memory` bytes
    // (pdf::kContentInMemory).
    explicit PdfPages(unsigned threads = 1, ByteStore* contents = nullptr, size_t in_memory = pdf::kContentInMemory);
    ~PdfPages() override;
    void start() override;
    void page(frame::Page&& page, const std::vector<frame::FontFile>& fonts) override;
    // The file, given to `out` as it is written: the pages given since the last start(), and
    // `rest` (fonts, outline, labels, info); what the writer reported is added to `diags`.
    bool finish(const frame::FrameDocument& rest, Diagnostics& diags, pdf::ByteSink& out);
    size_t pages_deflated_apart() const;  // pages of the last start() deflated through the writer's deflater
    size_t pages_stored() const;  // pages of the last start() whose content went to the store

private:
    struct Drawer;
    void stop();
    void let_go_of_writer();
    Diagnostics m_diags;
    std::unique_ptr<pdf::PageWriter> m_writer;
    size_t m_deflated_apart = 0, m_stored = 0;  // the writer's, kept once it is let go
    std::thread m_freeing;  // with threads: the writer's libharu objects freed once the file is written
    std::vector<frame::FontFile> m_fonts;  // given to the writer so far
    const unsigned m_threads;
    ByteStore* const m_contents;
    const size_t m_in_memory;
    std::unique_ptr<Drawer> m_drawer;
};

// The PDF that `write` gives to its sink, written atomically to `path` as it comes (AtomicFile: the
// file is never held whole), never over one of `inputs`. The temporary file is made when the
// first bytes come, so a PDF that fails before its save leaves nothing. False on an error of
// `write` or of the file (reported to `diags`); an existing file at `path` is then untouched.
bool write_pdf_file(const std::string& path, const std::vector<std::string>& inputs, Diagnostics& diags,
                    const std::function<bool(pdf::ByteSink&)>& write);

// The trace and the PDF the options ask for, each written atomically and never over one of
// `inputs` (the files the build read); false on an error. The pages' content waits for the save
// in a temporary file beside the PDF (pdf::kContentInMemory).
bool write_outputs(const frame::FrameDocument& frames, const Options& options, const std::vector<std::string>& inputs,
                   Diagnostics& diags);

}  // namespace reportc::driver
