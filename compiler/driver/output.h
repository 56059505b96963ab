#pragma once
// Private to driver: the laid-out document as frames, and the files written from them.
#include "base/diagnostic.h"
#include "doc/document.h"
#include "driver/compiler.h"
#include "driver/layout_passes.h"
#include "pdf/pdf_writer.h"

namespace reportc::driver {

frame::FrameDocument assemble_frames(const doc::Document& document, LaidOut laid_out, int64_t creation_epoch);

// The PDF written page by page as the last layout pass makes the pages (pdf::PageWriter), for a
// build whose only output is the PDF: the document's frames are never held whole.
class PdfPages : public PageSink {
public:
    PdfPages();
    ~PdfPages() override;
    void start() override;
    void page(frame::Page&& page, const std::vector<frame::FontFile>& fonts) override;
    // The file's bytes: the pages given since the last start(), and `rest` (fonts, outline,
    // labels, info); what the writer reported is added to `diags`.
    std::optional<std::string> finish(const frame::FrameDocument& rest, Diagnostics& diags);

private:
    Diagnostics m_diags;
    std::unique_ptr<pdf::PageWriter> m_writer;
};

// The PDF's bytes written atomically to `path`, never over one of `inputs`; false on an error.
bool write_pdf_file(const std::string& path, const std::string& bytes, const std::vector<std::string>& inputs, Diagnostics& diags);

// The trace and the PDF the options ask for, each written atomically and never over one of
// `inputs` (the files the build read); false on an error.
bool write_outputs(const frame::FrameDocument& frames, const Options& options, const std::vector<std::string>& inputs,
                   Diagnostics& diags);

}  // namespace reportc::driver
