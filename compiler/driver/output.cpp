#include "driver/output.h"

#include <optional>

#include "driver/spill_file.h"
#include "source/atomic_file.h"
#include "trace/trace.h"

namespace reportc::driver {

namespace {

// The PDF's pieces written to the output's temporary file, made on the first piece.
class AtomicSink : public pdf::ByteSink {
public:
    AtomicSink(const std::string& path, const std::vector<std::string>& inputs) : m_path(path), m_inputs(inputs) {}
    bool write(std::string_view bytes) override {
        if (!m_file) m_file.emplace(m_path, m_inputs);
        return m_file->error().empty() && m_file->write(bytes);
    }
    // The file's error, or empty: none, or nothing written yet.
    std::string error() const { return m_file ? m_file->error() : std::string(); }
    std::string commit() { return m_file ? m_file->commit() : "cannot write '" + m_path + "': no bytes to write"; }

private:
    const std::string& m_path;
    const std::vector<std::string>& m_inputs;
    std::optional<AtomicFile> m_file;
};

}  // namespace

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
        FileSpillStore contents(spill_directory(options.output), "the pages' content");
        const size_t in_memory = options.page_content_bytes.value_or(pdf::kContentInMemory);
        auto write = [&](pdf::ByteSink& out) {
            const bool written = pdf::write_pdf(frames, diags, out, &contents, in_memory);
            warn_if_failed(contents, "the pages' content was", diags);
            return written;
        };
        if (!write_pdf_file(options.output, inputs, diags, write)) return false;
    }
    return true;
}

bool write_pdf_file(const std::string& path, const std::vector<std::string>& inputs, Diagnostics& diags,
                    const std::function<bool(pdf::ByteSink&)>& write) {
    AtomicSink sink(path, inputs);
    const bool written = write(sink);
    std::string error = sink.error();
    if (written && error.empty()) error = sink.commit();
    if (!error.empty()) diags.error({}, error);
    return written && error.empty();
}

}  // namespace reportc::driver
