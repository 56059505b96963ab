#include "driver/output.h"

#include "trace/trace.h"

namespace reportc::driver {

frame::FrameDocument assemble_frames(const doc::Document& document, LaidOut laid_out, int64_t creation_epoch) {
    frame::FrameDocument frames;
    frames.info.title = document.info.title;
    frames.info.author = document.info.author;
    frames.info.subject = document.info.subject;
    frames.info.keywords = document.info.keywords;
    frames.info.creator = "reportc";
    frames.info.creation_epoch = creation_epoch;
    frames.fonts = std::move(laid_out.fonts);
    frames.pages = std::move(laid_out.pages.pages);
    frames.outline = std::move(laid_out.pages.outline);
    frames.show_outline = !frames.outline.empty();
    frames.page_labels = std::move(laid_out.pages.label_ranges);
    return frames;
}

bool write_outputs(const frame::FrameDocument& frames, const Options& options, const std::vector<std::string>& inputs,
                   Diagnostics& diags) {
    if (!options.trace_output.empty()) {
        if (auto error = write_file_atomically(options.trace_output, trace::trace(frames), inputs); !error.empty()) {
            diags.error({}, error);
            return false;
        }
    }
    if (!options.output.empty()) {
        auto bytes = pdf::write_pdf(frames, diags);
        if (!bytes || !write_pdf_file(options.output, *bytes, inputs, diags)) return false;
    }
    return true;
}

bool write_pdf_file(const std::string& path, const std::string& bytes, const std::vector<std::string>& inputs, Diagnostics& diags) {
    if (auto error = write_file_atomically(path, bytes, inputs); !error.empty()) {
        diags.error({}, error);
        return false;
    }
    return true;
}

}  // namespace reportc::driver
