#include "driver/compiler.h"

#include <cstdio>
#include <fstream>
#include <unistd.h>

#include "data/expand_tables.h"
#include "input/layout_reader.h"
#include "input/source_reader.h"
#include "layout/font_table.h"
#include "pages/paginate.h"
#include "pdf/pdf_writer.h"
#include "style/stylesheet.h"
#include "text/font_registry.h"
#include "text/hyphenator.h"
#include "trace/trace.h"

namespace reportc::driver {
namespace {

void register_fonts(const doc::LayoutSource& layout, text::FontRegistry& fonts, Diagnostics& diags) {
    for (const auto& family : layout.font_families) {
        std::string error;
        if (!fonts.add_family(family.name, family.regular, family.bold, family.italic, family.bold_italic, error))
            diags.error(family.span, error);
    }
    for (const auto& name : layout.fallback_families)
        if (!fonts.has_family(name))
            diags.error(layout.fallback_span, "expected a font family declared with <font-family>, found '" + name + "'");
    fonts.set_fallbacks(layout.fallback_families);
    for (const auto& style : layout.styles)
        for (const auto& p : style.properties)
            if (p.name == "font-family" && !fonts.has_family(p.value))
                diags.error(p.span, "expected a font family declared with <font-family>, found '" + p.value + "'");
}

std::string setting(const doc::LayoutSource& layout, const std::string& name, const std::string& fallback) {
    for (const auto& s : layout.settings)
        if (s.name == name) return s.value;
    return fallback;
}

}  // namespace

std::string write_file_atomically(const std::string& path, const std::string& bytes) {
    std::string tmp = path + ".tmp" + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) return "cannot write '" + tmp + "'";
        out.write(bytes.data(), std::streamsize(bytes.size()));
        out.flush();
        if (!out) {
            std::remove(tmp.c_str());
            return "cannot write '" + tmp + "'";
        }
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        return "cannot replace '" + path + "'";
    }
    return {};
}

Outcome compile(const Options& options, const Environment& env, SourceManager& sources, Diagnostics& diags) {
    Outcome outcome;
    auto document = input::read_report(options.input, env, sources, diags);
    if (!document) return outcome;
    if (document->layout_path.empty()) return outcome;
    auto layout_source = input::read_layout(document->layout_path, env, sources, diags, document->layout_span);
    if (!layout_source) return outcome;
    auto styles = style::Stylesheet::build(*layout_source, diags);
    // Tables generated from data files become ordinary tables before layout.
    data::expand_tables(*document, layout_source->table_templates, env, sources, diags);

    text::FontRegistry fonts;
    register_fonts(*layout_source, fonts, diags);
    std::unique_ptr<text::Hyphenator> hyphenator;
    if (!layout_source->hyphenation_dictionary.empty()) {
        std::string error;
        hyphenator = text::Hyphenator::load(layout_source->hyphenation_dictionary, error);
        if (!hyphenator) diags.error(layout_source->hyphenation_span, error);
    }
    std::string master_name = setting(*layout_source, "page-master", "body");
    const style::PageMaster* master = styles.page_master(master_name);
    if (!master) diags.error(document->layout_span, "expected the layout to define the page master '" + master_name + "'");
    if (diags.has_errors() || !master || fonts.face_count() == 0) return outcome;

    inl::Typesetter typesetter(fonts, hyphenator.get(), diags);
    layout::FontTable font_table(fonts);
    layout::LayoutContext ctx{styles, fonts, typesetter, font_table, diags, master->body().width, {}, 0, master_name, master_name, {}};
    auto vlist = layout::layout_blocks(document->blocks, ctx);
    pages::PageContext page_ctx{styles, fonts, typesetter, font_table, diags, document->info.title};
    auto paginated = pages::paginate(std::move(vlist), master_name, page_ctx);

    frame::FrameDocument frames;
    frames.info.title = document->info.title;
    frames.info.author = document->info.author;
    frames.info.subject = document->info.subject;
    frames.info.keywords = document->info.keywords;
    frames.info.creator = "reportc";
    frames.info.creation_epoch = env.now();
    frames.fonts = font_table.fonts();
    frames.pages = std::move(paginated.pages);
    frames.outline = std::move(paginated.outline);
    frames.show_outline = !frames.outline.empty();
    outcome.pages = frames.pages.size();
    outcome.stats = ctx.stats;

    if (diags.has_errors() || (options.werror && diags.warning_count() > 0)) return outcome;
    if (!options.trace_output.empty()) {
        if (auto error = write_file_atomically(options.trace_output, trace::trace(frames)); !error.empty()) {
            diags.error({}, error);
            return outcome;
        }
    }
    if (!options.output.empty()) {
        auto bytes = pdf::write_pdf(frames, diags);
        if (!bytes) return outcome;
        if (auto error = write_file_atomically(options.output, *bytes); !error.empty()) {
            diags.error({}, error);
            return outcome;
        }
    }
    outcome.success = true;
    return outcome;
}

}  // namespace reportc::driver
